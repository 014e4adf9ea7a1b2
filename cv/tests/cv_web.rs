//! The CV engine's wasm entry in headless Chromium (wasm-bindgen-test): JSON in, the font files' bytes in, a
//! PDF and the not-shown report out, as `static/cv.js` calls it. Run with
//! `cargo test --target wasm32-unknown-unknown -p cv`.
#![cfg(target_arch = "wasm32")]

use cv::wasm::make_cv;
use sourcing_core::cv::{CvEntry, CvInput, CvLabels, NotShown};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REGULAR: &[u8] = include_bytes!("../../static/fonts/Inter-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../static/fonts/Inter-Bold.ttf");

/// The font bytes as the loader has them: copied out of a JavaScript `Uint8Array`.
fn from_js(bytes: &[u8]) -> Vec<u8> {
    js_sys::Uint8Array::from(bytes).to_vec()
}

fn input(name: &str) -> String {
    let input = CvInput {
        name: name.into(),
        headline: Some("Ingénieure logicielle · Ведущий инженер · Μηχανικός".into()),
        location: Some("Lyon, France".into()),
        profile_url: Some("https://www.linkedin.com/in/ines-duval/".into()),
        experience: (0..40)
            .map(|i| CvEntry {
                title: format!("Engineer {i}"),
                subtitle: Some(format!("Company {i} · Remote")),
                period: Some("2020 – 2021".into()),
                description: None,
            })
            .collect(),
        skills: (0..60).map(|i| format!("Skill {i:02}")).collect(),
        labels: CvLabels {
            language: "fr".into(),
            document: "CV".into(),
            experience: "Expérience".into(),
            skills: "Compétences".into(),
            made_from: "Créé à partir de LinkedIn le 3 mars 2026".into(),
            page: "Page {page} sur {pages}".into(),
            not_shown: "Une partie de ce profil ne peut pas être affichée (…).".into(),
            ..CvLabels::default()
        },
        created_at_ms: 1_772_530_200_000,
        ..CvInput::default()
    };
    serde_json::to_string(&input).unwrap()
}

#[wasm_bindgen_test]
fn the_wasm_entry_makes_a_pdf_from_json_and_the_font_bytes() {
    let (regular, bold) = (from_js(REGULAR), from_js(BOLD));
    let started = js_sys::Date::now();
    let made = make_cv(&input("Inès Duval-Okoye"), &regular, &bold).expect("a CV");
    let elapsed = js_sys::Date::now() - started;
    let pdf = made.pdf();
    assert!(pdf.starts_with(b"%PDF-1.7"), "not a PDF");
    assert!(
        pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"),
        "truncated"
    );
    assert!(pdf.len() < 150_000, "{} bytes", pdf.len());
    assert!(made.pages() >= 2, "{} pages", made.pages());
    assert_eq!(made.not_shown(), "[]");
    web_sys::console::log_1(
        &format!(
            "cv in Chromium: {} bytes, {} pages, {elapsed} ms",
            pdf.len(),
            made.pages()
        )
        .into(),
    );
    // The same input gives the same bytes in the browser too.
    let again = make_cv(&input("Inès Duval-Okoye"), &regular, &bold).unwrap();
    assert_eq!(again.pdf(), pdf);
}

#[wasm_bindgen_test]
fn a_han_name_comes_back_in_the_report() {
    let made = make_cv(&input("王小明"), REGULAR, BOLD).expect("a CV");
    let report: Vec<NotShown> = serde_json::from_str(&made.not_shown()).unwrap();
    assert_eq!(report.len(), 1, "{report:?}");
    assert_eq!(report[0].text, "王小明");
    assert_eq!(
        serde_json::to_value(report[0].field).unwrap(),
        serde_json::json!("name")
    );
}

#[wasm_bindgen_test]
fn bad_input_and_bad_fonts_are_errors_not_panics() {
    let error = make_cv("{\"name\": 7}", REGULAR, BOLD)
        .err()
        .expect("an error");
    assert!(
        error.as_string().unwrap().starts_with("CV input:"),
        "{error:?}"
    );
    let error = make_cv(&input("Anna"), b"not a font", BOLD)
        .err()
        .expect("an error");
    assert_eq!(
        error.as_string().unwrap(),
        "the regular font: not a readable OpenType font"
    );
}
