//! One at a time, in the order asked: a first-in-first-out turn for a single-threaded worker. A caller
//! awaits its [`Turn`]; the next waiting caller gets its turn when that value is dropped (also when the
//! holder returns early with an error). Used to give the Personio client's state one owner at a time.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

#[derive(Default)]
struct Queue {
    /// Whether a turn is currently held.
    held: bool,
    /// The callers waiting, first asked first (a caller that stops waiting leaves the queue).
    waiting: VecDeque<Rc<RefCell<Waiting>>>,
}

#[derive(Default)]
struct Waiting {
    granted: bool,
    waker: Option<Waker>,
}

/// Hands out turns one at a time.
#[derive(Default, Clone)]
pub struct Serial {
    queue: Rc<RefCell<Queue>>,
}

/// Holding this is having the turn; dropping it passes the turn on.
pub struct Turn {
    queue: Rc<RefCell<Queue>>,
}

impl Serial {
    /// Waits for the turn (at once when nobody holds it and nobody waits).
    pub fn turn(&self) -> TurnFuture {
        let mut queue = self.queue.borrow_mut();
        let waiting = Rc::new(RefCell::new(Waiting::default()));
        if !queue.held && queue.waiting.is_empty() {
            queue.held = true;
            waiting.borrow_mut().granted = true;
        } else {
            queue.waiting.push_back(waiting.clone());
        }
        TurnFuture {
            queue: self.queue.clone(),
            waiting,
            done: false,
        }
    }

    /// How many callers wait for a turn (not counting the holder).
    pub fn waiting(&self) -> usize {
        self.queue.borrow().waiting.len()
    }
}

/// The future of [`Serial::turn`].
pub struct TurnFuture {
    queue: Rc<RefCell<Queue>>,
    waiting: Rc<RefCell<Waiting>>,
    done: bool,
}

impl Future for TurnFuture {
    type Output = Turn;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Turn> {
        let mut waiting = self.waiting.borrow_mut();
        if waiting.granted {
            drop(waiting);
            self.done = true;
            return Poll::Ready(Turn {
                queue: self.queue.clone(),
            });
        }
        waiting.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl Drop for TurnFuture {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        if self.waiting.borrow().granted {
            // Granted but never taken: pass it on.
            pass_on(&self.queue);
        } else {
            let mut queue = self.queue.borrow_mut();
            queue.waiting.retain(|w| !Rc::ptr_eq(w, &self.waiting));
        }
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        pass_on(&self.queue);
    }
}

fn pass_on(queue: &Rc<RefCell<Queue>>) {
    let next = {
        let mut queue = queue.borrow_mut();
        let next = queue.waiting.pop_front();
        queue.held = next.is_some();
        next
    };
    if let Some(next) = next {
        let waker = {
            let mut next = next.borrow_mut();
            next.granted = true;
            next.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}
