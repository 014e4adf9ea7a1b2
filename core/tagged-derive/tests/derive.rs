//! What `#[derive(TaggedDeserialize)]` reads, against what serde's own derive writes for the same
//! attributes: variant and field attributes, the container's `rename_all`, newtype variants, and the
//! errors for a missing or unknown tag.

use serde::{Deserialize, Deserializer, Serialize};
use sourcing_tagged::TaggedDeserialize;

#[derive(Debug, PartialEq, Deserialize, Serialize)]
struct Inner {
    a: u8,
    #[serde(default)]
    b: Option<String>,
}

fn doubled<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    u32::deserialize(d).map(|n| n * 2)
}

#[derive(Debug, PartialEq, Serialize, TaggedDeserialize)]
#[serde(tag = "t", rename_all = "kebab-case")]
enum Internal {
    UnitOne,
    #[serde(rename = "renamed", alias = "old-name")]
    Named {
        #[serde(rename = "n")]
        number: u32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        list: Vec<String>,
        #[serde(skip)]
        skipped: bool,
    },
    Wrapped(Inner),
    Custom {
        #[serde(deserialize_with = "doubled", default)]
        value: u32,
    },
    Nested {
        inner: Box<Internal>,
    },
}

#[derive(Debug, PartialEq, Serialize, TaggedDeserialize)]
#[serde(tag = "k", content = "c", rename_all = "snake_case")]
enum Adjacent {
    Plain,
    Text(String),
    Pair(u8, u8),
    Fields { x: i64 },
}

fn read<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn internally_tagged_reads_what_serde_writes() {
    let values = [
        Internal::UnitOne,
        Internal::Named {
            number: 3,
            list: vec!["x".into()],
            skipped: false,
        },
        Internal::Named {
            number: 4,
            list: vec![],
            skipped: false,
        },
        Internal::Wrapped(Inner {
            a: 1,
            b: Some("b".into()),
        }),
        Internal::Nested {
            inner: Box::new(Internal::Wrapped(Inner { a: 2, b: None })),
        },
    ];
    for value in values {
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(read::<Internal>(&json), Ok(value), "{json}");
    }
    assert_eq!(
        serde_json::to_string(&Internal::UnitOne).unwrap(),
        r#"{"t":"unit-one"}"#
    );
}

#[test]
fn internally_tagged_attributes() {
    assert_eq!(
        read(r#"{"n":5,"t":"old-name","skipped":true}"#),
        Ok(Internal::Named {
            number: 5,
            list: vec![],
            skipped: false
        })
    );
    assert_eq!(
        read(r#"{"t":"unit-one","ignored":[1]}"#),
        Ok(Internal::UnitOne)
    );
    assert_eq!(
        read(r#"{"t":"custom","value":21}"#),
        Ok(Internal::Custom { value: 42 })
    );
    assert_eq!(read(r#"{"t":"custom"}"#), Ok(Internal::Custom { value: 0 }));
    assert_eq!(
        read(r#"{"t":"wrapped","a":7}"#),
        Ok(Internal::Wrapped(Inner { a: 7, b: None }))
    );
}

#[test]
fn internally_tagged_errors() {
    let unknown = read::<Internal>(r#"{"t":"three"}"#).unwrap_err();
    assert!(
        unknown.starts_with(
            "unknown variant `three`, expected one of `unit-one`, `old-name`, `renamed`"
        ),
        "{unknown}"
    );
    assert_eq!(
        read::<Internal>(r#"{"n":1}"#),
        Err("missing field `t`".into())
    );
    assert_eq!(
        read::<Internal>(r#"{"t":"renamed"}"#),
        Err("missing field `n`".into())
    );
    assert_eq!(
        read::<Internal>(r#"{"t":true}"#),
        Err("invalid type: boolean `true`, expected a variant name".into())
    );
    assert_eq!(
        read::<Internal>("7"),
        Err("invalid type: number, expected an object with a `t` field".into())
    );
}

#[test]
fn adjacently_tagged() {
    for value in [
        Adjacent::Plain,
        Adjacent::Text("hi".into()),
        Adjacent::Pair(1, 2),
        Adjacent::Fields { x: -1 },
    ] {
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(read::<Adjacent>(&json), Ok(value), "{json}");
    }
    assert_eq!(
        serde_json::to_string(&Adjacent::Text("hi".into())).unwrap(),
        r#"{"k":"text","c":"hi"}"#
    );
    assert_eq!(read(r#"{"c":null,"k":"plain"}"#), Ok(Adjacent::Plain));
    assert_eq!(
        read::<Adjacent>(r#"{"k":"text"}"#),
        Err("missing field `c`".into())
    );
    assert!(read::<Adjacent>(r#"{"k":"nope"}"#)
        .unwrap_err()
        .starts_with("unknown variant `nope`"));
    assert_eq!(
        read::<Adjacent>(r#"{"c":1}"#),
        Err("missing field `k`".into())
    );
}
