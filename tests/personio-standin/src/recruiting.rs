//! Recruiting writes, v1 and v2: `POST …/applications/documents` (one file, 20 MB, allowed types)
//! and `POST …/applications` with every documented validation and `error_response` reason, the
//! per-company rate limit and the feature / scope checks.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};

use crate::app::{base_url, App};
use crate::respond::{
    bearer, empty, field_errors, generic_error, header_str, json_response, parse_multipart,
    problem_errors, v2_error,
};
use crate::seed::AttributeKind;
use crate::state::{
    sha256_hex, tenant_date, valid_date, ApplicationRec, CandidateRec, ReceivedFile, Transition,
    Upload, World,
};

/// Allowed file types (official list).
pub const FILE_TYPES: &[&str] = &[
    "pdf", "pptx", "xlsx", "docx", "doc", "xls", "ppt", "ods", "odt", "7z", "gz", "rar", "zip",
    "bmp", "gif", "jpg", "png", "tif", "csv", "txt", "rtf", "mp4", "3gp", "mov", "avi", "wmv",
];
/// 20 MB.
pub const MAX_FILE: usize = 20 * 1024 * 1024;
const SYSTEM_PHASES: &[&str] = &["unassigned", "rejected", "withdrawn", "offer", "accepted"];
const CATEGORIES: &[&str] = &[
    "cv",
    "cover-letter",
    "employment-reference",
    "certificate",
    "work-sample",
    "other",
];

/// Which API generation a request came in on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Api {
    /// v1
    V1,
    /// v2
    V2,
}

impl Api {
    fn name(self) -> &'static str {
        match self {
            Api::V1 => "v1",
            Api::V2 => "v2",
        }
    }
}

/// v1 recruiting auth: bearer recruiting token + `X-Company-ID`; then the company's features.
fn auth_v1(app: &App, headers: &HeaderMap, documents: bool) -> Result<String, Response> {
    let token = bearer(headers);
    let company = header_str(headers, "x-company-id")
        .map(str::trim)
        .unwrap_or("");
    let now = app.now();
    let mut w = app.world();
    let Some(c) = w
        .seed
        .companies
        .iter()
        .find(|c| c.id == company && Some(&c.recruiting_token) == token.as_ref())
        .cloned()
    else {
        return Err(empty(401));
    };
    let feature = if !c.recruiting_enabled {
        Some((
            "feature.recruiting.disabled",
            "Your company does not have access to Personio's recruiting features.",
        ))
    } else if !c.public_api_enabled {
        Some((
            "feature.public-api.disabled",
            "Your company does not have access to Personio's recruiting API.",
        ))
    } else {
        None
    };
    if let Some((code, detail)) = feature {
        let id = w.new_uuid(now);
        return Err(if documents {
            empty(403)
        } else {
            generic_error(403, &id, code, detail)
        });
    }
    Ok(c.id)
}

/// v2 auth: OAuth bearer with `scope`. Returns the company id.
pub fn auth_v2(app: &App, headers: &HeaderMap, scope: &str) -> Result<String, Response> {
    let now = app.now();
    let mut w = app.world();
    let trace = w.new_uuid(now);
    let tok = bearer(headers)
        .and_then(|t| w.tokens.get(&t).cloned())
        .filter(|t| !t.personnel && now < t.expires_at_ms);
    let Some(tok) = tok else {
        return Err(v2_error(
            401,
            &trace,
            now,
            "Unauthorized",
            "The access token is missing, invalid or expired.",
            "commonunauthorized",
            None,
        ));
    };
    if !tok.scopes.iter().any(|s| s == scope) {
        return Err(v2_error(
            403,
            &trace,
            now,
            "Insufficient access scope",
            "Client scope insufficient to access resource",
            "commonforbidden",
            None,
        ));
    }
    Ok(tok.company_id)
}

