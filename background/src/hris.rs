//! HRIS export of hired candidates: the candidates imported through the extension with their status from
//! Personio (v2 recruiting lookups; unknown with v1-only credentials), and "Export to Personio", which
//! creates the employee (v1 personnel API) and attaches the kept CV.
//!
//! Nothing is exported twice: an export first re-reads the candidate's status (only hired candidates), then
//! refuses when Personio already has an employee with that e-mail, and every export is remembered in
//! `storage.local` (`hris_exports`), including one interrupted after the employee was created (a second
//! "Export" then only attaches the CV) and a create whose answer was lost (a second "Export" that finds the
//! employee continues with it instead of refusing). One export per candidate runs at a time.
//!
//! CV retention: when an application is created the outbox keeps the bytes of its CV documents
//! (IndexedDB) and records them here (`hris_kept_cvs`); they are deleted after a successful export, or
//! [`sourcing_core::hris::CV_RETENTION_DAYS`] days after the application when the candidate is never
//! exported (purged at worker start).

use crate::clock::now_ms;
use crate::personio as api;
use crate::transport::FetchTransport;
use sourcing_core::hris::{
    self, CandidateList, CandidateRow, CandidateStatus, CompanyCoverage, ExistingEmployee,
    ExportLog, ExportRecord, ExportRefusal, ExportReport, ImportedCandidate, KeptCvs,
    PositionPipeline, StatusSource, CV_CATEGORY_HINT,
};
use sourcing_core::outbox::{JobId, OutgoingDocument};
use sourcing_core::personio::{
    ApplicationSummary, LookupGap, PersonQuery, PersonioClient, PersonioError, PositionId,
    StageOutcome, StageVocabulary,
};
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
    static EXPORTING: RefCell<HashSet<JobId>> = RefCell::new(HashSet::new());
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

