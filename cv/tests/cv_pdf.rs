//! The CV engine end to end (natively): the PDFs it writes are read back with an independent parser
//! (lopdf, through pdf-extract, which decodes text through the ToUnicode maps, as copy/paste and text
//! extraction do) and checked for content, languages, scripts, size, page breaks and determinism.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cv::content::{prepare, Fonts};
use cv::font::FontFace;
use cv::layout::{lay_out, Layout, Mark, Role, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH};
use cv::{make_cv, CvError, CvField, MadeCv};
use pdf_extract::{Document, Object};
use sourcing_core::cv::{CvEntry, CvInput};
use support::*;

/// The size budget of the issue for a large profile.
const MAX_PDF_BYTES: usize = 150_000;

fn make(input: &CvInput) -> MadeCv {
    make_cv(input, fonts()).expect("a CV")
}

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("the PDF parses")
}

fn faces() -> Fonts<'static> {
    Fonts {
        regular: FontFace::parse(fonts().regular).unwrap(),
        bold: FontFace::parse(fonts().bold).unwrap(),
    }
}

fn layout_of(input: &CvInput) -> Layout {
    let fonts = faces();
    lay_out(&prepare(input, &fonts), &input.labels, &fonts)
}

fn info_string(doc: &Document, key: &[u8]) -> String {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    let dict = doc.get_dictionary(info).unwrap();
    pdf_extract::decode_text_string(dict.get(key).unwrap()).unwrap()
}

#[test]
fn the_pdf_parses_and_its_text_holds_every_part_of_the_large_profile() {
    let profile = fixture_profile("large-profile");
    let input = large_input("en");
    let made = make(&input);
    let doc = load(&made.pdf);
    assert_eq!(doc.get_pages().len(), made.pages);
    assert!(made.pages >= 3, "40 positions on {} pages", made.pages);
    let text = text_of(&made.pdf);

    assert!(text.contains("Solveig Oyelaran"), "{text}");
    assert!(text.contains("Principal Engineer at Saltmarsh Energy · Grid telemetry · Rust"));
    assert!(text.contains("Trondheim, Trøndelag, Norway"));
    assert!(text.contains("https://www.linkedin.com/in/solveig-oyelaran-2f9e44/"));
    assert!(text.contains("Twenty years of shipping software that keeps the lights on."));
    let positions = profile.experience.value.unwrap();
    assert_eq!(positions.len(), 40);
    for position in &positions {
        assert!(
            text.contains(&position.title),
            "no title {}",
            position.title
        );
        let company = position.company.as_deref().unwrap();
        assert!(text.contains(company), "no company {company}");
    }
    for school in profile.education.value.unwrap() {
        assert!(text.contains(&school.school), "no school {}", school.school);
    }
    let skills = profile.skills.value.unwrap();
    assert_eq!(skills.len(), 60);
    for skill in &skills {
        assert!(text.contains(skill.as_str()), "no skill {skill}");
    }
    assert!(text.contains("Yoruba (Elementary proficiency)"));
    assert!(
        text.contains("Jan 2023 – Present"),
        "period of the current position"
    );
    assert!(text.contains("Made from LinkedIn on 3 March 2026"));
    assert!(text.contains(&format!("Page {0} of {0}", made.pages)));
    assert!(made.not_shown.is_empty(), "{:?}", made.not_shown);
}

#[test]
fn every_ui_language_renders_its_labels() {
    for lang in LANGUAGES {
        let input = small_input(lang);
        let made = make(&input);
        let text = text_of(&made.pdf);
        let labels = &input.labels;
        for label in [
            &labels.about,
            &labels.experience,
            &labels.education,
            &labels.skills,
            &labels.languages,
            &labels.made_from,
        ] {
            assert!(
                text.contains(label.as_str()),
                "{lang}: no {label:?} in {text}"
            );
        }
        let page = labels.page.replace("{page}", "1").replace("{pages}", "1");
        assert!(text.contains(&page), "{lang}: no {page:?}");
        assert!(
            labels.made_from.contains(made_on(lang)),
            "{lang}: {}",
            labels.made_from
        );

        let doc = load(&made.pdf);
        let catalog = doc.catalog().unwrap();
        let pdf_lang = pdf_extract::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap();
        assert_eq!(pdf_lang, lang);
        assert_eq!(
            info_string(&doc, b"Title"),
            format!("Inès Duval-Okoye – {}", labels.document)
        );
    }
    // The translations differ from English where they should (the labels really are localised).
    let de = small_input("de").labels;
    assert_eq!(de.experience, "Berufserfahrung");
    assert_eq!(de.page, "Seite {page} von {pages}");
}

