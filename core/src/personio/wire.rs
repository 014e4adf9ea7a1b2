//! The raw shapes of Personio's v2 recruiting answers, as serde structs. Every field is optional and
//! unknown fields are ignored, so an answer that lacks something still parses and the code that
//! needs the field reports it missing ([`super::lookups::LookupGap::MissingField`]). A list item that
//! does not parse at all is kept as [`Lenient::Unreadable`] and counted, never silently dropped.
//!
//! Where each field comes from (official file, reference page, public client) is listed in
//! `tests/personio-standin/README.md`.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::date::{lenient as lenient_date, PersonioDateTime};
use super::ids::{lenient as lenient_id, V2Id};

// Size: every lenient reader below takes the value as a `serde_json::Value` and decides by hand. serde's
// `untagged` enums would buffer each value into serde's private `Content` and instantiate every wire type's
// deserializer a second time for it, nested once per level; that was the largest item of the worker's wasm.
// With `Value`, each wire type is deserialized by one deserializer only (`Value`'s, see `http::json`).

/// A JSON scalar as text: strings (blank → absent), numbers and booleans; objects and lists → absent.
pub(crate) fn text_of(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s).filter(|s| !s.trim().is_empty()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Some(i.to_string()),
            None => n.as_f64().map(|f| f.to_string()),
        },
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string field that may also come as a number; anything else (object, list) reads as absent.
pub(crate) fn lenient_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Value::deserialize(d).map(text_of)
}

/// A text field whose presence matters: absent → `None` (via `default`), present → `Some(value)`.
fn present_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    lenient_text(d).map(Some)
}

/// `value` read as a `T`, or `None` when it is not one (`null`, another type, a shape `T` refuses).
pub(crate) fn read_as<T: DeserializeOwned>(value: Value) -> Option<T> {
    if value.is_null() {
        return None;
    }
    T::deserialize(value).ok()
}

/// A nested object that may be absent, `null` or of an unexpected type (then absent).
pub(crate) fn lenient_object<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Value::deserialize(d).map(read_as)
}

/// A list that may be absent, `null` or not a list (then absent); its items parse leniently.
pub(crate) fn lenient_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<Vec<Lenient<T>>>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => Some(items.into_iter().map(Lenient::of).collect()),
        _ => None,
    })
}

/// A list item: parsed, or kept as unreadable.
#[derive(Debug)]
pub(crate) enum Lenient<T> {
    /// The item in a shape we know.
    Item(T),
    /// Something else.
    Unreadable,
}

impl<T: DeserializeOwned> Lenient<T> {
    fn of(value: Value) -> Self {
        match T::deserialize(value) {
            Ok(item) => Lenient::Item(item),
            Err(_) => Lenient::Unreadable,
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(Lenient::of)
    }
}

/// One page of a v2 list: `{_data: [...], _meta: {links: {next: {href}}}}` (`data` / `meta` are
/// accepted too: public clients report both spellings).
#[derive(Debug, Deserialize)]
#[serde(bound(deserialize = "T: DeserializeOwned"))]
pub(crate) struct Page<T> {
    #[serde(
        rename = "_data",
        alias = "data",
        default,
        deserialize_with = "lenient_list"
    )]
    pub data: Option<Vec<Lenient<T>>>,
    #[serde(
        rename = "_meta",
        alias = "meta",
        default,
        deserialize_with = "lenient_object"
    )]
    pub meta: Option<Meta>,
}

/// `_meta`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Meta {
    #[serde(default, deserialize_with = "lenient_object")]
    pub links: Option<Links>,
}

/// `_meta.links`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Links {
    #[serde(default, deserialize_with = "lenient_object")]
    pub next: Option<Link>,
}

/// A link object.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Link {
    #[serde(default, deserialize_with = "lenient_text")]
    pub href: Option<String>,
}

/// A single resource: wrapped in `_data` (as public clients unwrap it) or bare.
#[derive(Debug)]
pub(crate) enum One<T> {
    Wrapped { data: T },
    Bare(T),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for One<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(d)?;
        let wrapped = value
            .as_object_mut()
            .and_then(|o| o.remove("_data").or_else(|| o.remove("data")));
        if let Some(data) = wrapped.and_then(read_as) {
            return Ok(One::Wrapped { data });
        }
        T::deserialize(value)
            .map(One::Bare)
            .map_err(D::Error::custom)
    }
}

impl<T> One<T> {
    pub fn into_inner(self) -> T {
        match self {
            One::Wrapped { data } | One::Bare(data) => data,
        }
    }
}

