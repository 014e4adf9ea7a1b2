//! The form's job tracker: the poll of a job on its way belongs to the form, so when the side panel
//! re-renders mid-job (another tab, a new page) it stops with the form instead of reading its disposed
//! signals.

use super::common::{find, mount};
use leptos::prelude::*;
use popup::form_page::job::JobTracker;
use sourcing_core::outbox::{JobView, PositionChoice};
use sourcing_core::personio::{PositionId, SubmissionStatus};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use wasm_bindgen_test::*;

fn pending_job() -> JobView {
    JobView {
        id: "job-1".into(),
        profile_url: "https://www.linkedin.com/in/a/".into(),
        candidate_name: "Ada".into(),
        position: PositionChoice {
            id: PositionId(1),
            name: "Engineer".into(),
        },
        status: SubmissionStatus::Pending,
        documents_uploaded: 0,
        documents_total: 0,
        created_at_ms: 0,
        transferred: None,
    }
}

/// A form-like view that follows a job which stays pending, counting the polls.
#[component]
fn Following(polls: Arc<AtomicU32>) -> impl IntoView {
    let tracker = JobTracker::new();
    tracker.job.set(Some(pending_job()));
    tracker.follow_with(async move |_job_id| {
        polls.fetch_add(1, Ordering::SeqCst);
        Ok(pending_job())
    });
    view! { <p id="following">{move || tracker.job.with(|j| j.as_ref().map(|v| v.id.to_string()))}</p> }
}

#[wasm_bindgen_test]
async fn a_poll_stops_when_the_form_is_rendered_away_mid_job() {
    let polls = Arc::new(AtomicU32::new(0));
    let shown = RwSignal::new(true);
    let counted = polls.clone();
    let root = mount(move || {
        let counted = counted.clone();
        move || {
            shown
                .get()
                .then(|| view! { <Following polls=counted.clone() /> })
        }
    });
    assert_eq!(
        find(&root, "#following").text_content().as_deref(),
        Some("job-1")
    );
    webext::timer::sleep(job_poll_ms() * 3).await;
    let before = polls.load(Ordering::SeqCst);
    assert!(before >= 1, "the job is followed while the form is shown");
    // The side panel re-renders: the form goes away while the job is still pending.
    shown.set(false);
    leptos::task::tick().await;
    assert!(root.query_selector("#following").unwrap().is_none());
    webext::timer::sleep(job_poll_ms() * 4).await;
    assert_eq!(
        polls.load(Ordering::SeqCst),
        before,
        "no poll after the form is gone"
    );
}

fn job_poll_ms() -> u32 {
    popup::form_page::job::POLL_MS
}
