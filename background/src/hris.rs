//! HRIS export of hired candidates: the candidates imported through the extension with their status from
//! Personio (v2 recruiting lookups; unknown with v1-only credentials), and "Export to Personio", which
//! creates the employee (v1 personnel API) and attaches the kept CV.
//!
//! The export is core's resumable [`ExportJob`]; this module only drives it: the candidate's job is loaded
//! from `storage.local` (`hris_exports`, one job per candidate, finished ones included), resumed where it
//! stopped, advanced one step per client lease and saved after every step. So nothing is exported twice:
//! the job re-reads the candidate's status (only hired candidates), refuses when Personio already has an
//! employee with that e-mail, a job interrupted after the employee was created only attaches the CV on the
//! next "Export", and a create whose answer was lost (or whose worker stopped) is found by e-mail and
//! continued with instead of refused or sent again. One export per candidate runs at a time.
//!
//! CV retention: when an application is created the outbox keeps the bytes of its CV documents
//! (IndexedDB) and records them here (`hris_kept_cvs`); they are deleted after a successful export, or
//! [`sourcing_core::hris::CV_RETENTION_DAYS`] days after the application when the candidate is never
//! exported (purged at worker start).

use crate::clock::now_ms;
use crate::personio as api;
use crate::serial::Serial;
use crate::transport::FetchTransport;
use sourcing_core::hris::{
    self, CandidateList, CandidateRow, CandidateStatus, CompanyCoverage, CvStore, ExportContext,
    ExportJob, ExportLog, ExportRefusal, ExportReport, ExportStep, ImportedCandidate, KeptCvs,
    PositionPipeline, StatusSource,
};
use sourcing_core::outbox::{JobId, OutgoingDocument};
use sourcing_core::personio::{PersonioClient, PersonioError, PositionId, StageVocabulary};
use sourcing_core::session_cache::StatusCache;
use sourcing_core::storage_keys::{EXPORTS, KEPT_CVS, STATUS_CACHE};
use std::cell::RefCell;
use std::collections::HashSet;
use webext::storage;
use webext::ExtResult;

/// How long statuses read from Personio are reused when the page does not ask for fresh ones.
const STATUS_TTL_MS: u64 = 60_000;
/// Pages of the company's applications read for a pipeline (100 each: the 1 000 most recently
/// updated applications).
const PIPELINE_PAGES: usize = 10;

thread_local! {
    /// The candidates whose export is running in this worker.
    static EXPORTING: RefCell<HashSet<JobId>> = RefCell::new(HashSet::new());
    /// Every read-modify-write of the stored export log takes this turn.
    static LOG_WRITES: Serial = Serial::default();
}

/// True for the documents whose bytes stay after the application was created (the CVs).
pub fn is_kept(document: &OutgoingDocument) -> bool {
    hris::documents_to_keep(std::slice::from_ref(document))
        .next()
        .is_some()
}

/// Records the CVs of the created application `job_id` as kept for the export (the outbox leaves their
/// bytes in IndexedDB).
pub async fn keep_cvs(job_id: &JobId, documents: &[OutgoingDocument]) -> ExtResult<()> {
    let mut kept: KeptCvs = storage::get_or_default(&KEPT_CVS).await?;
    let now = now_ms();
    for document in hris::documents_to_keep(documents) {
        kept.keep(job_id, document, now);
    }
    storage::set(&KEPT_CVS, &kept).await
}

/// Deletes the CVs kept longer than the retention period (worker start).
pub async fn purge_expired_cvs() -> ExtResult<()> {
    let mut kept: KeptCvs = storage::get_or_default(&KEPT_CVS).await?;
    let expired = kept.take_expired(now_ms());
    if expired.is_empty() {
        return Ok(());
    }
    for cv in &expired {
        webext::idb::delete(&cv.document_id).await?;
    }
    storage::set(&KEPT_CVS, &kept).await
}

async fn candidates() -> ExtResult<Vec<ImportedCandidate>> {
    let outbox = crate::outbox::load().await?;
    Ok(hris::imported_candidates(&outbox))
}

