//! "Already in Personio?" components in headless Chromium (wasm-bindgen-test): the panel of a found
//! candidate (applications with position and stage, the link, "Add to another position" and back), the one
//! line of a hidden panel, and the position picker marking the positions applied to.
//! Run with `cargo test --target wasm32-unknown-unknown -p popup --test known_candidate_web`.
//!
//! Outside an extension page `t(key)` is the key itself and `t_with(key, args)` the key followed by the
//! arguments, so the assertions look for message keys.

use leptos::prelude::*;
use popup::components::known_candidate::{adds_to, applied_positions, KnownCandidate};
use popup::components::position_picker::{PositionOption, PositionPicker};
use sourcing_core::personio::{
    ApplicationSummary, CandidateLookup, ExistingCandidate, LookupHidden, MatchedBy, Position,
    PositionId, Stage,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount<F, V>(view: F) -> HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), view).forget();
    root
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

async fn settle(done: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if done() {
            return;
        }
        webext::timer::sleep(10).await;
    }
    panic!("the condition never held");
}

fn ravi() -> CandidateLookup {
    CandidateLookup::Found {
        candidate: Box::new(ExistingCandidate {
            id: "300002".into(),
            name: Some("Ravi Castellano".into()),
            email: Some("ravi.c@private.example".into()),
            matched_by: Some(MatchedBy::Linkedin),
            applications: vec![
                ApplicationSummary {
                    id: "400002".into(),
                    position_id: Some(PositionId(1001)),
                    position_name: Some("Senior Rust Engineer".into()),
                    stage: Some(Stage {
                        name: Some("Telefoninterview".into()),
                        ..Stage::default()
                    }),
                    application_date: Some("2026-11-24".into()),
                    ..ApplicationSummary::default()
                },
                // No name in the answer: the position list names it.
                ApplicationSummary {
                    id: "400012".into(),
                    position_id: Some(PositionId(1002)),
                    ..ApplicationSummary::default()
                },
            ],
            unread_applications: 0,
            personio_url: Some("https://acme.personio.de/recruiting/applications/400002".into()),
        }),
    }
}

fn recruiter() -> Vec<Position> {
    vec![Position {
        id: PositionId(1002),
        name: "Recruiter".into(),
        department: None,
        office: None,
        subcompany: None,
        category: None,
    }]
}

#[wasm_bindgen_test]
async fn a_found_candidate_lists_applications_links_and_switches_to_adding() {
    let lookup = RwSignal::new(Some(ravi()));
    let email = RwSignal::new(String::new());
    let adding = Signal::derive(move || lookup.with(|l| email.with(|e| adds_to(l.as_ref(), e))));
    let on_add = Callback::new(move |address: String| email.set(address));
    let on_new = Callback::new(move |_| email.set(String::new()));
    let root = mount(move || {
        view! { <KnownCandidate lookup=lookup positions=Signal::stored(recruiter()) adding=adding on_add=on_add on_new=on_new /> }
    });
    settle(|| find(&root, "#known-candidate").is_some()).await;
    let panel = find(&root, "#known-candidate").unwrap();
    assert_eq!(
        panel.get_attribute("data-matched-by").as_deref(),
        Some("linkedin")
    );
    let rows: Vec<String> = {
        let list = root.query_selector_all(".known-applications li").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(rows.len(), 2);
    assert!(rows[0].starts_with("Senior Rust Engineer"), "{rows:?}");
    assert!(
        rows[0].contains("Telefoninterview") && rows[0].contains("2026-11-24"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("Recruiter"),
        "named from the positions: {rows:?}"
    );
    let link = find(&root, "#known-open").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://acme.personio.de/recruiting/applications/400002")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(find(&root, "#known-adding").is_none());
    find(&root, "#known-add")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle(|| find(&root, "#known-adding").is_some()).await;
    assert_eq!(email.get_untracked(), "ravi.c@private.example");
    assert!(find(&root, "#known-add").is_none(), "one action at a time");
    find(&root, "#known-new")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle(|| find(&root, "#known-add").is_some()).await;
    assert_eq!(email.get_untracked(), "");
}

#[wasm_bindgen_test]
async fn a_hidden_panel_is_one_line_with_its_reason() {
    let lookup = RwSignal::new(Some(CandidateLookup::Hidden {
        reason: LookupHidden::NoReadRight,
    }));
    let root = mount(move || {
        view! { <KnownCandidate lookup=lookup positions=Signal::stored(Vec::new()) adding=Signal::stored(false)
        on_add=Callback::new(|_: String| ()) on_new=Callback::new(|_| ()) /> }
    });
    settle(|| find(&root, "#known-hidden").is_some()).await;
    let line = find(&root, "#known-hidden").unwrap();
    assert_eq!(
        line.get_attribute("data-reason").as_deref(),
        Some("no_read_right")
    );
    assert_eq!(line.text_content().as_deref(), Some("knownHiddenNoRight"));
    assert!(find(&root, "#known-candidate").is_none());
    lookup.set(None);
    settle(|| find(&root, "#known-hidden").is_none()).await;
}

#[wasm_bindgen_test]
async fn the_picker_marks_the_positions_applied_to() {
    let applied = applied_positions(Some(&ravi()));
    assert_eq!(applied.len(), 2);
    let options = vec![
        PositionOption {
            id: PositionId(1001),
            name: "Senior Rust Engineer".into(),
            detail: String::new(),
        },
        PositionOption {
            id: PositionId(1003),
            name: "Product Designer".into(),
            detail: String::new(),
        },
    ];
    let selected = RwSignal::new(None::<PositionId>);
    let root = mount(move || {
        view! { <PositionPicker positions=Signal::stored(options) selected=selected applied=Signal::stored(applied) /> }
    });
    let input: HtmlElement = find(&root, "input[role=\"combobox\"]")
        .unwrap()
        .unchecked_into();
    input.click();
    settle(|| find(&root, "[role=\"option\"]").is_some()).await;
    let marked = find(&root, "[role=\"option\"][data-value=\"1001\"]").unwrap();
    assert_eq!(
        marked.get_attribute("data-applied").as_deref(),
        Some("true")
    );
    assert!(marked
        .text_content()
        .unwrap_or_default()
        .contains("posApplied"));
    let other = find(&root, "[role=\"option\"][data-value=\"1003\"]").unwrap();
    assert_eq!(other.get_attribute("data-applied"), None);
    assert!(!other
        .text_content()
        .unwrap_or_default()
        .contains("posApplied"));
}
