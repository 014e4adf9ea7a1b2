//! Typed errors the UI can show, and the parsing of every Personio error body into them:
//! v1 recruiting `error_response`, v2 `ErrorResponse`, v1 personnel `{success:false,error}` and
//! OAuth2 `{error, error_description}`.

use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

use super::http::HttpResponse;
use super::wire::{lenient_list, lenient_object, lenient_text, Lenient};

/// One problem with one submitted field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Personio's field name: `email`, `job_position_id`, `attributes.phone`, `files[0]`, …
    pub field: String,
    /// Personio's reason code, e.g. `errors.attribute-validation.invalid-email-format`.
    pub reason: String,
}

impl FieldError {
    /// A field error.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// The right or feature a 403 says is missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum MissingRight {
    /// Creating applications.
    Applications,
    /// Creating tags.
    Tags,
    /// Writing comments / messages.
    Comments,
    /// Uploading candidate documents.
    CandidateDocuments,
    /// Employees (personnel data) read/write.
    Employees,
    /// The OAuth client lacks a recruiting scope ("Insufficient access scope").
    RecruitingScope,
    /// `feature.recruiting.disabled`: the company has no recruiting.
    RecruitingFeature,
    /// `feature.public-api.disabled`: the company has no recruiting API.
    PublicApiFeature,
    /// Anything else, with Personio's text.
    Other(String),
}

/// Everything a Personio call can end with other than success.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, TaggedDeserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PersonioError {
    /// Field-level validation errors to show next to the fields.
    #[error("Personio rejected {} field(s): {}", fields.len(), fields.iter().map(|f| format!("{} ({})", f.field, f.reason)).collect::<Vec<_>>().join(", "))]
    Validation {
        /// The fields and reasons.
        fields: Vec<FieldError>,
        /// Personio's trace / error id.
        trace_id: Option<String>,
    },
    /// A 400 without field detail (e.g. "Invalid request body supplied").
    #[error("Personio rejected the request: {detail}")]
    InvalidRequest {
        /// Personio's text.
        detail: String,
        /// Personio's trace / error id.
        trace_id: Option<String>,
    },
    /// Credentials not recognised (or token renewal failed): reconnect.
    #[error("Personio did not accept the credentials")]
    Unauthorized {
        /// Personio's trace / error id.
        trace_id: Option<String>,
    },
    /// Authenticated but not allowed.
    #[error("Personio refused access: missing {right:?}")]
    Forbidden {
        /// What is missing.
        right: MissingRight,
        /// Personio's trace / error id.
        trace_id: Option<String>,
    },
    /// Too many calls (429 or the local budget is used up): retry at `retry_at_ms`.
    #[error("Personio rate limit reached; retry after {retry_at_ms}")]
    RateLimited {
        /// Epoch ms before which no recruiting call must be made.
        retry_at_ms: u64,
    },
    /// 5xx: retry at `retry_at_ms` (exponential backoff).
    #[error("Personio server error {status}")]
    Server {
        /// HTTP status.
        status: u16,
        /// Epoch ms of the next attempt.
        retry_at_ms: u64,
        /// Personio's trace / error id.
        trace_id: Option<String>,
    },
    /// No complete response: retry at `retry_at_ms` (exponential backoff).
    #[error("network error talking to Personio: {message}")]
    Network {
        /// Epoch ms of the next attempt.
        retry_at_ms: u64,
        /// Cause, for logs.
        message: String,
    },
    /// A file is larger than Personio accepts (20 MB for candidate documents).
    #[error("file too large")]
    TooLarge {
        /// Which file (`files[0]`, `file`).
        field: String,
    },
    /// `errors.job-position.not-published`.
    #[error("the position is not published")]
    NotPublished,
    /// `errors.applicant-already-exists` (not after our own earlier attempt).
    #[error("this person already applied to this position")]
    AlreadyExists,
    /// 404 for a referenced resource (employee, document category, unknown path).
    #[error("not found: {what}")]
    NotFound {
        /// What was not found, with Personio's text.
        what: String,
        /// Personio's trace / error id.
        trace_id: Option<String>,
    },
    /// The configured credentials cannot do this (e.g. lookups need OAuth; nothing configured).
    #[error("not possible with the configured credentials: {needed}")]
    UnsupportedAuth {
        /// What would be needed.
        needed: String,
    },
    /// A response the client cannot interpret.
    #[error("unexpected Personio response {status}: {detail}")]
    Unexpected {
        /// HTTP status.
        status: u16,
        /// Body excerpt.
        detail: String,
    },
    /// The career-site XML feed (the list of published positions) answered on none of its hosts.
    #[error("the career-site XML feed could not be read from {}", tried.join(" or "))]
    FeedUnavailable {
        /// The hosts tried, e.g. `acme.jobs.personio.de`, `acme.jobs.personio.com`.
        tried: Vec<String>,
    },
    /// The caller's document store could not provide a document's bytes.
    #[error("document {document_id} is not available: {message}")]
    DocumentMissing {
        /// The caller's document id.
        document_id: String,
        /// Cause.
        message: String,
    },
}

