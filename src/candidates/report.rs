//! Texts of the candidates views and the export's outcome: the success message listing what was exported and
//! what was not available (and why), or the failure saying why, naming the field it is about.

use crate::components::personio_lookup::gap_text;
use leptos::prelude::*;
use sourcing_core::hris::{
    employee_field, CandidateStatus, ExportRefusal, ExportReport, NotExported, NotExportedReason,
    StatusFilter,
};
use sourcing_core::personio::{MissingRight, PersonioError, StageOutcome};
use webext::i18n::{t, t_with};

/// How an export ended, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    /// Running.
    Running {
        /// Candidate's name.
        name: String,
    },
    /// Done.
    Exported(ExportReport),
    /// Refused before anything was created.
    Refused {
        /// Candidate's name.
        name: String,
        /// Why.
        refusal: ExportRefusal,
    },
    /// Personio refused or could not be reached.
    Failed {
        /// Candidate's name.
        name: String,
        /// The error.
        error: PersonioError,
    },
    /// The background failed.
    Broken {
        /// Candidate's name.
        name: String,
        /// Its message.
        message: String,
    },
}

/// The i18n key of an employee field's label.
pub fn field_key(field: &str) -> &'static str {
    match field {
        "first_name" => "hrisFieldFirstName",
        "last_name" => "hrisFieldLastName",
        "email" => "hrisFieldEmail",
        "position" => "hrisFieldPosition",
        "hire_date" => "hrisFieldHireDate",
        "department" => "hrisFieldDepartment",
        "office" => "hrisFieldOffice",
        "subcompany" => "hrisFieldSubcompany",
        "phone" => "hrisFieldPhone",
        "location" => "hrisFieldLocation",
        "document" => "hrisFieldDocument",
        "status" => "hrisFieldStatus",
        _ => "hrisFieldOther",
    }
}

/// The label of a status.
pub fn status_text(status: &CandidateStatus) -> String {
    status_key_text(&status.key())
}

/// Why a status is unknown, when Personio's answers said something specific.
pub fn unknown_reason(status: &CandidateStatus) -> Option<String> {
    match status {
        CandidateStatus::Unknown { gap: Some(gap) } => Some(gap_text(gap)),
        CandidateStatus::Known {
            stage: None,
            outcome: StageOutcome::Unknown,
            ..
        } => Some(t_with("gapMissingField", &["current_stage"])),
        CandidateStatus::Known {
            outcome: StageOutcome::Unknown,
            ..
        } => Some(t("gapStageMeaning")),
        _ => None,
    }
}

/// The label of a status key ([`CandidateStatus::key`]).
pub fn status_key_text(key: &str) -> String {
    match key {
        "hired" => t("candidateStatusHired"),
        "active" => t("candidateStatusActive"),
        "rejected" => t("candidateStatusRejected"),
        "withdrawn" => t("candidateStatusWithdrawn"),
        "not_found" => t("candidateStatusNotFound"),
        "unknown" => t("candidateStatusUnknown"),
        other => other.to_string(),
    }
}

/// The label of a status filter.
pub fn filter_text(filter: StatusFilter) -> String {
    t(match filter {
        StatusFilter::All => "statusFilterAll",
        StatusFilter::Active => "candidateStatusActive",
        StatusFilter::Hired => "candidateStatusHired",
        StatusFilter::Rejected => "candidateStatusRejected",
        StatusFilter::Withdrawn => "candidateStatusWithdrawn",
        StatusFilter::Unknown => "candidateStatusUnknown",
    })
}

fn right_key(right: &MissingRight) -> &'static str {
    match right {
        MissingRight::Applications => "missingRightApplications",
        MissingRight::Tags => "missingRightTags",
        MissingRight::Comments => "missingRightComments",
        MissingRight::CandidateDocuments => "missingRightDocuments",
        MissingRight::Employees => "hrisRightEmployees",
        MissingRight::RecruitingScope => "missingRightScope",
        MissingRight::RecruitingFeature => "missingRightRecruiting",
        MissingRight::PublicApiFeature => "missingRightApi",
        MissingRight::Other(_) => "missingRightOther",
    }
}

fn reason_text(n: &NotExported) -> String {
    match &n.reason {
        NotExportedReason::NotKnown => t("notExportedNotKnown"),
        NotExportedReason::NoEmployeeField => t("notExportedNoField"),
        NotExportedReason::IgnoredByPersonio { note } => t_with("notExportedIgnored", &[note]),
        NotExportedReason::CvNotKept if n.value.is_some() => t("notExportedCvNotKept"),
        NotExportedReason::CvNotKept => t("notExportedNoCv"),
    }
}

