//! The v2 recruiting read shapes as the sources show them, as JSON schemas: no official file covers
//! these reads, so the shapes come from the two public clients that run against live tenants
//! (`stephaneberle9/personio-client` `src/types.ts`, `gyopiazza/personio-mcp` `src/client.ts`) and
//! Personio's reference pages (see the provenance table in `tests/personio-standin/README.md`).
//!
//! Every object forbids additional properties: the stand-in must not serve a field no source shows
//! (an invented `status`, `from_stage`, a published flag), so a client cannot pass only because the
//! stand-in mirrors its guesses. No property is required but the item ids: the sparse mode leaves
//! every optional one out.

use personio_standin::Exchange;
use serde_json::{json, Value};

use super::contract::validate;

fn nullable(t: &str) -> Value {
    json!({"type": [t, "null"]})
}

/// `{"date-time", "timezone"}` (public clients) or a plain string (public clients' candidates).
fn date() -> Value {
    json!({"oneOf": [
        {"type": "string", "format": "date-time"},
        {"type": "object", "additionalProperties": false, "required": ["date-time"],
         "properties": {"date-time": {"type": "string", "format": "date-time"}, "timezone": {"type": "string"}}}
    ]})
}

fn stage() -> Value {
    json!({"type": ["object", "null"], "additionalProperties": false, "properties": {
        "id": nullable("string"), "kind": {"type": "string"}, "name": nullable("string"), "type": {"type": "string"}
    }})
}

fn named() -> Value {
    json!({"type": "object", "additionalProperties": false, "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}
    }})
}

/// An application item (`RecruitingApplication` in stephaneberle9's `types.ts`).
pub fn application() -> Value {
    json!({"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string"},
        "application_date": {"type": "string"},
        "candidate": {"type": ["object", "null"], "additionalProperties": false, "properties": {
            "id": {"type": "string"}, "email": {"type": "string"}, "first_name": {"type": "string"},
            "last_name": {"type": "string"}, "gender": nullable("string")
        }},
        "job": {"type": ["object", "null"], "additionalProperties": false, "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "department": named(), "category": {}
        }},
        "current_stage": stage(),
        "channel": named(),
        "hiring_team": {},
        "is_anonymized": {"type": "boolean"},
        "created_at": date(),
        "updated_at": date()
    }})
}

/// A candidate item (`RecruitingCandidate`).
pub fn candidate() -> Value {
    json!({"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string"}, "first_name": {"type": "string"}, "last_name": {"type": "string"},
        "email": {"type": "string"}, "gender": nullable("string"), "phone": nullable("string"),
        "location": nullable("string"), "birthday": nullable("string"),
        "linkedin_profile": nullable("string"), "available_from": nullable("string"),
        "applications": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "properties": {"id": {"type": "string"}, "application_date": {"type": "string"}}}},
        "created_at": date(), "updated_at": date()
    }})
}

/// A job item (`RecruitingJob`): no published / status field.
pub fn job() -> Value {
    json!({"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "department": named(), "category": {},
        "hiring_team": {"type": "array"}, "company": {"type": "object"},
        "created_at": date(), "updated_at": date()
    }})
}

/// A stage transition (`RecruitingStageTransition`): `{stage, entered_at}`.
pub fn transition() -> Value {
    json!({"type": "object", "additionalProperties": false, "properties": {
        "stage": stage(), "entered_at": date()
    }})
}

/// A category (`RecruitingCategory`) with its stages.
pub fn category() -> Value {
    json!({"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "company": {"type": "object"},
        "stages": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "properties": {"id": nullable("string"), "name": {"type": "string"}, "type": {"type": "string"}, "kind": {"type": "string"}}}}
    }})
}

/// The schema for the items of a successful v2 read, by path.
fn item_schema(path: &str) -> Option<(Value, bool)> {
    let rest = path.strip_prefix("/v2/recruiting/")?;
    let parts: Vec<&str> = rest.split('/').collect();
    Some(match parts.as_slice() {
        ["applications"] => (application(), true),
        ["applications", id] if *id != "documents" => (application(), false),
        ["applications", _, "stage-transitions"] => (transition(), true),
        ["candidates"] => (candidate(), true),
        ["jobs"] => (job(), true),
        ["categories"] => (category(), true),
        _ => return None,
    })
}

/// Problems of one exchange: a successful v2 read whose items do not fit the observed shapes.
pub fn check(ex: &Exchange) -> Vec<String> {
    if ex.method != "GET" || ex.status != 200 {
        return vec![];
    }
    let Some((schema, list)) = item_schema(&ex.path) else {
        return vec![];
    };
    let Some(body) = ex.response_json.as_ref() else {
        return vec!["observed v2 shape: no JSON body".into()];
    };
    let items: Vec<&Value> = if list {
        match body.get("_data").and_then(Value::as_array) {
            Some(a) => a.iter().collect(),
            None => return vec!["observed v2 shape: `_data` is not a list".into()],
        }
    } else {
        body.get("_data").into_iter().collect()
    };
    items
        .into_iter()
        .flat_map(|item| validate(&schema, item))
        .map(|e| format!("observed v2 shape: {e}"))
        .collect()
}
