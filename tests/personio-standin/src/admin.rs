//! Test-control endpoints under `/__standin/…`: seed, reset, faults, token expiry, clock,
//! received data (an upload's bytes too), recorded exchanges and moving an application to another stage.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::{ok_json, App};
use crate::respond::json_response;
use crate::seed;
use crate::state::{iso_datetime, Faults, Modes, Transition, World};

/// Admin routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/__standin/health", get(|| async { "ok" }))
        .route("/__standin/seed", get(seed_info))
        .route("/__standin/reset", post(reset))
        .route(
            "/__standin/faults",
            get(get_faults).post(set_faults).delete(clear_faults),
        )
        .route("/__standin/expire-tokens", post(expire_tokens))
        .route("/__standin/clock", get(clock).post(advance_clock))
        .route("/__standin/received", get(received))
        .route("/__standin/uploads/{uuid}/content", get(upload_content))
        .route(
            "/__standin/exchanges",
            get(exchanges).delete(clear_exchanges),
        )
        .route("/__standin/applications/{id}/stage", post(set_stage))
        .route("/__standin/modes", get(get_modes).post(set_modes))
}

/// The seeded credentials and data as JSON.
pub fn seed_json(app: &App) -> Value {
    let w = app.world();
    json!({
        "company_id": seed::COMPANY_ID,
        "recruiting_token": seed::RECRUITING_TOKEN,
        "subdomain": seed::SUBDOMAIN,
        "client_id": seed::CLIENT_ID,
        "client_secret": seed::CLIENT_SECRET,
        "readonly_client_id": seed::READONLY_CLIENT_ID,
        "readonly_client_secret": seed::READONLY_CLIENT_SECRET,
        "writeonly_client_id": seed::WRITEONLY_CLIENT_ID,
        "writeonly_client_secret": seed::WRITEONLY_CLIENT_SECRET,
        "disabled_company_id": seed::DISABLED_COMPANY_ID,
        "disabled_recruiting_token": seed::DISABLED_RECRUITING_TOKEN,
        "linkedin_attribute": seed::LINKEDIN_ATTRIBUTE,
        "existing_applicant_email": seed::EXISTING_APPLICANT_EMAIL,
        "linkedin_applicant_email": seed::LINKEDIN_APPLICANT_EMAIL,
        "linkedin_applicant_profile": seed::LINKEDIN_APPLICANT_PROFILE,
        "timezone": seed::TIMEZONE,
        "stages": w.seed.stages,
        "modes": w.modes,
        "positions": w.seed.positions.iter().map(|p| json!({"id": p.id, "name": p.name_en, "published": p.published})).collect::<Vec<_>>(),
        "attributes": w.seed.attributes,
        "channels": w.seed.channels,
        "document_categories": w.seed.document_categories,
    })
}

/// Everything received, for assertions.
pub fn received_json(app: &App) -> Value {
    let w = app.world();
    let apps: Vec<Value> = w
        .applications
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "api": a.api,
                "company_id": a.company_id,
                "candidate_id": a.candidate_id,
                "job_position_id": a.job_position_id,
                "fields": a.fields,
                "tags": a.tags,
                "attributes": a.attributes.iter().map(|(id, v)| json!({"id": id, "value": v})).collect::<Vec<_>>(),
                "files": a.files,
                "stage": a.stage,
                "transitions": a.transitions,
                "application_date": a.application_date,
                "created_at": iso_datetime(a.created_at_ms),
            })
        })
        .collect();
    let uploads: Vec<Value> = w
        .upload_order
        .iter()
        .filter_map(|u| w.uploads.get(u))
        .map(|u| json!(u))
        .collect();
    let employees: Vec<Value> = w.employees.iter().map(|e| json!({"id": e.id, "fields": e.fields, "ignored": e.ignored, "created_at": e.created_at})).collect();
    json!({
        "applications": apps,
        "uploads": uploads,
        "candidates": w.candidates,
        "employees": employees,
        "employee_documents": w.employee_documents,
    })
}

async fn seed_info(State(app): State<App>) -> Response {
    ok_json(seed_json(&app))
}

