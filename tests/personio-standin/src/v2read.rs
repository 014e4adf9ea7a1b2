//! v2 recruiting reads in the shapes public clients observe on live tenants (see README, provenance):
//! jobs (no published flag), candidates (`linkedin_profile`, `applications[]`, e-mail filter),
//! applications (`current_stage{id,kind,name,type}`, `candidate{…}`, `job{…}`, date objects, no
//! `status`), one application by id, stage transitions (`{stage, entered_at}`, latest first) and
//! categories with their `stages`. Cursor paging (`limit`, `cursor`), `_data` + `_meta.links`.
//!
//! Where the sources are silent the answers are the least convenient plausible ones, switchable
//! with [`crate::state::Modes`]: unknown query filters ignored (whole list) or refused (`400`); the
//! sparse mode leaves every optional field out.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::app::{base_url, App};
use crate::recruiting::auth_v2;
use crate::respond::{json_response, v2_error};
use crate::seed::{StageDef, CATEGORY_ID, TIMEZONE};
use crate::state::{iso_datetime, iso_datetime_ms, Modes, UnknownFilters, World};

type Params = Query<HashMap<String, String>>;

/// Paging parameters every list knows.
const PAGING: &[&str] = &["limit", "cursor"];
/// `updated_at.gt` / `.lt` (jobs and candidates: reference pages; applications: public clients).
const UPDATED: &[&str] = &["updated_at.gt", "updated_at.lt"];

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

fn not_found(app: &App) -> Response {
    let now = app.now();
    let trace = app.world().new_uuid(now);
    v2_error(
        404,
        &trace,
        now,
        "Resource not found",
        "The requested resource was not found.",
        "common.requested_resource_not_found",
        None,
    )
}

/// The filters of `q` this endpoint honours; an unknown one is ignored or refused per mode.
fn honoured(
    app: &App,
    q: &HashMap<String, String>,
    known: &[&str],
    observed: &[&str],
) -> Result<HashMap<String, String>, Response> {
    let modes = app.world().modes.clone();
    let mut out = HashMap::new();
    let mut names: Vec<&String> = q.keys().collect();
    names.sort();
    for name in names {
        let is_known = PAGING.contains(&name.as_str())
            || known.contains(&name.as_str())
            || (!modes.distrust_observed_filters && observed.contains(&name.as_str()));
        if is_known {
            out.insert(name.clone(), q[name].clone());
        } else if modes.unknown_filters == UnknownFilters::Refuse {
            return Err(bad_request(
                app,
                &format!("Unknown query parameter: {name}"),
            ));
        }
    }
    Ok(out)
}

/// A seeded ISO date-time (`…Z` or the feed's `…+0100`) as UTC with milliseconds.
fn utc_of(text: &str) -> String {
    let (main, offset_minutes) = match text.rfind(['+', '-']) {
        Some(i) if i > 10 => {
            let sign = if &text[i..=i] == "-" { -1 } else { 1 };
            let digits: String = text[i + 1..].chars().filter(char::is_ascii_digit).collect();
            let minutes = digits[..2].parse::<i64>().unwrap_or(0) * 60
                + digits[2..].parse::<i64>().unwrap_or(0);
            (&text[..i], sign * minutes)
        }
        _ => (text.trim_end_matches('Z'), 0),
    };
    let date = crate::state::civil_to_ms(
        main[..4].parse().unwrap_or(1970),
        main[5..7].parse().unwrap_or(1),
        main[8..10].parse().unwrap_or(1),
    ) as i64;
    let clock: Vec<i64> = main[11..]
        .split(':')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    let ms =
        date + clock[0] * 3_600_000 + clock[1] * 60_000 + clock.get(2).copied().unwrap_or(0) * 1000
            - offset_minutes * 60_000;
    iso_datetime_ms(ms as u64)
}

