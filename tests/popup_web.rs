//! Popup components in headless Chromium (wasm-bindgen-test): what the recruiter sees for each popup state.
//! Run with `cargo test --target wasm32-unknown-unknown -p popup` or `wasm-pack test --headless --chrome`.

use leptos::prelude::*;
use popup::app::{PopupBody, PopupView};
use sourcing_core::profile::{Field, Profile};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(view: PopupView) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let (signal, _) = signal(view);
    leptos::mount::mount_to(root.clone(), move || view! { <PopupBody view=signal /> }).forget();
    root
}

fn input_value(root: &web_sys::HtmlElement, name: &str) -> String {
    let input = root
        .query_selector(&format!("[name='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input {name}"));
    input.unchecked_into::<web_sys::HtmlInputElement>().value()
}

#[wasm_bindgen_test]
async fn a_profile_prefills_the_form_with_personio_field_names() {
    let profile = Profile {
        display_name: Field::visible("Inès Duval-Okoye".into()),
        first_name: Field::visible("Inès".into()),
        last_name: Field::visible("Duval-Okoye".into()),
        headline: Field::embedded("Backend engineer".into()),
        location: Field::visible("Lyon, France".into()),
        ..Profile::default()
    };
    let root = mount(PopupView::Profile(
        Box::new(profile),
        "https://www.linkedin.com/in/ines-duval-okoye/".into(),
    ));
    leptos::task::tick().await;
    assert_eq!(input_value(&root, "first_name"), "Inès");
    assert_eq!(input_value(&root, "last_name"), "Duval-Okoye");
    assert_eq!(input_value(&root, "location"), "Lyon, France");
    assert_eq!(input_value(&root, "email"), "", "email is typed by hand");
    let headline = root
        .query_selector("[data-field='headline']")
        .unwrap()
        .unwrap();
    assert!(headline
        .text_content()
        .unwrap()
        .contains("Backend engineer"));
    let badge = headline.query_selector("[data-source]").unwrap().unwrap();
    assert_eq!(badge.get_attribute("data-source").unwrap(), "EmbeddedData");
}

#[wasm_bindgen_test]
async fn off_profile_explains_where_it_works_and_shows_no_form() {
    let root = mount(PopupView::NotProfile);
    leptos::task::tick().await;
    assert!(root.query_selector(".off-profile").unwrap().is_some());
    assert!(root.query_selector("input").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_failure_is_announced_as_an_alert() {
    let root = mount(PopupView::Failed("background unreachable".into()));
    leptos::task::tick().await;
    let alert = root.query_selector("[role='alert']").unwrap().unwrap();
    assert_eq!(alert.text_content().unwrap(), "background unreachable");
}

#[wasm_bindgen_test]
async fn an_unrecognised_page_says_so_and_opens_the_empty_form_with_copy_diagnostics() {
    use sourcing_core::linkedin::diagnostics::Diagnostics;
    use sourcing_core::linkedin::{classify_url, unread_profile, Extraction};
    use sourcing_core::messages::TabState;
    let url = "https://www.linkedin.com/in/ingrid-solheim-varga-5e6f/";
    let page = classify_url(url);
    let state = TabState {
        tab_id: 7,
        url: url.into(),
        page: page.clone(),
        extraction: Some(Extraction::Unrecognised {
            page: page.clone(),
            diagnostics: Box::new(Diagnostics {
                selector_table: "2026-12-02".into(),
                ..Diagnostics::default()
            }),
        }),
        extract_us: None,
        parse_us: None,
        snapshot_bytes: None,
        snapshot_us: None,
        revision: None,
        reused: false,
    };
    let view = PopupView::from_state(&state);
    assert!(
        view.rereads(),
        "the popup reads an unrecognised page again before it gives up"
    );
    let PopupView::Unrecognised(_, ref profile, ref canonical) = view else {
        panic!("{view:?}");
    };
    assert_eq!(canonical, url);
    assert_eq!(**profile, unread_profile(&page));

    let root = mount(view);
    leptos::task::tick().await;
    let notice = root.query_selector("#unrecognised-page").unwrap().unwrap();
    assert!(!notice.text_content().unwrap().is_empty());
    assert_eq!(input_value(&root, "first_name"), "", "nothing is guessed");
    assert_eq!(input_value(&root, "last_name"), "");
    let button: web_sys::HtmlElement = root
        .query_selector("#copy-diagnostics")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    for _ in 0..40 {
        if root
            .query_selector("#diagnostics-status")
            .unwrap()
            .is_some()
        {
            break;
        }
        sleep_ms(50).await;
    }
    assert!(
        root.query_selector("#diagnostics-status")
            .unwrap()
            .is_some(),
        "copying says whether it worked"
    );
    if let Some(area) = root.query_selector("#diagnostics-json").unwrap() {
        let json = area
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value();
        let back: Diagnostics = serde_json::from_str(&json).unwrap();
        assert_eq!(back.selector_table, "2026-12-02");
    }
}

/// Waits `ms` milliseconds (the browser's timer).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
