//! How long candidate data stays in this browser, and the purge that ends it.
//!
//! Pure: the background reads the stored drafts, the outbox, the kept CVs, the export log and the keys of the
//! stored files (IndexedDB), and applies the [`PurgePlan`] computed here for a given time (worker start and
//! daily). The periods are constants so that the settings page and the README show what the code does.
//!
//! - a draft not changed for [`DRAFT_RETENTION_DAYS`] is deleted, with its files;
//! - files of failed or duplicate applications go once no draft lists them any more (a draft keeps them so
//!   the recruiter can correct and send again);
//! - a stored file nothing refers to is deleted after [`UNREFERENCED_GRACE_MS`] (the popup stores a file's
//!   bytes a moment before the draft that lists it);
//! - export records and kept CVs go with their outbox entry (the outbox keeps the last
//!   [`crate::outbox::FINISHED_KEPT`] finished applications); kept CVs also end after
//!   [`crate::hris::CV_RETENTION_DAYS`] (see `crate::hris`).

use crate::draft::ApplicationDraft;
use crate::hris::{ExportLog, KeptCvs};
use crate::outbox::{JobId, Outbox};
use crate::personio::SubmissionStatus;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One day in milliseconds.
pub const DAY_MS: u64 = 86_400_000;
/// A draft untouched for this many days is deleted with its files.
pub const DRAFT_RETENTION_DAYS: u64 = 30;
/// [`DRAFT_RETENTION_DAYS`] in milliseconds.
pub const DRAFT_RETENTION_MS: u64 = DRAFT_RETENTION_DAYS * DAY_MS;
/// How long a stored file may stay without anything referring to it.
pub const UNREFERENCED_GRACE_MS: u64 = 60 * 60 * 1000;
/// The purge runs at every worker start and with this period (a `chrome.alarms` alarm).
pub const PURGE_PERIOD_MINUTES: u32 = 24 * 60;

/// Stored files seen without any reference, with when that was first noticed (kept between purges).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreferencedFiles {
    /// File key → epoch ms it was first seen unreferenced.
    pub first_seen_ms: BTreeMap<String, u64>,
}

/// Everything the purge looks at.
#[derive(Clone, Debug, Default)]
pub struct StoredData {
    /// Stored drafts with their storage keys.
    pub drafts: Vec<(String, ApplicationDraft)>,
    /// The outbox.
    pub outbox: Outbox,
    /// CVs kept for the HRIS export.
    pub kept_cvs: KeptCvs,
    /// The HRIS export log.
    pub exports: ExportLog,
    /// Keys of every stored file (IndexedDB).
    pub files: Vec<String>,
    /// The files already seen unreferenced.
    pub unreferenced: UnreferencedFiles,
}

/// What to delete and what to store back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PurgePlan {
    /// Storage keys of the drafts to delete.
    pub drafts: Vec<String>,
    /// Keys of the files to delete.
    pub files: Vec<String>,
    /// The kept CVs to store, when some went with their outbox entry.
    pub kept_cvs: Option<KeptCvs>,
    /// The export log to store, when records went with their outbox entry.
    pub exports: Option<ExportLog>,
    /// The files seen unreferenced, to store for the next purge.
    pub unreferenced: UnreferencedFiles,
}

impl PurgePlan {
    /// True when nothing is deleted.
    pub fn deletes_nothing(&self) -> bool {
        self.drafts.is_empty()
            && self.files.is_empty()
            && self.kept_cvs.is_none()
            && self.exports.is_none()
    }
}

/// How much "Delete all candidate data on this browser" removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletedData {
    /// Drafts.
    pub drafts: usize,
    /// Stored files (attachments, kept CVs).
    pub files: usize,
    /// Outbox entries (queued and finished applications).
    pub applications: usize,
}

/// True when `draft` was last changed more than [`DRAFT_RETENTION_MS`] before `now_ms` (a draft without a
/// date counts as old).
pub fn draft_expired(draft: &ApplicationDraft, now_ms: u64) -> bool {
    now_ms.saturating_sub(draft.updated_at_ms) > DRAFT_RETENTION_MS
}

