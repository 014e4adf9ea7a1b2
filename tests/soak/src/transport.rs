//! Real HTTP to the stand-in (reqwest), recording every call one browser makes, with the stand-in's clock
//! at the time, so the soak can count calls per application and check each browser's own request budget.

use sourcing_core::personio::{HttpRequest, HttpResponse, Method, Transport, TransportError};
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
    http: reqwest::Client,
    /// The virtual time of the step being run (set by the driver).
    pub clock: Rc<Cell<u64>>,
    /// Every call made.
    pub calls: Rc<RefCell<Vec<Call>>>,
}

impl RecordingTransport {
    /// A transport with an empty log.
    pub fn new(clock: Rc<Cell<u64>>) -> Self {
        Self {
            http: reqwest::Client::new(),
            clock,
            calls: Rc::default(),
        }
    }
}

impl Transport for RecordingTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        let recruiting_write =
            matches!(req.method, Method::Post) && req.url.contains("/recruiting/");
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let mut builder = self.http.request(method, &req.url);
        for (name, value) in &req.headers {
            builder = builder.header(name, value);
        }
        let answer = async {
            let response = builder
                .body(req.body)
                .send()
                .await
                .map_err(|e| TransportError::new(e.to_string()))?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
                .collect();
            let body = response
                .bytes()
                .await
                .map_err(|e| TransportError::new(e.to_string()))?
                .to_vec();
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        }
        .await;
        self.calls.borrow_mut().push(Call {
            at_ms: self.clock.get(),
            recruiting_write,
        });
        answer
    }
}
