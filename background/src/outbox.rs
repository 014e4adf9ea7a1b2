//! Runs the outbox: queued applications advance one Personio call at a time, the outbox is saved after every
//! step (so a stopped worker resumes exactly where it was, never uploading twice nor creating twice), waits
//! are scheduled with `chrome.alarms` (durable) and a timer while the worker lives. Once an application
//! exists, its documents' bytes (except the CVs, kept for the HRIS export: `crate::hris`) and the profile's
//! draft are deleted.

use crate::clock::now_ms;
use crate::personio;
use crate::serial::Serial;
use sourcing_core::outbox::{Enqueued, JobId, JobView, Outbox, Sourcing, SubmitRequest};
use sourcing_core::personio::{DocumentSource, SubmissionStatus};
use sourcing_core::privacy::TextLanguage;
use sourcing_core::storage_keys::{DRAFTS, OUTBOX};
use std::cell::Cell;
use webext::storage;
use webext::{ExtError, ExtResult};

/// The alarm that wakes the worker for the next retry.
pub const ALARM: &str = "outbox";
/// Waits shorter than this are also timed in the live worker (alarms fire at 30 s at the earliest).
const SHORT_WAIT_MS: u64 = 30_000;

thread_local! {
    static DRIVING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

thread_local! {
    /// Every read-modify-write of the stored outbox takes this turn: the driver's update after a step, a
    /// submit, a retry and "delete all" would otherwise overwrite each other (a submit that read the outbox
    /// before a step's result was saved would put the job back to before the step, with Personio already
    /// holding the application).
    static WRITES: Serial = Serial::default();
}

/// The outbox, restored once per worker start (the key's restore step, which `webext::storage` runs before
/// any access of the key, so no reader sees an armed create of a dead worker as still in flight).
pub(crate) async fn load() -> ExtResult<Outbox> {
    storage::get_or_default(&OUTBOX).await
}

/// Changes the stored outbox with no other change in between, and saves it.
async fn update<R>(change: impl FnOnce(&mut Outbox) -> R) -> ExtResult<R> {
    let _turn = WRITES.with(Serial::turn).await;
    let mut outbox = load().await?;
    let result = change(&mut outbox);
    storage::set(&OUTBOX, &outbox).await?;
    Ok(result)
}

/// Deletes the stored outbox (for "delete all candidate data", under [`without_writes`]).
pub(crate) async fn remove() -> ExtResult<()> {
    storage::remove(&OUTBOX).await
}

/// Holds off every outbox write while `f` runs (for "delete all candidate data").
pub(crate) async fn without_writes<R>(f: impl std::future::Future<Output = R>) -> R {
    let _turn = WRITES.with(Serial::turn).await;
    f.await
}

/// Reads documents' bytes from IndexedDB.
struct StoredDocuments;

impl DocumentSource for StoredDocuments {
    async fn load(&self, document_id: &str) -> Result<Vec<u8>, String> {
        match webext::idb::get(document_id).await {
            Ok(Some(bytes)) => Ok(bytes),
            Ok(None) => Err("the file is no longer stored in this browser".into()),
            Err(e) => Err(e.0),
        }
    }
}

/// Queues an application and starts working on it; returns its job (an existing one for the same application).
pub async fn submit(request: SubmitRequest) -> ExtResult<JobView> {
    let mapping = crate::settings::field_mapping().await?;
    let privacy = crate::settings::privacy().await?;
    let today = crate::clock::local_date();
    // The comment's sourcing line (GDPR Art. 14) in the recruiter's UI language.
    let sourcing = Sourcing {
        language: TextLanguage::from_tag_or_english(&webext::i18n::ui_language()),
        privacy: &privacy,
    };
    let enqueued = update(|outbox| {
        outbox.enqueue_sourced(request, &mapping, now_ms(), Some(&today), Some(sourcing))
    })
    .await?;
    if let Enqueued::New(_) = &enqueued {
        wasm_bindgen_futures::spawn_local(async {
            drive().await;
        });
    }
    view(enqueued.id()).await
}

/// One job's view.
pub async fn view(job_id: &JobId) -> ExtResult<JobView> {
    load()
        .await?
        .get(job_id)
        .map(|e| e.view())
        .ok_or_else(|| ExtError(format!("no job {job_id}")))
}

/// Every job, newest first.
pub async fn views() -> ExtResult<Vec<JobView>> {
    Ok(load().await?.views())
}

/// Makes a job run now (a failed one is retried, a waiting one runs before its time).
pub async fn retry(job_id: &JobId) -> ExtResult<JobView> {
    let found = update(|outbox| {
        let Some(entry) = outbox.get_mut(job_id) else {
            return false;
        };
        match entry.job.status {
            SubmissionStatus::Failed { .. } => entry.job.retry(),
            SubmissionStatus::Waiting { .. } => entry.job.status = SubmissionStatus::Pending,
            _ => {}
        }
        true
    })
    .await?;
    if !found {
        return Err(ExtError(format!("no job {job_id}")));
    }
    wasm_bindgen_futures::spawn_local(async {
        drive().await;
    });
    view(job_id).await
}

/// Works through every runnable job; one driver at a time per worker (a call during a run makes it loop once
/// more). Errors are logged: the alarm brings the worker back.
pub async fn drive() {
    if DRIVING.with(|d| d.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    loop {
        AGAIN.with(|a| a.set(false));
        if let Err(e) = run_due_jobs().await {
            web_sys::console::error_1(&format!("outbox: {e}").into());
        }
        if !AGAIN.with(|a| a.get()) {
            break;
        }
    }
    DRIVING.with(|d| d.set(false));
}

async fn run_due_jobs() -> ExtResult<()> {
    loop {
        let outbox = load().await?;
        let now = now_ms();
        let Some(id) = outbox.next_runnable(now) else {
            schedule_wake(&outbox, now);
            return Ok(());
        };
        let mut job = outbox
            .get(&id)
            .map(|e| e.job.clone())
            .ok_or_else(|| ExtError("job vanished".into()))?;
        let mut client = personio::client().await?;
        job.advance(&mut client, &StoredDocuments, now).await;
        // The next lease (a lookup waiting, or the next step) starts from the state this step left.
        drop(client);
        // Under the write turn: pages may have queued or retried jobs while the call was in flight.
        let cleanup = update(|outbox| {
            let entry = outbox.get_mut(&id)?;
            entry.job = job;
            entry.updated_at_ms = now_ms();
            let done = matches!(entry.job.status, SubmissionStatus::Done { .. });
            done.then(|| entry.request.clone())
        })
        .await?;
        if let Some(request) = cleanup {
            // CVs stay for the HRIS export (deleted after it, or after the retention: see `crate::hris`).
            crate::hris::keep_cvs(&id, &request.documents).await?;
            for document in &request.documents {
                if !crate::hris::is_kept(document) {
                    webext::idb::delete(&document.document_id).await?;
                }
            }
            storage::remove(&DRAFTS.key(&request.profile_url)).await?;
            crate::lookup::forget(&request.profile_url, &request.candidate.email).await?;
        }
    }
}

fn schedule_wake(outbox: &Outbox, now: u64) {
    let Some(wake) = outbox.next_wake_ms() else {
        return;
    };
    webext::alarms::schedule_at(ALARM, wake);
    let delay = wake.saturating_sub(now);
    if delay < SHORT_WAIT_MS {
        wasm_bindgen_futures::spawn_local(async move {
            webext::timer::sleep(delay as u32 + 50).await;
            drive().await;
        });
    }
}
