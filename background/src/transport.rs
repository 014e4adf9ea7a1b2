//! The Personio client's [`Transport`] in the service worker: `fetch` through `gloo-net`. Host permissions in
//! the manifest let the worker call `api.personio.de` and the career sites cross-origin.

use gloo_net::http::{Headers, RequestBuilder};
use sourcing_core::personio::{HttpRequest, HttpResponse, Transport, TransportError};

/// Sends requests with the worker's `fetch`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FetchTransport;

impl Transport for FetchTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        let headers = Headers::new();
        for (name, value) in &req.headers {
            headers.append(name, value);
        }
        let builder = RequestBuilder::new(&req.url)
            .method(method(req.method))
            .headers(headers);
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
}

fn method(method: sourcing_core::personio::Method) -> gloo_net::http::Method {
    match method {
        sourcing_core::personio::Method::Get => gloo_net::http::Method::GET,
        sourcing_core::personio::Method::Post => gloo_net::http::Method::POST,
    }
}