#[test]
fn periods_are_written_in_the_ui_language() {
    let texts: Vec<String> = LANGUAGES
        .iter()
        .map(|lang| text_of(&make(&large_input(lang)).pdf))
        .collect();
    assert!(texts[0].contains("Jan 2023 – Present"));
    assert!(texts[1].contains("Jan. 2023 – heute"), "de");
    assert!(texts[2].contains("janv. 2023 – aujourd’hui"), "fr");
    assert!(texts[3].contains("ene. 2023 – actualidad"), "es");
    assert!(texts[1].contains("März 2020 – Dez. 2022"), "de months");
}

#[test]
fn greek_and_cyrillic_come_out_as_text() {
    let mut input = small_input("en");
    input.name = "Ζωή Παπαδοπούλου".into();
    input.headline = Some("Ведущий инженер данных · Σύμβουλος".into());
    input.location = Some("Θεσσαλονίκη, Ελλάδα".into());
    input.experience = vec![CvEntry {
        title: "Ведущий инженер".into(),
        subtitle: Some("Северсталь · Череповец".into()),
        period: Some("Jan 2020 – Present".into()),
        description: Some("Построила платформу телеметрии; ομάδα δεδομένων.".into()),
    }];
    input.skills = vec!["Анализ данных".into(), "Στατιστική".into()];
    let made = make(&input);
    let text = text_of(&made.pdf);
    for part in [
        "Ζωή Παπαδοπούλου",
        "Ведущий инженер данных · Σύμβουλος",
        "Θεσσαλονίκη, Ελλάδα",
        "Ведущий инженер",
        "Северсталь · Череповец",
        "Построила платформу телеметрии; ομάδα δεδομένων.",
        "Анализ данных",
        "Στατιστική",
    ] {
        assert!(text.contains(part), "no {part:?} in {text}");
    }
    assert!(made.not_shown.is_empty(), "{:?}", made.not_shown);
}

#[test]
fn a_han_name_is_marked_said_and_reported() {
    let profile = fixture_profile("name-non-latin");
    let input = input_for(&profile, "en");
    assert_eq!(
        input.name, "王小明",
        "family name first, as the profile shows it"
    );
    let made = make(&input);
    let text = text_of(&made.pdf);
    assert!(
        text.contains(&input.labels.not_shown),
        "the sentence: {text}"
    );
    assert!(!text.contains('王'), "a Han glyph in the PDF text");
    assert!(
        text.contains("Data Platform Lead at Fjordlight Analytics"),
        "{text}"
    );
    let fields: Vec<CvField> = made.not_shown.iter().map(|n| n.field).collect();
    assert!(fields.contains(&CvField::Name), "{:?}", made.not_shown);
    assert!(fields.contains(&CvField::Headline), "{:?}", made.not_shown);
    let name = made
        .not_shown
        .iter()
        .find(|n| n.field == CvField::Name)
        .unwrap();
    assert_eq!(
        name.text, input.name,
        "the report carries the original text"
    );
    let headline = made
        .not_shown
        .iter()
        .find(|n| n.field == CvField::Headline)
        .unwrap();
    assert_eq!(
        headline.text,
        "数据平台负责人 | Data Platform Lead at Fjordlight Analytics"
    );
    // The title metadata is Unicode text: the name is whole there.
    assert_eq!(
        info_string(&load(&made.pdf), b"Title"),
        format!("{} – CV", input.name)
    );
}

#[test]
fn arabic_in_a_position_reports_that_entry_only() {
    let mut input = small_input("en");
    input.experience.push(CvEntry {
        title: "مهندسة برمجيات".into(),
        subtitle: Some("Noor Systems · Amman".into()),
        period: Some("2012 – 2014".into()),
        description: None,
    });
    input.skills.push("云计算".into());
    let made = make(&input);
    assert_eq!(made.not_shown.len(), 2, "{:?}", made.not_shown);
    assert_eq!(made.not_shown[0].field, CvField::Experience);
    assert_eq!(
        made.not_shown[0].text,
        "مهندسة برمجيات · Noor Systems · Amman · 2012 – 2014"
    );
    assert_eq!(made.not_shown[1].field, CvField::Skills);
    assert_eq!(made.not_shown[1].text, "云计算");
    let text = text_of(&made.pdf);
    assert!(text.contains("Noor Systems · Amman"));
    assert!(text.contains(&input.labels.not_shown));
    // Without such text there is no sentence.
    assert!(!text_of(&make(&small_input("en")).pdf).contains(&input.labels.not_shown));
}

