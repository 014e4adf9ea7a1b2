//! The turn that gives the Personio client's state one owner at a time, in a real service worker: turns
//! come one at a time in the order asked, a caller that stops waiting blocks nobody, and real tasks that
//! each read, wait on the event loop and write back a shared value lose none of each other's writes (what
//! the outbox and a concurrent lookup did to the client state before).

use background::serial::{Serial, Turn, TurnFuture};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_service_worker);

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

fn poll(future: &mut TurnFuture) -> Option<Turn> {
    let waker = Waker::from(Arc::new(Noop));
    match Pin::new(future).poll(&mut Context::from_waker(&waker)) {
        Poll::Ready(turn) => Some(turn),
        Poll::Pending => None,
    }
}

#[wasm_bindgen_test]
fn turns_are_granted_one_at_a_time_in_the_order_asked() {
    let serial = Serial::default();
    let first = poll(&mut serial.turn()).expect("free at first");
    let mut second = serial.turn();
    let mut third = serial.turn();
    assert!(poll(&mut second).is_none() && poll(&mut third).is_none());
    assert_eq!(serial.waiting(), 2);
    drop(first);
    assert!(poll(&mut third).is_none(), "the third waits for the second");
    let second = poll(&mut second).expect("the second is next");
    drop(second);
    assert!(poll(&mut third).is_some());
}

#[wasm_bindgen_test]
fn a_caller_that_stops_waiting_blocks_nobody() {
    let serial = Serial::default();
    let first = poll(&mut serial.turn()).unwrap();
    let mut gave_up = serial.turn();
    let mut patient = serial.turn();
    assert!(poll(&mut gave_up).is_none());
    drop(gave_up);
    assert_eq!(serial.waiting(), 1);
    drop(first);
    assert!(poll(&mut patient).is_some());

    // Granted but never taken, then dropped: the turn goes on as well.
    let serial = Serial::default();
    let first = poll(&mut serial.turn()).unwrap();
    let granted_unused = serial.turn();
    let mut last = serial.turn();
    drop(first);
    drop(granted_unused);
    assert!(poll(&mut last).is_some());
}

/// One event-loop turn, as a Personio call's `await` would yield.
async fn yield_to_the_event_loop() {
    webext::timer::sleep(1).await;
}

#[wasm_bindgen_test]
async fn concurrent_read_modify_write_loses_nothing_under_turns() {
    let serial = Serial::default();
    // The "persisted state": a counter each task reads, awaits on, then writes back + 1.
    let stored = Rc::new(Cell::new(0u32));
    let order = Rc::new(RefCell::new(Vec::new()));
    let finished = Rc::new(Cell::new(0u32));
    for task in 0..10u32 {
        let (serial, stored, order, finished) = (
            serial.clone(),
            stored.clone(),
            order.clone(),
            finished.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            let _turn = serial.turn().await;
            let read = stored.get();
            yield_to_the_event_loop().await;
            stored.set(read + 1);
            order.borrow_mut().push(task);
            finished.set(finished.get() + 1);
        });
    }
    for _ in 0..200 {
        if finished.get() == 10 {
            break;
        }
        yield_to_the_event_loop().await;
    }
    assert_eq!(finished.get(), 10, "every task got its turn");
    assert_eq!(stored.get(), 10, "no write was lost");
    assert_eq!(
        *order.borrow(),
        (0..10).collect::<Vec<_>>(),
        "in the order asked"
    );
}
