//! The confirmation before an export: a modal `role="dialog"` naming the candidate and what happens. The
//! focus moves to "Export"; Tab and Shift+Tab stay inside; Escape or "Cancel" close it and return the focus
//! to the menu button that opened it.

use leptos::prelude::*;
use sourcing_core::hris::CandidateRow;
use sourcing_core::outbox::JobId;
use wasm_bindgen::JsCast;
use webext::i18n::{t, t_with};

/// A pending confirmation: the candidate and the id of the element to refocus afterwards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingExport {
    /// The candidate to export.
    pub row: CandidateRow,
    /// The menu button that opened the dialog.
    pub opener_id: String,
}

/// Moves the focus to the element `id`, if it exists.
pub fn refocus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The confirmation dialog.
#[component]
pub fn ConfirmExport(
    /// What to confirm.
    pending: PendingExport,
    /// Called with the job id when the user confirms.
    on_confirm: Callback<JobId>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = confirm_ref.get() {
            let _ = button.focus();
        }
    });
    let candidate = pending.row.candidate.clone();
    let job_id = candidate.job_id.clone();
    let cv_line = if pending.row.cv_kept {
        t_with(
            "confirmExportCv",
            &[candidate.cv_name.as_deref().unwrap_or("CV")],
        )
    } else {
        t("confirmExportNoCv")
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_cancel.run(());
        }
        "Tab" => {
            // Two buttons: keep the focus cycling between them.
            let active = document().active_element();
            let (first, last) = (confirm_ref.get_untracked(), cancel_ref.get_untracked());
            let is = |b: &Option<web_sys::HtmlButtonElement>| matches!((b, &active), (Some(b), Some(a)) if b.unchecked_ref::<web_sys::Element>() == a);
            if ev.shift_key() && is(&first) {
                ev.prevent_default();
                if let Some(b) = last {
                    let _ = b.focus();
                }
            } else if !ev.shift_key() && is(&last) {
                ev.prevent_default();
                if let Some(b) = first {
                    let _ = b.focus();
                }
            }
        }
        _ => {}
    };
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="confirm-export-title"
                aria-describedby="confirm-export-body"
                id="confirm-export-dialog"
                on:keydown=on_key
            >
                <h2 id="confirm-export-title">{t("confirmExportTitle")}</h2>
                <div id="confirm-export-body">
                    <p>{t_with("confirmExportBody", &[&candidate.name(), &candidate.email])}</p>
                    <p>{cv_line}</p>
                    <p class="muted">{t("confirmExportOnce")}</p>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        id="confirm-export"
                        node_ref=confirm_ref
                        on:click=move |_| on_confirm.run(job_id.clone())
                    >
                        {t("confirmExport")}
                    </button>
                    <button type="button" id="cancel-export" node_ref=cancel_ref on:click=move |_| on_cancel.run(())>
                        {t("confirmCancel")}
                    </button>
                </div>
            </div>
        </div>
    }
}
