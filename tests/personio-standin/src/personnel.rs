//! v1 Personnel Data for the HRIS export: `GET`/`POST /v1/company/employees`,
//! `GET /v1/company/document-categories`, `POST /v1/company/documents`, with `{success, data}` /
//! `{success:false, error}` bodies, the `/v1/auth` token (echoed in the `Authorization` response
//! header) and the per-endpoint rate limits.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::app::App;
use crate::recruiting::extension;
use crate::respond::{
    bearer, header_str, json_response, parse_form, parse_multipart, personnel_error,
};
use crate::state::{iso_date, iso_datetime, sha256_hex, valid_date, EmployeeDocument, EmployeeRec};

/// Personnel document types (from the official 422 example).
const DOC_TYPES: &[&str] = &[
    "pdf",
    "docx",
    "doc",
    "jpg",
    "zip",
    "png",
    "txt",
    "jpeg",
    "odt",
    "xlsx",
    "rtf",
    "htm",
    "xls",
    "p7s",
    "pptx",
    "pages",
    "rar",
    "ppt",
    "gif",
    "tif",
    "html",
    "msg",
    "asc",
    "tiff",
    "wps",
    "bmp",
    "7z",
    "csv",
    "ics",
    "vcf",
    "dotx",
    "numbers",
    "eps",
    "gz",
    "ods",
    "otf",
    "odp",
    "odg",
    "rtfd",
    "txz",
    "webarchive",
    "xml",
    "xps",
    "md",
    "fax",
];
const MAX_DOC: usize = 30 * 1024 * 1024;

/// Checks the personnel token and right; returns (company, token).
fn auth(app: &App, headers: &HeaderMap, right: &str) -> Result<(String, String), Response> {
    let Some(tok) = bearer(headers) else {
        return Err(personnel_error(
            401,
            401,
            "Authorization is not provided",
            None,
        ));
    };
    let now = app.now();
    let w = app.world();
    let Some(t) = w
        .tokens
        .get(&tok)
        .filter(|t| t.personnel && now < t.expires_at_ms)
    else {
        return Err(personnel_error(
            401,
            401,
            "The provided token is invalid or has expired",
            None,
        ));
    };
    if !t.scopes.iter().any(|s| s == right) {
        return Err(personnel_error(
            403,
            403,
            "Provided authorization is not valid",
            None,
        ));
    }
    Ok((t.company_id.clone(), tok))
}

fn limit(app: &App, key: &str, limit: usize) -> Result<(), Response> {
    let now = app.now();
    let window = app.config().window_ms;
    if app.world().hit(key, limit, window, now) {
        Ok(())
    } else {
        Err(personnel_error(429, 429, "Too Many Attempts.", None))
    }
}

fn with_token(mut r: Response, token: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!("Bearer {token}")) {
        r.headers_mut().insert(header::AUTHORIZATION, v);
    }
    r
}

fn attr(label: &str, value: Value, kind: &str, universal: &str) -> Value {
    json!({"label": label, "value": value, "type": kind, "universal_id": universal})
}

fn employee_json(e: &EmployeeRec) -> Value {
    let s = |k: &str| e.fields.get(k).cloned().unwrap_or(Value::Null);
    let named = |k: &str, t: &str| match e.fields.get(k).and_then(Value::as_str) {
        Some(n) => json!({"type": t, "attributes": {"id": 1, "name": n}}),
        None => Value::Null,
    };
    let mut attributes = json!({
        "id": attr("ID", json!(e.id), "integer", "id"),
        "first_name": attr("First name", s("first_name"), "standard", "first_name"),
        "last_name": attr("Last name", s("last_name"), "standard", "last_name"),
        "preferred_name": attr("Name (preferred)", s("preferred_name"), "standard", "preferred_name"),
        "email": attr("Email", s("email"), "standard", "email"),
        "gender": attr("Gender", s("gender"), "standard", "gender"),
        "status": attr("Status", s("status"), "standard", "status"),
        "position": attr("Position", s("position"), "standard", "position"),
        "hire_date": attr("Hire date", s("hire_date"), "date", "hire_date"),
        "created_at": attr("created_at", json!(e.created_at), "date", "created_at"),
    });
    // Relations are objects in the schema (not nullable): left out when unset.
    for (key, label, t) in [
        ("department", "Department", "Department"),
        ("office", "Office", "Office"),
        ("subcompany", "Subcompany", "Subcompany"),
    ] {
        let v = named(key, t);
        if !v.is_null() {
            attributes[key] = attr(label, v, "standard", key);
        }
    }
    json!({"type": "Employee", "attributes": attributes})
}

