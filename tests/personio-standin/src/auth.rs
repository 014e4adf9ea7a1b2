//! Token endpoints: `POST /v2/auth/token` (OAuth2 client credentials, form-encoded, expiring
//! tokens, scopes, RFC 6749 errors) and `POST /v1/auth` (personnel token, `{success, data}`),
//! each with its rate limit.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde_json::{json, Value};

use crate::app::App;
use crate::respond::{
    form_get, header_str, json_response, oauth_error, parse_form, personnel_error, v2_error,
};
use crate::state::{iso_date, IssuedToken};

fn new_token(app: &App, prefix: &str) -> String {
    let now = app.now();
    let u = app.world().new_uuid(now);
    format!("{prefix}{}", u.replace('-', ""))
}

/// `POST /v2/auth/token`.
pub async fn v2_token(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let now = app.now();
    let cfg = app.config().clone();
    let ct = header_str(&headers, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    if !ct.starts_with("application/x-www-form-urlencoded") {
        return oauth_error(
            400,
            "invalid_request",
            "Content-Type must be application/x-www-form-urlencoded",
        );
    }
    let form = parse_form(&String::from_utf8_lossy(&body));
    let (Some(grant), Some(id), Some(secret)) = (
        form_get(&form, "grant_type"),
        form_get(&form, "client_id"),
        form_get(&form, "client_secret"),
    ) else {
        return oauth_error(
            400,
            "invalid_request",
            "grant_type, client_id and client_secret are required",
        );
    };
    {
        let mut w = app.world();
        if !w.hit(
            &format!("v2auth:{id}"),
            cfg.v2_auth_limit,
            cfg.window_ms,
            now,
        ) {
            let trace = w.new_uuid(now);
            return v2_error(
                429,
                &trace,
                now,
                "Too Many Requests",
                "Rate limit exceeded. Please wait before retrying.",
                "commontoo_many_requests",
                None,
            );
        }
    }
    if grant != "client_credentials" {
        return oauth_error(
            400,
            "unsupported_grant_type",
            "Only client_credentials is supported",
        );
    }
    let Some(client) = app
        .world()
        .seed
        .clients
        .iter()
        .find(|c| c.client_id == id && c.client_secret == secret)
        .cloned()
    else {
        return oauth_error(401, "invalid_client", "Client authentication failed");
    };
    let scopes: Vec<String> = match form_get(&form, "scope")
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(req) => {
            let wanted: Vec<String> = req.split_whitespace().map(str::to_string).collect();
            if let Some(bad) = wanted.iter().find(|s| !client.scopes.contains(s)) {
                return oauth_error(
                    400,
                    "invalid_scope",
                    &format!("Scope {bad} is not granted to this client"),
                );
            }
            wanted
        }
        None => client.scopes.clone(),
    };
    let token = new_token(&app, "standin-v2-");
    app.world().tokens.insert(
        token.clone(),
        IssuedToken {
            client_id: client.client_id,
            company_id: client.company_id,
            scopes: scopes.clone(),
            expires_at_ms: now + cfg.token_ttl_s * 1000,
            personnel: false,
        },
    );
    json_response(
        200,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": cfg.token_ttl_s, "scope": scopes.join(" ")}),
    )
}

/// Query-string credentials on `/v1/auth` are refused from this date on (Personio changelog).
pub const QUERY_CREDENTIALS_REMOVED: &str = "2026-12-04";

/// `POST /v1/auth` (JSON or form body; query-string credentials until 2026-12-04).
pub async fn v1_auth(
    State(app): State<App>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let now = app.now();
    let cfg = app.config().clone();
    let ct = header_str(&headers, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let (mut id, mut secret) = (None, None);
    if ct.starts_with("application/json") {
        let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        id = v
            .get("client_id")
            .and_then(Value::as_str)
            .map(str::to_string);
        secret = v
            .get("client_secret")
            .and_then(Value::as_str)
            .map(str::to_string);
    } else if ct.starts_with("application/x-www-form-urlencoded") {
        let f = parse_form(&String::from_utf8_lossy(&body));
        id = form_get(&f, "client_id").map(str::to_string);
        secret = form_get(&f, "client_secret").map(str::to_string);
    }
    if id.is_none() && secret.is_none() {
        let q = parse_form(uri.query().unwrap_or(""));
        if form_get(&q, "client_id").is_some() {
            if iso_date(now).as_str() >= QUERY_CREDENTIALS_REMOVED {
                return personnel_error(
                    403,
                    403,
                    "Passing credentials as query parameters is no longer supported",
                    None,
                );
            }
            id = form_get(&q, "client_id").map(str::to_string);
            secret = form_get(&q, "client_secret").map(str::to_string);
        }
    }
    let (Some(id), Some(secret)) = (id, secret) else {
        return personnel_error(
            400,
            400,
            "The client_id and client_secret fields are required.",
            None,
        );
    };
    if !app.world().hit(
        &format!("v1auth:{id}"),
        cfg.v1_auth_limit,
        cfg.window_ms,
        now,
    ) {
        return personnel_error(429, 429, "Too Many Attempts.", None);
    }
    let Some(client) = app
        .world()
        .seed
        .clients
        .iter()
        .find(|c| c.client_id == id && c.client_secret == secret)
        .cloned()
    else {
        return personnel_error(401, 401, "Wrong credentials", None);
    };
    let token = new_token(&app, "papi-");
    let scope = client.personnel_rights.join(" ");
    app.world().tokens.insert(
        token.clone(),
        IssuedToken {
            client_id: client.client_id,
            company_id: client.company_id,
            scopes: client.personnel_rights,
            expires_at_ms: now + cfg.token_ttl_s * 1000,
            personnel: true,
        },
    );
    json_response(
        200,
        json!({"success": true, "data": {"token": token, "expires_in": cfg.token_ttl_s, "scope": scope}}),
    )
}
