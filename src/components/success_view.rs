//! What the recruiter sees after sending: exactly what was transferred to Personio (position, each field,
//! tags, each document with its category and size), links to the result, "Copy candidate notice" (GDPR
//! Art. 14) and a way on to the next profile.

use crate::components::candidate_notice::{CandidateNotice, NoticeSubject};
use crate::components::documents::human_size;
use leptos::prelude::*;
use sourcing_core::draft::DocumentCategory;
use sourcing_core::outbox::Transferred;
use sourcing_core::personio::PositionId;
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
    /// The Personio position.
    pub position_id: PositionId,
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

/// The label key of a transferred Personio field.
fn field_label(field: &str) -> String {
    match field {
        "first_name" => "fieldFirstName",
        "last_name" => "fieldLastName",
        "email" => "fieldEmail",
        "attributes.phone" => "fieldPhone",
        "attributes.location" => "fieldLocation",
        "message" => "fieldComment",
        _ if field.starts_with("attributes.custom_attribute_") => "fieldLinkedinUrl",
        other => return other.to_string(),
    }
    .to_string()
}

impl TransferReceipt {
    /// The receipt of what reached Personio (from the finished outbox job): every field sent with its label
    /// (`fieldFirstName`, `fieldEmail`, `fieldPhone`, …; other Personio fields by name), tags and documents.
    pub fn from_transferred(transferred: &Transferred) -> Self {
        TransferReceipt {
            position_name: transferred.position.name.clone(),
            position_id: transferred.position.id,
            fields: transferred
                .fields
                .iter()
                .map(|f| (field_label(&f.field), f.value.clone()))
                .collect(),
            tags: transferred.tags.clone(),
            documents: transferred
                .documents
                .iter()
                .map(|d| ReceiptDocument {
                    name: d.name.clone(),
                    category: d.category,
                    size: d.size,
                })
                .collect(),
            application_id: transferred.application_id.clone(),
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
    /// What the candidate notice is about; without it the view offers none.
    #[prop(optional)]
    notice: Option<NoticeSubject>,
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
            {notice.map(|subject| view! { <CandidateNotice subject=subject /> })}
            <button type="button" class="primary" on:click=move |_| on_next.run(())>
                {t("successNext")}
            </button>
        </section>
    }
}
