//! What the recruiter sees while an application is on its way: sending (documents k of n), waiting with a
//! countdown (rate limit, offline, Personio errors: the application is safe in the outbox and retried
//! automatically), refused (with the reason, at the field when there is one), or already in Personio.

use crate::bridge::personio_sentence;
use crate::components::personio_lookup::stage_label;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::outbox::JobView;
use sourcing_core::personio::{PersonioError, SubmissionStatus};
use webext::i18n::{t, t_with};

/// The localised text for a Personio field-validation reason (`errors.invalid-email-format`, …).
fn reason_text(reason: &str) -> String {
    let key = match reason {
        "errors.attribute-validation.invalid-email-format" | "errors.invalid-email-format" => {
            "reasonEmailFormat"
        }
        "errors.attribute-validation.required-attribute" | "errors.required" => "reasonRequired",
        "errors.date-validation.date-in-the-future" => "reasonDateInFuture",
        "errors.invalid-file-type" => "reasonFileType",
        "errors.file-too-big" => "reasonFileTooBig",
        "errors.file-validation.file-not-exists" => "reasonFileMissing",
        "errors.job-position.not-published" => "errNotPublished",
        "errors.attribute-validation.unknown" => "reasonUnknownAttribute",
        "errors.attribute-validation.unknown-attribute-option" => "reasonUnknownOption",
        _ => return t_with("reasonOther", &[reason]),
    };
    t(key)
}

/// Messages per Personio field name for a refused job (shown at the matching inputs).
pub fn field_errors(status: &SubmissionStatus) -> Vec<(String, String)> {
    match status {
        SubmissionStatus::Failed {
            error: PersonioError::Validation { fields, .. },
        } => fields
            .iter()
            .map(|f| (f.field.clone(), reason_text(&f.reason)))
            .collect(),
        SubmissionStatus::Failed {
            error: PersonioError::NotPublished,
        } => {
            vec![("job_position_id".into(), t("errNotPublished"))]
        }
        SubmissionStatus::Failed {
            error: PersonioError::TooLarge { field },
        } => vec![(field.clone(), t("reasonFileTooBig"))],
        _ => Vec::new(),
    }
}

/// The sentence for a wait, without the countdown.
fn waiting_text(reason: &PersonioError) -> String {
    match reason {
        PersonioError::RateLimited { .. } => t("waitRateLimited"),
        PersonioError::Network { .. } => t("waitOffline"),
        PersonioError::Server { status, .. } => t_with("waitServer", &[&status.to_string()]),
        other => personio_sentence(other),
    }
}

/// A second-by-second clock, ticking while the component lives.
fn ticking_now() -> ReadSignal<f64> {
    let (now, set_now) = signal(js_sys::Date::now());
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    spawn_local(async move {
        while alive.try_get_value().unwrap_or(false) {
            webext::timer::sleep(1000).await;
            if alive.try_get_value().unwrap_or(false) {
                set_now.set(js_sys::Date::now());
            }
        }
    });
    now
}

/// The status of one job.
#[component]
pub fn JobStatus(
    /// The job.
    job: JobView,
    /// "Retry now" / "Try again".
    on_retry: Callback<()>,
) -> impl IntoView {
    match job.status {
        SubmissionStatus::Pending => view! {
            <div class="job job-pending" role="status" aria-live="polite" id="job-status">
                <p>{t("jobSending")}</p>
                {(job.documents_total > 0).then(|| view! {
                    <p>{t_with("jobDocuments", &[&job.documents_uploaded.to_string(), &job.documents_total.to_string()])}</p>
                    <progress max=job.documents_total value=job.documents_uploaded aria-label=t("jobDocumentsProgress")></progress>
                })}
            </div>
        }
        .into_any(),
        SubmissionStatus::Waiting { retry_at_ms, reason } => {
            let now = ticking_now();
            let seconds = move || (((retry_at_ms as f64) - now.get()) / 1000.0).ceil().max(0.0) as u64;
            view! {
                <div class="job job-waiting" role="status" aria-live="polite" id="job-status" data-reason=format!("{reason:?}")>
                    <p>{waiting_text(&reason)}</p>
                    <p class="countdown">{move || t_with("jobRetryIn", &[&seconds().to_string()])}</p>
                    <p class="muted">{t("jobInOutbox")}</p>
                    <button type="button" id="retry-now" on:click=move |_| on_retry.run(())>{t("jobRetryNow")}</button>
                </div>
            }
            .into_any()
        }
        SubmissionStatus::Failed { error } => {
            let reconnect = matches!(error, PersonioError::Unauthorized { .. } | PersonioError::Forbidden { .. });
            view! {
                <div class="job job-failed" role="alert" id="job-status">
                    <p>{personio_sentence(&error)}</p>
                    {reconnect.then(|| view! {
                        <button type="button" id="open-settings" on:click=|_| spawn_local(async {
                            let _ = webext::runtime::open_options_page().await;
                        })>{t("setupOpenSettings")}</button>
                    })}
                    <button type="button" id="retry-now" on:click=move |_| on_retry.run(())>{t("jobTryAgain")}</button>
                </div>
            }
            .into_any()
        }
        SubmissionStatus::Duplicate { existing } => view! {
            <div class="job job-duplicate" role="alert" id="job-status">
                <p><strong>{t("dupTitle")}</strong> " " {t("jobDuplicateNothingCreated")}</p>
                {existing.map(|e| {
                    let who = e.candidate_name().or(e.candidate_email.clone()).unwrap_or_else(|| t("dupSomeone"));
                    let stage = e.stage.as_ref().map(stage_label).unwrap_or_else(|| t("stageUnknown"));
                    view! { <p>{t_with("dupBody", &[&who, &stage])}</p> }
                })}
            </div>
        }
        .into_any(),
        SubmissionStatus::Done { .. } => view! { <p class="job job-done" role="status" id="job-status">{t("jobDone")}</p> }.into_any(),
    }
}