fn rate_limit(app: &App, company: &str, api: Api) -> Result<(), Response> {
    let now = app.now();
    let cfg = app.config();
    let mut w = app.world();
    if !w.hit(
        &format!("recruiting:{company}"),
        cfg.recruiting_limit,
        cfg.window_ms,
        now,
    ) {
        let trace = w.new_uuid(now);
        return Err(match api {
            Api::V1 => empty(429),
            Api::V2 => v2_error(
                429,
                &trace,
                now,
                "Too Many Requests",
                "Rate limit exceeded. Please wait before retrying.",
                "commontoo_many_requests",
                None,
            ),
        });
    }
    Ok(())
}

fn caller(app: &App, headers: &HeaderMap, api: Api, documents: bool) -> Result<String, Response> {
    let company = match api {
        Api::V1 => auth_v1(app, headers, documents)?,
        Api::V2 => auth_v2(app, headers, "personio:recruiting:write")?,
    };
    rate_limit(app, &company, api)?;
    Ok(company)
}

/// MIME type by extension.
pub fn mime(ext: &str) -> &'static str {
    match ext {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        "zip" => "application/zip",
        "rtf" => "application/rtf",
        "odt" => "application/vnd.oasis.opendocument.text",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// Lower-cased extension.
pub fn extension(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

async fn documents(app: App, headers: HeaderMap, body: Bytes, api: Api) -> Response {
    let company = match caller(&app, &headers, api, true) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let now = app.now();
    let trace = app.world().new_uuid(now);
    let ct = header_str(&headers, "content-type").unwrap_or("");
    let invalid = || {
        generic_error(
            422,
            &trace,
            "Unprocessable Entity",
            "Invalid multipart request body and/or headers supplied",
        )
    };
    let Some(parts) = parse_multipart(ct, &body) else {
        return invalid();
    };
    let Some(file) = parts
        .into_iter()
        .find(|p| p.name == "file" && p.filename.is_some())
    else {
        return invalid();
    };
    let name = file.filename.clone().unwrap_or_default();
    if file.data.len() > MAX_FILE {
        return field_errors(413, &[("file".into(), "errors.file-too-big".into())]);
    }
    let ext = match extension(&name) {
        Some(e) if FILE_TYPES.contains(&e.as_str()) => e,
        _ => return field_errors(422, &[("file".into(), "errors.invalid-file-type".into())]),
    };
    let mut w = app.world();
    let uuid = w.new_uuid(now);
    let up = Upload {
        uuid: uuid.clone(),
        company_id: company,
        original_filename: name.clone(),
        size: file.data.len() as u64,
        sha256: sha256_hex(&file.data),
        mimetype: mime(&ext).into(),
        extension: ext.clone(),
        api: api.name().into(),
        data: file.data.to_vec(),
    };
    w.uploads.insert(uuid.clone(), up);
    w.upload_order.push(uuid.clone());
    json_response(
        200,
        json!({"uuid": uuid, "size": file.data.len(), "mimetype": mime(&ext), "original_filename": name, "extension": ext}),
    )
}

/// `POST /v1/recruiting/applications/documents`.
pub async fn v1_documents(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    documents(app, headers, body, Api::V1).await
}

/// `POST /v2/recruiting/applications/documents`.
pub async fn v2_documents(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    documents(app, headers, body, Api::V2).await
}

fn looks_like_email(s: &str) -> bool {
    let Some((l, d)) = s.split_once('@') else {
        return false;
    };
    !l.is_empty()
        && !d.contains('@')
        && d.contains('.')
        && !d.starts_with('.')
        && !d.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Shape checks: wrong JSON types give the generic "Invalid request body supplied".
fn well_typed(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    let is = |k: &str, f: fn(&Value) -> bool| o.get(k).is_none_or(f);
    let int = |v: &Value| v.is_i64() || v.is_u64();
    is("first_name", Value::is_string)
        && is("last_name", Value::is_string)
        && is("email", Value::is_string)
        && is("message", Value::is_string)
        && is("external_posting_id", Value::is_string)
        && is("application_date", Value::is_string)
        && is("job_position_id", int)
        && is("recruiting_channel_id", int)
        && is("tags", |t| {
            t.as_array().is_some_and(|a| a.iter().all(Value::is_string))
        })
        && is("files", |t| {
            t.as_array().is_some_and(|a| a.iter().all(Value::is_object))
        })
        && is("attributes", |t| {
            t.as_array().is_some_and(|a| a.iter().all(Value::is_object))
        })
        && is("phase", Value::is_object)
}

async fn applications(app: App, headers: HeaderMap, body: Bytes, api: Api) -> Response {
    let company = match caller(&app, &headers, api, false) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let now = app.now();
    let base = base_url(&headers);
    let mut w = app.world();
    let trace = w.new_uuid(now);
    let v: Value = match serde_json::from_slice(&body) {
        Ok(v) if well_typed(&v) => v,
        _ => return generic_error(400, &trace, "Bad Request", "Invalid request body supplied"),
    };
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
            .to_string()
    };
    let mut errs: Vec<(String, String)> = vec![];
    let mut err = |f: &str, r: &str| errs.push((f.to_string(), r.to_string()));
    for f in ["first_name", "last_name"] {
        if s(f).is_empty() {
            err(f, "errors.attribute-validation.required-attribute");
        }
    }
    let email = s("email");
    if email.is_empty() {
        err("email", "errors.attribute-validation.required-attribute");
    } else if !looks_like_email(&email) {
        err("email", "errors.attribute-validation.invalid-email-format");
    }
    let job = v.get("job_position_id").and_then(Value::as_i64);
    match job {
        None => err(
            "job_position_id",
            "errors.attribute-validation.required-attribute",
        ),
        Some(id) => {
            if !w
                .seed
                .positions
                .iter()
                .any(|p| p.id == id && p.company_id == company && p.published)
            {
                err("job_position_id", "errors.job-position.not-published");
            }
        }
    }
    if let Some(d) = v.get("application_date").and_then(Value::as_str) {
        if !valid_date(d) {
            err(
                "application_date",
                "errors.attribute-validation.invalid-date-format",
            );
        } else if d > tenant_date(now).as_str() {
            err(
                "application_date",
                "errors.date-validation.date-in-the-future",
            );
        }
    }
    let mut stage = "unassigned".to_string();
    if let Some(p) = v.get("phase") {
        let kind = p.get("type").and_then(Value::as_str).unwrap_or("");
        match (kind, p.get("id")) {
            ("system", Some(Value::String(id))) if SYSTEM_PHASES.contains(&id.as_str()) => {
                stage = id.clone()
            }
            ("custom", Some(id)) if id.is_i64() || id.is_u64() => {} // no custom phases configured: falls back to unassigned
            _ => err("phase", "errors.phase-validation.invalid-system-phase"),
        }
    }
    let channel = v.get("recruiting_channel_id").and_then(Value::as_i64);
    if let Some(ch) = channel {
        if !w.seed.channels.iter().any(|c| c.id == ch) {
            err(
                "recruiting_channel_id",
                "errors.posting-validation.channel-not-found",
            );
        }
    }
    if let Some(pid) = v.get("external_posting_id").and_then(Value::as_str) {
        let ok = w
            .seed
            .channels
            .iter()
            .filter(|c| channel.is_none_or(|ch| ch == c.id))
            .any(|c| c.postings.iter().any(|p| p == pid));
        if !ok {
            err(
                "external_posting_id",
                "errors.posting-validation.posting-not-found",
            );
        }
    }
    let mut files = vec![];
    for (i, f) in v
        .get("files")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let field = format!("files[{i}]");
        let (uuid, name, cat) = (
            f.get("uuid").and_then(Value::as_str),
            f.get("original_filename").and_then(Value::as_str),
            f.get("category").and_then(Value::as_str),
        );
        let (Some(uuid), Some(name), Some(cat)) = (uuid, name, cat) else {
            err(&field, "errors.attribute-validation.required-attribute");
            continue;
        };
        if !CATEGORIES.contains(&cat) {
            err(&field, "errors.file-validation.unknown-file-category");
            continue;
        }
        match w.uploads.get(uuid).filter(|u| u.company_id == company) {
            Some(u) => files.push(ReceivedFile {
                uuid: uuid.into(),
                name: name.into(),
                category: cat.into(),
                size: u.size,
                sha256: u.sha256.clone(),
            }),
            None => err(&field, "errors.file-validation.file-not-exists"),
        }
    }
    let mut attributes: Vec<(String, String)> = vec![];
    for a in v
        .get("attributes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let id = a
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let field = format!("attributes.{id}");
        let Some(value) = a.get("value") else {
            err(&field, "errors.attribute-validation.required-attribute");
            continue;
        };
        let Some(value) = value.as_str() else {
            err(&field, "errors.attribute-validation.invalid-type");
            continue;
        };
        let Some(def) = w.seed.attributes.iter().find(|d| d.id == id) else {
            err(&field, "errors.attribute-validation.unknown");
            continue;
        };
        match &def.kind {
            AttributeKind::Option(opts) if !opts.iter().any(|o| o == value) => err(
                &field,
                "errors.attribute-validation.unknown-attribute-option",
            ),
            AttributeKind::Date if !valid_date(value) => {
                err(&field, "errors.attribute-validation.invalid-date-format")
            }
            _ => {
                attributes.retain(|(k, _)| *k != id);
                attributes.push((id, value.to_string()));
            }
        }
    }
    let refuse = |w: &World, errs: &[(String, String)], trace: &str| {
        if api == Api::V2 && w.modes.problem_json {
            problem_errors(400, trace, now, "/v2/recruiting/applications", errs)
        } else {
            field_errors(400, errs)
        }
    };
    if !errs.is_empty() {
        return refuse(&w, &errs, &trace);
    }
    let job = job.unwrap_or_default();
    let existing = w
        .candidates
        .iter()
        .find(|c| c.company_id == company && c.email.eq_ignore_ascii_case(&email))
        .map(|c| c.id.clone());
    if let Some(cid) = &existing {
        if w.applications
            .iter()
            .any(|a| &a.candidate_id == cid && a.job_position_id == job)
        {
            let dup = [(
                "email".to_string(),
                "errors.applicant-already-exists".to_string(),
            )];
            return refuse(&w, &dup, &trace);
        }
    }
    let candidate_id = match existing {
        Some(c) => c,
        None => {
            let id = (300_000 + w.next_id()).to_string();
            let system: Vec<(String, String)> = attributes
                .iter()
                .filter(|(k, _)| {
                    ["phone", "location", "gender", "birthday", "available_from"]
                        .contains(&k.as_str())
                })
                .cloned()
                .collect();
            w.candidates.push(CandidateRec {
                id: id.clone(),
                company_id: company.clone(),
                first_name: s("first_name"),
                last_name: s("last_name"),
                email: email.clone(),
                linkedin_profile: None,
                attributes: system,
                created_at_ms: now,
                updated_at_ms: now,
            });
            id
        }
    };
    if let Some(c) = w.candidates.iter_mut().find(|c| c.id == candidate_id) {
        c.updated_at_ms = now;
    }
    let id = (400_000 + w.next_id()).to_string();
    let mut fields = v.as_object().cloned().unwrap_or_default();
    for k in ["files", "attributes", "tags"] {
        fields.remove(k);
    }
    let application_date =
        crate::v2read::application_date(v.get("application_date").and_then(Value::as_str), now);
    w.applications.push(ApplicationRec {
        id: id.clone(),
        company_id: company,
        candidate_id,
        job_position_id: job,
        api: api.name().into(),
        fields: Value::Object(fields),
        tags: v
            .get("tags")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        attributes,
        files,
        stage: stage.clone(),
        transitions: vec![Transition {
            stage,
            entered_at_ms: now,
        }],
        application_date,
        created_at_ms: now,
        updated_at_ms: now,
    });
    match api {
        Api::V1 => empty(201),
        // `CreatedObject.id` is optional in the official component: the sparse mode leaves it out.
        Api::V2 if w.modes.sparse => json_response(201, json!({})),
        Api::V2 => json_response(
            201,
            json!({"id": id, "_meta": {"links": {"self": {"href": format!("{base}/v2/recruiting/applications/{id}")}}}}),
        ),
    }
}

/// `POST /v1/recruiting/applications`.
pub async fn v1_applications(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    applications(app, headers, body, Api::V1).await
}

/// `POST /v2/recruiting/applications`.
pub async fn v2_applications(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    applications(app, headers, body, Api::V2).await
}
