//! The Documents tab's choice "Attach a CV made from this profile" (a checkbox the page remembers) and its
//! "Preview CV" button, with what is going on while the CV is made and why a preview failed.

use leptos::prelude::*;
use webext::i18n::t;

/// The checkbox, the preview button and their messages.
#[component]
pub fn MadeCvOption(
    /// Whether the CV is attached on "Create application".
    attach: RwSignal<bool>,
    /// Called by "Preview CV".
    on_preview: Callback<()>,
    /// True while a CV is being made (the preview button waits).
    #[prop(into)]
    making: Signal<bool>,
    /// Why the preview failed, translated.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="made-cv">
            <div class="made-cv-choice">
                <input
                    type="checkbox"
                    id="attach-made-cv"
                    name="attach_made_cv"
                    aria-describedby="made-cv-hint"
                    prop:checked=move || attach.get()
                    on:change=move |ev| attach.set(event_target_checked(&ev))
                />
                <label for="attach-made-cv">{t("cvAttach")}</label>
                <button
                    type="button"
                    class="secondary"
                    id="preview-made-cv"
                    disabled=move || making.get()
                    aria-busy=move || making.get().to_string()
                    on:click=move |_| on_preview.run(())
                >
                    {t("cvPreview")}
                </button>
            </div>
            <p id="made-cv-hint" class="hint">{t("cvAttachHint")}</p>
            <p class="status" role="status">{move || making.get().then(|| t("cvMaking"))}</p>
            {move || message.get().map(|m| view! { <p class="error" role="alert" id="made-cv-error">{m}</p> })}
        </div>
    }
}
