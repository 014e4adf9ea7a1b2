//! Fixture tests: every synthetic page under `tests/fixtures/linkedin/` goes through the same snapshot the
//! content script takes (`snapshot_from_document_html`) and `linkedin::extract`; the result must equal
//! `NAME.expected.json` field by field. `UPDATE_FIXTURES=1 cargo test -p sourcing-core --test
//! linkedin_fixtures` rewrites the expected files (review every one of them by eye afterwards).

use serde_json::Value;
use sourcing_core::linkedin::{
    classify_url, extract, Extraction, Layout, NotProfileReason, PageKind,
};
use sourcing_core::page::snapshot_from_document_html;
use sourcing_core::profile::{FieldSource, NameFlag};
use std::path::PathBuf;

/// Every fixture, one test each below.
const FIXTURES: &[&str] = &[
    "anti-bot",
    "contact-info-overlay",
    "details-experience",
    "embedded-other-profile",
    "embedded-same-profile",
    "lang-de",
    "lang-es",
    "lang-fr",
    "large-profile",
    "name-credentials",
    "name-emoji",
    "name-last-initial",
    "name-linkedin-member",
    "name-multiword-surname",
    "name-nickname",
    "name-non-latin",
    "not-profile-feed",
    "not-rendered",
    "profile-2024-en",
    "profile-2025-hashed-en",
    "profile-2026-de",
    "profile-2026-en",
    "profile-2026-es",
    "profile-2026-fr",
    "recruiter-profile",
    "sales-navigator-lead",
    "stale-spa",
    "stale-spa-2026",
    "unknown-layout",
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/linkedin")
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The page and URL of a fixture.
fn page(name: &str) -> (String, String) {
    let html = read(&dir().join(format!("{name}.html")));
    let url = read(&dir().join(format!("{name}.url"))).trim().to_string();
    (html, url)
}

fn run(name: &str) -> Extraction {
    let (html, url) = page(name);
    extract(&snapshot_from_document_html(&html, &url))
}

fn check(name: &str) {
    let actual = serde_json::to_value(run(name)).expect("extraction serialises");
    let path = dir().join(format!("{name}.expected.json"));
    if std::env::var("UPDATE_FIXTURES").is_ok_and(|v| v == "1") {
        let pretty = serde_json::to_string_pretty(&actual).unwrap();
        std::fs::write(&path, pretty + "\n").unwrap();
        return;
    }
    let expected: Value =
        serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if actual != expected {
        panic!(
            "fixture {name} differs from {}\n--- actual ---\n{}\n",
            path.display(),
            serde_json::to_string_pretty(&actual).unwrap()
        );
    }
}

macro_rules! fixtures {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(#[test] fn $test() { check($name); })*
    };
}

fixtures! {
    anti_bot => "anti-bot",
    contact_info_overlay => "contact-info-overlay",
    details_experience => "details-experience",
    embedded_other_profile => "embedded-other-profile",
    embedded_same_profile => "embedded-same-profile",
    lang_de => "lang-de",
    lang_es => "lang-es",
    lang_fr => "lang-fr",
    large_profile => "large-profile",
    name_credentials => "name-credentials",
    name_emoji => "name-emoji",
    name_last_initial => "name-last-initial",
    name_linkedin_member => "name-linkedin-member",
    name_multiword_surname => "name-multiword-surname",
    name_nickname => "name-nickname",
    name_non_latin => "name-non-latin",
    not_profile_feed => "not-profile-feed",
    not_rendered => "not-rendered",
    profile_2024_en => "profile-2024-en",
    profile_2025_hashed_en => "profile-2025-hashed-en",
    profile_2026_de => "profile-2026-de",
    profile_2026_en => "profile-2026-en",
    profile_2026_es => "profile-2026-es",
    profile_2026_fr => "profile-2026-fr",
    recruiter_profile => "recruiter-profile",
    sales_navigator_lead => "sales-navigator-lead",
    stale_spa => "stale-spa",
    stale_spa_2026 => "stale-spa-2026",
    unknown_layout => "unknown-layout",
}

#[test]
fn every_fixture_file_has_a_test_and_the_three_files() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".html")
                .map(str::to_string)
        })
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        FIXTURES.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    );
    // the worker's wasm test runs them all too
    let worker_test = read(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../background/tests/worker_scope.rs"),
    );
    for name in FIXTURES {
        assert!(
            worker_test.contains(&format!("fixture!(\"{name}\")")),
            "background/tests/worker_scope.rs does not run {name}"
        );
        for ext in ["url", "expected.json"] {
            assert!(
                dir().join(format!("{name}.{ext}")).exists(),
                "{name}.{ext} missing"
            );
        }
    }
}

