//! The shared application handle, the router, and the middleware that applies fault injection
//! and records every exchange (request and response bodies) for the contract test.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::Value;

use crate::respond::{
    empty, json_response, parse_form, parse_multipart, personnel_error, v2_error,
};
use crate::state::{Clock, Config, Exchange, RecordedPart, World};
use crate::{admin, auth, feed, personnel, recruiting, v2read};

/// Largest body read at all (bigger ones are cut off with 413).
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Shared state behind every handler.
pub struct Inner {
    /// The world.
    pub world: Mutex<World>,
    /// The clock.
    pub clock: Clock,
    /// Tunables.
    pub config: Config,
}

/// Cheap handle to [`Inner`].
#[derive(Clone)]
pub struct App(pub Arc<Inner>);

impl App {
    /// A freshly seeded app.
    pub fn new(config: Config) -> Self {
        let clock = Clock::default();
        let mut world = World::new(clock.now_ms());
        world.modes = config.modes.clone();
        App(Arc::new(Inner {
            world: Mutex::new(world),
            clock,
            config,
        }))
    }

    /// Locks the world.
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.0.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Now (stand-in clock).
    pub fn now(&self) -> u64 {
        self.0.clock.now_ms()
    }

    /// Tunables.
    pub fn config(&self) -> &Config {
        &self.0.config
    }
}

/// `scheme://host` the client used (for absolute links), any Host accepted.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let proto = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("http");
    format!("{proto}://{host}")
}

/// The router with all Personio routes, admin routes and the middleware.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/xml", get(feed::xml))
        .route(
            "/v1/recruiting/applications",
            post(recruiting::v1_applications),
        )
        .route(
            "/v1/recruiting/applications/documents",
            post(recruiting::v1_documents),
        )
        .route("/v2/auth/token", post(auth::v2_token))
        .route("/v1/auth", post(auth::v1_auth))
        .route(
            "/v2/recruiting/applications",
            post(recruiting::v2_applications).get(v2read::applications),
        )
        .route(
            "/v2/recruiting/applications/documents",
            post(recruiting::v2_documents),
        )
        .route("/v2/recruiting/applications/{id}", get(v2read::application))
        .route(
            "/v2/recruiting/applications/{id}/stage-transitions",
            get(v2read::stage_transitions),
        )
        .route("/v2/recruiting/categories", get(v2read::categories))
        .route("/v2/recruiting/jobs", get(v2read::jobs))
        .route("/v2/recruiting/candidates", get(v2read::candidates))
        .route(
            "/v1/company/employees",
            get(personnel::list_employees).post(personnel::create_employee),
        )
        .route(
            "/v1/company/document-categories",
            get(personnel::document_categories),
        )
        .route("/v1/company/documents", post(personnel::upload_document))
        .merge(admin::routes())
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            record_and_inject,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(app)
}

async fn not_found(State(app): State<App>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/v2/") {
        let now = app.now();
        let trace = app.world().new_uuid(now);
        let meta = serde_json::json!({ "path": path });
        return v2_error(
            404,
            &trace,
            now,
            "Not Found",
            "The requested API endpoint does not exist.",
            "apinot_found",
            Some(meta),
        );
    }
    empty(404)
}

#[derive(Clone, Copy, PartialEq)]
enum Family {
    V1Recruiting,
    V2,
    Personnel,
    Other,
}

fn family(path: &str) -> Family {
    if path.starts_with("/v1/recruiting") {
        Family::V1Recruiting
    } else if path.starts_with("/v2/") {
        Family::V2
    } else if path.starts_with("/v1/") {
        Family::Personnel
    } else {
        Family::Other
    }
}

fn fault_response(app: &App, fam: Family, status: u16) -> Response {
    let now = app.now();
    let trace = app.world().new_uuid(now);
    match (fam, status) {
        (Family::V1Recruiting, 429) => empty(429),
        (Family::V1Recruiting, s) => crate::respond::generic_error(
            s,
            &trace,
            "Internal Server Error",
            "An unexpected error occurred.",
        ),
        (Family::V2, 429) => v2_error(
            429,
            &trace,
            now,
            "Too Many Requests",
            "Rate limit exceeded. Please wait before retrying.",
            "commontoo_many_requests",
            None,
        ),
        (Family::V2, s) => {
            let (title, code) = match s {
                502 => ("Bad Gateway", "common.bad_gateway"),
                503 => ("Service Unavailable", "common.service_unavailable"),
                504 => ("Gateway Timeout", "common.gateway_timeout"),
                _ => ("Internal Server Error", "common.internal_server_error"),
            };
            v2_error(
                s,
                &trace,
                now,
                title,
                "There was a problem while processing this request. Please try again later.",
                code,
                None,
            )
        }
        (Family::Personnel, 429) => personnel_error(429, 429, "Too Many Requests", None),
        (Family::Personnel, s) => personnel_error(s, 0, "Something went wrong", None),
        (Family::Other, s) => empty(s),
    }
}

