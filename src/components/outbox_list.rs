//! The outbox as the recruiter sees it: applications not yet in Personio (sending, waiting to retry, or
//! refused), for every profile, with a "Retry now" for each. Refreshed while something is on its way.

use crate::bridge::{self, BridgeError};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use sourcing_core::messages::{ListJobs, RetryJob};
use sourcing_core::outbox::{JobId, JobView};
use sourcing_core::personio::SubmissionStatus;
use webext::i18n::{t, t_with};

const REFRESH_MS: u32 = 2000;

fn open_jobs(jobs: Vec<JobView>) -> Vec<JobView> {
    jobs.into_iter()
        .filter(|j| {
            matches!(
                j.status,
                SubmissionStatus::Pending
                    | SubmissionStatus::Waiting { .. }
                    | SubmissionStatus::Failed { .. }
            )
        })
        .collect()
}

async fn fetch() -> Result<Vec<JobView>, BridgeError> {
    Ok(open_jobs(bridge::call(&ListJobs {}).await?.jobs))
}

fn status_text(status: &SubmissionStatus) -> String {
    match status {
        SubmissionStatus::Pending => t("outboxSending"),
        SubmissionStatus::Waiting { retry_at_ms, .. } => {
            let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(*retry_at_ms as f64));
            let time: String = at
                .to_locale_time_string(&webext::i18n::ui_language())
                .into();
            t_with("outboxWaiting", &[&time])
        }
        SubmissionStatus::Failed { .. } => t("outboxFailed"),
        _ => String::new(),
    }
}

/// The list of applications still in the outbox; renders nothing when it is empty (or, when the background
/// cannot be asked, the sentence saying so).
#[component]
pub fn OutboxList() -> impl IntoView {
    let jobs = RwSignal::new(Vec::<JobView>::new());
    let failed = RwSignal::new(None::<String>);
    // Owner-bound: the refresh loop is cancelled with the list.
    spawn_local_scoped_with_cancellation(async move {
        loop {
            let list = match fetch().await {
                Ok(list) => list,
                Err(e) => {
                    failed.set(Some(e.sentence()));
                    return;
                }
            };
            failed.set(None);
            let moving = list
                .iter()
                .any(|j| !matches!(j.status, SubmissionStatus::Failed { .. }));
            jobs.set(list);
            if !moving {
                return;
            }
            webext::timer::sleep(REFRESH_MS).await;
        }
    });
    let retry = move |job_id: JobId| {
        spawn_local_scoped_with_cancellation(async move {
            let answer = match bridge::call(&RetryJob { job_id }).await {
                Ok(_) => fetch().await,
                Err(e) => Err(e),
            };
            match answer {
                Ok(list) => {
                    jobs.set(list);
                    failed.set(None);
                }
                Err(e) => failed.set(Some(e.sentence())),
            }
        })
    };
    move || {
        let list = jobs.get();
        let error = failed
            .get()
            .map(|m| view! { <p class="error" role="alert" id="outbox-failed">{m}</p> });
        (!list.is_empty() || error.is_some()).then(|| {
            view! {
                <section class="outbox" aria-labelledby="outbox-title" id="outbox">
                    <h2 id="outbox-title">{t_with("outboxTitle", &[&list.len().to_string()])}</h2>
                    {error}
                    <ul>
                        {list
                            .into_iter()
                            .map(|job| {
                                let id = job.id.clone();
                                view! {
                                    <li class="outbox-item" data-job=job.id.to_string()>
                                        <span class="outbox-who">{job.candidate_name.clone()} " · " {job.position.name.clone()}</span>
                                        <span class="outbox-status">{status_text(&job.status)}</span>
                                        <button type="button" on:click=move |_| retry(id.clone())>
                                            {t("jobRetryNow")}
                                            <span class="sr-only">{format!(" – {}", job.candidate_name)}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