/// `GET /v1/company/employees` (`limit` 1–100, `offset`, `email`).
pub async fn list_employees(
    State(app): State<App>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (company, token) = match auth(&app, &headers, "employees:read") {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Err(r) = limit(
        &app,
        &format!("employees:{company}"),
        app.config().employees_read_limit,
    ) {
        return r;
    }
    let lim = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => 10,
        Some(Ok(l)) if (1..=100).contains(&l) => l,
        _ => return personnel_error(400, 400, "The limit must be between 1 and 100.", None),
    };
    let offset = match q.get("offset").map(|o| o.parse::<usize>()) {
        None => 0,
        Some(Ok(o)) => o,
        _ => return personnel_error(400, 400, "The offset must be a non-negative integer.", None),
    };
    let w = app.world();
    let email = q.get("email").map(|e| e.trim().to_ascii_lowercase());
    let all: Vec<&EmployeeRec> = w
        .employees
        .iter()
        .filter(|e| {
            email.as_ref().is_none_or(|m| {
                e.fields
                    .get("email")
                    .and_then(Value::as_str)
                    .is_some_and(|x| x.to_ascii_lowercase() == *m)
            })
        })
        .collect();
    let data: Vec<Value> = all
        .iter()
        .skip(offset)
        .take(lim)
        .map(|e| employee_json(e))
        .collect();
    let total = all.len();
    let body = json!({
        "success": true,
        "metadata": {"total_elements": total, "current_page": offset / lim, "total_pages": total.div_ceil(lim)},
        "offset": offset,
        "limit": lim,
        "data": data,
    });
    with_token(json_response(200, body), &token)
}

/// `POST /v1/company/employees` (JSON `{"employee": …}` or form `employee[…]`).
pub async fn create_employee(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let (_company, token) = match auth(&app, &headers, "employees:write") {
        Ok(x) => x,
        Err(r) => return r,
    };
    let ct = header_str(&headers, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let employee: Map<String, Value> = if ct.starts_with("application/json") {
        match serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|v| v.get("employee").and_then(Value::as_object).cloned())
        {
            Some(e) => e,
            None => return personnel_error(422, 422, "The employee field is required.", None),
        }
    } else {
        parse_form(&String::from_utf8_lossy(&body))
            .into_iter()
            .filter_map(|(k, v)| {
                Some((
                    k.strip_prefix("employee[")?.strip_suffix(']')?.to_string(),
                    Value::String(v),
                ))
            })
            .collect()
    };
    let s = |k: &str| {
        employee
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
            .to_string()
    };
    for f in ["email", "first_name", "last_name"] {
        if s(f).is_empty() {
            return personnel_error(
                422,
                422,
                &format!("The employee.{f} field is required."),
                None,
            );
        }
    }
    let email = s("email");
    if !email.contains('@') || !email.rsplit('@').next().unwrap_or("").contains('.') {
        return personnel_error(
            422,
            422,
            "The employee.email must be a valid email address.",
            None,
        );
    }
    if let Some(h) = employee.get("hire_date").and_then(Value::as_str) {
        if !valid_date(h) {
            return personnel_error(
                422,
                422,
                "The employee.hire_date does not match the format Y-m-d.",
                None,
            );
        }
    }
    if let Some(g) = employee.get("gender").and_then(Value::as_str) {
        if !["male", "female", "diverse"].contains(&g) {
            return personnel_error(422, 422, "The selected employee.gender is invalid.", None);
        }
    }
    if let Some(st) = employee.get("status").and_then(Value::as_str) {
        if !["onboarding", "active", "leave", "inactive"].contains(&st) {
            return personnel_error(422, 422, "The selected employee.status is invalid.", None);
        }
    }
    let now = app.now();
    let mut w = app.world();
    if let Some(sup) = employee.get("supervisor_id") {
        let id = sup
            .as_f64()
            .or_else(|| sup.as_str().and_then(|x| x.parse().ok()))
            .unwrap_or(-1.0) as i64;
        if !w.employees.iter().any(|e| e.id == id) {
            return personnel_error(
                422,
                422,
                &format!("Supervisor with ID {id} not found"),
                None,
            );
        }
    }
    if w.employees.iter().any(|e| {
        e.fields
            .get("email")
            .and_then(Value::as_str)
            .is_some_and(|m| m.eq_ignore_ascii_case(&email))
    }) {
        return personnel_error(422, 422, "The employee.email has already been taken.", None);
    }
    let mut fields = employee.clone();
    let mut ignored = vec![];
    for (key, known) in [
        ("department", w.seed.departments.clone()),
        ("office", w.seed.offices.clone()),
        ("subcompany", w.seed.subcompanies.clone()),
    ] {
        if let Some(v) = employee.get(key).and_then(Value::as_str) {
            if !known.iter().any(|k| k == v) {
                ignored.push(format!("{key} '{v}' does not exist and was ignored"));
                fields.remove(key);
            }
        }
    }
    if !fields.contains_key("status") {
        let past = fields
            .get("hire_date")
            .and_then(Value::as_str)
            .is_none_or(|h| h <= iso_date(now).as_str());
        fields.insert(
            "status".into(),
            json!(if past { "active" } else { "onboarding" }),
        );
    }
    let id = 1000 + w.next_id() as i64;
    w.employees.push(EmployeeRec {
        id,
        fields,
        ignored: ignored.clone(),
        created_at: iso_datetime(now),
    });
    let mut body = json!({"success": true, "data": {"id": id, "message": "success"}});
    if !ignored.is_empty() {
        body["meta"] = json!({"errors": ignored});
    }
    with_token(json_response(200, body), &token)
}

