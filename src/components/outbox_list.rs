//! The outbox as the recruiter sees it: applications not yet in Personio (sending, waiting to retry, or
//! refused), for every profile, with a "Retry now" for each. Refreshed while something is on its way.

use crate::bridge;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::messages::{PopupRequest, PopupResponse};
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

async fn fetch() -> Vec<JobView> {
    match bridge::request(&PopupRequest::ListJobs).await {
        Ok(PopupResponse::Jobs { jobs }) => open_jobs(jobs),
        _ => Vec::new(),
    }
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

/// The list of applications still in the outbox; renders nothing when it is empty.
#[component]
pub fn OutboxList() -> impl IntoView {
    let jobs = RwSignal::new(Vec::<JobView>::new());
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    spawn_local(async move {
        loop {
            let list = fetch().await;
            let moving = list
                .iter()
                .any(|j| !matches!(j.status, SubmissionStatus::Failed { .. }));
            if !alive.try_get_value().unwrap_or(false) {
                return;
            }
            jobs.set(list);
            if !moving {
                return;
            }
            webext::timer::sleep(REFRESH_MS).await;
        }
    });
    let retry = move |job_id: JobId| {
        spawn_local(async move {
            let _ = bridge::request(&PopupRequest::RetryJob { job_id }).await;
            jobs.set(fetch().await);
        })
    };
    move || {
        let list = jobs.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="outbox" aria-labelledby="outbox-title" id="outbox">
                    <h2 id="outbox-title">{t_with("outboxTitle", &[&list.len().to_string()])}</h2>
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
