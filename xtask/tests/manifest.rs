//! The manifest's security settings: the Chrome version the storage lock needs, no incognito, a strict CSP
//! for the extension pages and the worker, and host permissions limited to the Personio hosts the code
//! talks to (the same hosts `connect-src` allows).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn manifest() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("manifest.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The directives of the extension pages' CSP: name → sources.
fn csp() -> Vec<(String, Vec<String>)> {
    let policy = manifest()["content_security_policy"]["extension_pages"]
        .as_str()
        .expect("an extension_pages policy")
        .to_string();
    policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_string);
            (parts.next().unwrap(), parts.collect())
        })
        .collect()
}

fn directive(name: &str) -> Vec<String> {
    csp()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name} directive"))
        .1
}

/// The Personio hosts the client calls: the API and the career sites' XML feeds (`.de`, and `.com` for
/// companies hosted there).
const PERSONIO_HOSTS: [&str; 3] = [
    "https://api.personio.de",
    "https://*.jobs.personio.de",
    "https://*.jobs.personio.com",
];

#[test]
fn chrome_140_is_required_for_the_storage_lock() {
    let version: u32 = manifest()["minimum_chrome_version"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        version >= 140,
        "storage.local.setAccessLevel needs Chrome 140, the manifest accepts {version}"
    );
}

#[test]
fn the_extension_never_runs_in_incognito() {
    assert_eq!(manifest()["incognito"], "not_allowed");
}

#[test]
fn extension_pages_load_only_their_own_code_and_talk_only_to_personio() {
    assert_eq!(directive("default-src"), ["'self'"]);
    assert_eq!(directive("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
    assert_eq!(directive("object-src"), ["'none'"]);
    // The popup shows the photo's address as text, never the image: no LinkedIn image host.
    assert_eq!(directive("img-src"), ["'self'", "data:"]);
    let connect: BTreeSet<String> = directive("connect-src").into_iter().collect();
    let mut expected: BTreeSet<String> = PERSONIO_HOSTS.iter().map(|h| h.to_string()).collect();
    expected.insert("'self'".into());
    assert_eq!(
        connect, expected,
        "connect-src: the wasm files and Personio"
    );
    for (name, sources) in csp() {
        for source in sources {
            assert!(
                !source.contains("unsafe-inline") && source != "'unsafe-eval'" && source != "*",
                "{name} allows {source}"
            );
        }
    }
}

#[test]
fn host_permissions_are_the_personio_hosts_only() {
    let hosts: BTreeSet<String> = manifest()["host_permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            h.as_str()
                .unwrap()
                .trim_end_matches("/*")
                .trim_end_matches('/')
                .to_string()
        })
        .collect();
    let expected: BTreeSet<String> = PERSONIO_HOSTS.iter().map(|h| h.to_string()).collect();
    assert_eq!(hosts, expected);
    let manifest = manifest();
    let permissions: BTreeSet<&str> = manifest["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        permissions,
        BTreeSet::from(["storage", "alarms", "sidePanel"]),
        "no tabs, scripting, webNavigation or cookies"
    );
    for absent in ["web_accessible_resources", "externally_connectable"] {
        assert!(manifest.get(absent).is_none(), "{absent} is set");
    }
}

/// The admin policy's schema ships, is valid JSON, and lists exactly the settings the core merges
/// (`sourcing_core::policy::Setting`), each lockable.
#[test]
fn the_managed_schema_ships_and_names_every_lockable_setting() {
    let path = manifest()["storage"]["managed_schema"]
        .as_str()
        .expect("storage.managed_schema")
        .to_string();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("static").join(&path)).unwrap())
            .unwrap();
    let properties: BTreeSet<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| *k != "locked")
        .cloned()
        .collect();
    let lockable: BTreeSet<String> = schema["properties"]["locked"]["items"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(properties, lockable);
    // That these are the settings the core merges: `core/src/policy.rs` tests.
}
