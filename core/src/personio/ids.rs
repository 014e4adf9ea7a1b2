//! Ids, converted in one place: v2 answers give every id as a string (`"1001"`), v1 bodies and the
//! career-site XML feed use integers (`job_position_id: 1001`, `<id>1001</id>`).
//!
//! [`V2Id`] reads a v2 id whichever JSON type it arrives in; [`V2Id::position_id`] and
//! [`V2Id::of_position`] are the only bridges between a v2 job id and the integer
//! `job_position_id` (their equality is an assumption, see the stand-in README). A Personio position
//! is a [`PositionId`] everywhere; "job" in this crate means an outbox job.

use serde::{Deserialize, Deserializer, Serialize};

/// A Personio job position: the integer `job_position_id` of the application API, the `<id>` of the
/// career-site feed, the `job.id` of v2 answers. Serialised as the bare integer.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct PositionId(pub i64);

impl PositionId {
    /// The integer.
    pub fn get(self) -> i64 {
        self.0
    }

    /// True for an id Personio can have (positive).
    pub fn is_valid(self) -> bool {
        self.0 > 0
    }
}

impl std::fmt::Display for PositionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for PositionId {
    type Err = std::num::ParseIntError;

    /// A decimal id as a page or an input holds it (`" 1001 "`); not checked for [`PositionId::is_valid`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().parse().map(PositionId)
    }
}

/// An id from a v2 answer. Strings are kept as they are; a number (not seen, tolerated) becomes its
/// decimal text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct V2Id(pub String);

impl V2Id {
    /// The id text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The position this v2 job id stands for (a positive decimal integer).
    pub fn position_id(&self) -> Option<PositionId> {
        parse_integer_id(&self.0).map(PositionId)
    }

    /// The v2 id of a job position.
    pub fn of_position(position: PositionId) -> V2Id {
        V2Id(position.to_string())
    }
}

impl std::fmt::Display for V2Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A positive integer id as written in the XML feed, a v1 body or a v2 string.
pub fn parse_integer_id(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<i64>().ok().filter(|id| *id > 0)
}

/// An id as Personio writes it: a string, or an integral number (`1001`, `1001.0`).
fn id_of(value: serde_json::Value) -> Option<V2Id> {
    use serde_json::Value;
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(V2Id(s.trim().to_string())),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Some(V2Id(i.to_string())),
            (None, Some(u), _) => Some(V2Id(u.to_string())),
            (None, None, Some(f)) if f.fract() == 0.0 && f.is_finite() => {
                Some(V2Id(format!("{f:.0}")))
            }
            _ => None,
        },
        _ => None,
    }
}

// Read through `serde_json::Value`, not an `untagged` enum: see the size note in `wire.rs`.
impl<'de> Deserialize<'de> for V2Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        id_of(serde_json::Value::deserialize(d)?)
            .ok_or_else(|| serde::de::Error::custom("not an id"))
    }
}

/// Deserializes an optional id, treating `null`, `""` and unreadable values as absent.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<V2Id>, D::Error> {
    serde_json::Value::deserialize(d).map(id_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "lenient")]
        id: Option<V2Id>,
    }

    #[test]
    fn ids_in_every_spelling() {
        let id = |json: &str| serde_json::from_str::<Holder>(json).unwrap().id;
        assert_eq!(id(r#"{"id":"1001"}"#), Some(V2Id("1001".into())));
        assert_eq!(id(r#"{"id":1001}"#), Some(V2Id("1001".into())));
        assert_eq!(id(r#"{"id":1001.0}"#), Some(V2Id("1001".into())));
        assert_eq!(id(r#"{"id":null}"#), None);
        assert_eq!(id(r#"{"id":""}"#), None);
        assert_eq!(id(r#"{"id":{"x":1}}"#), None);
        assert_eq!(id(r#"{}"#), None);
        assert_eq!(V2Id("1001".into()).position_id(), Some(PositionId(1001)));
        assert_eq!(V2Id("job-7".into()).position_id(), None);
        assert_eq!(V2Id("-3".into()).position_id(), None);
        assert_eq!(V2Id::of_position(PositionId(1001)).as_str(), "1001");
        assert_eq!(serde_json::to_string(&PositionId(1001)).unwrap(), "1001");
        assert_eq!(" 1001 ".parse::<PositionId>(), Ok(PositionId(1001)));
        assert_eq!(parse_integer_id(" 42 "), Some(42));
        assert_eq!(parse_integer_id("0"), None);
    }
}
