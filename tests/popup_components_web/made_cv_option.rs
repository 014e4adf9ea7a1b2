//! The choice to attach the CV made from the profile, and its preview button.

use super::common::{attr, click, find, input, mount, texts};
use leptos::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_made_cv_choice_is_a_labelled_checkbox_with_a_preview_button() {
    use popup::components::made_cv_option::MadeCvOption;
    let attach = RwSignal::new(true);
    let making = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let previews = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <MadeCvOption attach=attach making=making message=message
                on_preview=Callback::new(move |_| previews.update(|n| *n += 1)) />
        }
    });
    leptos::task::tick().await;
    let checkbox = input(&root, "#attach-made-cv");
    assert!(checkbox.checked());
    assert_eq!(texts(&root, "label[for='attach-made-cv']"), ["cvAttach"]);
    assert_eq!(
        attr(&checkbox, "aria-describedby").as_deref(),
        Some("made-cv-hint")
    );
    click(&checkbox);
    leptos::task::tick().await;
    assert!(!attach.get_untracked(), "unchecking turns the CV off");
    attach.set(true);
    leptos::task::tick().await;
    assert!(
        checkbox.checked(),
        "the checkbox follows the remembered choice"
    );

    let button = find(&root, "#preview-made-cv");
    click(&button);
    assert_eq!(previews.get_untracked(), 1);
    making.set(true);
    leptos::task::tick().await;
    assert!(button.has_attribute("disabled"), "one preview at a time");
    assert_eq!(texts(&root, ".made-cv [role='status']"), ["cvMaking"]);
    making.set(false);
    message.set(Some("cvPreviewFailed".into()));
    leptos::task::tick().await;
    assert_eq!(texts(&root, "#made-cv-error"), ["cvPreviewFailed"]);
    assert_eq!(
        attr(&find(&root, "#made-cv-error"), "role").as_deref(),
        Some("alert")
    );
}
