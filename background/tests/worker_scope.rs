//! The core as the background runs it: in a real `ServiceWorkerGlobalScope` in headless Chromium
//! (wasm-bindgen-test, `run_in_service_worker`). Extraction of synthetic fixtures must give exactly the
//! fixtures' expected JSON there too.
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

const FIXTURES: [(&str, &str, &str, &str); 6] = [
    fixture!("profile-2024-en"),
    fixture!("profile-2026-en"),
    fixture!("lang-de"),
    fixture!("name-non-latin"),
    fixture!("stale-spa"),
    fixture!("anti-bot"),
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
