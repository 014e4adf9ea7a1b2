//! The UI strings: the four locales (en, de, fr, es) carry the same keys, no empty message, the
//! manifest's `__MSG_…__` keys exist, and every message key the Rust code uses is translated.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LOCALES: [&str; 4] = ["en", "de", "fr", "es"];
/// Prefixes of message keys; a camelCase string literal starting with one of them is a key.
const KEY_PREFIXES: [&str; 32] = [
    "val",
    "doc",
    "pos",
    "tags",
    "success",
    "reason",
    "err",
    "wait",
    "job",
    "dup",
    "form",
    "tab",
    "create",
    "field",
    "settings",
    "right",
    "connect",
    "source",
    "status",
    "offProfile",
    "setup",
    "disclaimer",
    "missing",
    "outbox",
    "prof",
    "pin",
    "action",
    "appName",
    "ext",
    "command",
    "cand",
    "cv",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn keys(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = root().join(format!("static/_locales/{lang}/messages.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text).unwrap() {
        serde_json::Value::Object(map) => map,
        other => panic!("{lang}: not an object: {other}"),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("linkedin") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// camelCase string literals that start with a key prefix.
fn used_keys() -> BTreeSet<String> {
    let mut files = Vec::new();
    for dir in ["src", "core/src", "background/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut used = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may name key prefixes; only the code outside `mod tests` uses keys.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for literal in code.split('"').skip(1).step_by(2) {
            let is_key = !literal.is_empty()
                && literal.chars().all(|c| c.is_ascii_alphanumeric())
                && literal.chars().any(|c| c.is_ascii_uppercase())
                && literal.starts_with(|c: char| c.is_ascii_lowercase())
                && KEY_PREFIXES
                    .iter()
                    .any(|p| literal.starts_with(p) && literal.len() > p.len());
            if is_key {
                used.insert(literal.to_string());
            }
        }
    }
    used
}

#[test]
fn every_locale_has_the_same_non_empty_messages() {
    let en: BTreeSet<String> = keys("en").keys().cloned().collect();
    assert!(en.len() > 100, "only {} English messages", en.len());
    for lang in LOCALES {
        let messages = keys(lang);
        let these: BTreeSet<String> = messages.keys().cloned().collect();
        assert_eq!(
            en.difference(&these).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in {lang}"
        );
        assert_eq!(
            these.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "only in {lang}"
        );
        for (key, value) in &messages {
            let text = value["message"].as_str().unwrap_or_default();
            assert!(!text.trim().is_empty(), "{lang}/{key} is empty");
        }
    }
}

#[test]
fn the_german_french_and_spanish_texts_are_translated() {
    let en = keys("en");
    for lang in ["de", "fr", "es"] {
        let messages = keys(lang);
        let same = messages
            .iter()
            .filter(|(k, v)| {
                v["message"] == en[*k]["message"]
                    && v["message"].as_str().is_some_and(|m| m.len() > 25)
            })
            .map(|(k, _)| k.clone())
            .collect::<Vec<_>>();
        assert!(same.is_empty(), "{lang} copies English for {same:?}");
    }
}

#[test]
fn the_manifest_and_the_code_only_use_existing_keys() {
    let en = keys("en");
    let manifest = std::fs::read_to_string(root().join("manifest.json")).unwrap();
    for part in manifest.split("__MSG_").skip(1) {
        let key = part.split("__").next().unwrap();
        assert!(en.contains_key(key), "manifest uses missing key {key}");
    }
    let missing: Vec<String> = used_keys()
        .into_iter()
        .filter(|k| !en.contains_key(k))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used in the code but missing in en: {missing:?}"
    );
}