/// `{ "date-time": …, "timezone": … }` as public clients observe it.
fn date_object(ms: u64) -> Value {
    json!({"date-time": iso_datetime_ms(ms), "timezone": TIMEZONE})
}

/// A stage as `current_stage` / a transition's `stage`: system stages without id and name.
fn stage_ref(def: Option<&StageDef>) -> Value {
    match def {
        Some(d) => json!({
            "id": d.id,
            "kind": d.kind,
            "name": if d.is_system() { Value::Null } else { json!(d.name) },
            "type": d.stage_type,
        }),
        None => Value::Null,
    }
}

/// Drops every field but `id` (sparse mode).
fn sparse(item: Value, modes: &Modes) -> Value {
    if !modes.sparse {
        return item;
    }
    let mut kept = Map::new();
    if let Some(id) = item.get("id") {
        kept.insert("id".into(), id.clone());
    }
    Value::Object(kept)
}

/// Slices `items` by `limit` (1–`max_limit`) / `cursor` and wraps them in the v2 envelope.
fn page(
    app: &App,
    headers: &HeaderMap,
    path: &str,
    q: &HashMap<String, String>,
    items: Vec<Value>,
    max_limit: usize,
) -> Response {
    let limit = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => 100.min(max_limit),
        Some(Ok(l)) if (1..=max_limit).contains(&l) => l,
        _ => {
            return bad_request(
                app,
                &format!("limit must be an integer between 1 and {max_limit}"),
            )
        }
    };
    let offset = match q.get("cursor") {
        None => 0,
        Some(c) => match c.strip_prefix("cur_").and_then(|n| n.parse::<usize>().ok()) {
            Some(o) => o,
            None => return bad_request(app, "The cursor is invalid"),
        },
    };
    let modes = app.world().modes.clone();
    let base = format!("{}{}", base_url(headers), path);
    let mut filters: Vec<(&String, &String)> = q
        .iter()
        .filter(|(k, _)| *k != "limit" && *k != "cursor")
        .collect();
    filters.sort();
    let extra: String = filters
        .iter()
        .map(|(k, v)| format!("&{k}={}", crate::respond::url_encode(v)))
        .collect();
    let data: Vec<Value> = items
        .iter()
        .skip(offset)
        .take(limit)
        .cloned()
        .map(|i| sparse(i, &modes))
        .collect();
    if modes.sparse {
        // `_meta` is optional too: without it a client cannot page (and must not assume it has all).
        return json_response(200, json!({ "_data": data }));
    }
    let cursor = if offset > 0 {
        format!("&cursor=cur_{offset}")
    } else {
        String::new()
    };
    let mut links = json!({"self": {"href": format!("{base}?limit={limit}{extra}{cursor}")}});
    if offset + limit < items.len() {
        links["next"] =
            json!({"href": format!("{base}?limit={limit}{extra}&cursor=cur_{}", offset + limit)});
    }
    json_response(200, json!({"_data": data, "_meta": {"links": links}}))
}

fn updated_window(
    app: &App,
    q: &HashMap<String, String>,
) -> Result<(Option<String>, Option<String>), Response> {
    let (gt, lt) = (q.get("updated_at.gt"), q.get("updated_at.lt"));
    if gt.is_some() && lt.is_some() {
        return Err(bad_request(
            app,
            "updated_at.gt and updated_at.lt are mutually exclusive",
        ));
    }
    Ok((gt.cloned(), lt.cloned()))
}

fn in_window(at_ms: u64, window: &(Option<String>, Option<String>)) -> bool {
    let at = iso_datetime(at_ms);
    window.0.as_ref().is_none_or(|g| at.as_str() > g.as_str())
        && window.1.as_ref().is_none_or(|l| at.as_str() < l.as_str())
}

