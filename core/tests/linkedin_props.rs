//! Property tests: arbitrary strings and mangled fixture pages never make classification, the snapshot
//! or the extraction panic. Case counts are bounded to keep the suite fast.

use proptest::prelude::*;
use sourcing_core::linkedin::{classify_url, extract};
use sourcing_core::page::{snapshot_from_document_html, PageSnapshot};

const SMALL_FIXTURES: &[&str] = &[
    "profile-2024-en",
    "profile-2026-en",
    "details-experience",
    "contact-info-overlay",
    "sales-navigator-lead",
    "recruiter-profile",
    "lang-fr",
    "embedded-same-profile",
];

fn fixture(name: &str) -> (String, String) {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/linkedin");
    let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
    let url = std::fs::read_to_string(dir.join(format!("{name}.url")))
        .unwrap()
        .trim()
        .to_string();
    (html, url)
}

/// Cuts `s` at a char boundary at or below `i`.
fn cut(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const URLS: &[&str] = &[
    "https://www.linkedin.com/in/maren-okafor-4b2a1c/",
    "https://www.linkedin.com/sales/lead/ACwAAD3kq9UB7xYz,NAME_SEARCH,k2Xp",
    "https://www.linkedin.com/talent/profile/AEMAAB2xYz9Qk7",
    "https://www.linkedin.com/in/%E0%A4%A/",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn classify_never_panics(url in "\\PC{0,80}", tail in "[/%a-zA-Z0-9?#,.-]{0,40}") {
        let _ = classify_url(&url);
        let _ = classify_url(&format!("https://www.linkedin.com/in/{tail}"));
        let _ = classify_url(&format!("https://www.linkedin.com/sales/lead/{tail}"));
        let _ = classify_url(&format!("https://www.linkedin.com/talent/{tail}"));
    }

    #[test]
    fn arbitrary_markup_never_panics(markup in "\\PC{0,400}", url_i in 0usize..4, embedded in "\\PC{0,200}") {
        let snapshot = PageSnapshot {
            url: URLS[url_i].to_string(),
            markup: markup.clone(),
            embedded: vec![format!("<code id=\"bpr-guid-1\">{embedded}</code>"), embedded.clone()],
            ..PageSnapshot::default()
        };
        let _ = extract(&snapshot);
        let _ = extract(&snapshot_from_document_html(&markup, URLS[url_i]));
    }

    #[test]
    fn tag_soup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "<main>", "</main>", "<section>", "</section>", "<h1>", "</h1>", "<li>", "</li>", "<ul>",
        "<span aria-hidden=\"true\">", "</span>", "<span class=\"visually-hidden\">", "<div id=\"experience\">",
        "<a href=\"/in/maren-okafor-4b2a1c/overlay/contact-info/\">", "</a>", "Jul 2021 - Present", "2019 – 2021",
        "Maren Okafor", "<br>", "<div role=\"dialog\">", "<a href=\"mailto:x@example.com\">", "<img src=\"https://media.licdn.com/dms/image/profile-displayphoto-shrink_9_9\">",
        "<code id=\"bpr-guid-7\">{\"included\":[{\"publicIdentifier\":\"maren-okafor-4b2a1c\",\"firstName\":\"M\"}]}</code>",
        "<div data-view-name=\"profile-component-entity\">", "</div>", "·", "Heute", "·  ",
    ]), 0..120), url_i in 0usize..4) {
        let html = parts.concat();
        let _ = extract(&snapshot_from_document_html(&html, URLS[url_i]));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mangled_fixtures_never_panic(which in 0usize..8, a in 0usize..40_000, b in 0usize..40_000, junk in "\\PC{0,40}") {
        let (html, url) = fixture(SMALL_FIXTURES[which]);
        let (lo, hi) = (cut(&html, a.min(b)), cut(&html, a.max(b)));
        // drop a range, insert junk there, and also try the truncated page
        let mangled = format!("{}{}{}", &html[..lo], junk, &html[hi..]);
        let _ = extract(&snapshot_from_document_html(&mangled, &url));
        let _ = extract(&snapshot_from_document_html(&html[..hi], &url));
    }
}