/// `{id, name}` references (department, channel, company, category).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Named {
    #[serde(default, deserialize_with = "lenient_text")]
    pub name: Option<String>,
}

/// A reference written either as `{id, name}` or as the bare name (jobs' `category`).
#[derive(Debug)]
pub(crate) enum NamedOrText {
    Named(Named),
    Text(String),
    Other,
}

impl<'de> Deserialize<'de> for NamedOrText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(text) => NamedOrText::Text(text),
            other => read_as(other).map_or(NamedOrText::Other, NamedOrText::Named),
        })
    }
}

impl NamedOrText {
    pub fn name(&self) -> Option<String> {
        match self {
            NamedOrText::Named(n) => n.name.clone(),
            NamedOrText::Text(t) => Some(t.clone()).filter(|t| !t.trim().is_empty()),
            NamedOrText::Other => None,
        }
    }
}

/// A stage: `current_stage`, a transition's `stage`, a category's `stages[]`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireStage {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub kind: Option<String>,
    #[serde(rename = "type", default, deserialize_with = "lenient_text")]
    pub stage_type: Option<String>,
}

/// `application.candidate`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CandidateRef {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub first_name: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub last_name: Option<String>,
}

/// `application.job`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct JobRef {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub name: Option<String>,
}

/// An item of `GET /v2/recruiting/applications` (and `…/applications/{id}`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireApplication {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub application_date: Option<String>,
    #[serde(default, deserialize_with = "lenient_object")]
    pub candidate: Option<CandidateRef>,
    #[serde(default, deserialize_with = "lenient_object")]
    pub job: Option<JobRef>,
    #[serde(default, deserialize_with = "lenient_object")]
    pub current_stage: Option<WireStage>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub created_at: Option<PersonioDateTime>,
}

/// `candidate.applications[]`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ApplicationRef {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
}

/// A custom attribute value: text or a list of texts.
#[derive(Debug)]
pub(crate) enum AttributeValue {
    Text(String),
    List(Vec<String>),
    Other,
}

impl<'de> Deserialize<'de> for AttributeValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(text) => AttributeValue::Text(text),
            list @ Value::Array(_) => {
                read_as(list).map_or(AttributeValue::Other, AttributeValue::List)
            }
            _ => AttributeValue::Other,
        })
    }
}

/// A custom attribute (shape of the v2 common component `CustomAttribute`; Personio says the
/// recruiting reads do not return them yet).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireAttribute {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub global_id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_object")]
    pub value: Option<AttributeValue>,
}

/// An item of `GET /v2/recruiting/candidates`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireCandidate {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub first_name: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub last_name: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub email: Option<String>,
    /// `None`: the answer had no such field; `Some(None)`: it was `null` (no profile known).
    #[serde(default, deserialize_with = "present_text")]
    pub linkedin_profile: Option<Option<String>>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub applications: Option<Vec<Lenient<ApplicationRef>>>,
    #[serde(default, alias = "attributes", deserialize_with = "lenient_list")]
    pub custom_attributes: Option<Vec<Lenient<WireAttribute>>>,
}

/// An item of `GET /v2/recruiting/applications/{id}/stage-transitions`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireStageTransition {
    #[serde(default, deserialize_with = "lenient_object")]
    pub stage: Option<WireStage>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub entered_at: Option<PersonioDateTime>,
}

/// An item of `GET /v2/recruiting/jobs`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireJob {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub name: Option<String>,
    #[serde(default)]
    pub department: Option<NamedOrText>,
    #[serde(default)]
    pub category: Option<NamedOrText>,
}

/// An item of `GET /v2/recruiting/categories`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct WireCategory {
    #[serde(default, deserialize_with = "lenient_list")]
    pub stages: Option<Vec<Lenient<WireStage>>>,
}

/// The `201` of `POST /v2/recruiting/applications` (`CreatedObject`, official common component).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CreatedObject {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<V2Id>,
}