/// `GET /v2/recruiting/jobs`: every job, published or not, without a published flag.
pub async fn jobs(State(app): State<App>, headers: HeaderMap, Query(q): Params) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = match honoured(&app, &q, UPDATED, &[]) {
        Ok(q) => q,
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
                "department": {"id": p.department.to_lowercase(), "name": p.department},
                "category": {"id": CATEGORY_ID, "name": p.category},
                "company": {"id": p.company_id},
                "hiring_team": [],
                "created_at": {"date-time": utc_of(&p.created_at), "timezone": TIMEZONE},
                "updated_at": {"date-time": utc_of(&p.updated_at), "timezone": TIMEZONE},
            })
        })
        .collect();
    page(&app, &headers, "/v2/recruiting/jobs", &q, items, 200)
}

fn candidate_json(w: &World, c: &crate::state::CandidateRec) -> Value {
    let attr = |id: &str| {
        c.attributes
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| json!(v))
            .unwrap_or(Value::Null)
    };
    let applications: Vec<Value> = w
        .applications
        .iter()
        .filter(|a| a.candidate_id == c.id)
        .map(|a| json!({"id": a.id, "application_date": a.application_date}))
        .collect();
    json!({
        "id": c.id,
        "first_name": c.first_name,
        "last_name": c.last_name,
        "email": c.email,
        "gender": attr("gender"),
        "phone": attr("phone"),
        "location": attr("location"),
        "birthday": attr("birthday"),
        "linkedin_profile": c.linkedin_profile,
        "available_from": attr("available_from"),
        "applications": applications,
        // Plain strings here (public client types), date objects on applications.
        "created_at": iso_datetime(c.created_at_ms),
        "updated_at": iso_datetime(c.updated_at_ms),
    })
}

/// `GET /v2/recruiting/candidates` (`email` filter documented, case-insensitive), newest update first.
pub async fn candidates(State(app): State<App>, headers: HeaderMap, Query(q): Params) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = match honoured(&app, &q, &["updated_at.gt", "updated_at.lt", "email"], &[]) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let window = match updated_window(&app, &q) {
        Ok(w) => w,
        Err(r) => return r,
    };
    let email = q.get("email").map(|e| e.trim().to_ascii_lowercase());
    let w = app.world();
    let mut list: Vec<_> = w
        .candidates
        .iter()
        .filter(|c| c.company_id == company)
        .filter(|c| {
            email
                .as_ref()
                .is_none_or(|e| c.email.to_ascii_lowercase() == *e)
        })
        .filter(|c| in_window(c.updated_at_ms, &window))
        .collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.updated_at_ms));
    let items = list.iter().map(|c| candidate_json(&w, c)).collect();
    drop(w);
    page(&app, &headers, "/v2/recruiting/candidates", &q, items, 200)
}

fn application_json(w: &World, a: &crate::state::ApplicationRec) -> Value {
    let candidate = w.candidates.iter().find(|c| c.id == a.candidate_id);
    let position = w.seed.positions.iter().find(|p| p.id == a.job_position_id);
    let channel = a
        .fields
        .get("recruiting_channel_id")
        .and_then(Value::as_i64)
        .and_then(|id| w.seed.channels.iter().find(|c| c.id == id))
        .map(|c| json!({"id": c.id.to_string(), "name": c.name}));
    let mut item = json!({
        "id": a.id,
        "application_date": a.application_date,
        "candidate": candidate.map(|c| json!({
            "id": c.id,
            "email": c.email,
            "first_name": c.first_name,
            "last_name": c.last_name,
            "gender": c.attributes.iter().find(|(k, _)| k == "gender").map(|(_, v)| v.clone()),
        })),
        "job": position.map(|p| json!({
            "id": p.id.to_string(),
            "name": p.name_en,
            "department": {"id": p.department.to_lowercase(), "name": p.department},
        })),
        "current_stage": stage_ref(w.seed.stage(&a.stage)),
        "hiring_team": [],
        "is_anonymized": false,
        "created_at": date_object(a.created_at_ms),
        "updated_at": date_object(a.updated_at_ms),
    });
    if let Some(channel) = channel {
        item["channel"] = channel;
    }
    item
}