/// The status of each candidate (same order) and where they come from.
async fn read_statuses(
    client: &mut PersonioClient<FetchTransport>,
    candidates: &[ImportedCandidate],
    now: u64,
) -> (Vec<CandidateStatus>, StatusSource) {
    if !client.credentials().has_oauth() {
        return (
            vec![CandidateStatus::UNKNOWN; candidates.len()],
            StatusSource::NeedsV2,
        );
    }
    // The tenant's stage names and meanings; without them the answers' own fields are used.
    let vocabulary = client.stage_vocabulary(now).await.unwrap_or_default();
    let mut out = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        match hris::read_status(client, candidate, &vocabulary, now).await {
            Ok(status) => out.push(status),
            Err(error) => {
                return (
                    vec![CandidateStatus::UNKNOWN; candidates.len()],
                    StatusSource::Failed { error },
                )
            }
        }
    }
    (out, StatusSource::Personio)
}

/// The candidates list: every application created through the extension with its current status.
pub async fn list(refresh_status: bool) -> ExtResult<CandidateList> {
    let candidates = candidates().await?;
    let now = now_ms();
    let cached: Option<StatusCache> = storage::get(&STATUS_CACHE).await?;
    let fresh_cache = cached.filter(|c| {
        !refresh_status
            && now.saturating_sub(c.fetched_at_ms) < STATUS_TTL_MS
            && candidates
                .iter()
                .all(|cand| c.statuses.contains_key(&cand.job_id))
    });
    let (statuses, source) = match fresh_cache {
        Some(cache) => (
            candidates
                .iter()
                .map(|c| cache.statuses[&c.job_id].clone())
                .collect(),
            cache.source,
        ),
        None => {
            let mut client = api::client().await?;
            let (statuses, source) = read_statuses(&mut client, &candidates, now).await;
            let cache = StatusCache {
                fetched_at_ms: now,
                source: source.clone(),
                statuses: candidates
                    .iter()
                    .zip(&statuses)
                    .map(|(c, s)| (c.job_id.clone(), s.clone()))
                    .collect(),
            };
            storage::set(&STATUS_CACHE, &cache).await?;
            (statuses, source)
        }
    };
    let log: ExportLog = storage::get_or_default(&EXPORTS).await?;
    let kept: KeptCvs = storage::get_or_default(&KEPT_CVS).await?;
    let rows = candidates
        .into_iter()
        .zip(statuses)
        .map(|(candidate, status)| CandidateRow {
            export: log.record(&candidate.job_id),
            cv_kept: kept.for_job(&candidate.job_id).is_some(),
            candidate,
            status,
        })
        .collect();
    Ok(CandidateList { rows, source })
}

/// A position's pipeline: the imported candidates (statuses as in the list) and, with v2 read rights,
/// the company's applications for the position among the most recently updated ones.
pub async fn pipeline(position_id: PositionId, refresh: bool) -> ExtResult<PositionPipeline> {
    let list = list(refresh).await?;
    let now = now_ms();
    let mut client = api::client().await?;
    let (company, coverage, vocabulary) = if client.credentials().has_oauth() {
        let vocabulary = client.stage_vocabulary(now).await.unwrap_or_default();
        match client.company_applications(PIPELINE_PAGES, now).await {
            Ok(listed) => {
                let coverage = CompanyCoverage {
                    scanned: listed.items.len(),
                    complete: listed.complete,
                    without_position: listed
                        .items
                        .iter()
                        .filter(|a| a.position_id.is_none())
                        .count(),
                    unreadable: listed.unreadable,
                };
                (listed.items, Some(coverage), vocabulary)
            }
            Err(_) => (Vec::new(), None, vocabulary),
        }
    } else {
        (Vec::new(), None, StageVocabulary::default())
    };
    let position_name = list
        .rows
        .iter()
        .find(|r| r.candidate.position.id == position_id)
        .map(|r| r.candidate.position.name.clone())
        .or_else(|| {
            company
                .iter()
                .find(|a| a.position_id == Some(position_id))
                .and_then(|a| a.position_name.clone())
        });
    let position_name = match position_name {
        Some(name) => Some(name),
        None => api::positions_with(&mut client)
            .await?
            .ok()
            .and_then(|p| p.into_iter().find(|p| p.id == position_id))
            .map(|p| p.name),
    };
    Ok(PositionPipeline {
        position_id,
        position_name,
        groups: hris::pipeline(&list.rows, &company, position_id, &vocabulary),
        company: coverage,
        source: list.source,
    })
}

