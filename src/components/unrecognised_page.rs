//! The notice for a LinkedIn page the extraction does not recognise (a layout newer than the selector
//! table): one plain sentence above the empty form, and **Copy diagnostics**, which puts JSON on the
//! clipboard that names the table version, the markers and selector counts found and the page's
//! structure, but no text, URL or attribute value of the page. When the clipboard refuses, the JSON is
//! shown to select by hand.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::linkedin::diagnostics::Diagnostics;
use wasm_bindgen_futures::JsFuture;
use webext::i18n::t;

/// Writes `text` to the clipboard (the click is the user gesture it needs).
async fn copy_text(text: &str) -> Result<(), ()> {
    let navigator = web_sys::window().ok_or(())?.navigator();
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// The unrecognised-page notice with its diagnostics.
#[component]
pub fn UnrecognisedPage(
    /// What the extraction found on the page.
    diagnostics: Diagnostics,
) -> impl IntoView {
    let json = StoredValue::new(serde_json::to_string_pretty(&diagnostics).unwrap_or_default());
    // None: not copied yet; Some(true): copied; Some(false): the clipboard refused.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        spawn_local(async move {
            let ok = copy_text(&json.get_value()).await.is_ok();
            copied.set(Some(ok));
        })
    };
    view! {
        <section class="unrecognised" id="unrecognised-page">
            <p role="status">{t("statusUnrecognised")}</p>
            <button type="button" id="copy-diagnostics" on:click=copy>{t("copyDiagnostics")}</button>
            {move || match copied.get() {
                Some(true) => view! {
                    <p class="hint" id="diagnostics-status" role="status">{t("diagnosticsCopied")}</p>
                }
                .into_any(),
                Some(false) => view! {
                    <p class="hint" id="diagnostics-status" role="status">
                        <label for="diagnostics-json">{t("diagnosticsCopyFailed")}</label>
                    </p>
                    <textarea id="diagnostics-json" readonly rows="6">{json.get_value()}</textarea>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}