/// `GET /v2/recruiting/applications`, newest update first. `candidate.email` is honoured (public
/// clients use it) unless observed filters are distrusted; no filter for the position exists.
pub async fn applications(
    State(app): State<App>,
    headers: HeaderMap,
    Query(q): Params,
) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = match honoured(
        &app,
        &q,
        &[],
        &["updated_at.gt", "updated_at.lt", "candidate.email"],
    ) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let window = match updated_window(&app, &q) {
        Ok(w) => w,
        Err(r) => return r,
    };
    let email = q
        .get("candidate.email")
        .map(|e| e.trim().to_ascii_lowercase());
    let w = app.world();
    let mut list: Vec<_> = w
        .applications
        .iter()
        .filter(|a| a.company_id == company)
        .filter(|a| {
            email.as_ref().is_none_or(|e| {
                w.candidates
                    .iter()
                    .any(|c| c.id == a.candidate_id && c.email.to_ascii_lowercase() == *e)
            })
        })
        .filter(|a| in_window(a.updated_at_ms, &window))
        .collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.updated_at_ms));
    let items = list.iter().map(|a| application_json(&w, a)).collect();
    drop(w);
    page(
        &app,
        &headers,
        "/v2/recruiting/applications",
        &q,
        items,
        100,
    )
}

/// The caller's application `id` (read scope), or the error answer (`401`, `403`, `404`).
fn own_application(
    app: &App,
    headers: &HeaderMap,
    id: &str,
) -> Result<crate::state::ApplicationRec, Response> {
    let company = auth_v2(app, headers, "personio:recruiting:read")?;
    let found = app
        .world()
        .applications
        .iter()
        .find(|a| a.id == id && a.company_id == company)
        .cloned();
    found.ok_or_else(|| not_found(app))
}

/// `GET /v2/recruiting/applications/{id}`: the object in `_data`.
pub async fn application(
    State(app): State<App>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let a = match own_application(&app, &headers, &id) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let w = app.world();
    let item = sparse(application_json(&w, &a), &w.modes);
    json_response(200, json!({ "_data": item }))
}

/// `GET /v2/recruiting/applications/{id}/stage-transitions`: latest first (reference page).
pub async fn stage_transitions(
    State(app): State<App>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Params,
) -> Response {
    let a = match own_application(&app, &headers, &id) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let q = match honoured(&app, &q, &[], &[]) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let w = app.world();
    let items = a
        .transitions
        .iter()
        .rev()
        .map(|t| {
            json!({
                "stage": stage_ref(w.seed.stage(&t.stage)),
                "entered_at": date_object(t.entered_at_ms),
            })
        })
        .collect();
    drop(w);
    page(
        &app,
        &headers,
        &format!("/v2/recruiting/applications/{id}/stage-transitions"),
        &q,
        items,
        100,
    )
}

/// `GET /v2/recruiting/categories`: the one seeded category with its stages (the tenant's names).
pub async fn categories(State(app): State<App>, headers: HeaderMap, Query(q): Params) -> Response {
    let company = match auth_v2(&app, &headers, "personio:recruiting:read") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = match honoured(&app, &q, &[], &[]) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let stages: Vec<Value> = app
        .world()
        .seed
        .stages
        .iter()
        .map(|s| json!({"id": s.id, "name": s.name, "type": s.stage_type, "kind": s.kind}))
        .collect();
    let items = vec![json!({
        "id": CATEGORY_ID,
        "name": "Various",
        "stages": stages,
        "company": {"id": company},
    })];
    page(&app, &headers, "/v2/recruiting/categories", &q, items, 100)
}

/// The `application_date` of a new application: as sent, else the tenant's today.
pub fn application_date(sent: Option<&str>, now_ms: u64) -> String {
    sent.map(str::to_string)
        .unwrap_or_else(|| crate::state::tenant_date(now_ms))
}