/// Every position of the large profile with a description of about 700 characters.
fn large_with_descriptions(lang: &str) -> CvInput {
    let mut input = large_input(lang);
    for (i, entry) in input.experience.iter_mut().enumerate() {
        entry.description = Some(format!(
            "Position {i}: owned the telemetry ingestion path end to end, from the field gateways to the \
             time-series store; cut the p99 ingestion latency from 4 s to 300 ms.\nLed a team of five; \
             introduced on-call runbooks, error budgets and blameless reviews; mentored two engineers into \
             senior roles. Migrated 2 PB of history without downtime, wrote the capacity model finance \
             still uses, and retired three legacy services. Hiring panel member; conference talk on \
             back-pressure in Rust services."
        ));
    }
    input
}

#[test]
fn the_large_profile_stays_within_150_kb() {
    for lang in LANGUAGES {
        let plain = make(&large_input(lang));
        assert!(
            plain.pdf.len() <= MAX_PDF_BYTES,
            "{lang}: {} bytes",
            plain.pdf.len()
        );
        let described = make(&large_with_descriptions(lang));
        assert!(
            described.pdf.len() <= MAX_PDF_BYTES,
            "{lang} with descriptions: {} bytes on {} pages",
            described.pdf.len(),
            described.pages
        );
        assert!(described.pages > plain.pages);
        eprintln!(
            "{lang}: large profile {} B / {} pages; with 40 descriptions {} B / {} pages; small {} B",
            plain.pdf.len(),
            plain.pages,
            described.pdf.len(),
            described.pages,
            make(&small_input(lang)).pdf.len()
        );
    }
}

#[test]
fn the_fonts_are_embedded_as_subsets_with_unicode_maps() {
    let made = make(&large_input("en"));
    let doc = load(&made.pdf);
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        fonts += 1;
        assert_eq!(
            dict.get(b"Encoding").unwrap().as_name().unwrap(),
            b"Identity-H"
        );
        assert!(dict.get(b"ToUnicode").is_ok(), "a font without ToUnicode");
        let base = dict.get(b"BaseFont").unwrap().as_name().unwrap();
        let base = String::from_utf8_lossy(base);
        assert!(
            base.len() > 7 && base.as_bytes()[6] == b'+',
            "subset tag: {base}"
        );
    }
    assert_eq!(fonts, 2, "regular and bold");
    // Both subsets together are a fraction of one font file.
    assert!(made.pdf.len() < fonts_len() / 4, "{} bytes", made.pdf.len());
}

fn fonts_len() -> usize {
    fonts().regular.len()
}

#[test]
fn the_profile_url_is_a_link() {
    let input = small_input("en");
    let doc = load(&make(&input).pdf);
    let uris: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link".as_slice()))
        .filter_map(|d| d.get(b"A").and_then(Object::as_dict).ok())
        .filter_map(|a| {
            a.get(b"URI")
                .and_then(Object::as_str)
                .ok()
                .map(<[u8]>::to_vec)
        })
        .collect();
    assert_eq!(uris, vec![input.profile_url.unwrap().into_bytes()]);
}