fn is_active(status: &SubmissionStatus) -> bool {
    matches!(
        status,
        SubmissionStatus::Pending | SubmissionStatus::Waiting { .. }
    )
}

/// The document keys a draft lists.
pub fn draft_files(draft: &ApplicationDraft) -> impl Iterator<Item = &str> {
    draft.documents.iter().map(|d| d.id.as_str())
}

/// The files that must stay whatever happens to `draft`: those of a queued application, or a kept CV.
pub fn files_in_use(outbox: &Outbox, kept_cvs: &KeptCvs) -> BTreeSet<String> {
    let mut used: BTreeSet<String> = kept_cvs
        .entries
        .iter()
        .map(|k| k.document_id.clone())
        .collect();
    for entry in outbox.entries.iter().filter(|e| is_active(&e.job.status)) {
        used.extend(
            entry
                .request
                .documents
                .iter()
                .map(|d| d.document_id.clone()),
        );
    }
    used
}

/// What the purge at `now_ms` deletes.
pub fn plan(data: &StoredData, now_ms: u64) -> PurgePlan {
    let mut out = PurgePlan::default();
    let in_outbox = |job_id: &JobId| data.outbox.get(job_id).is_some();
    // Files known to belong to something that ended: deleted now unless something else still lists them.
    let mut ended: BTreeSet<&str> = BTreeSet::new();

    let (expired, kept_drafts): (Vec<_>, Vec<_>) = data
        .drafts
        .iter()
        .partition(|(_, draft)| draft_expired(draft, now_ms));
    for (key, draft) in &expired {
        out.drafts.push(key.clone());
        ended.extend(draft_files(draft));
    }

    let mut kept_cvs = data.kept_cvs.clone();
    let (gone, staying): (Vec<_>, Vec<_>) = std::mem::take(&mut kept_cvs.entries)
        .into_iter()
        .partition(|k| !in_outbox(&k.job_id));
    kept_cvs.entries = staying;
    if !gone.is_empty() {
        ended.extend(gone.iter().map(|k| k.document_id.as_str()));
        out.kept_cvs = Some(kept_cvs.clone());
    }

    let mut exports = data.exports.clone();
    exports.entries.retain(|job| in_outbox(&job.job_id));
    if exports != data.exports {
        out.exports = Some(exports);
    }

    for entry in data
        .outbox
        .entries
        .iter()
        .filter(|e| !is_active(&e.job.status))
    {
        ended.extend(
            entry
                .request
                .documents
                .iter()
                .map(|d| d.document_id.as_str()),
        );
    }

    let mut referenced = files_in_use(&data.outbox, &kept_cvs);
    for (_, draft) in &kept_drafts {
        referenced.extend(draft_files(draft).map(str::to_string));
    }

    for file in &data.files {
        if referenced.contains(file) {
            continue;
        }
        if ended.contains(file.as_str()) {
            out.files.push(file.clone());
            continue;
        }
        let first_seen = data
            .unreferenced
            .first_seen_ms
            .get(file)
            .copied()
            .unwrap_or(now_ms);
        if now_ms.saturating_sub(first_seen) >= UNREFERENCED_GRACE_MS {
            out.files.push(file.clone());
        } else {
            out.unreferenced
                .first_seen_ms
                .insert(file.clone(), first_seen);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::DraftDocument;
    use crate::hris::{ExportJob, ExportState, KeptCv};
    use crate::outbox::{OutgoingDocument, PositionChoice, SubmitRequest};
    use crate::personio::{
        CandidateForm, DocumentCategory, FieldMapping, PersonioError, PositionId,
    };

    const NOW: u64 = 1_800_000_000_000;

    fn draft(url: &str, age_days: u64, files: &[&str]) -> (String, ApplicationDraft) {
        let draft = ApplicationDraft {
            profile_url: url.into(),
            updated_at_ms: NOW - age_days * DAY_MS,
            documents: files
                .iter()
                .map(|id| DraftDocument {
                    id: (*id).into(),
                    name: format!("{id}.pdf"),
                    size: 10,
                    ..DraftDocument::default()
                })
                .collect(),
            ..ApplicationDraft::default()
        };
        (
            crate::storage_keys::DRAFTS.key(url).name().to_string(),
            draft,
        )
    }

    fn queue(outbox: &mut Outbox, email: &str, files: &[&str], status: SubmissionStatus) -> JobId {
        let request = SubmitRequest {
            profile_url: format!("https://www.linkedin.com/in/{email}/"),
            position: PositionChoice {
                id: PositionId(7),
                name: "Data Engineer".into(),
            },
            candidate: CandidateForm {
                first_name: "Ines".into(),
                last_name: "Duval".into(),
                email: email.into(),
                job_position_id: PositionId(7),
                ..CandidateForm::default()
            },
            documents: files
                .iter()
                .map(|id| OutgoingDocument {
                    document_id: (*id).into(),
                    name: format!("{id}.pdf"),
                    size: 10,
                    category: DocumentCategory::Cv,
                })
                .collect(),
        };
        let id = outbox
            .enqueue(request, &FieldMapping::default(), NOW - DAY_MS, None)
            .id()
            .clone();
        outbox.get_mut(&id).unwrap().job.status = status;
        id
    }

    fn files(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn a_draft_untouched_for_thirty_days_goes_with_its_files_a_younger_one_stays() {
        let data = StoredData {
            drafts: vec![
                draft("https://www.linkedin.com/in/old/", 31, &["old-cv"]),
                draft("https://www.linkedin.com/in/recent/", 29, &["recent-cv"]),
            ],
            files: files(&["old-cv", "recent-cv"]),
            ..StoredData::default()
        };
        let plan = plan(&data, NOW);
        assert_eq!(
            plan.drafts,
            vec!["draft:https://www.linkedin.com/in/old/".to_string()]
        );
        assert_eq!(plan.files, files(&["old-cv"]));
        assert!(plan.unreferenced.first_seen_ms.is_empty());
        // The same data a day earlier: nothing is old yet.
        assert!(super::plan(&data, NOW - 2 * DAY_MS).deletes_nothing());
    }

    #[test]
    fn a_file_still_listed_by_a_queued_application_or_another_draft_stays() {
        let mut outbox = Outbox::default();
        queue(
            &mut outbox,
            "a@example.com",
            &["shared"],
            SubmissionStatus::Pending,
        );
        let data = StoredData {
            drafts: vec![
                draft("https://www.linkedin.com/in/old/", 40, &["shared", "both"]),
                draft("https://www.linkedin.com/in/new/", 1, &["both"]),
            ],
            outbox,
            files: files(&["shared", "both"]),
            ..StoredData::default()
        };
        let plan = plan(&data, NOW);
        assert_eq!(plan.drafts.len(), 1);
        assert!(plan.files.is_empty(), "{:?}", plan.files);
    }

    #[test]
    fn files_of_failed_and_duplicate_applications_go_once_no_draft_lists_them() {
        let mut outbox = Outbox::default();
        let failed = SubmissionStatus::Failed {
            error: PersonioError::Unauthorized { trace_id: None },
        };
        queue(&mut outbox, "f@example.com", &["failed-cv"], failed);
        queue(
            &mut outbox,
            "d@example.com",
            &["dup-cv"],
            SubmissionStatus::Duplicate { existing: None },
        );
        queue(
            &mut outbox,
            "w@example.com",
            &["waiting-cv"],
            SubmissionStatus::Waiting {
                retry_at_ms: NOW + 60_000,
                reason: PersonioError::RateLimited {
                    retry_at_ms: NOW + 60_000,
                },
            },
        );
        let mut data = StoredData {
            drafts: vec![draft("https://www.linkedin.com/in/f/", 2, &["failed-cv"])],
            outbox,
            files: files(&["failed-cv", "dup-cv", "waiting-cv"]),
            ..StoredData::default()
        };
        assert_eq!(plan(&data, NOW).files, files(&["dup-cv"]));
        // The recruiter discarded the draft of the failed application: its file goes too.
        data.drafts.clear();
        assert_eq!(plan(&data, NOW).files, files(&["failed-cv", "dup-cv"]));
    }

    #[test]
    fn a_file_nothing_refers_to_goes_after_the_grace_period() {
        let mut data = StoredData {
            files: files(&["stray"]),
            ..StoredData::default()
        };
        let first = plan(&data, NOW);
        assert!(first.files.is_empty(), "a file just stored is not deleted");
        assert_eq!(first.unreferenced.first_seen_ms.get("stray"), Some(&NOW));
        data.unreferenced = first.unreferenced;
        let soon = plan(&data, NOW + UNREFERENCED_GRACE_MS - 1);
        assert!(soon.files.is_empty());
        assert_eq!(soon.unreferenced.first_seen_ms.get("stray"), Some(&NOW));
        let later = plan(&data, NOW + UNREFERENCED_GRACE_MS);
        assert_eq!(later.files, files(&["stray"]));
        assert!(later.unreferenced.first_seen_ms.is_empty());
        // A file that a draft lists in the meantime is no longer tracked.
        data.drafts = vec![draft("https://www.linkedin.com/in/x/", 0, &["stray"])];
        let adopted = plan(&data, NOW + UNREFERENCED_GRACE_MS);
        assert!(adopted.files.is_empty() && adopted.unreferenced.first_seen_ms.is_empty());
    }

    #[test]
    fn export_records_and_kept_cvs_go_with_their_outbox_entry() {
        let mut outbox = Outbox::default();
        let done = SubmissionStatus::Done {
            application_id: Some("app-1".into()),
        };
        let kept_job = queue(&mut outbox, "k@example.com", &[], done);
        let record = |job_id: &JobId| ExportJob {
            state: ExportState::Done {
                report: crate::hris::ExportReport {
                    job_id: job_id.clone(),
                    candidate_name: "Ines Duval".into(),
                    employee_id: 1,
                    exported: vec![],
                    not_exported: vec![],
                    exported_at_ms: NOW,
                },
            },
            ..ExportJob::new(job_id.clone())
        };
        // A create armed without a known outcome goes with its outbox entry too.
        let armed = ExportJob {
            create_sent: true,
            ..ExportJob::new("job-armed".into())
        };
        let cv = |job_id: &JobId, document_id: &str| KeptCv {
            job_id: job_id.clone(),
            document_id: document_id.into(),
            name: "cv.pdf".into(),
            size: 10,
            kept_at_ms: NOW - DAY_MS,
        };
        let data = StoredData {
            outbox,
            kept_cvs: KeptCvs {
                entries: vec![
                    cv(&kept_job, "kept-cv"),
                    cv(&"job-pruned".into(), "pruned-cv"),
                ],
            },
            exports: ExportLog {
                entries: vec![record(&kept_job), record(&"job-pruned".into()), armed],
            },
            files: files(&["kept-cv", "pruned-cv"]),
            ..StoredData::default()
        };
        let plan = plan(&data, NOW);
        assert_eq!(plan.files, files(&["pruned-cv"]));
        let kept = plan.kept_cvs.unwrap();
        assert_eq!(kept.entries.len(), 1);
        assert_eq!(kept.entries[0].job_id, kept_job);
        let exports = plan.exports.unwrap();
        assert_eq!(exports.entries.len(), 1);
        assert_eq!(exports.entries[0].job_id, kept_job);
    }

    #[test]
    fn the_periods_are_what_the_settings_page_says() {
        assert_eq!(DRAFT_RETENTION_MS, 30 * 24 * 60 * 60 * 1000);
        assert_eq!(PURGE_PERIOD_MINUTES, 1440);
        assert_eq!(
            serde_json::to_string(&DeletedData::default()).unwrap(),
            r#"{"drafts":0,"files":0,"applications":0}"#
        );
    }
}
