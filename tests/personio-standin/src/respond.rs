//! Response builders for each of Personio's body formats, and a small `multipart/form-data` and
//! form-urlencoded parser for incoming bodies.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::state::iso_datetime;

/// A JSON response.
pub fn json_response(status: u16, body: Value) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// A response without body.
pub fn empty(status: u16) -> Response {
    StatusCode::from_u16(status)
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

/// v1 recruiting `error_response` with field errors.
pub fn field_errors(status: u16, errors: &[(String, String)]) -> Response {
    // Unique fields; several reasons per field.
    let mut items: Vec<(String, Vec<Value>)> = vec![];
    for (field, reason) in errors {
        match items.iter_mut().find(|(f, _)| f == field) {
            Some((_, rs)) => rs.push(json!({"reason": reason})),
            None => items.push((field.clone(), vec![json!({"reason": reason})])),
        }
    }
    let errors: Vec<Value> = items
        .into_iter()
        .map(|(f, rs)| json!({"field": f, "errors": rs}))
        .collect();
    json_response(status, json!({ "errors": errors }))
}

/// v1 recruiting `error_response` with one generic item.
pub fn generic_error(status: u16, id: &str, title: &str, detail: &str) -> Response {
    json_response(
        status,
        json!({"errors": [{"id": id, "status": status.to_string(), "title": title, "detail": detail}]}),
    )
}

/// v2 `ErrorResponse`.
pub fn v2_error(
    status: u16,
    trace: &str,
    now_ms: u64,
    title: &str,
    detail: &str,
    code: &str,
    meta: Option<Value>,
) -> Response {
    let mut item = json!({
        "title": title,
        "detail": detail,
        "type": format!("https://developer.personio.de/v2.0/page/public-api-error-codes#{code}"),
    });
    if let Some(m) = meta {
        item["_meta"] = m;
    }
    json_response(
        status,
        json!({"personio_trace_id": trace, "timestamp": iso_datetime(now_ms), "errors": [item]}),
    )
}

/// v2 validation errors as RFC 7807 `application/problem+json`: the problem members (`type`,
/// `title`, `status`, `detail`, `instance`) plus `personio_trace_id`, `timestamp` and `errors[]` in
/// the v2 `ErrorResponse` item shape, each item's reason only in its `type` URI and its field in
/// `_meta.field` (the body layout is an assumption; the content type is official).
pub fn problem_errors(
    status: u16,
    trace: &str,
    now_ms: u64,
    instance: &str,
    errors: &[(String, String)],
) -> Response {
    let uri = |reason: &str| {
        format!("https://developer.personio.de/v2.0/page/public-api-error-codes#{reason}")
    };
    let items: Vec<Value> = errors
        .iter()
        .map(|(field, reason)| {
            json!({
                "title": "Validation failed",
                "detail": format!("The value of {field} was not accepted."),
                "type": uri(reason),
                "_meta": {"field": field},
            })
        })
        .collect();
    let first = errors
        .first()
        .map(|(_, r)| uri(r))
        .unwrap_or_else(|| "about:blank".into());
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
        [(header::CONTENT_TYPE, "application/problem+json")],
        json!({
            "type": first,
            "title": "Bad Request",
            "status": status,
            "detail": "The application could not be created.",
            "instance": instance,
            "personio_trace_id": trace,
            "timestamp": iso_datetime(now_ms),
            "errors": items,
        })
        .to_string(),
    )
        .into_response()
}

/// Percent-encodes a query component.
pub fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// v1 personnel `{success:false, error:{code, message}}`.
pub fn personnel_error(
    status: u16,
    code: i64,
    message: &str,
    error_data: Option<Value>,
) -> Response {
    let mut error = json!({"code": code, "message": message});
    if let Some(d) = error_data {
        error["error_data"] = d;
    }
    json_response(status, json!({"success": false, "error": error}))
}

/// OAuth2 (RFC 6749 §5.2) error.
pub fn oauth_error(status: u16, error: &str, description: &str) -> Response {
    json_response(
        status,
        json!({"error": error, "error_description": description}),
    )
}

/// Header value as text.
pub fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The bearer token of the `Authorization` header.
pub fn bearer(headers: &HeaderMap) -> Option<String> {
    let h = header_str(headers, "authorization")?;
    let (scheme, token) = h.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// One part of a multipart body.
#[derive(Debug, Clone)]
pub struct Part {
    /// Field name.
    pub name: String,
    /// File name.
    pub filename: Option<String>,
    /// Content type.
    pub content_type: Option<String>,
    /// Content.
    pub data: Vec<u8>,
}

/// The boundary of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() || needle.is_empty() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        match hay[i..hay.len() - needle.len() + 1]
            .iter()
            .position(|b| *b == first)
        {
            Some(p) => {
                i += p;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
            None => return None,
        }
    }
    None
}

fn disposition_param(value: &str, key: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Parses a `multipart/form-data` body; `None` when it is malformed.
pub fn parse_multipart(content_type: &str, body: &[u8]) -> Option<Vec<Part>> {
    let b = boundary(content_type)?;
    let delim = format!("--{b}");
    let mut parts = vec![];
    let mut pos = find(body, delim.as_bytes(), 0)? + delim.len();
    loop {
        if body[pos..].starts_with(b"--") {
            return Some(parts);
        }
        if !body[pos..].starts_with(b"\r\n") {
            return None;
        }
        pos += 2;
        let head_end = find(body, b"\r\n\r\n", pos)?;
        let head = std::str::from_utf8(&body[pos..head_end]).ok()?;
        let next = find(body, format!("\r\n{delim}").as_bytes(), head_end + 4)?;
        let data = body[head_end + 4..next].to_vec();
        let mut name = None;
        let mut filename = None;
        let mut ctype = None;
        for line in head.split("\r\n") {
            let (k, v) = line.split_once(':')?;
            if k.trim().eq_ignore_ascii_case("content-disposition") {
                name = disposition_param(v, "name");
                filename = disposition_param(v, "filename");
            } else if k.trim().eq_ignore_ascii_case("content-type") {
                ctype = Some(v.trim().to_string());
            }
        }
        parts.push(Part {
            name: name?,
            filename,
            content_type: ctype,
            data,
        });
        pos = next + 2 + delim.len();
    }
}

/// Decodes `%XX` and `+`.
pub fn url_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses `a=b&c=d` into pairs.
pub fn parse_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (url_decode(k), url_decode(v))
        })
        .collect()
}

/// First value of a form/query key.
pub fn form_get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_round_trip() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nCV\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--X\r\n--XyZ--\r\n";
        let parts = parse_multipart("multipart/form-data; boundary=\"XyZ\"", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].data, b"CV");
        assert_eq!(parts[1].filename.as_deref(), Some("a b.pdf"));
        assert_eq!(parts[1].data, b"%PDF\r\n--X");
        assert!(parse_multipart("application/json", body).is_none());
        assert!(parse_multipart("multipart/form-data; boundary=XyZ", b"garbage").is_none());
    }

    #[test]
    fn forms() {
        assert_eq!(
            parse_form("a=1&b=x%20y+z&c"),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "x y z".into()),
                ("c".into(), "".into())
            ]
        );
    }
}