/// `GET /v1/company/document-categories`.
pub async fn document_categories(State(app): State<App>, headers: HeaderMap) -> Response {
    let (_c, token) = match auth(&app, &headers, "employees:read") {
        Ok(x) => x,
        Err(r) => return r,
    };
    let data: Vec<Value> = app
        .world()
        .seed
        .document_categories
        .iter()
        .map(|(id, name)| json!({"id": id, "type": "DocumentCategory", "attributes": {"name": name}}))
        .collect();
    with_token(
        json_response(200, json!({"success": true, "data": data})),
        &token,
    )
}

/// `POST /v1/company/documents` (multipart `title`, `employee_id`, `category_id`, `file`, `comment`, `date`).
pub async fn upload_document(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let (company, token) = match auth(&app, &headers, "documents:write") {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Err(r) = limit(
        &app,
        &format!("documents:{company}"),
        app.config().personnel_documents_limit,
    ) {
        return r;
    }
    let ct = header_str(&headers, "content-type").unwrap_or("");
    let invalid = |field: &str, msg: &str| {
        personnel_error(
            422,
            0,
            "The given data was invalid.",
            Some(json!({ field: [msg] })),
        )
    };
    let Some(parts) = parse_multipart(ct, &body) else {
        return invalid("file", "The file field is required.");
    };
    let text = |n: &str| {
        parts
            .iter()
            .find(|p| p.name == n && p.filename.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).trim().to_string())
    };
    let Some(title) = text("title").filter(|t| !t.is_empty()) else {
        return invalid("title", "The title field is required.");
    };
    let Some(employee_id) = text("employee_id").and_then(|v| v.parse::<i64>().ok()) else {
        return invalid("employee_id", "The employee id field is required.");
    };
    let Some(category_id) = text("category_id").and_then(|v| v.parse::<i64>().ok()) else {
        return invalid("category_id", "The category id field is required.");
    };
    let Some(file) = parts
        .iter()
        .find(|p| p.name == "file" && p.filename.is_some())
    else {
        return invalid("file", "The file field is required.");
    };
    let date = text("date");
    if date.as_deref().is_some_and(|d| !valid_date(d)) {
        return invalid("date", "The date does not match the format Y-m-d.");
    }
    let name = file.filename.clone().unwrap_or_default();
    if !extension(&name).is_some_and(|e| DOC_TYPES.contains(&e.as_str())) {
        return invalid(
            "file",
            &format!("The file must be a file of type: {}.", DOC_TYPES.join(", ")),
        );
    }
    if file.data.len() > MAX_DOC {
        return invalid("file", "The file may not be greater than 30720 kilobytes.");
    }
    let mut w = app.world();
    let Some(emp) = w.employees.iter().find(|e| e.id == employee_id).cloned() else {
        return personnel_error(
            404,
            0,
            &format!("No query results for model [Employee] {employee_id}"),
            None,
        );
    };
    let Some((_, cat_name)) = w
        .seed
        .document_categories
        .iter()
        .find(|(id, _)| *id == category_id)
        .cloned()
    else {
        return personnel_error(
            404,
            0,
            &format!("No query results for model [DocumentCategory] {category_id}"),
            None,
        );
    };
    let id = w.next_id() as i64;
    let comment = text("comment");
    w.employee_documents.push(EmployeeDocument {
        id,
        employee_id,
        category_id,
        title: title.clone(),
        comment: comment.clone(),
        date: date.clone(),
        name,
        size: file.data.len() as u64,
        sha256: sha256_hex(&file.data),
    });
    let f = |k: &str| {
        emp.fields
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let body = json!({"success": true, "data": {"id": id, "type": "Document", "attributes": {
        "title": title,
        "date": date.unwrap_or_else(|| iso_date(app.now())),
        "comment": comment.unwrap_or_default(),
        "employee": {"type": "Employee", "attributes": {
            "id": attr("ID", json!(emp.id), "integer", "id"),
            "first_name": attr("First name", json!(f("first_name")), "standard", "first_name"),
            "last_name": attr("Last name", json!(f("last_name")), "standard", "last_name"),
            "email": attr("Email", json!(f("email")), "standard", "email"),
        }},
        "category": {"id": category_id, "type": "DocumentCategory", "attributes": {"name": cat_name}},
    }}});
    with_token(json_response(201, body), &token)
}
