//! The core as the background runs it: in a real `ServiceWorkerGlobalScope` in headless Chromium
//! (wasm-bindgen-test, `run_in_service_worker`). Extraction of every synthetic fixture (the list is checked
//! against the folder by `core/tests/linkedin_fixtures.rs`) must give exactly the fixtures' expected JSON
//! there too: the markup parser and the extraction are the same code natively and in the worker.
//! Run with `cargo test --target wasm32-unknown-unknown -p background` or `wasm-pack test --headless --chrome`.

use sourcing_core::linkedin::extract;
use sourcing_core::page::snapshot_from_document_html;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_service_worker);

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../tests/fixtures/linkedin/", $name, ".html")),
            include_str!(concat!("../../tests/fixtures/linkedin/", $name, ".url")),
            include_str!(concat!(
                "../../tests/fixtures/linkedin/",
                $name,
                ".expected.json"
            )),
        )
    };
}

const FIXTURES: [(&str, &str, &str, &str); 29] = [
    fixture!("anti-bot"),
    fixture!("contact-info-overlay"),
    fixture!("details-experience"),
    fixture!("embedded-other-profile"),
    fixture!("embedded-same-profile"),
    fixture!("lang-de"),
    fixture!("lang-es"),
    fixture!("lang-fr"),
    fixture!("large-profile"),
    fixture!("name-credentials"),
    fixture!("name-emoji"),
    fixture!("name-last-initial"),
    fixture!("name-linkedin-member"),
    fixture!("name-multiword-surname"),
    fixture!("name-nickname"),
    fixture!("name-non-latin"),
    fixture!("not-profile-feed"),
    fixture!("not-rendered"),
    fixture!("profile-2024-en"),
    fixture!("profile-2025-hashed-en"),
    fixture!("profile-2026-de"),
    fixture!("profile-2026-en"),
    fixture!("profile-2026-es"),
    fixture!("profile-2026-fr"),
    fixture!("recruiter-profile"),
    fixture!("sales-navigator-lead"),
    fixture!("stale-spa"),
    fixture!("stale-spa-2026"),
    fixture!("unknown-layout"),
];

#[wasm_bindgen_test]
fn runs_in_a_service_worker_scope() {
    let global = js_sys::global();
    let constructor = js_sys::Reflect::get(&global, &"constructor".into()).unwrap();
    let name = js_sys::Reflect::get(&constructor, &"name".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(name, "ServiceWorkerGlobalScope");
}

#[wasm_bindgen_test]
fn extraction_in_the_worker_matches_every_expected_fixture() {
    for (name, html, url, expected) in FIXTURES {
        let snapshot = snapshot_from_document_html(html, url.trim());
        let actual = serde_json::to_value(extract(&snapshot)).unwrap();
        let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_eq!(actual, expected, "fixture {name}");
    }
}
