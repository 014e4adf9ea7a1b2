//! The inline message under a form field: a validation key or a server reason, announced to screen readers.
//!
//! The element is always rendered (empty when there is nothing to say) so that the input's
//! `aria-describedby` always points at something and the live region exists before its text changes.

use leptos::prelude::*;
use webext::i18n::t;

/// What a [`FieldError`] says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldMessage {
    /// An i18n key (e.g. [`sourcing_core::validation::Problem::key`]), localised when shown.
    Key(&'static str),
    /// Text shown as is (e.g. a reason given by Personio).
    Text(String),
}

impl FieldMessage {
    /// The text to show.
    pub fn text(&self) -> String {
        match self {
            FieldMessage::Key(key) => t(key),
            FieldMessage::Text(text) => text.clone(),
        }
    }
}

/// The id of the error element of the input `input_id`, for the input's `aria-describedby`.
pub fn error_id(input_id: &str) -> String {
    format!("{input_id}-error")
}

/// An inline error message (`role="alert"`) under a field. Give the input
/// `aria-describedby=error_id(input_id)` and `aria-invalid` while `message` is `Some`.
#[component]
pub fn FieldError(
    /// The id of the input this message describes; the message's own id is [`error_id`] of it.
    #[prop(into)]
    input_id: String,
    /// The message, `None` when the field is fine.
    #[prop(into)]
    message: Signal<Option<FieldMessage>>,
) -> impl IntoView {
    view! {
        <p
            id=error_id(&input_id)
            class="field-error"
            role="alert"
            data-key=move || match message.get() {
                Some(FieldMessage::Key(key)) => Some(key),
                _ => None,
            }
        >
            {move || message.get().map(|m| m.text())}
        </p>
    }
}