/// A response whose body fails: the client sees the connection break before a complete answer.
fn dropped() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other("stand-in: connection dropped"))
    });
    let mut r = Response::new(Body::from_stream(stream));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

enum Fault {
    None,
    Status(u16),
    Drop { after: bool },
}

fn take_fault(app: &App, path: &str) -> (u64, Fault) {
    let mut w = app.world();
    let f = &mut w.faults;
    if f.path_prefix
        .as_deref()
        .is_some_and(|p| !path.starts_with(p))
    {
        return (0, Fault::None);
    }
    let latency = f.latency_ms;
    let fault = if f.drop_next > 0 {
        f.drop_next -= 1;
        Fault::Drop {
            after: f.drop_after_processing,
        }
    } else if f.rate_limit_next > 0 {
        f.rate_limit_next -= 1;
        Fault::Status(429)
    } else if f.fail_next > 0 {
        f.fail_next -= 1;
        Fault::Status(f.fail_status.unwrap_or(503))
    } else {
        Fault::None
    };
    (latency, fault)
}

fn record_request(ex: &mut Exchange, content_type: Option<&str>, body: &[u8]) {
    let Some(ct) = content_type else { return };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime == "application/json" {
        ex.request_json = serde_json::from_slice(body).ok();
    } else if mime == "application/x-www-form-urlencoded" {
        let pairs = parse_form(&String::from_utf8_lossy(body));
        let obj: serde_json::Map<String, Value> = pairs
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        ex.request_form = Some(Value::Object(obj));
    } else if mime == "multipart/form-data" {
        ex.request_parts = parse_multipart(ct, body).map(|parts| {
            parts
                .into_iter()
                .map(|p| RecordedPart {
                    value: if p.filename.is_none() {
                        Some(String::from_utf8_lossy(&p.data).into_owned())
                    } else {
                        None
                    },
                    name: p.name,
                    filename: p.filename,
                    content_type: p.content_type,
                    size: p.data.len() as u64,
                })
                .collect()
        });
    }
}

async fn record_and_inject(State(app): State<App>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/__standin") {
        return next.run(req).await;
    }
    let fam = family(&path);
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return crate::respond::field_errors(
                413,
                &[("file".into(), "errors.file-too-big".into())],
            )
        }
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut ex = Exchange {
        seq: 0,
        method: parts.method.to_string(),
        path: path.clone(),
        query: parts.uri.query().map(str::to_string),
        request_content_type: content_type.clone(),
        request_json: None,
        request_form: None,
        request_parts: None,
        status: 0,
        response_content_type: None,
        response_json: None,
        response_text: None,
        fault: None,
        note: parts
            .headers
            .get("x-standin-note")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
    };
    if app.config().record_exchanges {
        record_request(&mut ex, content_type.as_deref(), &bytes);
    }
    let (latency, fault) = take_fault(&app, &path);
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let response = match fault {
        Fault::Status(s) => {
            ex.fault = Some(format!("status {s}"));
            fault_response(&app, fam, s)
        }
        Fault::Drop { after: false } => {
            ex.fault = Some("dropped before processing".into());
            push(&app, ex);
            return dropped();
        }
        Fault::Drop { after: true } => {
            let _ = next
                .run(Request::from_parts(parts, Body::from(bytes)))
                .await;
            ex.fault = Some("dropped after processing".into());
            push(&app, ex);
            return dropped();
        }
        Fault::None => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    };
    let (rparts, rbody) = response.into_parts();
    let rbytes = to_bytes(rbody, MAX_BODY).await.unwrap_or_default();
    ex.status = rparts.status.as_u16();
    ex.response_content_type = rparts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if app.config().record_exchanges {
        if ex.response_content_type.as_deref().is_some_and(|c| {
            c.starts_with("application/json") || c.starts_with("application/problem+json")
        }) {
            ex.response_json = serde_json::from_slice(&rbytes).ok();
        } else if !rbytes.is_empty() && rbytes.len() < 256 * 1024 {
            ex.response_text = Some(String::from_utf8_lossy(&rbytes).into_owned());
        }
    }
    push(&app, ex);
    Response::from_parts(rparts, Body::from(rbytes))
}

fn push(app: &App, mut ex: Exchange) {
    if !app.config().record_exchanges {
        return;
    }
    let mut w = app.world();
    ex.seq = w.exchanges.len() as u64 + 1;
    w.exchanges.push(ex);
}

/// JSON helper for admin handlers.
pub fn ok_json(v: Value) -> Response {
    json_response(200, v)
}