impl PersonioError {
    /// When the operation may be retried (rate limit, 5xx, network), the earliest time.
    pub fn retry_at_ms(&self) -> Option<u64> {
        match self {
            PersonioError::RateLimited { retry_at_ms }
            | PersonioError::Server { retry_at_ms, .. }
            | PersonioError::Network { retry_at_ms, .. } => Some(*retry_at_ms),
            _ => None,
        }
    }

    /// True for errors that go away by waiting ([`PersonioError::retry_at_ms`] is set).
    pub fn is_transient(&self) -> bool {
        self.retry_at_ms().is_some()
    }

    /// Personio's trace / error id, when the body carried one.
    pub fn trace_id(&self) -> Option<&str> {
        match self {
            PersonioError::Validation { trace_id, .. }
            | PersonioError::InvalidRequest { trace_id, .. }
            | PersonioError::Unauthorized { trace_id }
            | PersonioError::Forbidden { trace_id, .. }
            | PersonioError::Server { trace_id, .. }
            | PersonioError::NotFound { trace_id, .. } => trace_id.as_deref(),
            _ => None,
        }
    }
}

/// The API family a response came from (decides defaults for 403 and wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    /// v1 or v2 recruiting.
    Recruiting,
    /// v1 personnel data.
    Personnel,
    /// Token endpoints.
    Auth,
    /// Career-site feed.
    Feed,
}

/// What an error body said, whatever its format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedErrorBody {
    /// Field errors (`error_response` field items).
    pub fields: Vec<FieldError>,
    /// Generic messages (title / detail / message / OAuth error), in order.
    pub messages: Vec<String>,
    /// `personio_trace_id` (v2) or the generic item `id` (v1).
    pub trace_id: Option<String>,
}

/// Every error body Personio sends, as one lenient struct (all fields optional, unknown ignored):
/// v1 recruiting `error_response`, v2 `ErrorResponse`, RFC 7807 `application/problem+json` (with
/// `errors` or `invalid_params` extensions), v1 personnel `{success:false, error}` and OAuth2
/// `{error, error_description}`.
#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(default, deserialize_with = "lenient_text")]
    personio_trace_id: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    trace_id: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    errors: Option<Vec<Lenient<ErrorItem>>>,
    #[serde(default)]
    error: Option<ErrorField>,
    #[serde(default, deserialize_with = "lenient_text")]
    error_description: Option<String>,
    /// RFC 7807 top level.
    #[serde(rename = "type", default, deserialize_with = "lenient_text")]
    problem_type: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    detail: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    reason: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    code: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    invalid_params: Option<Vec<Lenient<InvalidParam>>>,
}