fn profile(name: &str) -> Box<sourcing_core::profile::Profile> {
    match run(name) {
        Extraction::Profile { profile, .. } => profile,
        other => panic!("{name}: expected a profile, got {other:?}"),
    }
}

// Semantic guards on top of the JSON comparison, so a careless UPDATE_FIXTURES run cannot bless a
// regression on the rules that matter most.

#[test]
fn stale_markup_after_in_app_navigation_is_pending_not_the_previous_person() {
    assert!(
        matches!(run("stale-spa"), Extraction::Pending { page: PageKind::Profile { ref slug, .. }, layout: Layout::Ember2024 } if slug == "teodora-vasic-91e0d2")
    );
}

#[test]
fn embedded_data_of_another_profile_is_ignored() {
    let p = profile("embedded-other-profile");
    assert_eq!(p.display_name.value.as_deref(), Some("Elif Sandberg"));
    assert_eq!(
        p.about.source,
        FieldSource::None,
        "about must not come from the other profile's data"
    );
    assert!(p.missing.contains(&"about".to_string()));
}

#[test]
fn embedded_data_of_the_same_profile_fills_gaps_only() {
    let p = profile("embedded-same-profile");
    assert_eq!(p.headline.source, FieldSource::VisiblePage);
    assert_eq!(p.about.source, FieldSource::EmbeddedData);
    assert_eq!(p.experience.source, FieldSource::EmbeddedData);
    assert_eq!(p.current_company.value.as_deref(), Some("Saltmarsh Energy"));
}

#[test]
fn lazy_rendering_is_unrecognised_then_read() {
    // A skeleton shows no layout marker yet: unrecognised (the popup re-reads), never a guess.
    assert!(matches!(
        run("not-rendered"),
        Extraction::Unrecognised { .. }
    ));
    let (html, _) = page("embedded-same-profile");
    let url = read(&dir().join("not-rendered.url")).trim().to_string();
    assert!(matches!(
        extract(&snapshot_from_document_html(&html, &url)),
        Extraction::Profile { .. }
    ));
}

#[test]
fn anti_bot_page_is_not_a_profile_even_at_a_profile_url() {
    assert!(matches!(
        run("anti-bot"),
        Extraction::NotAProfile {
            reason: NotProfileReason::AntiBot,
            page: PageKind::Profile { .. }
        }
    ));
    let checkpoint = "https://www.linkedin.com/checkpoint/challenge/AgHsynthetic?ut=2";
    assert_eq!(classify_url(checkpoint), PageKind::NotProfile);
}

#[test]
fn grouped_roles_and_languages_of_the_ui() {
    let p = profile("profile-2024-en");
    let exp = p.experience.value.as_ref().unwrap();
    assert_eq!(
        (
            exp[0].title.as_str(),
            exp[0].company.as_deref(),
            exp[0].current
        ),
        ("Senior Data Engineer", Some("Fjordlight Analytics"), true)
    );
    assert_eq!(exp[1].company.as_deref(), Some("Fjordlight Analytics"));
    for (name, iso) in [
        ("lang-de", "2020-03"),
        ("lang-fr", "2021-07"),
        ("lang-es", "2020-01"),
    ] {
        let p = profile(name);
        let first = &p.experience.value.as_ref().unwrap()[0];
        assert!(first.current, "{name}");
        assert_eq!(first.start.unwrap().iso(), iso, "{name}");
    }
}

/// Fixture, expected first name, last name and flags.
type NameCase = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static [NameFlag],
);