/// Re-seeds the world; the modes go back to the configured ones.
pub fn reset_world(app: &App) {
    let now = app.now();
    let mut world = World::new(now);
    world.modes = app.config().modes.clone();
    *app.world() = world;
}

async fn reset(State(app): State<App>) -> Response {
    reset_world(&app);
    ok_json(json!({"reset": true}))
}

async fn get_modes(State(app): State<App>) -> Response {
    ok_json(json!(app.world().modes))
}

async fn set_modes(State(app): State<App>, Json(m): Json<Modes>) -> Response {
    app.world().modes = m.clone();
    ok_json(json!(m))
}

async fn get_faults(State(app): State<App>) -> Response {
    ok_json(json!(app.world().faults))
}

async fn set_faults(State(app): State<App>, Json(f): Json<Faults>) -> Response {
    app.world().faults = f.clone();
    ok_json(json!(f))
}

async fn clear_faults(State(app): State<App>) -> Response {
    app.world().faults = Faults::default();
    ok_json(json!(Faults::default()))
}

/// Expires every issued token now.
pub fn expire_all(app: &App) -> usize {
    let now = app.now();
    let mut w = app.world();
    w.tokens.values_mut().for_each(|t| t.expires_at_ms = now);
    w.tokens.len()
}

async fn expire_tokens(State(app): State<App>) -> Response {
    ok_json(json!({"expired": expire_all(&app)}))
}

async fn clock(State(app): State<App>) -> Response {
    ok_json(json!({"now_ms": app.now()}))
}

#[derive(Deserialize)]
struct Advance {
    advance_ms: i64,
}

async fn advance_clock(State(app): State<App>, Json(a): Json<Advance>) -> Response {
    app.0.clock.advance(a.advance_ms);
    ok_json(json!({"now_ms": app.now()}))
}

async fn received(State(app): State<App>) -> Response {
    ok_json(received_json(&app))
}

/// The bytes of the upload `uuid` as received, with its detected type; `404` for an unknown one.
async fn upload_content(State(app): State<App>, Path(uuid): Path<String>) -> Response {
    let w = app.world();
    match w.uploads.get(&uuid) {
        Some(upload) => Response::builder()
            .status(200)
            .header("content-type", upload.mimetype.as_str())
            .body(axum::body::Body::from(upload.data.clone()))
            .unwrap_or_default(),
        None => json_response(404, json!({"error": format!("no upload {uuid}")})),
    }
}

async fn exchanges(State(app): State<App>) -> Response {
    ok_json(json!(app.world().exchanges))
}

async fn clear_exchanges(State(app): State<App>) -> Response {
    app.world().exchanges.clear();
    ok_json(json!({"cleared": true}))
}

#[derive(Deserialize)]
struct StageChange {
    stage: String,
    /// When the move happened (epoch ms; default: the stand-in's now).
    #[serde(default)]
    at_ms: Option<u64>,
}

/// Moves an application to `stage` (a stage key: `offer`, `accepted` (= hired), `rejected`, the
/// custom `2101`, …) at `at_ms`; `false` for an unknown application or stage.
pub fn move_stage(app: &App, id: &str, stage: &str, at_ms: Option<u64>) -> bool {
    let at = at_ms.unwrap_or_else(|| app.now());
    let mut w = app.world();
    if w.seed.stage(stage).is_none() {
        return false;
    }
    let Some(a) = w.applications.iter_mut().find(|a| a.id == id) else {
        return false;
    };
    a.stage = stage.to_string();
    a.transitions.push(Transition {
        stage: stage.to_string(),
        entered_at_ms: at,
    });
    a.updated_at_ms = at.max(a.updated_at_ms);
    true
}

async fn set_stage(
    State(app): State<App>,
    Path(id): Path<String>,
    Json(s): Json<StageChange>,
) -> Response {
    if move_stage(&app, &id, &s.stage, s.at_ms) {
        ok_json(json!({"id": id, "stage": s.stage}))
    } else {
        json_response(404, json!({"error": "unknown application or stage"}))
    }
}