/// Iterates the readable items of a lenient list and counts the rest.
pub(crate) fn split<T>(items: Vec<Lenient<T>>) -> (Vec<T>, usize) {
    let mut ok = Vec::with_capacity(items.len());
    let mut unreadable = 0;
    for item in items {
        match item {
            Lenient::Item(t) => ok.push(t),
            Lenient::Unreadable => unreadable += 1,
        }
    }
    (ok, unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_as_text_like_personio_writes_them() {
        let text = |json: &str| text_of(serde_json::from_str(json).unwrap());
        assert_eq!(text(r#""Anna""#).as_deref(), Some("Anna"));
        assert_eq!(text(r#""  ""#), None);
        assert_eq!(text("1001").as_deref(), Some("1001"));
        assert_eq!(text("-3").as_deref(), Some("-3"));
        assert_eq!(text("1.5").as_deref(), Some("1.5"));
        assert_eq!(
            text("18446744073709551615").as_deref(),
            Some("18446744073709552000")
        );
        assert_eq!(text("true").as_deref(), Some("true"));
        assert_eq!(text("null"), None);
        assert_eq!(text(r#"{"name":"x"}"#), None);
        assert_eq!(text(r#"["x"]"#), None);
        let attribute = |json: &str| serde_json::from_str::<AttributeValue>(json).unwrap();
        assert!(matches!(attribute(r#""a""#), AttributeValue::Text(t) if t == "a"));
        assert!(matches!(attribute(r#"["a","b"]"#), AttributeValue::List(l) if l.len() == 2));
        assert!(matches!(attribute(r#"["a",1]"#), AttributeValue::Other));
        assert!(matches!(attribute("7"), AttributeValue::Other));
    }

    #[test]
    fn public_client_shapes_parse_and_odd_items_are_counted() {
        let page: Page<WireApplication> = serde_json::from_str(
            r#"{"_data":[
                {"id":"495039","application_date":"2026-06-01",
                 "candidate":{"id":"c1","email":"a@x.de","first_name":"Anna","last_name":"Schmidt","gender":"female"},
                 "job":{"id":"1001","name":"Engineer","department":{"id":"d","name":"R&D"}},
                 "current_stage":{"id":null,"kind":"ACCEPTED","name":null,"type":"system"},
                 "channel":{"id":"1","name":"LinkedIn"},"hiring_team":[],"is_anonymized":false,
                 "created_at":{"date-time":"2026-06-01T10:00:00.000Z","timezone":"Europe/Berlin"},
                 "updated_at":"2026-06-02T10:00:00Z","something_new":{"x":1}},
                {"id":7,"candidate":null,"job":"1001","current_stage":"offer"},
                "not an object"
            ],"_meta":{"links":{"next":{"href":"https://api.personio.de/v2/recruiting/applications?cursor=abc"}}}}"#,
        )
        .unwrap();
        let (items, unreadable) = split(page.data.unwrap());
        assert_eq!(unreadable, 1);
        assert_eq!(items.len(), 2);
        let a = &items[0];
        assert_eq!(a.id.as_ref().unwrap().as_str(), "495039");
        assert_eq!(
            a.candidate.as_ref().unwrap().email.as_deref(),
            Some("a@x.de")
        );
        assert_eq!(
            a.job.as_ref().unwrap().id.as_ref().unwrap().position_id(),
            Some(super::super::ids::PositionId(1001))
        );
        let stage = a.current_stage.as_ref().unwrap();
        assert_eq!(
            (stage.id.as_ref(), stage.kind.as_deref()),
            (None, Some("ACCEPTED"))
        );
        assert_eq!(
            a.created_at.as_ref().unwrap().local_date().as_deref(),
            Some("2026-06-01")
        );
        // Wrong types inside an item make those fields absent, not the item unreadable.
        let b = &items[1];
        assert_eq!(b.id.as_ref().unwrap().as_str(), "7");
        assert!(b.candidate.is_none() && b.job.is_none() && b.current_stage.is_none());
        assert!(page
            .meta
            .unwrap()
            .links
            .unwrap()
            .next
            .unwrap()
            .href
            .is_some());
        // The other spelling of the envelope, and an envelope without data.
        let other: Page<WireJob> =
            serde_json::from_str(r#"{"data":[{"id":"1","category":"Various"}],"meta":{}}"#)
                .unwrap();
        let (jobs, _) = split(other.data.unwrap());
        assert_eq!(
            jobs[0].category.as_ref().unwrap().name().as_deref(),
            Some("Various")
        );
        let empty: Page<WireJob> = serde_json::from_str(r#"{"errors":[]}"#).unwrap();
        assert!(empty.data.is_none());
        let one: One<WireApplication> = serde_json::from_str(r#"{"_data":{"id":"9"}}"#).unwrap();
        assert_eq!(one.into_inner().id.unwrap().as_str(), "9");
        let bare: One<WireApplication> = serde_json::from_str(r#"{"id":"9"}"#).unwrap();
        assert_eq!(bare.into_inner().id.unwrap().as_str(), "9");
    }
}