/// `(field, message)` pairs of a failure: the field it is about (`""` when none) and what to say.
pub fn failure_messages(outcome: &ExportOutcome) -> Vec<(String, String)> {
    match outcome {
        ExportOutcome::Refused { refusal, .. } => {
            let text = match refusal {
                ExportRefusal::EmployeeExists { employee_id, email } => {
                    t_with("refusalEmployeeExists", &[email, &employee_id.to_string()])
                }
                ExportRefusal::AlreadyExported { report } => {
                    t_with("refusalAlreadyExported", &[&report.employee_id.to_string()])
                }
                ExportRefusal::NotHired { status } => {
                    t_with("refusalNotHired", &[&status_key_text(status)])
                }
                ExportRefusal::StatusUnknown => t("refusalStatusUnknown"),
                ExportRefusal::UnknownCandidate => t("refusalUnknownCandidate"),
                ExportRefusal::InProgress => t("refusalInProgress"),
            };
            vec![(refusal.field().unwrap_or("").to_string(), text)]
        }
        ExportOutcome::Failed { error, .. } => match error {
            PersonioError::Validation { fields, .. } => fields
                .iter()
                .map(|f| {
                    (
                        employee_field(&f.field).to_string(),
                        t_with("exportFieldRefused", &[&f.reason]),
                    )
                })
                .collect(),
            PersonioError::Forbidden { right, .. } => {
                vec![(
                    String::new(),
                    t_with("exportForbidden", &[&t(right_key(right))]),
                )]
            }
            PersonioError::Unauthorized { .. } => vec![(String::new(), t("exportUnauthorized"))],
            PersonioError::UnsupportedAuth { .. } => {
                vec![(String::new(), t("exportUnsupportedAuth"))]
            }
            e if e.is_transient() => vec![(String::new(), t("exportRetryLater"))],
            PersonioError::InvalidRequest { detail, .. } => {
                vec![(String::new(), t_with("exportPersonioSaid", &[detail]))]
            }
            other => vec![(
                String::new(),
                t_with("exportPersonioSaid", &[&other.to_string()]),
            )],
        },
        ExportOutcome::Broken { message, .. } => vec![(String::new(), message.clone())],
        _ => Vec::new(),
    }
}

/// The outcome region: always rendered (a live region), empty until an export ran.
#[component]
pub fn OutcomeView(
    /// The last export's outcome.
    outcome: RwSignal<Option<ExportOutcome>>,
) -> impl IntoView {
    view! {
        <section id="export-result" class="export-result" aria-live="polite">
            {move || outcome.get().map(|o| match o {
                ExportOutcome::Running { name } => view! {
                    <p class="status" role="status">{t_with("exportRunning", &[&name])}</p>
                }.into_any(),
                ExportOutcome::Exported(report) => view! { <ReportView report=report /> }.into_any(),
                ref failed @ (ExportOutcome::Refused { ref name, .. }
                | ExportOutcome::Failed { ref name, .. }
                | ExportOutcome::Broken { ref name, .. }) => {
                    let messages = failure_messages(failed);
                    view! {
                        <div class="export-failed" role="alert">
                            <h2>{t_with("exportFailedTitle", &[name])}</h2>
                            <ul>
                                {messages.into_iter().map(|(field, message)| {
                                    let label = (!field.is_empty()).then(|| format!("{}: ", t(field_key(&field))));
                                    view! { <li data-field=field>{label}{message}</li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}

/// The success message: what was exported and what was not available.
#[component]
pub fn ReportView(
    /// The export's report.
    report: ExportReport,
) -> impl IntoView {
    let title = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(title) = title.get() {
            let _ = title.focus();
        }
    });
    view! {
        <div class="export-done" role="status">
            <h2 tabindex="-1" node_ref=title>{t_with("exportDoneTitle", &[&report.candidate_name])}</h2>
            <p>{t_with("exportDoneEmployee", &[&report.employee_id.to_string()])}</p>
            <h3>{t("exportExportedTitle")}</h3>
            <dl class="receipt exported">
                {report.exported.into_iter().map(|f| view! {
                    <dt>{t(field_key(&f.field))}</dt>
                    <dd data-field=f.field.clone()>{f.value}</dd>
                }).collect_view()}
            </dl>
            <h3>{t("exportNotAvailableTitle")}</h3>
            {if report.not_exported.is_empty() {
                view! { <p class="muted">{t("successNone")}</p> }.into_any()
            } else {
                view! {
                    <dl class="receipt not-exported">
                        {report.not_exported.into_iter().map(|n| {
                            let reason = reason_text(&n);
                            view! {
                                <dt>{t(field_key(&n.field))}</dt>
                                <dd data-field=n.field.clone()>
                                    {n.value.map(|v| format!("{v} – "))}
                                    <span class="muted">{reason}</span>
                                </dd>
                            }
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </div>
    }
}
