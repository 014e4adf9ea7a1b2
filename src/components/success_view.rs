//! What the recruiter sees after sending: exactly what was transferred to Personio (position, each field,
//! tags, each document with its category and size), links to the result, and a way on to the next profile.

use crate::components::documents::human_size;
use leptos::prelude::*;
use sourcing_core::draft::{ApplicationDraft, DocumentCategory};
use webext::i18n::t;

/// One transferred document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptDocument {
    /// Original file name.
    pub name: String,
    /// The Personio category it was filed under.
    pub category: DocumentCategory,
    /// Size in bytes.
    pub size: u64,
}

/// What was transferred, as the success view lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TransferReceipt {
    /// Name of the job position applied to.
    pub position_name: String,
    /// Its Personio id.
    pub position_id: u64,
    /// The candidate fields sent, as `(i18n key of the label, value)`, in form order.
    pub fields: Vec<(String, String)>,
    /// The tags sent.
    pub tags: Vec<String>,
    /// The documents sent.
    pub documents: Vec<ReceiptDocument>,
    /// Personio's application id, when the answer carried one.
    pub application_id: Option<String>,
    /// A link to the candidate in Personio, when known.
    pub candidate_url: Option<String>,
}

impl TransferReceipt {
    /// The receipt of a sent draft: its non-empty fields (labels `fieldFirstName`, `fieldLastName`, `fieldEmail`,
    /// `fieldPhone`, `fieldLocation`, `fieldComment`), tags and documents.
    pub fn from_draft(draft: &ApplicationDraft, position_name: impl Into<String>) -> Self {
        let fields = [
            ("fieldFirstName", &draft.first_name),
            ("fieldLastName", &draft.last_name),
            ("fieldEmail", &draft.email),
            ("fieldPhone", &draft.phone),
            ("fieldLocation", &draft.location),
            ("fieldComment", &draft.message),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(key, value)| (key.to_string(), value.trim().to_string()))
        .collect();
        TransferReceipt {
            position_name: position_name.into(),
            position_id: draft.job_position_id.unwrap_or_default(),
            fields,
            tags: sourcing_core::validation::normalize_tags(&draft.tags),
            documents: draft
                .documents
                .iter()
                .map(|d| ReceiptDocument {
                    name: d.name.clone(),
                    category: d.category,
                    size: d.size,
                })
                .collect(),
            application_id: None,
            candidate_url: None,
        }
    }
}

/// The success view: a definition list of what was sent, and a "Next profile" button.
#[component]
pub fn SuccessView(
    /// What was transferred.
    receipt: TransferReceipt,
    /// Called by the "Next profile" button (e.g. close the popup or reset the form).
    on_next: Callback<()>,
) -> impl IntoView {
    let title = NodeRef::<leptos::html::H2>::new();
    // Move the focus to the title so that screen readers announce the result, and keyboard users start here.
    Effect::new(move |_| {
        if let Some(title) = title.get() {
            let _ = title.focus();
        }
    });
    let TransferReceipt {
        position_name,
        position_id,
        fields,
        tags,
        documents,
        application_id,
        candidate_url,
    } = receipt;
    view! {
        <section class="success" aria-labelledby="success-title">
            <h2 id="success-title" tabindex="-1" node_ref=title>{t("successTitle")}</h2>
            <p>{t("successIntro")}</p>
            <dl class="receipt">
                <dt>{t("posLabel")}</dt>
                <dd data-field="job_position_id" data-value=position_id.to_string()>
                    {position_name} <span class="muted">{format!(" (#{position_id})")}</span>
                </dd>
                {fields
                    .into_iter()
                    .map(|(key, value)| {
                        view! {
                            <dt>{t(&key)}</dt>
                            <dd data-label=key>{value}</dd>
                        }
                    })
                    .collect_view()}
                <dt>{t("tagsLabel")}</dt>
                <dd data-field="tags">
                    {if tags.is_empty() {
                        view! { <span class="muted">{t("successNone")}</span> }.into_any()
                    } else {
                        view! {
                            <ul class="receipt-tags">
                                {tags.into_iter().map(|tag| view! { <li>{tag}</li> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </dd>
                <dt>{t("docTitle")}</dt>
                <dd data-field="files">
                    {if documents.is_empty() {
                        view! { <span class="muted">{t("successNone")}</span> }.into_any()
                    } else {
                        view! {
                            <ul class="receipt-documents">
                                {documents
                                    .into_iter()
                                    .map(|doc| {
                                        view! {
                                            <li data-category=doc.category.as_str()>
                                                <span class="doc-name">{doc.name}</span>
                                                " – "
                                                <span class="doc-category">{t(doc.category.key())}</span>
                                                " · "
                                                <span class="doc-size">{human_size(doc.size)}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </dd>
                {application_id
                    .map(|id| {
                        view! {
                            <dt>{t("successApplicationId")}</dt>
                            <dd data-field="application_id">{id}</dd>
                        }
                    })}
            </dl>
            {candidate_url
                .map(|url| {
                    view! {
                        <p>
                            <a href=url target="_blank" rel="noopener noreferrer" class="candidate-link">
                                {t("successOpenCandidate")}
                            </a>
                        </p>
                    }
                })}
            <button type="button" class="primary" on:click=move |_| on_next.run(())>
                {t("successNext")}
            </button>
        </section>
    }
}
