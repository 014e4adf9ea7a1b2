//! A browser's HTTP to the stand-in (the stand-in crate's reqwest transport), recording every call with the
//! stand-in's clock at the time, so the soak can count calls per application and check each browser's own
//! request budget; and the browser's `storage.session` as far as the client writes its state ahead of a
//! budgeted call (what a worker stopped mid-fetch restarts from).

use personio_standin::transport::ReqwestTransport;
use sourcing_core::personio::{
    ClientState, HttpRequest, HttpResponse, Method, Transport, TransportError,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One call as the browser saw it.
#[derive(Clone, Debug)]
pub struct Call {
    /// Stand-in clock when it was sent.
    pub at_ms: u64,
    /// A recruiting write (`POST …/recruiting/…`: a document or an application), which the budget counts.
    pub recruiting_write: bool,
}

/// A browser's HTTP, with its call log.
#[derive(Clone)]
pub struct RecordingTransport {
    http: ReqwestTransport,
    /// The virtual time of the step being run (set by the driver).
    pub clock: Rc<Cell<u64>>,
    /// Every call made.
    pub calls: Rc<RefCell<Vec<Call>>>,
    /// The client state as last written ahead of a budgeted call (JSON, as in `storage.session`), until the
    /// browser persists its state again.
    pub written_ahead: Rc<RefCell<Option<String>>>,
}

impl RecordingTransport {
    /// A transport with an empty log.
    pub fn new(clock: Rc<Cell<u64>>) -> Self {
        Self {
            http: ReqwestTransport::new(),
            clock,
            calls: Rc::default(),
            written_ahead: Rc::default(),
        }
    }
}

impl Transport for RecordingTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        let recruiting_write =
            matches!(req.method, Method::Post) && req.url.contains("/recruiting/");
        let answer = self.http.send(req).await;
        self.calls.borrow_mut().push(Call {
            at_ms: self.clock.get(),
            recruiting_write,
        });
        answer
    }

    async fn write_ahead(&self, state: &ClientState) {
        *self.written_ahead.borrow_mut() = Some(serde_json::to_string(state).unwrap());
    }
}
