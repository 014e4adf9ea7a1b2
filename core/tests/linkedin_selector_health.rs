//! Selector health, in the style of refined-github's selector tests (selectors kept as data, each with the
//! number of elements it is expected to match on recorded pages): for every fixture, every selector chain
//! of the table ([`TABLE::chains`]) and its selectors' match counts are pinned in
//! `tests/fixtures/linkedin/selector-health.json`, so a drift names the chain that broke instead of one
//! failed field. `UPDATE_FIXTURES=1 cargo test -p sourcing-core --test linkedin_selector_health` rewrites
//! the file (review the diff by eye: every changed count is a changed page shape or selector).

use serde_json::{Map, Value};
use sourcing_core::linkedin::diagnostics::chain_counts;
use sourcing_core::linkedin::markup::Document;
use sourcing_core::linkedin::selectors::TABLE;
use sourcing_core::page::snapshot_from_document_html;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/linkedin")
}

fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".html")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// Chain name → the match counts of its selectors, for one fixture's snapshot.
fn counts(name: &str) -> Map<String, Value> {
    let html = std::fs::read_to_string(dir().join(format!("{name}.html"))).unwrap();
    let url = std::fs::read_to_string(dir().join(format!("{name}.url"))).unwrap();
    let snapshot = snapshot_from_document_html(&html, url.trim());
    let markup = Document::parse(&snapshot.markup);
    let embedded = Document::parse(&snapshot.embedded.concat());
    chain_counts(markup.root(), embedded.root())
        .into_iter()
        .map(|c| {
            let n: Vec<Value> = c.selectors.iter().map(|s| Value::from(s.matches)).collect();
            (c.chain, Value::Array(n))
        })
        .collect()
}

#[test]
fn every_selector_chain_matches_what_each_fixture_expects() {
    let path = dir().join("selector-health.json");
    let actual: Map<String, Value> = fixtures()
        .into_iter()
        .map(|f| {
            let c = counts(&f);
            (f, Value::Object(c))
        })
        .collect();
    if std::env::var("UPDATE_FIXTURES").is_ok_and(|v| v == "1") {
        let mut text = String::from("{\n");
        for (i, (fixture, chains)) in actual.iter().enumerate() {
            text.push_str(&format!("  {}: {{\n", Value::from(fixture.as_str())));
            let chains = chains.as_object().unwrap();
            for (j, (chain, n)) in chains.iter().enumerate() {
                let comma = if j + 1 < chains.len() { "," } else { "" };
                text.push_str(&format!(
                    "    {}: {n}{comma}\n",
                    Value::from(chain.as_str())
                ));
            }
            text.push_str(if i + 1 < actual.len() {
                "  },\n"
            } else {
                "  }\n"
            });
        }
        text.push_str("}\n");
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let table = TABLE.chains();
    let mut drifts = Vec::new();
    for (fixture, chains) in &actual {
        let Some(want) = expected.get(fixture).and_then(Value::as_object) else {
            drifts.push(format!(
                "fixture {fixture}: no expectations in {}",
                path.display()
            ));
            continue;
        };
        for (chain, list) in &table {
            let got = &chains[chain];
            match want.get(chain) {
                None => drifts.push(format!(
                    "fixture {fixture}: chain `{chain}` has no expectation"
                )),
                Some(w) if w != got => {
                    for (i, css) in list.iter().enumerate() {
                        let (g, e) = (&got[i], w.get(i).unwrap_or(&Value::Null));
                        if g != e {
                            drifts.push(format!(
                                "fixture {fixture}: chain `{chain}` selector {i} `{css}` matched {g}, expected {e}"
                            ));
                        }
                    }
                }
                Some(_) => {}
            }
        }
        for chain in want.keys() {
            if !table.iter().any(|(c, _)| c == chain) {
                drifts.push(format!(
                    "fixture {fixture}: chain `{chain}` is not in the table any more"
                ));
            }
        }
    }
    for fixture in expected.keys() {
        if !actual.contains_key(fixture) {
            drifts.push(format!(
                "fixture {fixture}: expected, but there is no such page"
            ));
        }
    }
    assert!(drifts.is_empty(), "selector drift:\n{}", drifts.join("\n"));
}

#[test]
fn the_layout_markers_of_each_layout_fixture_match() {
    // a marker chain that matches nothing on its own layout's pages has drifted, whatever the counts say
    for (fixture, chain) in [
        ("profile-2024-en", "layout.ember_2024"),
        ("profile-2025-hashed-en", "layout.hashed_2025"),
        ("profile-2026-en", "layout.cards_2026"),
        ("profile-2026-de", "layout.cards_2026"),
        ("profile-2026-fr", "layout.cards_2026"),
        ("profile-2026-es", "layout.cards_2026"),
        ("sales-navigator-lead", "layout.sales_navigator"),
        ("recruiter-profile", "layout.recruiter"),
    ] {
        let c = counts(fixture);
        let n: u64 = c[chain]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_u64)
            .sum();
        assert!(n > 0, "{fixture}: {chain} matched nothing");
    }
    let unknown = counts("unknown-layout");
    for (chain, n) in &unknown {
        if chain.starts_with("layout.") {
            assert!(
                n.as_array().unwrap().iter().all(|x| x == 0),
                "unknown-layout: {chain} matched"
            );
        }
    }
}