#[test]
fn name_pitfalls_follow_the_policy() {
    let cases: &[NameCase] = &[
        (
            "name-emoji",
            Some("Tobias"),
            Some("Renner"),
            &[NameFlag::EmojiRemoved],
        ),
        (
            "name-credentials",
            Some("Ilse"),
            Some("Brandauer"),
            &[NameFlag::CredentialsRemoved],
        ),
        (
            "name-nickname",
            Some("Katarzyna"),
            Some("Nowicka"),
            &[NameFlag::NicknameRemoved],
        ),
        (
            "name-multiword-surname",
            Some("Jean-Luc"),
            Some("van der Berg"),
            &[],
        ),
        (
            "name-linkedin-member",
            None,
            None,
            &[NameFlag::PrivateMember],
        ),
        (
            "name-last-initial",
            Some("Martin"),
            Some("B."),
            &[NameFlag::LastInitialOnly],
        ),
        (
            "name-non-latin",
            Some("小明"),
            Some("王"),
            &[NameFlag::FamilyNameFirst, NameFlag::AmbiguousSplit],
        ),
        ("lang-es", Some("Lucía"), Some("Fernández García"), &[]),
    ];
    for (name, first, last, flags) in cases {
        let p = profile(name);
        assert_eq!(p.first_name.value.as_deref(), *first, "{name}");
        assert_eq!(p.last_name.value.as_deref(), *last, "{name}");
        assert_eq!(p.name_flags.as_slice(), *flags, "{name}");
        assert!(
            p.display_name.is_present(),
            "{name}: the raw display name is kept"
        );
    }
}

#[test]
fn contact_overlay_outside_main_is_read() {
    let p = profile("contact-info-overlay");
    assert_eq!(
        p.contact.emails.value.as_deref(),
        Some(&["liesel.aramburu@example.com".to_string()][..])
    );
    assert_eq!(
        p.contact.phones.value.as_deref(),
        Some(&["+34 600 123 456".to_string()][..])
    );
    assert_eq!(p.contact.websites.value.as_ref().map(Vec::len), Some(2));
}

#[test]
fn the_extract_tool_prints_the_same_json_for_every_fixture() {
    let exe = env!("CARGO_BIN_EXE_extract");
    for name in FIXTURES {
        let out = std::process::Command::new(exe)
            .arg(dir().join(format!("{name}.html")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected: Value =
            serde_json::from_str(&read(&dir().join(format!("{name}.expected.json")))).unwrap();
        assert_eq!(printed, expected, "{name}");
    }
    let html = dir().join("profile-2026-en.html");

    let missing = std::process::Command::new(exe)
        .arg(dir().join("no-such-page.html"))
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));

    // explicit URL wins over the sibling .url file
    let other = std::process::Command::new(exe)
        .arg(&html)
        .arg("https://www.linkedin.com/feed/")
        .output()
        .unwrap();
    let printed: Value = serde_json::from_slice(&other.stdout).unwrap();
    assert_eq!(printed["status"], "not_a_profile");
}

fn layout_of(name: &str) -> Layout {
    match run(name) {
        Extraction::Profile { layout, .. } | Extraction::Pending { layout, .. } => layout,
        _ => Layout::Unknown,
    }
}

#[test]
fn every_fixture_names_the_layout_it_was_read_in() {
    let cases = [
        ("profile-2024-en", Layout::Ember2024),
        ("details-experience", Layout::Ember2024),
        ("profile-2025-hashed-en", Layout::Hashed2025),
        ("lang-fr", Layout::Hashed2025),
        ("profile-2026-en", Layout::Cards2026),
        ("profile-2026-de", Layout::Cards2026),
        ("profile-2026-fr", Layout::Cards2026),
        ("profile-2026-es", Layout::Cards2026),
        ("stale-spa-2026", Layout::Cards2026),
        ("sales-navigator-lead", Layout::SalesNavigator),
        ("recruiter-profile", Layout::Recruiter),
        ("unknown-layout", Layout::Unknown),
    ];
    for (name, layout) in cases {
        assert_eq!(layout_of(name), layout, "{name}");
    }
}

#[test]
fn the_2025_hashed_headline_is_the_line_under_the_name() {
    // The name sits inside the about-this-profile overlay link there; the headline is still found.
    let p = profile("profile-2025-hashed-en");
    assert_eq!(
        p.headline.value.as_deref(),
        Some("Staff Product Designer · Design systems at Hollowmere Systems")
    );
}

