//! The 2026 layout's embedded data: a React Server Components ("flight") payload (research
//! `linkedin-scraping.md` §2.1b). Only first and last name are keyed there (`firstName`, `lastName`); the
//! headline, location, company and title have no key and come from the page. A session that walked from one
//! profile to another holds both people's records (and suggestion cards hold more), so a name is taken only
//! from a record that itself names this profile: its `vanityName` / `publicIdentifier`, or a URL of the
//! profile (`…/in/<slug>/`). A record naming another profile, or none, is never used.
//!
//! Where the payload sits is an assumption from public tools' notes (see the fixtures README):
//! `<script id="rehydrate-data">window.__como_rehydration__ = ["<rows>", …]</script>`, the array's strings
//! concatenating into rows `<hex id>:<JSON>`. To stay fast on a payload of a megabyte, only the strings that
//! mention `firstName` / `lastName` are decoded, and only the JSON objects around those keys are parsed
//! (a record split across two strings is not read; the display name is split instead).

use super::embedded::EmbeddedProfile;
use super::markup::Document;
use super::selectors::TABLE;
use super::url;
use serde_json::Value;

/// Keys that name the profile a record describes.
const SLUG_KEYS: &[&str] = &["vanityName", "publicIdentifier"];
/// Keys whose value is the record's profile id (compared with the id in the 2026 card keys).
const ID_KEYS: &[&str] = &["vieweeProfileId", "profileId", "entityUrn", "profileUrn"];
/// The keys of a name.
const NAME_KEYS: &[&str] = &["firstName", "lastName"];
/// How far back from a name key an enclosing object is looked for.
const MAX_OPENINGS: usize = 48;

/// The script text of every RSC payload among the embedded blocks.
fn payloads(embedded: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for block in embedded {
        if !block.contains(TABLE.embedded.rsc_marker) {
            continue;
        }
        let doc = Document::parse(block);
        for script in super::dom::select(doc.root(), TABLE.embedded.rsc_script) {
            out.push(script.descendant_texts().collect());
        }
    }
    out
}

/// The JSON string tokens of the payload's array that mention a name key, decoded.
fn chunks_with_names(script: &str) -> Vec<String> {
    let Some(start) = script
        .find(TABLE.embedded.rsc_marker)
        .and_then(|i| script[i..].find('[').map(|j| i + j))
    else {
        return Vec::new();
    };
    let bytes = script.as_bytes();
    let mut out = Vec::new();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // a JSON string token: find its end (an unescaped quote)
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(bytes.len());
                let token = &script[i..end];
                if NAME_KEYS.iter().any(|k| token.contains(k)) {
                    if let Ok(decoded) = serde_json::from_str::<String>(token) {
                        out.push(decoded);
                    }
                }
                i = end;
            }
            b']' => break,
            _ => i += 1,
        }
    }
    out
}

/// The JSON objects of `text` that directly hold a name key.
fn records(text: &str) -> Vec<serde_json::Map<String, Value>> {
    let mut out: Vec<serde_json::Map<String, Value>> = Vec::new();
    for key in NAME_KEYS {
        let needle = format!("\"{key}\"");
        let mut from = 0;
        while let Some(at) = text[from..].find(&needle).map(|i| from + i) {
            from = at + needle.len();
            // Try the openings before the key, nearest first, until one parses to an object holding it.
            let mut openings = text[..at].rmatch_indices('{').take(MAX_OPENINGS);
            let found = openings.find_map(|(open, _)| {
                let mut stream =
                    serde_json::Deserializer::from_str(&text[open..]).into_iter::<Value>();
                match stream.next() {
                    Some(Ok(Value::Object(map))) if map.contains_key(*key) => Some(map),
                    _ => None,
                }
            });
            if let Some(map) = found {
                if !out.contains(&map) {
                    out.push(map);
                }
            }
        }
    }
    out
}

/// `Some(true)` when the record names the profile `slug`, `Some(false)` when it names another one.
fn names_profile(record: &serde_json::Map<String, Value>, slug: &str) -> Option<bool> {
    let mut verdict = None;
    for (key, value) in record {
        let Some(v) = value.as_str() else { continue };
        let named = if SLUG_KEYS.contains(&key.as_str()) {
            Some(
                percent_encoding::percent_decode_str(v)
                    .decode_utf8_lossy()
                    .to_string(),
            )
        } else if v.contains("/in/") {
            url::profile_link(v).map(|(s, _)| s)
        } else {
            None
        };
        match named {
            Some(s) if s.eq_ignore_ascii_case(slug) => verdict = verdict.or(Some(true)),
            Some(_) => return Some(false),
            None => {}
        }
    }
    verdict
}