/// One item of `errors[]` in any of the formats.
#[derive(Debug, Default, Deserialize)]
struct ErrorItem {
    #[serde(default, deserialize_with = "lenient_text")]
    field: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    errors: Option<Vec<Lenient<ReasonItem>>>,
    #[serde(default, deserialize_with = "lenient_text")]
    id: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    detail: Option<String>,
    #[serde(rename = "type", default, deserialize_with = "lenient_text")]
    item_type: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    reason: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    code: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pointer: Option<String>,
    #[serde(
        rename = "_meta",
        alias = "meta",
        default,
        deserialize_with = "lenient_object"
    )]
    meta: Option<ItemMeta>,
}

#[derive(Debug, Default, Deserialize)]
struct ReasonItem {
    #[serde(default, deserialize_with = "lenient_text")]
    reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ItemMeta {
    #[serde(default, deserialize_with = "lenient_text")]
    field: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pointer: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct InvalidParam {
    #[serde(default, deserialize_with = "lenient_text")]
    name: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    reason: Option<String>,
}

/// `error` is an object (personnel) or a code (OAuth2).
#[derive(Debug)]
enum ErrorField {
    Object { message: Option<String> },
    Code(String),
    Other,
}

// Read through `serde_json::Value`, not an `untagged` enum: see the size note in `wire.rs`.
impl<'de> Deserialize<'de> for ErrorField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(code) => ErrorField::Code(code),
            serde_json::Value::Object(mut object) => ErrorField::Object {
                message: object.remove("message").and_then(super::wire::text_of),
            },
            _ => ErrorField::Other,
        })
    }
}

/// A Personio reason code (`errors.…`) in a text: the text itself, a URI fragment or last path
/// segment (`…/public-api-error-codes#errors.applicant-already-exists`).
fn reason_in(text: &str) -> Option<String> {
    let t = text.trim();
    let tail = t.rsplit(['#', '/']).next().unwrap_or(t).trim();
    [t, tail]
        .into_iter()
        .find(|c| c.starts_with("errors.") && !c.contains(char::is_whitespace))
        .map(str::to_string)
}

/// The field a reason is about when the body does not name one.
fn default_field(reason: &str) -> &'static str {
    match reason {
        REASON_ALREADY_EXISTS => "email",
        REASON_NOT_PUBLISHED => "job_position_id",
        "errors.date-validation.date-in-the-future" => "application_date",
        REASON_FILE_TOO_BIG | "errors.invalid-file-type" => "file",
        _ => "",
    }
}

/// `/email` or `#/email` (JSON pointers) → `email`.
fn field_of_pointer(pointer: &str) -> String {
    pointer
        .trim_start_matches('#')
        .trim_start_matches('/')
        .replace('/', ".")
}

fn text_of(title: Option<&str>, detail: Option<&str>) -> Option<String> {
    let title = title.unwrap_or("").trim();
    let detail = detail.unwrap_or("").trim();
    match (title.is_empty(), detail.is_empty()) {
        (false, false) => Some(format!("{title}: {detail}")),
        (false, true) => Some(title.to_string()),
        (true, false) => Some(detail.to_string()),
        (true, true) => None,
    }
}

