//! The Personio client's [`Transport`] in the service worker: `fetch` through `gloo-net`. Host permissions in
//! the manifest let the worker call `api.personio.de` and the career sites cross-origin.
//!
//! Requests never follow a redirect (`redirect: "error"`): a bearer token must not travel to whatever a
//! redirect points at. Nothing here throws into JavaScript: a header value `fetch` refuses (a credential
//! pasted with an invisible character) is a [`TransportError::unsendable`] value, so the outbox that sent
//! it carries on. Before a budgeted call leaves, the client's state is written to `storage.session`
//! ([`Transport::write_ahead`]): a worker stopped mid-fetch still counts the call.

use gloo_net::http::{Headers, RequestBuilder};
use sourcing_core::personio::{ClientState, HttpRequest, HttpResponse, Transport, TransportError};
use web_sys::RequestRedirect;

/// Sends requests with the worker's `fetch`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FetchTransport;

/// The request's headers for `fetch`, or which one cannot be sent (its value is never part of the
/// message: it may be a credential).
pub fn headers_of(req: &HttpRequest) -> Result<web_sys::Headers, TransportError> {
    let headers = web_sys::Headers::new()
        .map_err(|_| TransportError::unsendable("no Headers in this worker"))?;
    for (name, value) in &req.headers {
        headers.append(name, value).map_err(|_| {
            TransportError::unsendable(format!(
                "the {name} header holds a character HTTP does not allow"
            ))
        })?;
    }
    Ok(headers)
}

impl Transport for FetchTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        let headers = headers_of(&req)?;
        let builder = RequestBuilder::new(&req.url)
            .method(method(req.method))
            .headers(Headers::from_raw(headers))
            .redirect(RequestRedirect::Error);
        let request = if req.body.is_empty() {
            builder.build()
        } else {
            builder.body(js_sys::Uint8Array::from(req.body.as_slice()))
        }
        .map_err(|e| TransportError::new(e.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|e| TransportError::new(e.to_string()))?;
        let headers = response.headers().entries().collect();
        let body = response
            .binary()
            .await
            .map_err(|e| TransportError::new(e.to_string()))?;
        Ok(HttpResponse {
            status: response.status(),
            headers,
            body,
        })
    }

    /// A budgeted call is about to leave: its count goes to `storage.session` first (the lease writes the
    /// state again when it ends).
    async fn write_ahead(&self, state: &ClientState) {
        crate::personio::write_ahead(state).await;
    }
}

fn method(method: sourcing_core::personio::Method) -> gloo_net::http::Method {
    match method {
        sourcing_core::personio::Method::Get => gloo_net::http::Method::GET,
        sourcing_core::personio::Method::Post => gloo_net::http::Method::POST,
    }
}