fn text_of(record: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    record
        .get(key)
        .and_then(Value::as_str)
        .map(super::text::clean)
        .filter(|s| !s.is_empty())
}

/// First and last name (and the profile id, when the record carries one) of the profile `slug` from the
/// RSC payloads among `embedded`.
pub fn for_slug(embedded: &[String], slug: &str) -> Option<EmbeddedProfile> {
    for script in payloads(embedded) {
        for chunk in chunks_with_names(&script) {
            for record in records(&chunk) {
                if names_profile(&record, slug) != Some(true) {
                    continue;
                }
                let member_id = ID_KEYS
                    .iter()
                    .find_map(|k| text_of(&record, k))
                    .map(|id| id.rsplit(':').next().unwrap_or(&id).to_string());
                let first_name = text_of(&record, "firstName");
                let last_name = text_of(&record, "lastName");
                if first_name.is_some() || last_name.is_some() {
                    return Some(EmbeddedProfile {
                        public_identifier: slug.to_string(),
                        member_id,
                        first_name,
                        last_name,
                        ..EmbeddedProfile::default()
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A payload script as the page carries it: the rows JSON-encoded into the array's strings.
    fn script(chunks: &[&str]) -> Vec<String> {
        let array = serde_json::to_string(&chunks).unwrap();
        vec![format!(
            "<script id=\"rehydrate-data\">window.__como_rehydration__ = {array};</script>"
        )]
    }

    #[test]
    fn reads_only_the_record_of_this_profile() {
        let rows = [
            "1:I[\"ProfileView\"]\n2:[\"$\",\"p\",null,{\"children\":[\"Senior Engineer\"]}]\n",
            // a suggestion card's person, first
            "3:{\"firstName\":\"Bo\",\"lastName\":\"Lind\",\"url\":\"https://www.linkedin.com/in/bo-lind/\"}\n",
            // no profile named: never used
            "4:{\"firstName\":\"Nobody\",\"lastName\":\"Known\"}\n",
            "5:{\"props\":{\"navigationUrl\":\"https://www.linkedin.com/in/Ada-Q/overlay/contact-info/\",\"firstName\":\"Ada Maria\",\"lastName\":\"Quist Lund\",\"vieweeProfileId\":\"urn:li:fsd_profile:ACoAA1\"}}\n",
        ];
        let p = for_slug(&script(&rows), "ada-q").unwrap();
        assert_eq!(p.first_name.as_deref(), Some("Ada Maria"));
        assert_eq!(p.last_name.as_deref(), Some("Quist Lund"));
        assert_eq!(p.member_id.as_deref(), Some("ACoAA1"));
        assert!(for_slug(&script(&rows), "someone-else").is_none());
        let bo = for_slug(&script(&rows), "bo-lind").unwrap();
        assert_eq!(bo.first_name.as_deref(), Some("Bo"));
    }

    #[test]
    fn a_record_naming_two_profiles_is_refused() {
        let rows = ["1:{\"firstName\":\"Ada\",\"vanityName\":\"ada-q\",\"url\":\"https://www.linkedin.com/in/bo-lind/\"}\n"];
        assert!(for_slug(&script(&rows), "ada-q").is_none());
    }

    #[test]
    fn garbage_is_ignored() {
        for block in [
            "<script id=\"rehydrate-data\">window.__como_rehydration__ = [\"unterminated</script>",
            "<script id=\"rehydrate-data\">window.__como_rehydration__ = [\"1:{\\\"firstName\\\":</script>",
            "<script id=\"rehydrate-data\">window.__como_rehydration__ = </script>",
            "<script>window.__como_rehydration__ = [\"1:{\\\"firstName\\\":\\\"A\\\",\\\"vanityName\\\":\\\"a\\\"}\"]</script>",
        ] {
            assert!(for_slug(&[block.to_string()], "a").is_none(), "{block}");
        }
    }
}