/// How an export ended.
pub enum ExportOutcome {
    /// The employee exists now.
    Exported(ExportReport),
    /// Refused before anything was created.
    Refused(ExportRefusal),
    /// Personio refused or could not be reached.
    Personio(PersonioError),
}

/// "Export to Personio" for the candidate `job_id` (one at a time per candidate).
pub async fn export(job_id: &JobId) -> ExtResult<ExportOutcome> {
    if !EXPORTING.with(|e| e.borrow_mut().insert(job_id.clone())) {
        return Ok(ExportOutcome::Refused(ExportRefusal::InProgress));
    }
    let result = run_export(job_id).await;
    EXPORTING.with(|e| e.borrow_mut().remove(job_id));
    // Statuses and exports changed: the next list reads them again.
    storage::remove(&STATUS_CACHE).await?;
    result
}

/// Drives the candidate's [`ExportJob`]: loaded from the log (resumed where it stopped), one step per
/// client lease, saved after every step.
async fn run_export(job_id: &JobId) -> ExtResult<ExportOutcome> {
    let Some(candidate) = candidates()
        .await?
        .into_iter()
        .find(|c| &c.job_id == job_id)
    else {
        return Ok(ExportOutcome::Refused(ExportRefusal::UnknownCandidate));
    };
    let mut job = load_log()
        .await?
        .get(job_id)
        .cloned()
        .unwrap_or_else(|| ExportJob::new(job_id.clone()));
    job.on_resume();
    let today = crate::clock::local_date();
    let language = webext::i18n::ui_language();
    let language = language.get(..2).unwrap_or("en");
    loop {
        let kept: KeptCvs = storage::get_or_default(&KEPT_CVS).await?;
        let positions = api::fresh_positions(now_ms()).await?;
        let context = ExportContext {
            candidate: &candidate,
            cv: kept.for_job(job_id),
            today: &today,
            positions: positions.as_deref(),
            language,
        };
        let mut client = api::client().await?;
        let step = job
            .advance(&mut client, &context, &StoredCvs, now_ms())
            .await;
        // The next lease (a lookup waiting, or the next step) starts from the state this step left.
        drop(client);
        save_job(&job).await?;
        match step {
            ExportStep::Continue => {}
            ExportStep::Exported(report) => {
                // Exported: the kept CV is no longer needed.
                let mut kept: KeptCvs = storage::get_or_default(&KEPT_CVS).await?;
                for cv in kept.take_job(job_id) {
                    webext::idb::delete(&cv.document_id).await?;
                }
                storage::set(&KEPT_CVS, &kept).await?;
                return Ok(ExportOutcome::Exported(report));
            }
            ExportStep::Refused(refusal) => return Ok(ExportOutcome::Refused(refusal)),
            ExportStep::Failed(error) => return Ok(ExportOutcome::Personio(error)),
        }
    }
}

async fn load_log() -> ExtResult<ExportLog> {
    storage::get_or_default(&EXPORTS).await
}

/// Stores `job` in the log; exports of other candidates save theirs in turn, never over each other.
async fn save_job(job: &ExportJob) -> ExtResult<()> {
    let _turn = LOG_WRITES.with(Serial::turn).await;
    let mut log = load_log().await?;
    log.put(job.clone());
    storage::set(&EXPORTS, &log).await
}

/// Reads kept CVs from IndexedDB.
struct StoredCvs;

impl CvStore for StoredCvs {
    async fn cv_bytes(&self, document_id: &str) -> Result<Option<Vec<u8>>, String> {
        webext::idb::get(document_id).await.map_err(|e| e.0)
    }
}
