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

/// The script text of every RSC payload among the embedded blocks, each handed to `f`. A block is the
/// script's `outerHTML`: its start tag is parsed (to check the selector), its raw text is the rest up to
/// the last `</script` (found from the end: the payload is not scanned for it).
fn each_payload(embedded: &[String], f: &mut dyn FnMut(&str)) {
    for block in embedded {
        let Some(tag_end) = block.find('>') else {
            continue;
        };
        let start_tag = Document::parse(&block[..=tag_end]);
        let is_payload = start_tag
            .elements()
            .next()
            .is_some_and(|el| super::dom::matches(el, TABLE.embedded.rsc_script));
        if !is_payload {
            continue;
        }
        let body = &block[tag_end + 1..];
        let end = body.rfind("</").unwrap_or(body.len());
        f(&body[..end]);
    }
}

/// True when the quote at `at` is escaped (preceded by an odd number of backslashes).
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// The JSON string tokens of the payload's array that mention a name key, decoded. Inside the array's
/// strings a key is escaped (`\"firstName\"`), so the key is searched in the raw script (one pass per
/// key) and only the tokens around its occurrences are delimited (the nearest unescaped quotes) and
/// decoded: a payload of a megabyte is crossed without walking its tokens.
fn chunks_with_names(script: &str) -> Vec<String> {
    let Some(start) = script
        .find(TABLE.embedded.rsc_marker)
        .and_then(|i| script[i..].find('[').map(|j| i + j))
    else {
        return Vec::new();
    };
    let bytes = script.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // `lastName` is looked for only when no record has a `firstName` (one pass over the payload).
    for key in NAME_KEYS {
        if !spans.is_empty() {
            break;
        }
        let needle = format!("\\\"{key}\\\"");
        let mut from = start;
        while let Some(at) = script[from..].find(&needle).map(|i| from + i) {
            from = at + needle.len();
            if spans.iter().any(|&(a, b)| a < at && at < b) {
                continue;
            }
            let open = (start..at)
                .rev()
                .find(|&i| bytes[i] == b'"' && !escaped(bytes, i));
            let close =
                (at + needle.len()..bytes.len()).find(|&i| bytes[i] == b'"' && !escaped(bytes, i));
            if let (Some(open), Some(close)) = (open, close) {
                spans.push((open, close));
            }
        }
    }
    spans.sort_unstable();
    spans
        .into_iter()
        .filter_map(|(open, close)| serde_json::from_str::<String>(&script[open..=close]).ok())
        .collect()
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
    let mut found = None;
    each_payload(embedded, &mut |script| {
        if found.is_some() {
            return;
        }
        found = chunks_with_names(script)
            .iter()
            .flat_map(|chunk| records(chunk))
            .filter(|record| names_profile(record, slug) == Some(true))
            .find_map(|record| {
                let first_name = text_of(&record, "firstName");
                let last_name = text_of(&record, "lastName");
                (first_name.is_some() || last_name.is_some()).then(|| EmbeddedProfile {
                    public_identifier: slug.to_string(),
                    member_id: ID_KEYS
                        .iter()
                        .find_map(|k| text_of(&record, k))
                        .map(|id| id.rsplit(':').next().unwrap_or(&id).to_string()),
                    first_name,
                    last_name,
                    ..EmbeddedProfile::default()
                })
            });
    });
    found
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