#[test]
fn cards_2026_suggestion_cards_never_fill_the_form() {
    let p = profile("profile-2026-en");
    assert_eq!(p.display_name.value.as_deref(), Some("Amara Nkem Okonkwo"));
    assert!(p
        .about
        .value
        .as_deref()
        .is_some_and(|a| a.starts_with("I run the platform")));
    let json = serde_json::to_string(&p).unwrap();
    for other in [
        "Tomas",
        "Lindqvist",
        "Aiko",
        "Brennan",
        "Kofi",
        "More profiles for you",
        "Ines",
    ] {
        assert!(!json.contains(other), "{other} leaked into {json}");
    }
}

#[test]
fn cards_2026_names_come_from_the_rsc_record_of_this_profile_only() {
    let p = profile("profile-2026-en");
    assert_eq!(
        (p.first_name.value.as_deref(), p.last_name.value.as_deref()),
        (Some("Amara Nkem"), Some("Okonkwo"))
    );
    assert_eq!(p.first_name.source, FieldSource::EmbeddedData);
    assert!(p.name_flags.is_empty(), "{:?}", p.name_flags);
    // headline and position never come from embedded data on this layout
    assert_eq!(p.headline.source, FieldSource::VisiblePage);
    assert_eq!(p.current_title.source, FieldSource::VisiblePage);
    // the stale page holds the same payload: the other person's record is never read for the URL's slug
    assert!(matches!(
        run("stale-spa-2026"),
        Extraction::Pending {
            layout: Layout::Cards2026,
            ..
        }
    ));
}

#[test]
fn cards_2026_without_a_current_position() {
    let p = profile("profile-2026-de");
    assert!(!p.current_title.is_present() && !p.current_company.is_present());
    assert!(p.missing.contains(&"current_title".to_string()));
    let exp = p.experience.value.as_ref().unwrap();
    assert_eq!(exp.len(), 2);
    assert!(exp.iter().all(|e| !e.current));
    assert_eq!(exp[0].end.unwrap().iso(), "2024-09");
}

#[test]
fn cards_2026_grouped_roles_on_a_regional_host() {
    let (page, p) = match run("profile-2026-fr") {
        Extraction::Profile { page, profile, .. } => (page, profile),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        page.canonical_url(),
        Some("https://www.linkedin.com/in/elodie-marchand-pereira/")
    );
    let exp = p.experience.value.as_ref().unwrap();
    let roles: Vec<(&str, Option<&str>, bool)> = exp
        .iter()
        .map(|e| (e.title.as_str(), e.company.as_deref(), e.current))
        .collect();
    assert_eq!(
        roles,
        [
            ("Directrice technique", Some("Saltmarsh Energy"), true),
            ("Responsable d’équipe data", Some("Saltmarsh Energy"), false),
            ("Ingénieure data", Some("Fjordlight Analytics"), false),
        ]
    );
    assert_eq!(p.current_company.value.as_deref(), Some("Saltmarsh Energy"));
}

#[test]
fn cards_2026_contact_overlay_prefills_with_its_source() {
    let p = profile("profile-2026-es");
    assert_eq!(
        p.contact.emails.value.as_deref(),
        Some(&["javier.ortega@example.es".to_string()][..])
    );
    assert_eq!(p.contact.emails.source, FieldSource::VisiblePage);
    assert_eq!(
        p.contact.phones.value.as_deref(),
        Some(&["+34 611 222 333".to_string()][..])
    );
    assert_eq!(
        p.contact.websites.value.as_deref(),
        Some(
            &[
                "https://javier-ortega.example.es/".to_string(),
                "https://blog.example.es/javier".to_string()
            ][..]
        )
    );
    // without the overlay, nothing is prefilled
    assert!(!profile("profile-2026-en").contact.emails.is_present());
}

#[test]
fn an_unknown_layout_is_unrecognised_and_nothing_is_read() {
    match run("unknown-layout") {
        Extraction::Unrecognised { diagnostics, .. } => {
            assert!(diagnostics.markers_found.is_empty());
            assert_eq!(
                diagnostics.selector_table,
                sourcing_core::linkedin::selectors::TABLE.version
            );
        }
        other => panic!("{other:?}"),
    }
}
