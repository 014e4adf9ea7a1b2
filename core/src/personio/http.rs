//! The I/O boundary: plain request/response bytes and the [`Transport`] trait the caller implements
//! (`gloo-net` in the background worker, a real HTTP client in native tests).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// HTTP method used by the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
}

impl Method {
    /// The method as sent on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A fully built request: the transport only has to send these bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Absolute URL including the query string.
    pub url: String,
    /// Header name/value pairs (names as Personio documents them).
    pub headers: Vec<(String, String)>,
    /// Body bytes (empty for `GET`).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A `GET` request without body.
    pub fn get(url: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A `POST` request with the given content type and body.
    pub fn post(url: impl Into<String>, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            method: Method::Post,
            url: url.into(),
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }

    /// Adds a header (builder style).
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// First value of a header, compared case-insensitively.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// What the transport received.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header name/value pairs.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// First value of a header, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// True for 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Parses the body as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        json_of(&self.body)
    }

    /// The body as (lossy) UTF-8 text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Parses a JSON body into `T` through a `serde_json::Value`: every Personio answer type is then read by
/// `Value`'s deserializer alone, so the wasm carries one deserializer per type instead of one per reader
/// (bytes, text, `Value`); the lenient readers of `wire.rs` take `Value`s too.
pub fn json_of<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    T::deserialize(serde_json::from_slice::<serde_json::Value>(body)?)
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The request never produced a complete response (DNS, refused, reset, body cut off, …), or could not
/// even be sent ([`TransportErrorKind::Unsendable`]).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("network error: {message}")]
pub struct TransportError {
    /// Human-readable cause, for logs (never a header value: it may be a credential).
    pub message: String,
    /// Whether waiting can help.
    pub kind: TransportErrorKind,
}

/// What kind of transport failure it was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TransportErrorKind {
    /// Nothing (complete) came back: retried after a backoff.
    #[default]
    Network,
    /// The request was refused before sending, e.g. a header value with a character HTTP does not allow
    /// (a token pasted with an invisible character): waiting does not help.
    Unsendable,
}

impl TransportError {
    /// A network error with the given message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            kind: TransportErrorKind::Network,
        }
    }

    /// A request that could not be sent as built.
    pub fn unsendable(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            kind: TransportErrorKind::Unsendable,
        }
    }
}

/// Sends one request. Implemented by the caller; futures need not be `Send` (wasm).
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// Sends the request and returns the complete response, or a transport error when no complete
    /// response arrived. Non-2xx statuses are responses, not errors.
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError>;

    /// Called with the client's state after a budgeted call was counted and before it is sent: a caller that
    /// persists the state writes it here (and the call waits for it), so a worker stopped while the request
    /// is in flight still counts the call when it restarts. Writes nothing by default.
    async fn write_ahead(&self, state: &super::ClientState) {
        let _ = state;
    }
}

impl<T: Transport + ?Sized> Transport for &T {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        (**self).send(req).await
    }

    async fn write_ahead(&self, state: &super::ClientState) {
        (**self).write_ahead(state).await
    }
}
