//! The success view: exactly what reached Personio, and axe.

use super::common::{attr, axe_violations, click, document, find, find_all, mount, texts};
use leptos::prelude::*;
use popup::components::success_view::{ReceiptDocument, SuccessView, TransferReceipt};
use sourcing_core::draft::DocumentCategory;
use sourcing_core::personio::PositionId;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_success_view_lists_exactly_what_was_sent() {
    let receipt = TransferReceipt {
        position_name: "Backend Engineer (Rust)".into(),
        position_id: PositionId(11),
        fields: vec![
            ("fieldFirstName".into(), "Inès".into()),
            ("fieldLastName".into(), "Duval-Okoye".into()),
            ("fieldEmail".into(), "ines@example.com".into()),
        ],
        tags: vec!["Rust".into(), "Remote".into()],
        documents: vec![
            ReceiptDocument {
                name: "CV.pdf".into(),
                category: DocumentCategory::Cv,
                size: 48_213,
            },
            ReceiptDocument {
                name: "Probe.odt".into(),
                category: DocumentCategory::WorkSample,
                size: 900,
            },
        ],
        application_id: Some("98765".into()),
        candidate_url: Some("https://example.personio.de/recruiting/applications/98765".into()),
    };
    let next = RwSignal::new(0);
    let on_next = Callback::new(move |_| next.update(|n| *n += 1));
    let root = mount(move || view! { <SuccessView receipt=receipt on_next=on_next /> });
    leptos::task::tick().await;

    assert_eq!(
        texts(&root, "dl.receipt > dt"),
        vec![
            "posLabel",
            "fieldFirstName",
            "fieldLastName",
            "fieldEmail",
            "tagsLabel",
            "docTitle",
            "successApplicationId"
        ]
    );
    let position = find(&root, "dd[data-field='job_position_id']");
    assert!(position
        .text_content()
        .unwrap()
        .contains("Backend Engineer (Rust)"));
    assert_eq!(attr(&position, "data-value").as_deref(), Some("11"));
    assert_eq!(
        find(&root, "dd[data-label='fieldEmail']")
            .text_content()
            .as_deref(),
        Some("ines@example.com")
    );
    assert_eq!(texts(&root, ".receipt-tags li"), vec!["Rust", "Remote"]);
    let documents = find_all(&root, ".receipt-documents li");
    let categories: Vec<String> = documents
        .iter()
        .filter_map(|d| attr(d, "data-category"))
        .collect();
    assert_eq!(categories, vec!["cv", "work-sample"]);
    assert_eq!(
        texts(&root, ".receipt-documents .doc-category"),
        vec!["docCatCv", "docCatWorkSample"]
    );
    assert_eq!(
        texts(&root, ".receipt-documents .doc-size"),
        vec!["47 KB", "900 B"]
    );
    assert_eq!(
        find(&root, "dd[data-field='application_id']")
            .text_content()
            .as_deref(),
        Some("98765")
    );
    let link = find(&root, "a.candidate-link");
    assert_eq!(
        attr(&link, "href").as_deref(),
        Some("https://example.personio.de/recruiting/applications/98765")
    );

    let title = find(&root, "#success-title");
    assert_eq!(
        document().active_element(),
        Some(title),
        "focus moves to the result"
    );
    click(&find(&root, "button"));
    assert_eq!(next.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn a_receipt_lists_what_reached_personio() {
    use sourcing_core::outbox::{
        PositionChoice, Transferred, TransferredDocument, TransferredField,
    };
    let field = |field: &str, value: &str| TransferredField {
        field: field.into(),
        value: value.into(),
    };
    let transferred = Transferred {
        position: PositionChoice {
            id: PositionId(22),
            name: "Ingénieure logiciel".into(),
        },
        fields: vec![
            field("first_name", "Inès"),
            field("email", "ines@example.com"),
            field("attributes.phone", "+33 6 00 00 00 00"),
            field(
                "attributes.custom_attribute_1001",
                "https://www.linkedin.com/in/ines-duval/",
            ),
        ],
        tags: vec!["Rust".into()],
        documents: vec![TransferredDocument {
            name: "CV.pdf".into(),
            category: DocumentCategory::Cv,
            size: 10,
        }],
        application_id: Some("77".into()),
        profile_url: "https://www.linkedin.com/in/ines-duval/".into(),
        sourced_on: Some("2026-12-02".into()),
    };
    let receipt = TransferReceipt::from_transferred(&transferred);
    assert_eq!(
        (receipt.position_id, receipt.position_name.as_str()),
        (PositionId(22), "Ingénieure logiciel")
    );
    let labels: Vec<&str> = receipt.fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "fieldFirstName",
            "fieldEmail",
            "fieldPhone",
            "fieldLinkedinUrl"
        ]
    );
    assert_eq!(receipt.tags, vec!["Rust"]);
    assert_eq!(receipt.documents[0].category, DocumentCategory::Cv);
    assert_eq!(receipt.application_id.as_deref(), Some("77"));
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_success_view() {
    let receipt = TransferReceipt {
        position_name: "Backend".into(),
        position_id: PositionId(1),
        fields: vec![("fieldEmail".into(), "a@b.co".into())],
        tags: vec!["Rust".into()],
        documents: vec![ReceiptDocument {
            name: "CV.pdf".into(),
            category: DocumentCategory::Cv,
            size: 10,
        }],
        application_id: Some("9".into()),
        candidate_url: Some("https://x.personio.de/a".into()),
    };
    let root =
        mount(move || view! { <SuccessView receipt=receipt on_next=Callback::new(|_| ()) /> });
    leptos::task::tick().await;
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
}