#[test]
fn page_breaks_never_leave_a_heading_or_a_title_at_the_foot_of_a_page() {
    let mut moved = 0;
    let mut layouts = 0;
    for lang in ["en", "de"] {
        let full = large_with_descriptions(lang);
        // Every cut of the profile puts the following headings somewhere else on the page.
        for positions in 1..=full.experience.len() {
            let mut input = full.clone();
            input.experience.truncate(positions);
            let layout = layout_of(&input);
            layouts += 1;
            moved += layout.breaks_moved;
            let bodies: Vec<Vec<_>> = layout
                .pages
                .iter()
                .map(|page| {
                    page.lines
                        .iter()
                        .filter(|l| l.role != Role::PageFurniture)
                        .collect()
                })
                .collect();
            for (number, body) in bodies.iter().enumerate() {
                let last = body.last().expect("a page with body lines");
                let where_ = format!("{lang}, {positions} positions, page {}", number + 1);
                assert_ne!(last.role, Role::Heading, "{where_} ends with a heading");
                // An entry's title and subtitle stay with the rest of the entry.
                if let Some(next) = bodies.get(number + 1).and_then(|b| b.first()) {
                    let entry_split = matches!(last.role, Role::EntryTitle | Role::EntrySubtitle)
                        && matches!(next.role, Role::EntrySubtitle | Role::Body);
                    assert!(
                        !entry_split,
                        "{where_}: {:?} then {:?} over the break",
                        last.role, next.role
                    );
                }
                let bottom = last.top + last.height;
                assert!(
                    bottom <= cv::layout::BODY_BOTTOM + 0.01,
                    "{where_} overflows"
                );
            }
        }
    }
    assert!(layouts > 70);
    assert!(
        moved > 0,
        "no break was ever moved: the keep rules were not exercised"
    );
}

#[test]
fn no_page_of_the_pdf_ends_with_a_heading() {
    let input = large_with_descriptions("en");
    let headings = [
        &input.labels.about,
        &input.labels.experience,
        &input.labels.education,
        &input.labels.skills,
        &input.labels.languages,
    ];
    for positions in [3, 9, 17, 26, 40] {
        let mut cut = input.clone();
        cut.experience.truncate(positions);
        let pages = pages_of(&make(&cut).pdf);
        for (number, page) in pages.iter().enumerate() {
            for heading in headings {
                assert!(
                    !page.ends_with(heading.as_str()),
                    "{positions} positions: page {} ends with {heading}",
                    number + 1
                );
            }
        }
    }
}

#[test]
fn text_stays_within_the_margins_and_on_a4() {
    let fonts = faces();
    let mut input = large_with_descriptions("fr");
    input.profile_url =
        Some("https://www.linkedin.com/in/a-very-long-vanity-url-that-goes-on-and-on-and-on-1234567890abcdef/".into());
    input.experience[0].title =
        "Responsable de l’ingénierie des plateformes de données et de l’observabilité pour l’Europe".into();
    let layout = lay_out(&prepare(&input, &fonts), &input.labels, &fonts);
    for page in &layout.pages {
        for mark in page.lines.iter().flat_map(|l| &l.marks) {
            if let Mark::Text {
                x,
                baseline,
                style,
                text,
            } = mark
            {
                let width = fonts.face(style.weight).width(text, style.size);
                assert!(*x >= MARGIN_X - 0.01, "{text} starts at {x}");
                assert!(
                    x + width <= PAGE_WIDTH - MARGIN_X + 0.01,
                    "{text} ends at {}",
                    x + width
                );
                assert!(*baseline > 0.0 && *baseline < PAGE_HEIGHT);
            }
        }
    }
    let made = make(&input);
    let doc = load(&made.pdf);
    for (_, page) in doc.get_pages() {
        let media = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap();
        let values: Vec<f32> = media
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        assert_eq!(values, vec![0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT]);
    }
}

#[test]
fn the_same_input_and_date_give_the_same_bytes() {
    let input = large_input("de");
    let first = make(&input).pdf;
    assert_eq!(first, make(&input).pdf);
    let mut later = input.clone();
    later.created_at_ms += 86_400_000;
    assert_ne!(first, make(&later).pdf);
    assert_eq!(
        info_string(&load(&first), b"CreationDate"),
        "D:20260303093000Z"
    );
}

#[test]
fn a_name_alone_still_makes_a_one_page_cv() {
    let (labels, _) = labels("en");
    let input = CvInput {
        name: "Martin B.".into(),
        labels,
        created_at_ms: MADE_AT_MS,
        ..CvInput::default()
    };
    let made = make(&input);
    assert_eq!(made.pages, 1);
    let text = text_of(&made.pdf);
    assert!(text.contains("Martin B."));
    assert!(!text.contains("Experience"));
}

#[test]
fn unusable_fonts_are_refused() {
    let input = small_input("en");
    let files = cv::FontFiles {
        regular: b"not a font",
        bold: fonts().bold,
    };
    assert_eq!(
        make_cv(&input, files).unwrap_err(),
        CvError::Font("regular", cv::font::FontError::Unreadable)
    );
}
