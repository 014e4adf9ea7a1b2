//! The diagnostics a recruiter copies from an unrecognised page carry nothing the page says: no text, no
//! URL, no attribute value. Proven on fixtures full of personal data: every string in the JSON must be
//! the selector table's own vocabulary (its version, chain names, selectors), a key of the diagnostics'
//! schema, or a structural tag / attribute name the page uses; and none of the person's data occurs
//! anywhere in it.

use serde_json::Value;
use sourcing_core::linkedin::diagnostics::{self, structural_name, Diagnostics};
use sourcing_core::linkedin::markup::Document;
use sourcing_core::linkedin::selectors::TABLE;
use sourcing_core::linkedin::{classify_url, extract, Extraction};
use sourcing_core::page::snapshot_from_document_html;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn fixture(name: &str) -> (String, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/linkedin");
    let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
    let url = std::fs::read_to_string(dir.join(format!("{name}.url")))
        .unwrap()
        .trim()
        .to_string();
    (html, url)
}

/// The diagnostics of a fixture as the extension computes them for the snapshot.
fn diagnostics_of(name: &str) -> (Diagnostics, Document) {
    let (html, url) = fixture(name);
    let snapshot = snapshot_from_document_html(&html, &url);
    let doc = Document::parse(&snapshot.markup);
    let d = diagnostics::of(&classify_url(&url), doc.root(), &snapshot);
    (d, Document::parse(&html))
}

const SCHEMA_KEYS: &[&str] = &[
    "selector_table",
    "surface",
    "markers_found",
    "chains",
    "chain",
    "selectors",
    "selector",
    "matches",
    "structure",
    "markup_bytes",
    "embedded_blocks",
    "elements",
    "texts",
    "max_depth",
    "tags",
    "attributes",
];

/// Every string of a JSON value (object keys included), with the key it sits under.
fn strings<'v>(v: &'v Value, under: &'v str, out: &mut Vec<(&'v str, &'v str)>) {
    match v {
        Value::String(s) => out.push((under, s)),
        Value::Array(a) => a.iter().for_each(|x| strings(x, under, out)),
        Value::Object(m) => {
            for (k, x) in m {
                out.push((under, k));
                strings(x, k, out);
            }
        }
        _ => {}
    }
}

fn assert_no_page_content(name: &str, personal: &[&str]) {
    let (diag, page) = diagnostics_of(name);
    let json = serde_json::to_value(&diag).unwrap();
    let text = serde_json::to_string(&json).unwrap();

    let chains: BTreeSet<String> = TABLE.chains().into_iter().map(|(n, _)| n).collect();
    let selectors: BTreeSet<&str> = TABLE.all_css().into_iter().collect();
    let page_names: BTreeSet<String> = page
        .elements()
        .flat_map(|e| {
            std::iter::once(e.name().to_string())
                .chain(e.attrs().map(|(n, _)| n.to_string()))
                .collect::<Vec<_>>()
        })
        .filter_map(|n| structural_name(&n))
        .collect();
    let mut all = Vec::new();
    strings(&json, "", &mut all);
    for (under, s) in all {
        let allowed = SCHEMA_KEYS.contains(&s)
            || s == TABLE.version
            || s == "profile"
            || chains.contains(s)
            || selectors.contains(s)
            || ((under == "tags" || under == "attributes")
                && (s == "(other)" || page_names.contains(s)));
        assert!(
            allowed,
            "{name}: `{s}` (under `{under}`) is not the table's vocabulary nor a structural name"
        );
    }
    // no text or attribute value of the page is a string of the diagnostics (unless it is itself the
    // name of a tag or attribute, such as `type="button"`)
    let vocabulary =
        |v: &str| selectors.contains(v) || chains.contains(v) || page_names.contains(v);
    for el in page.elements() {
        for (_, value) in el.attrs() {
            let v = value.trim();
            if v.len() >= 4 && !vocabulary(v) {
                assert!(
                    !text.contains(&format!("\"{v}\"")),
                    "{name}: attribute value `{v}` leaked"
                );
            }
        }
    }
    for t in page.root().descendant_texts() {
        let t = t.trim();
        if t.len() >= 4 && !vocabulary(t) {
            assert!(
                !text.contains(&format!("\"{t}\"")),
                "{name}: text `{t}` leaked"
            );
        }
    }
    for p in personal {
        assert!(!text.contains(p), "{name}: `{p}` leaked into {text}");
    }
}

#[test]
fn unknown_layout_diagnostics_carry_no_personal_data() {
    assert!(matches!(
        {
            let (html, url) = fixture("unknown-layout");
            extract(&snapshot_from_document_html(&html, &url))
        },
        Extraction::Unrecognised { .. }
    ));
    assert_no_page_content(
        "unknown-layout",
        &[
            "Ingrid",
            "Solheim",
            "Varga",
            "ingrid-solheim",
            "example.no",
            "912 34",
            "+47",
            "Storgata",
            "Oslo",
            "0155",
            "Brightwater",
            "Hollowmere",
            "1988",
            "Planner",
            "Dispatcher",
            "ACoAAB",
            "urn:li",
            "2019-03",
            "media.licdn",
        ],
    );
}

#[test]
fn diagnostics_of_a_full_profile_with_contact_data_carry_none_of_it() {
    assert_no_page_content(
        "profile-2026-es",
        &[
            "Javier",
            "Ortega",
            "javier",
            "example.es",
            "611 222",
            "Sevilla",
            "Brightwater",
            "Nordwind",
            "ACoAAB",
            "marzo",
        ],
    );
    assert_no_page_content(
        "profile-2024-en",
        &["Maren", "Okafor", "Fjordlight", "Bergen", "804211937"],
    );
}

#[test]
fn the_copied_json_is_what_the_extraction_reports() {
    let (html, url) = fixture("unknown-layout");
    let Extraction::Unrecognised { diagnostics, .. } =
        extract(&snapshot_from_document_html(&html, &url))
    else {
        panic!("not unrecognised");
    };
    let (direct, _) = diagnostics_of("unknown-layout");
    assert_eq!(*diagnostics, direct);
    assert!(diagnostics.structure.elements > 10);
    assert!(diagnostics.chains.len() >= 40);
}
