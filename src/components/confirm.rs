//! A button for an action that deletes something: the first click asks (the question, the action and
//! "Cancel" in place of the button, focus on "Cancel"), the second one does it. Used for "Discard draft",
//! "Forget this connection" and "Delete all candidate data on this browser".

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use webext::i18n::t;

fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The button, or the question with its two answers. Ids: `{id}`, `{id}-question`, `{id}-confirm`,
/// `{id}-cancel`.
#[component]
pub fn ConfirmButton(
    /// Id of the button; the question's parts derive theirs from it.
    id: &'static str,
    /// i18n key of the button.
    label: &'static str,
    /// i18n key of the question.
    question: &'static str,
    /// i18n key of the confirming button.
    confirm: &'static str,
    /// Runs after the confirmation.
    on_confirm: Callback<()>,
    /// Disables the button (e.g. while the page is busy).
    #[prop(into, optional)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let question_id = format!("{id}-question");
    let confirm_id = format!("{id}-confirm");
    let cancel_id = format!("{id}-cancel");
    move || {
        if asking.get() {
            let cancel_focus = cancel_id.clone();
            request_animation_frame(move || focus(&cancel_focus));
            view! {
                <div class="confirm" role="group" aria-labelledby=question_id.clone()>
                    <p id=question_id.clone()>{t(question)}</p>
                    <button type="button" class="danger" id=confirm_id.clone() on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{t(confirm)}</button>
                    " "
                    <button type="button" id=cancel_id.clone() on:click=move |_| {
                        asking.set(false);
                        request_animation_frame(move || focus(id));
                    }>{t("formCancel")}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="danger-outline" id=id disabled=move || disabled.get()
                    on:click=move |_| asking.set(true)>{t(label)}</button>
            }
            .into_any()
        }
    }
}
