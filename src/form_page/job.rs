//! The application's job in the background's outbox, as the form follows it: shown once queued (or found
//! still on its way when the form opens), polled until it is finished, retried on request. Every task is
//! bound to the form's owner: when the side panel re-renders mid-job (another tab, a new page), the poll
//! stops with the form instead of touching its disposed signals.

use crate::bridge::{self, BridgeError};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use sourcing_core::messages::{GetJob, ListJobs, RetryJob};
use sourcing_core::outbox::{JobId, JobView};
use sourcing_core::personio::SubmissionStatus;

/// How often the form asks the background about a running job.
pub const POLL_MS: u32 = 400;

/// True while the job is on its way (sending, or waiting to retry).
fn on_its_way(view: &JobView) -> bool {
    matches!(
        view.status,
        SubmissionStatus::Pending | SubmissionStatus::Waiting { .. }
    )
}

/// The job the form shows, and why the background could not be asked about it.
#[derive(Clone, Copy)]
pub struct JobTracker {
    /// The job's latest state.
    pub job: RwSignal<Option<JobView>>,
    /// The sentence saying the last poll or retry failed (cleared by the next answer).
    pub failed: RwSignal<Option<String>>,
    /// The owner the polls run under (the form's), also when started from an event handler.
    owner: StoredValue<Option<Owner>>,
    /// Bumped by each `follow`: an older poll loop stops when it sees a newer one.
    generation: StoredValue<u32>,
}

impl JobTracker {
    /// No job yet; polls will run under the current owner.
    pub fn new() -> Self {
        JobTracker {
            job: RwSignal::new(None),
            failed: RwSignal::new(None),
            owner: StoredValue::new(Owner::current()),
            generation: StoredValue::new(0),
        }
    }

    /// True while the job is on its way (tracks).
    pub fn busy(self) -> bool {
        self.job.with(|j| j.as_ref().is_some_and(on_its_way))
    }

    /// Shows `view` and follows it until it is finished.
    pub fn show(self, view: JobView) {
        self.job.set(Some(view));
        self.failed.set(None);
        self.follow();
    }

    /// Shows the job still on its way for `profile_url`, if there is one.
    pub async fn resume(self, profile_url: &str) -> Result<(), BridgeError> {
        let jobs = bridge::call(&ListJobs {}).await?.jobs;
        if let Some(view) = jobs
            .into_iter()
            .find(|j| j.profile_url == profile_url && on_its_way(j))
        {
            self.show(view);
        }
        Ok(())
    }

    /// Polls the background until the job is finished.
    pub fn follow(self) {
        self.follow_with(async |job_id| Ok(*bridge::call(&GetJob { job_id }).await?.job));
    }

    /// Polls with `fetch` until the job is finished, the form is gone or a newer poll took over.
    pub fn follow_with(self, fetch: impl AsyncFn(JobId) -> Result<JobView, BridgeError> + 'static) {
        let Some(generation) = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return;
        };
        let current = move || self.generation.try_get_value() == Some(generation);
        let run = async move {
            loop {
                // `None`: the form (and its signals) is gone.
                let Some(Some(view)) = self.job.try_get_untracked() else {
                    return;
                };
                if !on_its_way(&view) {
                    return;
                }
                webext::timer::sleep(POLL_MS).await;
                let answer = fetch(view.id.clone()).await;
                if !current() {
                    return;
                }
                // `try_set` hands the value back when the signal is gone.
                let stored = match answer {
                    Ok(view) => {
                        self.job.try_set(Some(view)).is_none()
                            && self.failed.try_set(None).is_none()
                    }
                    // Not finished: asked again at the next poll.
                    Err(e) => self.failed.try_set(Some(e.sentence())).is_none(),
                };
                if !stored {
                    return;
                }
            }
        };
        self.spawn(run);
    }

    /// Runs `task` under the form's owner, cancelled with it; not at all when the form is gone.
    fn spawn(self, task: impl std::future::Future<Output = ()> + 'static) {
        if let Some(owner) = self.owner.try_get_value().flatten() {
            owner.with(|| spawn_local_scoped_with_cancellation(task));
        }
    }

    /// Asks the background to run the job now, then follows it again.
    pub fn retry(self) {
        let Some(Some(job_id)) = self
            .job
            .try_with_untracked(|j| j.as_ref().map(|v| v.id.clone()))
        else {
            return;
        };
        let run = async move {
            match bridge::call(&RetryJob { job_id }).await {
                Ok(reply) => self.show(*reply.job),
                Err(e) => {
                    self.failed.try_set(Some(e.sentence()));
                }
            }
        };
        self.spawn(run);
    }
}

impl Default for JobTracker {
    fn default() -> Self {
        JobTracker::new()
    }
}