/// The status of one candidate: its application by id when the create answer gave one, else found
/// by e-mail on its position; the stage transitions only for a hired one (the hire date).
async fn status_of(
    client: &mut PersonioClient<FetchTransport>,
    candidate: &ImportedCandidate,
    vocabulary: &StageVocabulary,
    now: u64,
) -> Result<CandidateStatus, PersonioError> {
    let by_id = match &candidate.application_id {
        Some(id) => client.application(id, now).await?,
        None => None,
    };
    let (applications, gap): (Vec<ApplicationSummary>, Option<LookupGap>) = match by_id {
        Some(app) => (vec![app], None),
        None => {
            let person = PersonQuery {
                email: candidate.email.clone(),
                ..PersonQuery::default()
            };
            let found = client
                .applications_on_position(&person, candidate.position.id, now)
                .await?;
            (
                found.found.into_iter().map(|(a, _)| a).collect(),
                found.email_gap,
            )
        }
    };
    let status = hris::status_from_lookups(candidate, &applications, gap.clone(), &[], vocabulary);
    let CandidateStatus::Known {
        application_id,
        outcome: StageOutcome::Hired,
        ..
    } = &status
    else {
        return Ok(status);
    };
    // The hired transition's date becomes the hire date; without it, the recruiter's today is used.
    let transitions = match client.stage_transitions(application_id, now).await {
        Ok(listed) => listed.items,
        Err(_) => Vec::new(),
    };
    Ok(hris::status_from_lookups(
        candidate,
        &applications,
        gap,
        &transitions,
        vocabulary,
    ))
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
        match status_of(client, candidate, &vocabulary, now).await {
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
    let cached = storage::get(&STATUS_CACHE).await?;
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
            export: log.get(&candidate.job_id).cloned(),
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

async fn run_export(job_id: &JobId) -> ExtResult<ExportOutcome> {
    let Some(candidate) = candidates()
        .await?
        .into_iter()
        .find(|c| &c.job_id == job_id)
    else {
        return Ok(ExportOutcome::Refused(ExportRefusal::UnknownCandidate));
    };
    let mut log: ExportLog = storage::get_or_default(&EXPORTS).await?;
    let mut client = api::client().await?;
    let now = now_ms();
    let record = match log.get(job_id).cloned() {
        Some(done) if done.complete => {
            return Ok(ExportOutcome::Refused(ExportRefusal::AlreadyExported {
                report: done.report,
            }))
        }
        // The employee was created by an earlier, interrupted export: only the CV is left to attach.
        Some(partial) => partial,
        None => {
            let (statuses, source) =
                read_statuses(&mut client, std::slice::from_ref(&candidate), now).await;
            let status = statuses
                .into_iter()
                .next()
                .unwrap_or(CandidateStatus::UNKNOWN);
            match source {
                StatusSource::Personio => {}
                StatusSource::NeedsV2 => {
                    return Ok(ExportOutcome::Refused(ExportRefusal::StatusUnknown));
                }
                StatusSource::Failed { error } => {
                    return Ok(ExportOutcome::Personio(error));
                }
            }
            if !hris::is_hired(&status) {
                return Ok(ExportOutcome::Refused(ExportRefusal::NotHired {
                    status: status.key(),
                }));
            }
            let adopted = match client.find_employee_by_email(&candidate.email, now).await {
                Ok(Some(existing)) => match log.on_existing_employee(job_id) {
                    // An earlier attempt created it, but its answer was lost.
                    ExistingEmployee::Adopt => Some(existing.id),
                    ExistingEmployee::Refuse => {
                        return Ok(ExportOutcome::Refused(ExportRefusal::EmployeeExists {
                            employee_id: existing.id,
                            email: existing.email,
                        }));
                    }
                },
                Ok(None) => None,
                Err(error) => {
                    return Ok(ExportOutcome::Personio(error));
                }
            };
            let positions = api::positions_with(&mut client).await?.unwrap_or_default();
            let position = positions.iter().find(|p| p.id == candidate.position.id);
            let plan =
                hris::plan_export(&candidate, &status, position, &crate::clock::local_date());
            let (employee_id, warnings) = match adopted {
                Some(id) => (id, Vec::new()),
                None => {
                    log.mark_creating(job_id);
                    storage::set(&EXPORTS, &log).await?;
                    match client.create_employee(&plan.employee, now).await {
                        Ok(created) => (created.id, created.warnings),
                        Err(error) => {
                            if !error.is_transient() {
                                // Refused for sure: nothing was created.
                                log.clear_creating(job_id);
                                storage::set(&EXPORTS, &log).await?;
                            }
                            return Ok(ExportOutcome::Personio(error));
                        }
                    }
                }
            };
            let report = plan.report(&candidate, employee_id, &warnings, None, now);
            let record = ExportRecord {
                job_id: job_id.clone(),
                employee_id,
                complete: false,
                report,
            };
            log.put(record.clone());
            storage::set(&EXPORTS, &log).await?;
            record
        }
    };
    let outcome = attach_cv(&mut client, &candidate, record, &mut log).await;
    outcome
}

/// Attaches the kept CV to the created employee and completes the record.
async fn attach_cv(
    client: &mut PersonioClient<FetchTransport>,
    candidate: &ImportedCandidate,
    mut record: ExportRecord,
    log: &mut ExportLog,
) -> ExtResult<ExportOutcome> {
    let now = now_ms();
    let mut kept: KeptCvs = storage::get_or_default(&KEPT_CVS).await?;
    let cv = match kept.for_job(&candidate.job_id).cloned() {
        Some(cv) => webext::idb::get(&cv.document_id)
            .await?
            .map(|bytes| (cv, bytes)),
        None => None,
    };
    if let Some((cv, bytes)) = &cv {
        let categories = match client.document_categories(now).await {
            Ok(c) => c,
            Err(error) => return Ok(ExportOutcome::Personio(error)),
        };
        let Some(category) = categories
            .iter()
            .find(|c| c.name.to_ascii_lowercase().contains(CV_CATEGORY_HINT))
            .or(categories.first())
        else {
            return Ok(ExportOutcome::Personio(PersonioError::NotFound {
                what: "document category".into(),
                trace_id: None,
            }));
        };
        let title = format!("CV {}", candidate.name());
        if let Err(error) = client
            .upload_employee_document(
                record.employee_id,
                category.id,
                &title,
                &cv.name,
                bytes,
                now,
            )
            .await
        {
            return Ok(ExportOutcome::Personio(error));
        }
        if let Some(doc) = record
            .report
            .not_exported
            .iter()
            .position(|n| n.field == "document")
        {
            record.report.not_exported.remove(doc);
        }
        record.report.exported.push(hris::ExportedField {
            field: "document".into(),
            value: cv.name.clone(),
        });
    } else if !record
        .report
        .not_exported
        .iter()
        .any(|n| n.field == "document")
    {
        record.report.not_exported.push(hris::NotExported {
            field: "document".into(),
            value: candidate.cv_name.clone(),
            reason: hris::NotExportedReason::CvNotKept,
        });
    }
    record.complete = true;
    record.report.exported_at_ms = now;
    log.put(record.clone());
    storage::set(&EXPORTS, &*log).await?;
    for cv in kept.take_job(&candidate.job_id) {
        webext::idb::delete(&cv.document_id).await?;
    }
    storage::set(&KEPT_CVS, &kept).await?;
    Ok(ExportOutcome::Exported(record.report))
}
