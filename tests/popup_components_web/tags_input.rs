//! The tag chips: added with Enter or comma, removed with Backspace or their button, and axe.

use super::common::{attr, axe_violations, click, find, find_all, input, mount, press, type_into};
use leptos::prelude::*;
use popup::components::tags_input::TagsInput;
use wasm_bindgen_test::*;
use web_sys::Element;

fn chips(root: &Element) -> Vec<String> {
    find_all(root, ".chip")
        .iter()
        .filter_map(|c| attr(c, "data-tag"))
        .collect()
}

#[wasm_bindgen_test]
async fn tags_are_added_with_enter_or_comma_and_removed_with_backspace_or_their_button() {
    let tags = RwSignal::new(vec!["Rust".to_string()]);
    let suggestions = Signal::stored(vec![
        "rust".to_string(),
        "Backend".to_string(),
        "Remote".to_string(),
    ]);
    let root = mount(move || view! { <TagsInput tags=tags suggestions=suggestions /> });
    leptos::task::tick().await;
    let field = input(&root, "input[name='tags']");
    assert_eq!(attr(&find(&root, "label"), "for"), Some(field.id()));
    let offered: Vec<String> = find_all(&root, "datalist option")
        .iter()
        .filter_map(|o| attr(o, "value"))
        .collect();
    assert_eq!(
        offered,
        vec!["Backend", "Remote"],
        "present tags are not suggested"
    );

    type_into(&field, "  Senior  Backend ");
    press(&field, "Enter");
    leptos::task::tick().await;
    assert_eq!(chips(&root), vec!["Rust", "Senior Backend"]);
    assert_eq!(field.value(), "");

    type_into(&field, "Remote");
    press(&field, ",");
    leptos::task::tick().await;
    assert_eq!(
        tags.get_untracked(),
        vec!["Rust", "Senior Backend", "Remote"]
    );

    // A duplicate (ignoring case) is refused with an inline message.
    type_into(&field, "RUST");
    press(&field, "Enter");
    leptos::task::tick().await;
    assert_eq!(tags.get_untracked().len(), 3);
    let error = find(&root, ".field-error");
    assert_eq!(attr(&error, "data-key").as_deref(), Some("valTagDuplicate"));
    assert_eq!(attr(&field, "aria-invalid").as_deref(), Some("true"));
    assert!(attr(&field, "aria-describedby")
        .unwrap()
        .split(' ')
        .any(|id| id == error.id()));

    // Pasting a list adds its complete items.
    type_into(&field, "Go, Kotlin, Jav");
    leptos::task::tick().await;
    assert_eq!(
        chips(&root),
        vec!["Rust", "Senior Backend", "Remote", "Go", "Kotlin"]
    );
    assert_eq!(field.value(), "Jav");
    assert_eq!(attr(&find(&root, ".field-error"), "data-key"), None);

    // Backspace removes the last chip only when the input is empty.
    press(&field, "Backspace");
    leptos::task::tick().await;
    assert_eq!(chips(&root).len(), 5);
    type_into(&field, "");
    press(&field, "Backspace");
    leptos::task::tick().await;
    assert_eq!(chips(&root), vec!["Rust", "Senior Backend", "Remote", "Go"]);

    // Each chip has its own labelled remove button.
    let remove = find(&root, ".chip[data-tag='Senior Backend'] button");
    assert_eq!(
        attr(&remove, "aria-label").as_deref(),
        Some("tagsRemove Senior Backend")
    );
    click(&remove);
    leptos::task::tick().await;
    assert_eq!(tags.get_untracked(), vec!["Rust", "Remote", "Go"]);
    assert!(find(&root, ".tags-input [role='status']")
        .text_content()
        .unwrap()
        .contains("tagsRemoved"));
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_tags_with_chips_and_an_error() {
    let tags = RwSignal::new(vec!["Rust".to_string(), "Remote".to_string()]);
    let root = mount(
        move || view! { <TagsInput tags=tags suggestions=Signal::stored(vec!["Go".to_string()]) /> },
    );
    leptos::task::tick().await;
    let field = input(&root, "input[name='tags']");
    type_into(&field, "rust");
    press(&field, "Enter");
    leptos::task::tick().await;
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
}