/// Parses any of Personio's error body formats; unknown bodies give an empty result.
pub fn parse_error_body(body: &[u8]) -> ParsedErrorBody {
    let mut out = ParsedErrorBody::default();
    // serde also reads a struct from a JSON array (by position): only objects are error bodies.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return out;
    }
    let Ok(b) = super::http::json_of::<ErrorBody>(body) else {
        return out;
    };
    out.trace_id = b.personio_trace_id.clone().or(b.trace_id.clone());
    let items = b
        .errors
        .map(|e| super::wire::split(e).0)
        .unwrap_or_default();
    for item in &items {
        if let (Some(field), Some(reasons)) = (&item.field, &item.errors) {
            for r in reasons {
                if let Lenient::Item(ReasonItem {
                    reason: Some(reason),
                }) = r
                {
                    out.fields
                        .push(FieldError::new(field.clone(), reason.clone()));
                }
            }
            continue;
        }
        // v2 / problem items: the reason code in `reason`, `code`, `_meta.reason`, `type` or `title`.
        let meta = item.meta.as_ref();
        let reason = [
            item.reason.as_deref(),
            item.code.as_deref(),
            meta.and_then(|m| m.reason.as_deref()),
            item.item_type.as_deref(),
            item.title.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find_map(reason_in);
        match reason {
            Some(reason) => {
                let field = item
                    .field
                    .clone()
                    .or_else(|| meta.and_then(|m| m.field.clone()))
                    .or_else(|| {
                        item.pointer
                            .as_deref()
                            .or(meta.and_then(|m| m.pointer.as_deref()))
                            .map(field_of_pointer)
                    })
                    .unwrap_or_else(|| default_field(&reason).to_string());
                out.fields.push(FieldError::new(field, reason));
            }
            None => {
                if let Some(text) = text_of(item.title.as_deref(), item.detail.as_deref()) {
                    out.messages.push(text);
                }
                if out.trace_id.is_none() {
                    out.trace_id = item.id.clone();
                }
            }
        }
    }
    for p in b
        .invalid_params
        .map(|p| super::wire::split(p).0)
        .unwrap_or_default()
    {
        if let Some(reason) = p.reason.as_deref().and_then(reason_in) {
            let field = p
                .name
                .clone()
                .unwrap_or_else(|| default_field(&reason).to_string());
            out.fields.push(FieldError::new(field, reason));
        }
    }
    // RFC 7807 top level without items naming the reason.
    if items.is_empty() && out.fields.is_empty() {
        let reason = [
            b.reason.as_deref(),
            b.code.as_deref(),
            b.problem_type.as_deref(),
            b.title.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find_map(reason_in);
        match reason {
            Some(reason) => out
                .fields
                .push(FieldError::new(default_field(&reason), reason)),
            None => out
                .messages
                .extend(text_of(b.title.as_deref(), b.detail.as_deref())),
        }
    }
    match b.error {
        Some(ErrorField::Object {
            message: Some(message),
        }) => out.messages.push(message),
        Some(ErrorField::Code(code)) => {
            let desc = b.error_description.unwrap_or_default();
            out.messages.push(if desc.is_empty() {
                code
            } else {
                format!("{code}: {desc}")
            });
        }
        _ => {}
    }
    out
}

/// Maps a 403 text to the missing right.
pub(crate) fn missing_right(text: &str, family: Family) -> MissingRight {
    let t = text.to_ascii_lowercase();
    if t.contains("feature.public-api.disabled") {
        MissingRight::PublicApiFeature
    } else if t.contains("feature.recruiting.disabled") {
        MissingRight::RecruitingFeature
    } else if t.contains("scope") {
        if family == Family::Personnel {
            MissingRight::Employees
        } else {
            MissingRight::RecruitingScope
        }
    } else if t.contains("tag") {
        MissingRight::Tags
    } else if t.contains("comment") {
        MissingRight::Comments
    } else if t.contains("document") {
        MissingRight::CandidateDocuments
    } else if t.contains("employee") || family == Family::Personnel {
        MissingRight::Employees
    } else if t.contains("application") || family == Family::Recruiting {
        MissingRight::Applications
    } else {
        MissingRight::Other(text.to_string())
    }
}

/// Reason codes with a dedicated error variant.
pub const REASON_ALREADY_EXISTS: &str = "errors.applicant-already-exists";
/// `errors.job-position.not-published`.
pub const REASON_NOT_PUBLISHED: &str = "errors.job-position.not-published";
/// `errors.file-too-big`.
pub const REASON_FILE_TOO_BIG: &str = "errors.file-too-big";

/// Cool-down after any 429 (Personio: wait 60 s after hitting the recruiting limit).
pub const COOLDOWN_AFTER_429_MS: u64 = 60_000;

/// Turns a non-2xx response into an error. `backoff_ms` is the delay to use for 5xx.
pub(crate) fn classify(
    resp: &HttpResponse,
    family: Family,
    now_ms: u64,
    backoff_ms: u64,
) -> PersonioError {
    let parsed = parse_error_body(&resp.body);
    let trace_id = parsed.trace_id.clone();
    let joined = parsed.messages.join("; ");
    // The body of an authentication call may carry a token: never quote it.
    let quote = |body: &[u8]| {
        if family == Family::Auth {
            "(the answer of an authentication call is never shown)".to_string()
        } else {
            excerpt(body)
        }
    };
    match resp.status {
        400 | 422 if !parsed.fields.is_empty() => {
            let only = |reason: &str| parsed.fields.iter().all(|f| f.reason == reason);
            if only(REASON_ALREADY_EXISTS) {
                PersonioError::AlreadyExists
            } else if only(REASON_NOT_PUBLISHED) {
                PersonioError::NotPublished
            } else if only(REASON_FILE_TOO_BIG) {
                PersonioError::TooLarge {
                    field: parsed.fields[0].field.clone(),
                }
            } else {
                PersonioError::Validation {
                    fields: parsed.fields,
                    trace_id,
                }
            }
        }
        400 | 422 if family == Family::Auth && joined.contains("invalid_scope") => {
            PersonioError::Forbidden {
                right: MissingRight::RecruitingScope,
                trace_id,
            }
        }
        400 if family == Family::Auth
            && (joined.contains("invalid_client") || joined.contains("unauthorized_client")) =>
        {
            PersonioError::Unauthorized { trace_id }
        }
        400 | 422 => PersonioError::InvalidRequest {
            detail: if joined.is_empty() {
                quote(&resp.body)
            } else {
                joined
            },
            trace_id,
        },
        401 => PersonioError::Unauthorized { trace_id },
        403 => PersonioError::Forbidden {
            right: missing_right(&joined, family),
            trace_id,
        },
        404 => PersonioError::NotFound {
            what: if joined.is_empty() {
                quote(&resp.body)
            } else {
                joined
            },
            trace_id,
        },
        413 => PersonioError::TooLarge {
            field: "file".into(),
        },
        429 => PersonioError::RateLimited {
            retry_at_ms: now_ms + COOLDOWN_AFTER_429_MS,
        },
        s if s >= 500 => PersonioError::Server {
            status: s,
            retry_at_ms: now_ms + backoff_ms,
            trace_id,
        },
        s => PersonioError::Unexpected {
            status: s,
            detail: quote(&resp.body),
        },
    }
}

fn excerpt(body: &[u8]) -> String {
    let t = String::from_utf8_lossy(body);
    t.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn parses_all_formats() {
        let v1 = r#"{"errors":[{"field":"email","errors":[{"reason":"errors.attribute-validation.invalid-email-format"}]},{"id":"6d1c","status":"400","title":"Bad Request","detail":"x"}]}"#;
        let p = parse_error_body(v1.as_bytes());
        assert_eq!(
            p.fields,
            vec![FieldError::new(
                "email",
                "errors.attribute-validation.invalid-email-format"
            )]
        );
        assert_eq!(p.trace_id.as_deref(), Some("6d1c"));
        let v2 = r#"{"personio_trace_id":"t-1","timestamp":"2024-09-18T09:37:58Z","errors":[{"title":"Insufficient access scope","detail":"Client scope insufficient to access resource"}]}"#;
        match classify(&resp(403, v2), Family::Recruiting, 0, 0) {
            PersonioError::Forbidden {
                right: MissingRight::RecruitingScope,
                trace_id,
            } => assert_eq!(trace_id.as_deref(), Some("t-1")),
            e => panic!("{e:?}"),
        }
        let personnel = r#"{"success":false,"error":{"code":403,"message":"Provided authorization is not valid"}}"#;
        assert!(matches!(
            classify(&resp(403, personnel), Family::Personnel, 0, 0),
            PersonioError::Forbidden {
                right: MissingRight::Employees,
                ..
            }
        ));
        let oauth = r#"{"error":"invalid_scope","error_description":"x"}"#;
        assert!(matches!(
            classify(&resp(400, oauth), Family::Auth, 0, 0),
            PersonioError::Forbidden { .. }
        ));
    }

    #[test]
    fn rfc7807_problem_bodies_are_understood() {
        // An ErrorResponse served as problem+json, the reason in the item's type URI.
        let items = r#"{"type":"https://developer.personio.de/v2.0/page/public-api-error-codes#errors.applicant-already-exists","title":"Bad Request","status":400,"detail":"x","personio_trace_id":"t-9","errors":[{"title":"Applicant already exists","detail":"could not verify","type":"https://developer.personio.de/v2.0/page/public-api-error-codes#errors.applicant-already-exists","_meta":{"field":"email"}}]}"#;
        assert_eq!(
            classify(&resp(400, items), Family::Recruiting, 0, 0),
            PersonioError::AlreadyExists
        );
        // A bare RFC 7807 problem: only the top-level type names the reason.
        let bare = r#"{"type":"https://api.personio.de/problems/errors.job-position.not-published","title":"Not published","status":400}"#;
        assert_eq!(
            classify(&resp(400, bare), Family::Recruiting, 0, 0),
            PersonioError::NotPublished
        );
        // Field errors as invalid_params, and a pointer naming the field.
        let params = r#"{"title":"Validation failed","status":400,"invalid_params":[{"name":"email","reason":"errors.attribute-validation.invalid-email-format"}]}"#;
        assert_eq!(
            parse_error_body(params.as_bytes()).fields,
            vec![FieldError::new(
                "email",
                "errors.attribute-validation.invalid-email-format"
            )]
        );
        let pointer = r#"{"errors":[{"code":"errors.attribute-validation.required-attribute","pointer":"/first_name"}]}"#;
        assert_eq!(
            parse_error_body(pointer.as_bytes()).fields,
            vec![FieldError::new(
                "first_name",
                "errors.attribute-validation.required-attribute"
            )]
        );
        // A problem without a reason code is a message; garbage is empty.
        let plain = r#"{"type":"about:blank","title":"Bad Request","detail":"Unknown query parameter job_id","status":400}"#;
        assert_eq!(
            parse_error_body(plain.as_bytes()).messages,
            vec!["Bad Request: Unknown query parameter job_id".to_string()]
        );
        assert_eq!(parse_error_body(b"<html>"), ParsedErrorBody::default());
        assert_eq!(parse_error_body(b"[1,2]"), ParsedErrorBody::default());
    }

    #[test]
    fn status_mapping() {
        let dup = r#"{"errors":[{"field":"email","errors":[{"reason":"errors.applicant-already-exists"}]}]}"#;
        assert_eq!(
            classify(&resp(400, dup), Family::Recruiting, 0, 0),
            PersonioError::AlreadyExists
        );
        assert_eq!(
            classify(&resp(429, ""), Family::Recruiting, 5, 0),
            PersonioError::RateLimited {
                retry_at_ms: 60_005
            }
        );
        assert_eq!(
            classify(&resp(503, ""), Family::Recruiting, 5, 10).retry_at_ms(),
            Some(15)
        );
        assert_eq!(
            classify(&resp(413, ""), Family::Recruiting, 0, 0),
            PersonioError::TooLarge {
                field: "file".into()
            }
        );
        let f = r#"{"errors":[{"id":"1","status":"403","title":"feature.public-api.disabled"}]}"#;
        assert!(matches!(
            classify(&resp(403, f), Family::Recruiting, 0, 0),
            PersonioError::Forbidden {
                right: MissingRight::PublicApiFeature,
                ..
            }
        ));
    }
}
