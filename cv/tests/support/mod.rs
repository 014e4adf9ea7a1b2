//! Shared by the CV tests and the `make_cv` example: the packaged fonts, the real UI strings of the four
//! locales (looked up and substituted as `chrome.i18n` does), CV inputs built from the LinkedIn fixtures the
//! way the popup will build them, and text extraction from the PDFs (pdf-extract, an independent reader).
#![allow(dead_code)]

use cv::FontFiles;
use sourcing_core::cv::{CvEntry, CvInput, CvLabels, PeriodStyle};
use sourcing_core::draft::ApplicationDraft;
use sourcing_core::profile::Profile;
use std::path::{Path, PathBuf};

/// The UI languages.
pub const LANGUAGES: [&str; 4] = ["en", "de", "fr", "es"];

/// 2026-03-03 09:30:00 UTC.
pub const MADE_AT_MS: u64 = 1_772_530_200_000;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn fonts() -> FontFiles<'static> {
    FontFiles {
        regular: include_bytes!("../../../static/fonts/Inter-Regular.ttf"),
        bold: include_bytes!("../../../static/fonts/Inter-Bold.ttf"),
    }
}

/// `chrome.i18n.getMessage` over `static/_locales/<lang>/messages.json`: `$1`…`$9` substituted.
pub fn messages(lang: &str) -> impl Fn(&str, &[&str]) -> String {
    let path = root().join(format!("static/_locales/{lang}/messages.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let map: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lang = lang.to_string();
    move |key: &str, args: &[&str]| {
        let mut message = map[key]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("{lang}: no message {key}"))
            .to_string();
        for (i, arg) in args.iter().enumerate().rev() {
            message = message.replace(&format!("${}", i + 1), arg);
        }
        message
    }
}

/// The date as a recruiter of that language writes it.
pub fn made_on(lang: &str) -> &'static str {
    match lang {
        "de" => "3. März 2026",
        "fr" => "3 mars 2026",
        "es" => "3 de marzo de 2026",
        _ => "3 March 2026",
    }
}

pub fn labels(lang: &str) -> (CvLabels, PeriodStyle) {
    let t = messages(lang);
    (
        CvLabels::localized(lang, made_on(lang), &t),
        PeriodStyle::localized(&t),
    )
}

/// The profile a fixture's expected extraction holds.
pub fn fixture_profile(name: &str) -> Profile {
    let path = root().join(format!("tests/fixtures/linkedin/{name}.expected.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    serde_json::from_value(value["profile"].clone()).unwrap()
}

/// The CV input of a profile as the popup builds it: the draft prefilled from the profile.
pub fn input_for(profile: &Profile, lang: &str) -> CvInput {
    let draft = ApplicationDraft::from_profile(profile, "");
    let (labels, periods) = labels(lang);
    CvInput::from_form(profile, &draft, labels, &periods, MADE_AT_MS)
}

/// The large-profile fixture (40 positions, 60 skills).
pub fn large_input(lang: &str) -> CvInput {
    input_for(&fixture_profile("large-profile"), lang)
}

/// A small profile with every section.
pub fn small_input(lang: &str) -> CvInput {
    let (labels, _) = labels(lang);
    CvInput {
        name: "Inès Duval-Okoye".into(),
        headline: Some("Staff backend engineer · payments and data platforms".into()),
        location: Some("Lyon, Auvergne-Rhône-Alpes, France".into()),
        profile_url: Some("https://www.linkedin.com/in/ines-duval-okoye/".into()),
        about: Some(
            "Backend engineer who likes boring, reliable systems.\nLed the move of a payment ledger to \
             event sourcing without downtime."
                .into(),
        ),
        experience: vec![
            CvEntry {
                title: "Staff Engineer".into(),
                subtitle: Some("Calder Labs · Lyon".into()),
                period: Some("Mar 2021 – Present".into()),
                description: Some("Ledger, reconciliation and the on-call rotation.".into()),
            },
            CvEntry {
                title: "Senior Software Engineer".into(),
                subtitle: Some("Quayside Payments · Paris".into()),
                period: Some("Sep 2016 – Feb 2021".into()),
                description: None,
            },
        ],
        education: vec![CvEntry {
            title: "INSA Lyon".into(),
            subtitle: Some("MSc, Computer Science".into()),
            period: Some("2010 – 2015".into()),
            description: None,
        }],
        skills: vec!["Rust".into(), "PostgreSQL".into(), "Kafka".into()],
        languages: vec!["French (Native or bilingual)".into(), "English (Full professional)".into()],
        labels,
        created_at_ms: MADE_AT_MS,
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The PDF's text (pdf-extract: decodes through the ToUnicode maps), whitespace collapsed.
pub fn text_of(pdf: &[u8]) -> String {
    collapse(&pdf_extract::extract_text_from_mem(pdf).expect("text extraction"))
}

#[cfg(not(target_arch = "wasm32"))]
/// The text of each page, whitespace collapsed.
pub fn pages_of(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("text extraction")
        .iter()
        .map(|p| collapse(p))
        .collect()
}

pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
