//! v2 recruiting reads with cursor paging (`limit` 1–200, `_data` + `_meta.links`):
//! jobs, candidates, applications (status and stage) and stage transitions.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};

use crate::app::{base_url, App};
use crate::recruiting::auth_v2;
use crate::respond::{json_response, v2_error};
use crate::state::{stage_name, status_of};

type Params = Query<HashMap<String, String>>;

fn bad_request(app: &App, detail: &str) -> Response {
    let now = app.now();
    let trace = app.world().new_uuid(now);
    v2_error(
        400,
        &trace,
        now,
        "Bad Request",
        detail,
        "commonbad_request",
        None,
    )
}

/// Slices `items` by `limit`/`cursor` and wraps them in the v2 envelope.
fn page(
    app: &App,
    headers: &HeaderMap,
    path: &str,
    q: &HashMap<String, String>,
    items: Vec<Value>,
) -> Response {
    let limit = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => 100,
        Some(Ok(l)) if (1..=200).contains(&l) => l,
        _ => return bad_request(app, "limit must be an integer between 1 and 200"),
    };
    let offset = match q.get("cursor") {
        None => 0,
        Some(c) => match c.strip_prefix("cur_").and_then(|n| n.parse::<usize>().ok()) {
            Some(o) => o,
            None => return bad_request(app, "The cursor is invalid"),
        },
    };
    let base = format!("{}{}", base_url(headers), path);
    let mut filters: Vec<(&String, &String)> = q
        .iter()
        .filter(|(k, _)| *k != "limit" && *k != "cursor")
        .collect();
    filters.sort();
    let extra: String = filters.iter().map(|(k, v)| format!("&{k}={v}")).collect();
    let data: Vec<Value> = items.iter().skip(offset).take(limit).cloned().collect();
    let mut links = json!({"self": {"href": format!("{base}?limit={limit}{extra}{}", if offset > 0 { format!("&cursor=cur_{offset}") } else { String::new() })}});
    if offset + limit < items.len() {
        links["next"] =
            json!({"href": format!("{base}?limit={limit}{extra}&cursor=cur_{}", offset + limit)});
    }
    json_response(200, json!({"_data": data, "_meta": {"links": links}}))
}

/// `GET /v2/recruiting/jobs` (newest update first; `updated_at.gt` / `.lt`, mutually exclusive).
pub async fn jobs(State(app): State<App>, headers: HeaderMap, Query(q): Params) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let (gt, lt) = (q.get("updated_at.gt"), q.get("updated_at.lt"));
    if gt.is_some() && lt.is_some() {
        return bad_request(
            &app,
            "updated_at.gt and updated_at.lt are mutually exclusive",
        );
    }
    let mut positions: Vec<_> = app
        .world()
        .seed
        .positions
        .iter()
        .filter(|p| p.company_id == company)
        .cloned()
        .collect();
    positions.retain(|p| {
        gt.is_none_or(|g| p.updated_at.as_str() > g.as_str())
            && lt.is_none_or(|l| p.updated_at.as_str() < l.as_str())
    });
    positions.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    let items = positions
        .iter()
        .map(|p| {
            json!({
                "id": p.id.to_string(),
                "name": p.name_en,
                "status": if p.published { "published" } else { "unpublished" },
                "employment_type": p.employment_type,
                "category": {"id": "various", "name": p.category},
                "department": {"id": p.department.to_lowercase(), "name": p.department},
                "office": {"id": p.office.to_lowercase(), "name": p.office},
                "company": {"id": p.company_id},
                "hiring_team": [],
                "created_at": p.created_at,
                "updated_at": p.updated_at,
            })
        })
        .collect();
    page(&app, &headers, "/v2/recruiting/jobs", &q, items)
}

/// `GET /v2/recruiting/candidates` (`email` filter, case-insensitive).
pub async fn candidates(State(app): State<App>, headers: HeaderMap, Query(q): Params) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let email = q.get("email").map(|e| e.trim().to_ascii_lowercase());
    let items = app
        .world()
        .candidates
        .iter()
        .filter(|c| c.company_id == company && email.as_ref().is_none_or(|e| c.email.to_ascii_lowercase() == *e))
        .map(|c| json!({"id": c.id, "first_name": c.first_name, "last_name": c.last_name, "email": c.email, "created_at": c.created_at, "updated_at": c.created_at}))
        .collect();
    page(&app, &headers, "/v2/recruiting/candidates", &q, items)
}

/// `GET /v2/recruiting/applications` (`candidate_id`, `job_id` filters).
pub async fn applications(
    State(app): State<App>,
    headers: HeaderMap,
    Query(q): Params,
) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let items = app
        .world()
        .applications
        .iter()
        .filter(|a| a.company_id == company)
        .filter(|a| q.get("candidate_id").is_none_or(|c| *c == a.candidate_id))
        .filter(|a| {
            q.get("job_id")
                .is_none_or(|j| *j == a.job_position_id.to_string())
        })
        .map(|a| {
            json!({
                "id": a.id,
                "candidate": {"id": a.candidate_id},
                "job": {"id": a.job_position_id.to_string()},
                "status": status_of(&a.stage),
                "stage": {"id": a.stage, "name": stage_name(&a.stage)},
                "created_at": a.created_at,
                "updated_at": a.updated_at,
            })
        })
        .collect();
    page(&app, &headers, "/v2/recruiting/applications", &q, items)
}

/// `GET /v2/recruiting/applications/{id}/stage-transitions`.
pub async fn stage_transitions(
    State(app): State<App>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let found = app
        .world()
        .applications
        .iter()
        .find(|a| a.id == id && a.company_id == company)
        .cloned();
    let Some(a) = found else {
        let now = app.now();
        let trace = app.world().new_uuid(now);
        return v2_error(
            404,
            &trace,
            now,
            "Resource not found",
            "The requested resource was not found.",
            "common.requested_resource_not_found",
            None,
        );
    };
    let items = a
        .transitions
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({
                "id": format!("{}-{}", a.id, i + 1),
                "from_stage": t.from_stage.as_ref().map(|s| json!({"id": s, "name": stage_name(s)})),
                "to_stage": {"id": t.to_stage, "name": stage_name(&t.to_stage)},
                "created_at": t.created_at,
            })
        })
        .collect();
    page(
        &app,
        &headers,
        &format!("/v2/recruiting/applications/{id}/stage-transitions"),
        &q,
        items,
    )
}
