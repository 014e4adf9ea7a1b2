//! Ids, converted in one place: v2 answers give every id as a string (`"1001"`), v1 bodies and the
//! career-site XML feed use integers (`job_position_id: 1001`, `<id>1001</id>`).
//!
//! [`V2Id`] reads a v2 id whichever JSON type it arrives in; [`V2Id::job_position_id`] and
//! [`V2Id::of_job_position`] are the only bridges between a v2 job id and the integer
//! `job_position_id` (their equality is an assumption, see the stand-in README).

use serde::{Deserialize, Deserializer, Serialize};

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

    /// The integer `job_position_id` this v2 job id stands for (a positive decimal integer).
    pub fn job_position_id(&self) -> Option<i64> {
        parse_integer_id(&self.0)
    }

    /// The v2 id of a job position.
    pub fn of_job_position(job_position_id: i64) -> V2Id {
        V2Id(job_position_id.to_string())
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

#[derive(Deserialize)]
#[serde(untagged)]
enum IdWire {
    Text(String),
    Integer(i64),
    Unsigned(u64),
    Float(f64),
    Other(serde::de::IgnoredAny),
}

impl<'de> Deserialize<'de> for V2Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match IdWire::deserialize(d)? {
            IdWire::Text(s) if !s.trim().is_empty() => Ok(V2Id(s.trim().to_string())),
            IdWire::Integer(i) => Ok(V2Id(i.to_string())),
            IdWire::Unsigned(u) => Ok(V2Id(u.to_string())),
            IdWire::Float(f) if f.fract() == 0.0 && f.is_finite() => Ok(V2Id(format!("{f:.0}"))),
            _ => Err(serde::de::Error::custom("not an id")),
        }
    }
}

/// Deserializes an optional id, treating `null`, `""` and unreadable values as absent.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<V2Id>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Maybe {
        Id(V2Id),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Option::<Maybe>::deserialize(d)? {
        Some(Maybe::Id(id)) => Some(id),
        _ => None,
    })
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
        assert_eq!(V2Id("1001".into()).job_position_id(), Some(1001));
        assert_eq!(V2Id("job-7".into()).job_position_id(), None);
        assert_eq!(V2Id("-3".into()).job_position_id(), None);
        assert_eq!(V2Id::of_job_position(1001).as_str(), "1001");
        assert_eq!(parse_integer_id(" 42 "), Some(42));
        assert_eq!(parse_integer_id("0"), None);
    }
}
