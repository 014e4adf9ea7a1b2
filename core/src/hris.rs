//! HRIS export of hired candidates: the pure part.
//!
//! * Which candidates were imported through the extension: the outbox's `Done` entries
//!   ([`imported_candidates`]).
//! * Their status from Personio (v2 recruiting lookups only; with v1-only credentials the status is
//!   [`CandidateStatus::Unknown`]): "hired" is the application's `current_stage` whose `kind` /
//!   `type` says so, completed by the tenant's stages ([`StageVocabulary`]); the hire date is the
//!   `entered_at` of the transition into that stage, in the tenant's time zone
//!   ([`status_from_lookups`], [`is_hired`]). The list filter ([`StatusFilter`]) and a position's
//!   pipeline: the imported candidates and the company's applications Personio lists for it, grouped
//!   by stage ([`pipeline`]).
//! * The employee built from what is known ([`plan_export`]: first / last name, e-mail, position,
//!   hire date, department / office / subcompany of the position) and the report of what was exported
//!   and what was not available ([`ExportReport`]).
//! * What the background remembers: CVs kept for the export ([`KeptCvs`], purged after
//!   [`CV_RETENTION_DAYS`]) and the exports done ([`ExportLog`], so nothing is exported twice).
//!
//! No I/O and no clock: the background passes `now_ms`, the recruiter's date and the Personio answers in.

use crate::outbox::{JobId, Outbox, OutgoingDocument, PositionChoice};
use crate::personio::{
    ApplicationSummary, DocumentCategory, LookupGap, NewEmployee, PersonioDateTime, PersonioError,
    Position, PositionId, Stage, StageOutcome, StageTransition, StageVocabulary, SubmissionStatus,
};
use serde::{Deserialize, Serialize};

/// How long a CV kept for the HRIS export is stored in the browser when the candidate is never
/// exported (days).
pub const CV_RETENTION_DAYS: u64 = 180;
/// [`CV_RETENTION_DAYS`] in milliseconds.
pub const CV_RETENTION_MS: u64 = CV_RETENTION_DAYS * 86_400_000;
/// Personnel document category hint for the CV (matched case-insensitively against category names).
pub const CV_CATEGORY_HINT: &str = "cv";

/// A CV whose bytes were kept (IndexedDB, key `document_id`) after the application was created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCv {
    /// The outbox job the CV belongs to.
    pub job_id: JobId,
    /// Key of the bytes.
    pub document_id: String,
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// When the application was created and the CV kept (epoch ms).
    pub kept_at_ms: u64,
}

/// Every kept CV.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCvs {
    /// Oldest first.
    pub entries: Vec<KeptCv>,
}

impl KeptCvs {
    /// Records `document` of `job_id` as kept (once per document).
    pub fn keep(&mut self, job_id: &JobId, document: &OutgoingDocument, now_ms: u64) {
        if self
            .entries
            .iter()
            .any(|k| k.document_id == document.document_id)
        {
            return;
        }
        self.entries.push(KeptCv {
            job_id: job_id.clone(),
            document_id: document.document_id.clone(),
            name: document.name.clone(),
            size: document.size,
            kept_at_ms: now_ms,
        });
    }

    /// The first kept CV of `job_id`.
    pub fn for_job(&self, job_id: &JobId) -> Option<&KeptCv> {
        self.entries.iter().find(|k| &k.job_id == job_id)
    }

    /// Removes and returns every kept CV of `job_id` (after the export).
    pub fn take_job(&mut self, job_id: &JobId) -> Vec<KeptCv> {
        let (taken, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|k| &k.job_id == job_id);
        self.entries = kept;
        taken
    }

    /// Removes and returns the CVs kept longer than [`CV_RETENTION_MS`].
    pub fn take_expired(&mut self, now_ms: u64) -> Vec<KeptCv> {
        let (expired, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|k| now_ms.saturating_sub(k.kept_at_ms) > CV_RETENTION_MS);
        self.entries = kept;
        expired
    }
}

/// The documents of a created application whose bytes are kept for the HRIS export (the CVs).
pub fn documents_to_keep(
    documents: &[OutgoingDocument],
) -> impl Iterator<Item = &OutgoingDocument> {
    documents
        .iter()
        .filter(|d| d.category == DocumentCategory::Cv)
}

/// A candidate imported through the extension (an application the outbox created).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedCandidate {
    /// The outbox job (the candidate's key in every message).
    pub job_id: JobId,
    /// The LinkedIn profile.
    pub profile_url: String,
    /// First name as sent.
    pub first_name: String,
    /// Last name as sent.
    pub last_name: String,
    /// E-mail as sent.
    pub email: String,
    /// Phone, if it was known.
    pub phone: Option<String>,
    /// Location, if it was known.
    pub location: Option<String>,
    /// The position applied to.
    pub position: PositionChoice,
    /// Personio's application id, when the create answer carried one (v2).
    pub application_id: Option<String>,
    /// When the application was queued (epoch ms).
    pub imported_at_ms: u64,
    /// Name of the first CV sent, if any (its bytes may or may not still be kept).
    pub cv_name: Option<String>,
}

impl ImportedCandidate {
    /// "First Last".
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name.trim(), self.last_name.trim())
            .trim()
            .to_string()
    }
}

fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The candidates imported through the extension, newest first: one per created application.
pub fn imported_candidates(outbox: &Outbox) -> Vec<ImportedCandidate> {
    outbox
        .entries
        .iter()
        .rev()
        .filter_map(|entry| {
            let SubmissionStatus::Done { application_id } = &entry.job.status else {
                return None;
            };
            let form = &entry.request.candidate;
            Some(ImportedCandidate {
                job_id: entry.job.id.clone(),
                profile_url: entry.request.profile_url.clone(),
                first_name: form.first_name.trim().to_string(),
                last_name: form.last_name.trim().to_string(),
                email: form.email.trim().to_string(),
                phone: clean(&form.phone),
                location: clean(&form.location),
                position: entry.request.position.clone(),
                application_id: application_id.clone(),
                imported_at_ms: entry.created_at_ms,
                cv_name: documents_to_keep(&entry.request.documents)
                    .next()
                    .map(|d| d.name.clone()),
            })
        })
        .collect()
}

/// A candidate's status in Personio's recruiting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CandidateStatus {
    /// The status cannot be read (v1-only credentials, the lookup failed, or Personio's answers lack
    /// what is needed to find the application).
    Unknown {
        /// Why, when it is specific to this candidate.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        gap: Option<LookupGap>,
    },
    /// Personio has no application of this e-mail on this position (any more).
    NotFound,
    /// The application and its current stage.
    Known {
        /// Application id.
        application_id: String,
        /// What the current stage means (from its `kind` / `type`, completed by the tenant's stages).
        outcome: StageOutcome,
        /// Current stage (`None`: Personio's answer had none).
        stage: Option<Stage>,
        /// `yyyy-mm-dd` (tenant's time zone) of the move into the current stage, when known: the hire
        /// date for hired ones.
        since: Option<String>,
    },
}

impl CandidateStatus {
    /// The status cannot be read, for no candidate-specific reason.
    pub const UNKNOWN: CandidateStatus = CandidateStatus::Unknown { gap: None };

    /// The filter key: `hired`, `active`, `rejected`, `withdrawn`, `not_found`, `unknown`.
    pub fn key(&self) -> String {
        match self {
            CandidateStatus::Unknown { .. } => "unknown",
            CandidateStatus::NotFound => "not_found",
            CandidateStatus::Known { outcome, .. } => match outcome {
                StageOutcome::Hired => "hired",
                StageOutcome::InProcess => "active",
                StageOutcome::Rejected => "rejected",
                StageOutcome::Withdrawn => "withdrawn",
                StageOutcome::Unknown => "unknown",
            },
        }
        .into()
    }

    /// The current stage, when known.
    pub fn stage(&self) -> Option<&Stage> {
        match self {
            CandidateStatus::Known { stage, .. } => stage.as_ref(),
            _ => None,
        }
    }

    /// The application id, when the application was found.
    pub fn application_id(&self) -> Option<&str> {
        match self {
            CandidateStatus::Known { application_id, .. } => Some(application_id),
            _ => None,
        }
    }
}

/// Only hired candidates can be exported.
pub fn is_hired(status: &CandidateStatus) -> bool {
    matches!(
        status,
        CandidateStatus::Known {
            outcome: StageOutcome::Hired,
            ..
        }
    )
}

/// The application of `candidate` among `applications` (its e-mail's on its position): the one with
/// the known application id, else the newest on the candidate's position.
pub fn pick_application<'a>(
    candidate: &ImportedCandidate,
    applications: &'a [ApplicationSummary],
) -> Option<&'a ApplicationSummary> {
    if let Some(id) = &candidate.application_id {
        if let Some(found) = applications.iter().find(|a| &a.id == id) {
            return Some(found);
        }
    }
    applications
        .iter()
        .filter(|a| a.position_id == Some(candidate.position.id))
        .max_by_key(|a| a.created_ms())
}

/// The tenant's date of the latest move into `stage` (the hired transition for a hired application).
pub fn entered_stage_on(transitions: &[StageTransition], stage: &Stage) -> Option<String> {
    transitions
        .iter()
        .filter(|t| t.stage.as_ref().is_some_and(|s| s.same_as(stage)))
        .filter_map(|t| t.entered_at.as_ref())
        .max_by_key(|at| at.epoch_ms())
        .and_then(PersonioDateTime::local_date)
}

/// The status of one application: its stage completed from the tenant's vocabulary, what it means,
/// and (with its transitions) since when it is there.
pub fn status_of_application(
    application: &ApplicationSummary,
    transitions: &[StageTransition],
    vocabulary: &StageVocabulary,
) -> CandidateStatus {
    let stage = application.stage.as_ref().map(|s| vocabulary.resolve(s));
    CandidateStatus::Known {
        application_id: application.id.clone(),
        outcome: stage
            .as_ref()
            .map(Stage::outcome)
            .unwrap_or(StageOutcome::Unknown),
        since: stage
            .as_ref()
            .and_then(|s| entered_stage_on(transitions, s)),
        stage,
    }
}

/// The status of `candidate` from the lookups: its application among `applications`, or, when none
/// is there, not found (a complete lookup) or unknown (`gap`: why the lookup was not conclusive).
pub fn status_from_lookups(
    candidate: &ImportedCandidate,
    applications: &[ApplicationSummary],
    gap: Option<LookupGap>,
    transitions: &[StageTransition],
    vocabulary: &StageVocabulary,
) -> CandidateStatus {
    match (pick_application(candidate, applications), gap) {
        (Some(app), _) => status_of_application(app, transitions, vocabulary),
        (None, None) => CandidateStatus::NotFound,
        (None, Some(gap)) => CandidateStatus::Unknown { gap: Some(gap) },
    }
}

/// Whether statuses could be read from Personio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatusSource {
    /// Read through the v2 recruiting lookups.
    Personio,
    /// The credentials have no v2 access (v1 recruiting token only): statuses are unknown.
    NeedsV2,
    /// The lookups failed: statuses are unknown.
    Failed {
        /// Why.
        error: PersonioError,
    },
}

/// One exported candidate, remembered so that nothing is exported twice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    /// The outbox job (candidate key).
    pub job_id: JobId,
    /// The employee created.
    pub employee_id: i64,
    /// True once the export finished (the CV, if any, attached). False: the employee exists and the CV
    /// still has to be attached (an export that was interrupted resumes there).
    pub complete: bool,
    /// What was exported (final once `complete`).
    pub report: ExportReport,
}

/// Every export done from this browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportLog {
    /// Oldest first.
    pub entries: Vec<ExportRecord>,
    /// Jobs whose employee create was sent without a known outcome (the answer was lost or Personio
    /// failed): a retry that finds an employee with the e-mail takes it as the one this export created.
    #[serde(default)]
    pub creating: Vec<JobId>,
}

/// What to do when Personio already has an employee with the candidate's e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExistingEmployee {
    /// Refuse: someone else created it ([`ExportRefusal::EmployeeExists`]).
    Refuse,
    /// Continue with it: an earlier attempt of this export created it but its answer was lost.
    Adopt,
}

impl ExportLog {
    /// Notes that the employee create of `job_id` is about to be sent.
    pub fn mark_creating(&mut self, job_id: &JobId) {
        if !self.creating.contains(job_id) {
            self.creating.push(job_id.clone());
        }
    }

    /// Forgets the create attempt of `job_id` (it failed for sure).
    pub fn clear_creating(&mut self, job_id: &JobId) {
        self.creating.retain(|j| j != job_id);
    }

    /// What to do with an employee found with the e-mail of `job_id`.
    pub fn on_existing_employee(&self, job_id: &JobId) -> ExistingEmployee {
        if self.creating.contains(job_id) {
            ExistingEmployee::Adopt
        } else {
            ExistingEmployee::Refuse
        }
    }

    /// The record of `job_id`.
    pub fn get(&self, job_id: &JobId) -> Option<&ExportRecord> {
        self.entries.iter().find(|e| &e.job_id == job_id)
    }

    /// Adds or replaces the record of its job (the employee exists: no create attempt is pending).
    pub fn put(&mut self, record: ExportRecord) {
        self.clear_creating(&record.job_id);
        self.entries.retain(|e| e.job_id != record.job_id);
        self.entries.push(record);
    }
}

/// One candidate as the candidates views show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateRow {
    /// The candidate.
    pub candidate: ImportedCandidate,
    /// Its status in Personio.
    pub status: CandidateStatus,
    /// Its export, when it was exported from this browser.
    pub export: Option<ExportRecord>,
    /// True while its CV is kept for the export.
    pub cv_kept: bool,
}

impl CandidateRow {
    /// True when the "Export to Personio" action is offered: hired and not exported yet (an interrupted
    /// export can be resumed).
    pub fn can_export(&self) -> bool {
        is_hired(&self.status) && !self.export.as_ref().is_some_and(|e| e.complete)
    }
}

/// Answer to the candidates list request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateList {
    /// Newest first.
    pub rows: Vec<CandidateRow>,
    /// Where the statuses come from.
    pub source: StatusSource,
}

/// The status filter of the candidates list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// Everything.
    #[default]
    All,
    /// In process.
    Active,
    /// Hired.
    Hired,
    /// Rejected.
    Rejected,
    /// Withdrawn.
    Withdrawn,
    /// Not found in Personio or status unknown.
    Unknown,
}

impl StatusFilter {
    /// Every filter, in the order offered.
    pub const ALL: [StatusFilter; 6] = [
        StatusFilter::All,
        StatusFilter::Active,
        StatusFilter::Hired,
        StatusFilter::Rejected,
        StatusFilter::Withdrawn,
        StatusFilter::Unknown,
    ];

    /// The value of the `<option>` (`all`, `hired`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Active => "active",
            StatusFilter::Hired => "hired",
            StatusFilter::Rejected => "rejected",
            StatusFilter::Withdrawn => "withdrawn",
            StatusFilter::Unknown => "unknown",
        }
    }

    /// The filter for an `<option>` value (unknown values: all).
    pub fn parse(value: &str) -> StatusFilter {
        StatusFilter::ALL
            .into_iter()
            .find(|f| f.as_str() == value)
            .unwrap_or_default()
    }

    /// True when `status` passes the filter. Statuses Personio adds later count as active.
    pub fn matches(self, status: &CandidateStatus) -> bool {
        let key = status.key();
        match self {
            StatusFilter::All => true,
            StatusFilter::Hired => key == "hired",
            StatusFilter::Rejected => key == "rejected",
            StatusFilter::Withdrawn => key == "withdrawn",
            StatusFilter::Unknown => key == "unknown" || key == "not_found",
            StatusFilter::Active => !matches!(
                key.as_str(),
                "hired" | "rejected" | "withdrawn" | "unknown" | "not_found"
            ),
        }
    }
}

/// The rows passing `filter`.
pub fn filter_rows(rows: &[CandidateRow], filter: StatusFilter) -> Vec<CandidateRow> {
    rows.iter()
        .filter(|r| filter.matches(&r.status))
        .cloned()
        .collect()
}

/// The positions the imported candidates applied to, in first-seen order.
pub fn positions_of(rows: &[CandidateRow]) -> Vec<PositionChoice> {
    let mut out: Vec<PositionChoice> = Vec::new();
    for row in rows {
        if !out.iter().any(|p| p.id == row.candidate.position.id) {
            out.push(row.candidate.position.clone());
        }
    }
    out
}

/// One card of a pipeline: a candidate imported through this browser, an application Personio lists
/// for the position, or both (the same application).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineCard {
    /// The candidate imported through this browser (the export works on these).
    pub row: Option<CandidateRow>,
    /// The application as Personio's list of the company's applications shows it.
    pub application: Option<ApplicationSummary>,
}

impl PipelineCard {
    /// The name to show (`None`: Personio's answer did not name the candidate).
    pub fn name(&self) -> Option<String> {
        self.row
            .as_ref()
            .map(|r| r.candidate.name())
            .filter(|n| !n.is_empty())
            .or_else(|| self.application.as_ref().and_then(|a| a.candidate_name()))
    }

    /// The e-mail to show, when known.
    pub fn email(&self) -> Option<String> {
        self.row
            .as_ref()
            .map(|r| r.candidate.email.clone())
            .or_else(|| {
                self.application
                    .as_ref()
                    .and_then(|a| a.candidate_email.clone())
            })
    }
}

/// One stage of a position's pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageGroup {
    /// Stage key ([`Stage::key`]); `unknown` when the stage is unknown, `not_found` when Personio has
    /// no application.
    pub id: String,
    /// The stage as Personio (and the tenant's vocabulary) describe it; `None` for the unknown /
    /// not-found groups.
    pub stage: Option<Stage>,
    /// What the stage means.
    pub outcome: StageOutcome,
    /// True for the hired stage (the one holding the export action).
    pub hired: bool,
    /// Its cards, newest first.
    pub cards: Vec<PipelineCard>,
}

/// What the company's list of applications covered for a pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyCoverage {
    /// Applications read (all positions).
    pub scanned: usize,
    /// True when the whole list was read (else only the most recently updated `scanned`).
    pub complete: bool,
    /// Applications that could not be placed: the answer named no position.
    pub without_position: usize,
    /// Items of the answer in a shape we do not know.
    pub unreadable: usize,
}

/// A position's pipeline as the candidates page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionPipeline {
    /// The position.
    pub position_id: PositionId,
    /// Its name, when known.
    pub position_name: Option<String>,
    /// The stages, in the tenant's order, hired / rejected / withdrawn / not found / unknown last.
    pub groups: Vec<StageGroup>,
    /// What Personio's list of the company's applications covered; `None` when it was not read
    /// (v1-only credentials, or the read failed: see `source`).
    pub company: Option<CompanyCoverage>,
    /// Where the statuses come from.
    pub source: StatusSource,
}

fn outcome_rank(outcome: StageOutcome, group_id: &str) -> u8 {
    match (group_id, outcome) {
        ("not_found", _) => 4,
        ("unknown", _) => 5,
        (_, StageOutcome::InProcess) => 0,
        (_, StageOutcome::Hired) => 1,
        (_, StageOutcome::Rejected) => 2,
        (_, StageOutcome::Withdrawn) => 3,
        (_, StageOutcome::Unknown) => 5,
    }
}

/// The pipeline of position `position_id`: the imported candidates (`rows`) and the applications
/// Personio lists for the position (`company`, already filtered to it), grouped by stage; an imported
/// candidate whose application Personio lists is one card. In-process stages first (in the tenant's
/// order, else by name), then hired, rejected, withdrawn, not found and unknown.
pub fn pipeline(
    rows: &[CandidateRow],
    company: &[ApplicationSummary],
    position_id: PositionId,
    vocabulary: &StageVocabulary,
) -> Vec<StageGroup> {
    let mut groups: Vec<StageGroup> = Vec::new();
    let mut place =
        |id: String, stage: Option<Stage>, outcome: StageOutcome, card: PipelineCard| {
            let hired = outcome == StageOutcome::Hired && id != "unknown" && id != "not_found";
            match groups.iter_mut().find(|g| g.id == id) {
                Some(group) => group.cards.push(card),
                None => groups.push(StageGroup {
                    id,
                    stage,
                    outcome,
                    hired,
                    cards: vec![card],
                }),
            }
        };
    let ours: Vec<&CandidateRow> = rows
        .iter()
        .filter(|r| r.candidate.position.id == position_id)
        .collect();
    let mut merged: Vec<usize> = Vec::new();
    for app in company
        .iter()
        .filter(|a| a.position_id == Some(position_id))
    {
        let row = ours.iter().position(|r| {
            r.status.application_id() == Some(app.id.as_str())
                || r.candidate.application_id.as_deref() == Some(app.id.as_str())
        });
        if let Some(i) = row {
            merged.push(i);
        }
        let card = PipelineCard {
            row: row.map(|i| ours[i].clone()),
            application: Some(app.clone()),
        };
        // The imported row's status carries the resolved stage; else resolve the listed one.
        let stage = row
            .and_then(|i| ours[i].status.stage().cloned())
            .or_else(|| app.stage.as_ref().map(|s| vocabulary.resolve(s)));
        match stage {
            Some(stage) => {
                let outcome = stage.outcome();
                place(stage.key(), Some(stage), outcome, card)
            }
            None => place("unknown".into(), None, StageOutcome::Unknown, card),
        }
    }
    for (i, row) in ours.iter().enumerate() {
        if merged.contains(&i) {
            continue;
        }
        let card = PipelineCard {
            row: Some((*row).clone()),
            application: None,
        };
        match (&row.status, row.status.stage()) {
            (CandidateStatus::Known { outcome, .. }, Some(stage)) => {
                place(stage.key(), Some(stage.clone()), *outcome, card)
            }
            (CandidateStatus::NotFound, _) => {
                place("not_found".into(), None, StageOutcome::Unknown, card)
            }
            _ => place("unknown".into(), None, StageOutcome::Unknown, card),
        }
    }
    groups.sort_by(|a, b| {
        let rank = |g: &StageGroup| {
            (
                outcome_rank(g.outcome, &g.id),
                g.stage
                    .as_ref()
                    .and_then(|s| vocabulary.rank(s))
                    .unwrap_or(usize::MAX),
                g.stage.as_ref().and_then(|s| s.name.clone()),
                g.id.clone(),
            )
        };
        rank(a).cmp(&rank(b))
    });
    groups
}

/// An employee field that was exported, with the value sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedField {
    /// Employee field (`first_name`, `hire_date`, …, `document` for the CV).
    pub field: String,
    /// The value sent (the file name for the CV).
    pub value: String,
}

/// Why a piece of information was not exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotExportedReason {
    /// Nothing is known about it (e.g. the position has no department).
    NotKnown,
    /// Known, but Personio's employee API has no standard field for it (phone, location).
    NoEmployeeField,
    /// Personio ignored the value (e.g. a department that does not exist there), with its note.
    IgnoredByPersonio {
        /// Personio's note.
        note: String,
    },
    /// The CV is no longer stored in this browser (or none was attached).
    CvNotKept,
}

/// A piece of information that was not exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotExported {
    /// Employee field (as in [`ExportedField::field`]).
    pub field: String,
    /// The value that was known, if any.
    pub value: Option<String>,
    /// Why.
    pub reason: NotExportedReason,
}

/// What an export sends, before it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportPlan {
    /// The `employee` object for `POST /v1/company/employees`.
    pub employee: NewEmployee,
    /// Fields sent.
    pub exported: Vec<ExportedField>,
    /// Information not sent, and why.
    pub not_exported: Vec<NotExported>,
}

/// What an export did: the success message lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportReport {
    /// The outbox job (candidate key).
    pub job_id: JobId,
    /// The candidate's name.
    pub candidate_name: String,
    /// The employee created in Personio.
    pub employee_id: i64,
    /// Fields and the document exported.
    pub exported: Vec<ExportedField>,
    /// Information not exported, and why.
    pub not_exported: Vec<NotExported>,
    /// When (epoch ms).
    pub exported_at_ms: u64,
}

/// Fields the report may list, in display order.
pub const EXPORT_FIELDS: [&str; 11] = [
    "first_name",
    "last_name",
    "email",
    "position",
    "hire_date",
    "department",
    "office",
    "subcompany",
    "phone",
    "location",
    "document",
];

/// The employee for a hired `candidate`: names, e-mail, position name, hire date (the day of the move
/// into the hired stage when known, else the recruiter's today), department / office / subcompany of the
/// position when known. Phone and location have no standard employee field and are reported as
/// not exported; the CV is added by the caller ([`ExportPlan::with_cv`]).
pub fn plan_export(
    candidate: &ImportedCandidate,
    status: &CandidateStatus,
    position: Option<&Position>,
    today: &str,
) -> ExportPlan {
    let hire_date = match status {
        CandidateStatus::Known {
            since: Some(date), ..
        } => date.clone(),
        _ => today.to_string(),
    };
    let position_name = Some(candidate.position.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .or_else(|| position.map(|p| p.name.trim().to_string()))
        .filter(|n| !n.is_empty());
    let of_position = |f: fn(&Position) -> &Option<String>| {
        position.and_then(|p| {
            f(p).as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        })
    };
    let employee = NewEmployee {
        email: candidate.email.trim().to_string(),
        first_name: candidate.first_name.trim().to_string(),
        last_name: candidate.last_name.trim().to_string(),
        position: position_name.clone(),
        hire_date: Some(hire_date.clone()),
        department: of_position(|p| &p.department),
        office: of_position(|p| &p.office),
        subcompany: of_position(|p| &p.subcompany),
        ..NewEmployee::default()
    };
    let mut exported = Vec::new();
    let mut not_exported = Vec::new();
    for (field, value) in [
        ("first_name", Some(employee.first_name.clone())),
        ("last_name", Some(employee.last_name.clone())),
        ("email", Some(employee.email.clone())),
        ("position", employee.position.clone()),
        ("hire_date", employee.hire_date.clone()),
        ("department", employee.department.clone()),
        ("office", employee.office.clone()),
        ("subcompany", employee.subcompany.clone()),
    ] {
        match value.filter(|v| !v.is_empty()) {
            Some(value) => exported.push(ExportedField {
                field: field.into(),
                value,
            }),
            None => not_exported.push(NotExported {
                field: field.into(),
                value: None,
                reason: NotExportedReason::NotKnown,
            }),
        }
    }
    for (field, value) in [
        ("phone", &candidate.phone),
        ("location", &candidate.location),
    ] {
        not_exported.push(NotExported {
            field: field.into(),
            value: value.clone(),
            reason: if value.is_some() {
                NotExportedReason::NoEmployeeField
            } else {
                NotExportedReason::NotKnown
            },
        });
    }
    ExportPlan {
        employee,
        exported,
        not_exported,
    }
}

impl ExportPlan {
    /// The report after Personio created employee `employee_id` with `warnings` (values it ignored),
    /// and attached `cv` (its file name) when one was attached.
    pub fn report(
        &self,
        candidate: &ImportedCandidate,
        employee_id: i64,
        warnings: &[String],
        cv: Option<&str>,
        now_ms: u64,
    ) -> ExportReport {
        let mut exported = Vec::new();
        let mut not_exported = self.not_exported.clone();
        for field in &self.exported {
            let ignored = warnings.iter().find(|w| {
                let w = w.to_ascii_lowercase();
                w.starts_with(&field.field) || w.contains(&format!("{} ", field.field))
            });
            match ignored {
                Some(note) if ["department", "office", "subcompany"].contains(&&*field.field) => {
                    not_exported.push(NotExported {
                        field: field.field.clone(),
                        value: Some(field.value.clone()),
                        reason: NotExportedReason::IgnoredByPersonio { note: note.clone() },
                    })
                }
                _ => exported.push(field.clone()),
            }
        }
        match cv {
            Some(name) => exported.push(ExportedField {
                field: "document".into(),
                value: name.to_string(),
            }),
            None => not_exported.push(NotExported {
                field: "document".into(),
                value: candidate.cv_name.clone(),
                reason: NotExportedReason::CvNotKept,
            }),
        }
        let order = |f: &str| EXPORT_FIELDS.iter().position(|x| *x == f).unwrap_or(99);
        not_exported.sort_by_key(|n| order(&n.field));
        exported.sort_by_key(|e| order(&e.field));
        ExportReport {
            job_id: candidate.job_id.clone(),
            candidate_name: candidate.name(),
            employee_id,
            exported,
            not_exported,
            exported_at_ms: now_ms,
        }
    }
}

/// Why an export was refused before anything was sent to Personio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ExportRefusal {
    /// No candidate imported through the extension has this id.
    UnknownCandidate,
    /// The candidate is not hired (its current status, when known).
    NotHired {
        /// Status key ([`CandidateStatus::key`]).
        status: String,
    },
    /// The status cannot be read with these credentials (v2 API credentials needed).
    StatusUnknown,
    /// Personio already has an employee with this e-mail: nothing was created.
    EmployeeExists {
        /// That employee's id.
        employee_id: i64,
        /// The e-mail.
        email: String,
    },
    /// This candidate was already exported from this browser.
    AlreadyExported {
        /// The earlier export.
        report: ExportReport,
    },
    /// An export of this candidate is running.
    InProgress,
}

impl ExportRefusal {
    /// The employee field the refusal is about (shown at that field), if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ExportRefusal::EmployeeExists { .. } | ExportRefusal::AlreadyExported { .. } => {
                Some("email")
            }
            ExportRefusal::NotHired { .. } | ExportRefusal::StatusUnknown => Some("status"),
            _ => None,
        }
    }
}

/// The employee field a Personio field name refers to (`employee.email` → `email`).
pub fn employee_field(personio_field: &str) -> &str {
    personio_field
        .strip_prefix("employee.")
        .unwrap_or(personio_field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::SubmitRequest;
    use crate::personio::{CandidateForm, FieldMapping};

    fn request(email: &str, position: i64, cv: bool) -> SubmitRequest {
        SubmitRequest {
            profile_url: format!("https://www.linkedin.com/in/{email}/"),
            position: PositionChoice {
                id: PositionId(position),
                name: "Senior Rust Engineer".into(),
            },
            candidate: CandidateForm {
                first_name: " Maren ".into(),
                last_name: "Okafor".into(),
                email: email.into(),
                phone: Some("+47 555 01 234".into()),
                location: Some(" ".into()),
                ..CandidateForm::default()
            },
            documents: if cv {
                vec![
                    OutgoingDocument {
                        document_id: "letter".into(),
                        name: "letter.docx".into(),
                        size: 10,
                        category: DocumentCategory::CoverLetter,
                    },
                    OutgoingDocument {
                        document_id: "cv-1".into(),
                        name: "cv.pdf".into(),
                        size: 1234,
                        category: DocumentCategory::Cv,
                    },
                ]
            } else {
                vec![]
            },
        }
    }

    fn outbox() -> Outbox {
        let mut outbox = Outbox::default();
        for (i, (email, done)) in [("a@example.com", true), ("b@example.com", false)]
            .into_iter()
            .enumerate()
        {
            let id = outbox
                .enqueue(
                    request(email, 1001, true),
                    &FieldMapping::default(),
                    i as u64,
                    None,
                )
                .id()
                .clone();
            if done {
                outbox.get_mut(&id).unwrap().job.status = SubmissionStatus::Done {
                    application_id: Some("77".into()),
                };
            }
        }
        outbox
    }

    /// A system stage as the stand-in serves it: no id, the meaning in `kind`.
    fn system(kind: &str) -> Stage {
        Stage {
            id: None,
            name: None,
            kind: Some(kind.to_uppercase()),
            stage_type: Some("system".into()),
        }
    }

    fn vocabulary() -> StageVocabulary {
        let named = |kind: &str, name: &str| Stage {
            name: Some(name.into()),
            ..system(kind)
        };
        StageVocabulary {
            stages: vec![
                named("unassigned", "Neu"),
                Stage {
                    id: Some("2101".into()),
                    name: Some("Telefoninterview".into()),
                    kind: Some("CUSTOM".into()),
                    stage_type: Some("custom".into()),
                },
                named("offer", "Angebot"),
                named("accepted", "Eingestellt"),
                named("rejected", "Abgelehnt"),
            ],
        }
    }

    fn at(iso: &str) -> Option<PersonioDateTime> {
        Some(PersonioDateTime {
            date_time: iso.into(),
            timezone: Some("Europe/Berlin".into()),
        })
    }

    fn app(id: &str, job: i64, stage: Stage, created: &str) -> ApplicationSummary {
        ApplicationSummary {
            id: id.into(),
            candidate_id: Some("c".into()),
            candidate_email: Some("a@example.com".into()),
            position_id: Some(PositionId(job)),
            stage: Some(stage),
            created_at: at(created),
            ..Default::default()
        }
    }

    fn row(email: &str, position: i64, status: CandidateStatus) -> CandidateRow {
        let mut candidate = imported_candidates(&outbox()).remove(0);
        candidate.email = email.into();
        candidate.job_id = format!("job-{email}").into();
        candidate.position.id = PositionId(position);
        candidate.application_id = status.application_id().map(str::to_string);
        CandidateRow {
            candidate,
            status,
            export: None,
            cv_kept: true,
        }
    }

    fn known(id: &str, kind: &str) -> CandidateStatus {
        status_of_application(
            &app(id, 1001, system(kind), "2026-01-01T00:00:00Z"),
            &[],
            &vocabulary(),
        )
    }

    #[test]
    fn only_done_entries_are_imported_candidates() {
        let list = imported_candidates(&outbox());
        assert_eq!(list.len(), 1);
        let c = &list[0];
        assert_eq!(c.email, "a@example.com");
        assert_eq!(c.first_name, "Maren");
        assert_eq!(c.name(), "Maren Okafor");
        assert_eq!(c.phone.as_deref(), Some("+47 555 01 234"));
        assert_eq!(c.location, None, "blank location is unknown");
        assert_eq!(c.application_id.as_deref(), Some("77"));
        assert_eq!(c.cv_name.as_deref(), Some("cv.pdf"));
    }

    #[test]
    fn hired_comes_from_the_current_stage_and_the_hire_date_from_entering_it() {
        let c = imported_candidates(&outbox()).remove(0);
        let apps = vec![
            app("5", 1002, system("unassigned"), "2026-01-01T00:00:00Z"),
            app("77", 1001, system("accepted"), "2026-02-01T00:00:00Z"),
        ];
        // Latest first, as Personio orders them; entered at 23:30 UTC = the next day in Berlin.
        let transitions = vec![
            StageTransition {
                stage: Some(system("accepted")),
                entered_at: at("2026-03-04T23:30:00.000Z"),
            },
            StageTransition {
                stage: Some(system("offer")),
                entered_at: at("2026-03-01T09:00:00.000Z"),
            },
            StageTransition {
                stage: Some(system("unassigned")),
                entered_at: at("2026-02-01T09:00:00.000Z"),
            },
        ];
        let status = status_from_lookups(&c, &apps, None, &transitions, &vocabulary());
        assert!(is_hired(&status));
        assert_eq!(status.key(), "hired");
        let CandidateStatus::Known {
            application_id,
            stage,
            since,
            ..
        } = &status
        else {
            panic!("{status:?}")
        };
        assert_eq!(application_id, "77");
        assert_eq!(stage.as_ref().unwrap().name.as_deref(), Some("Eingestellt"));
        assert_eq!(since.as_deref(), Some("2026-03-05"));
        // A custom stage known only by its id: the tenant's vocabulary says it is in process.
        let by_id = Stage {
            id: Some("2101".into()),
            ..Stage::default()
        };
        let custom = status_of_application(
            &app("9", 1001, by_id.clone(), "2026-01-01T00:00:00Z"),
            &[],
            &vocabulary(),
        );
        assert_eq!(custom.key(), "active");
        // Without the vocabulary the same answer says nothing.
        let bare = status_of_application(
            &app("9", 1001, by_id, "2026-01-01T00:00:00Z"),
            &[],
            &StageVocabulary::default(),
        );
        assert_eq!(bare.key(), "unknown");
        assert!(!is_hired(&bare));
        // Without the id, the newest application on the position.
        let mut no_id = c.clone();
        no_id.application_id = None;
        let apps = vec![
            app("8", 1001, system("rejected"), "2025-01-01T00:00:00Z"),
            app("9", 1001, system("offer"), "2026-01-01T00:00:00Z"),
            app("10", 1002, system("accepted"), "2027-01-01T00:00:00Z"),
        ];
        let status = status_from_lookups(&no_id, &apps, None, &[], &vocabulary());
        assert_eq!(status.key(), "active");
        assert!(!is_hired(&status));
        // Nothing found: not found when the lookup was conclusive, unknown (with why) when not.
        assert_eq!(
            status_from_lookups(&no_id, &[], None, &[], &vocabulary()),
            CandidateStatus::NotFound
        );
        let gap = LookupGap::MissingField {
            field: "candidate.email".into(),
        };
        assert_eq!(
            status_from_lookups(&no_id, &[], Some(gap.clone()), &[], &vocabulary()),
            CandidateStatus::Unknown { gap: Some(gap) }
        );
        // An application without a current stage is found, its stage unknown.
        let mut stageless = app("11", 1001, system("offer"), "2026-01-01T00:00:00Z");
        stageless.stage = None;
        let status = status_of_application(&stageless, &[], &vocabulary());
        assert_eq!(status.key(), "unknown");
        assert_eq!(status.application_id(), Some("11"));
        assert!(!is_hired(&CandidateStatus::UNKNOWN));
    }

    #[test]
    fn the_filter_knows_hired_and_unknown() {
        let rows = vec![
            row("a@x.de", 1001, known("1", "accepted")),
            row("b@x.de", 1001, known("2", "offer")),
            row("c@x.de", 1001, CandidateStatus::UNKNOWN),
            row("d@x.de", 1001, CandidateStatus::NotFound),
            row("e@x.de", 1001, known("3", "rejected")),
            row("f@x.de", 1001, known("4", "hired")),
        ];
        let emails = |f| {
            filter_rows(&rows, f)
                .into_iter()
                .map(|r| r.candidate.email)
                .collect::<Vec<_>>()
        };
        assert_eq!(emails(StatusFilter::Hired), ["a@x.de", "f@x.de"]);
        assert_eq!(emails(StatusFilter::Active), ["b@x.de"]);
        assert_eq!(emails(StatusFilter::Unknown), ["c@x.de", "d@x.de"]);
        assert_eq!(emails(StatusFilter::All).len(), 6);
        assert_eq!(StatusFilter::parse("hired"), StatusFilter::Hired);
        assert_eq!(StatusFilter::parse("nonsense"), StatusFilter::All);
        assert!(rows[0].can_export());
        assert!(!rows[1].can_export() && !rows[2].can_export());
    }

    #[test]
    fn the_pipeline_holds_the_companys_applications_and_ours_once() {
        let rows = vec![
            row("a@x.de", 1001, known("1", "accepted")),
            row("b@x.de", 1001, known("2", "offer")),
            row("d@x.de", 1001, known("4", "unassigned")),
            row("e@x.de", 1002, known("5", "accepted")),
            row("f@x.de", 1001, CandidateStatus::UNKNOWN),
            row("g@x.de", 1001, known("6", "rejected")),
        ];
        let custom = Stage {
            id: Some("2101".into()),
            name: Some("Telefoninterview".into()),
            kind: Some("CUSTOM".into()),
            stage_type: Some("custom".into()),
        };
        let company = vec![
            // Ours (id 1), hired: one card with both.
            app("1", 1001, system("accepted"), "2026-01-01T00:00:00Z"),
            // Someone sourced elsewhere, in a custom stage.
            app("20", 1001, custom, "2026-01-02T00:00:00Z"),
            // Another position: not in this pipeline.
            app("21", 1002, system("offer"), "2026-01-02T00:00:00Z"),
            // No stage in the answer.
            ApplicationSummary {
                stage: None,
                ..app("22", 1001, system("offer"), "2026-01-03T00:00:00Z")
            },
        ];
        let groups = pipeline(&rows, &company, PositionId(1001), &vocabulary());
        let ids: Vec<_> = groups.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "unassigned:system",
                "2101",
                "offer:system",
                "accepted:system",
                "rejected:system",
                "unknown"
            ],
            "in the tenant's order, hired after in process"
        );
        let hired = groups.iter().find(|g| g.hired).unwrap();
        assert_eq!(
            hired.cards.len(),
            1,
            "our application and Personio's are one card"
        );
        let card = &hired.cards[0];
        assert!(card.row.is_some() && card.application.is_some());
        assert_eq!(card.email().as_deref(), Some("a@x.de"));
        let interview = groups.iter().find(|g| g.id == "2101").unwrap();
        assert!(
            interview.cards[0].row.is_none(),
            "sourced elsewhere: no export here"
        );
        assert_eq!(
            interview.stage.as_ref().unwrap().name.as_deref(),
            Some("Telefoninterview")
        );
        let unknown = groups.iter().find(|g| g.id == "unknown").unwrap();
        assert_eq!(
            unknown.cards.len(),
            2,
            "our unknown one and the stageless one"
        );
        assert!(!unknown.hired);
        // Without Personio's list: only ours, as before.
        let ours = pipeline(&rows, &[], PositionId(1001), &vocabulary());
        assert_eq!(ours.iter().map(|g| g.cards.len()).sum::<usize>(), 5);
        assert_eq!(positions_of(&rows).len(), 2);
    }

    #[test]
    fn the_employee_holds_what_is_known_and_the_report_lists_the_rest() {
        let c = imported_candidates(&outbox()).remove(0);
        let position = Position {
            id: PositionId(1001),
            name: "Senior Rust Engineer".into(),
            department: Some("Engineering".into()),
            office: Some("Atlantis".into()),
            subcompany: None,
            category: None,
        };
        let mut status = known("77", "accepted");
        if let CandidateStatus::Known { since, .. } = &mut status {
            *since = Some("2026-03-05".into());
        }
        let plan = plan_export(&c, &status, Some(&position), "2026-01-01");
        assert_eq!(plan.employee.email, "a@example.com");
        assert_eq!(plan.employee.first_name, "Maren");
        assert_eq!(
            plan.employee.position.as_deref(),
            Some("Senior Rust Engineer")
        );
        assert_eq!(plan.employee.hire_date.as_deref(), Some("2026-03-05"));
        assert_eq!(plan.employee.department.as_deref(), Some("Engineering"));
        assert!(plan.employee.check().is_ok());
        let report = plan.report(
            &c,
            1042,
            &["office 'Atlantis' does not exist and was ignored".into()],
            Some("cv.pdf"),
            9,
        );
        let exported: Vec<_> = report.exported.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            exported,
            [
                "first_name",
                "last_name",
                "email",
                "position",
                "hire_date",
                "department",
                "document"
            ]
        );
        let missing: Vec<_> = report
            .not_exported
            .iter()
            .map(|n| (n.field.as_str(), n.reason.clone()))
            .collect();
        assert_eq!(missing[0].0, "office");
        assert!(matches!(
            missing[0].1,
            NotExportedReason::IgnoredByPersonio { .. }
        ));
        assert_eq!(missing[1], ("subcompany", NotExportedReason::NotKnown));
        assert_eq!(missing[2], ("phone", NotExportedReason::NoEmployeeField));
        assert_eq!(missing[3], ("location", NotExportedReason::NotKnown));
        assert_eq!(report.employee_id, 1042);
        assert_eq!(report.candidate_name, "Maren Okafor");
        // Without a hired date and without a CV: the recruiter's today, and the CV is listed as not
        // available.
        let plan = plan_export(&c, &known("77", "accepted"), None, "2024-02-29");
        assert_eq!(plan.employee.hire_date.as_deref(), Some("2024-02-29"));
        let report = plan.report(&c, 1, &[], None, 0);
        assert!(report.not_exported.iter().any(|n| n.field == "document"
            && n.reason == NotExportedReason::CvNotKept
            && n.value.as_deref() == Some("cv.pdf")));
        assert!(report
            .not_exported
            .iter()
            .any(|n| n.field == "department" && n.reason == NotExportedReason::NotKnown));
    }

    #[test]
    fn cvs_are_kept_per_job_and_purged_after_the_retention() {
        let mut kept = KeptCvs::default();
        let req = request("a@example.com", 1001, true);
        for d in documents_to_keep(&req.documents) {
            kept.keep(&"job-1".into(), d, 1_000);
            kept.keep(&"job-1".into(), d, 2_000);
        }
        assert_eq!(kept.entries.len(), 1, "only the CV, once");
        assert_eq!(kept.for_job(&"job-1".into()).unwrap().name, "cv.pdf");
        assert!(kept.take_expired(1_000 + CV_RETENTION_MS).is_empty());
        assert_eq!(kept.take_expired(1_001 + CV_RETENTION_MS).len(), 1);
        assert!(kept.entries.is_empty());
        kept.keep(&"job-2".into(), &req.documents[1], 5);
        assert_eq!(kept.take_job(&"job-2".into()).len(), 1);
        assert!(kept.for_job(&"job-2".into()).is_none());
    }

    #[test]
    fn export_log_and_message_shapes() {
        let mut log = ExportLog::default();
        let report = ExportReport {
            job_id: "job-1".into(),
            candidate_name: "A B".into(),
            employee_id: 7,
            exported: vec![],
            not_exported: vec![],
            exported_at_ms: 1,
        };
        log.put(ExportRecord {
            job_id: "job-1".into(),
            employee_id: 7,
            complete: false,
            report: report.clone(),
        });
        log.put(ExportRecord {
            job_id: "job-1".into(),
            employee_id: 7,
            complete: true,
            report,
        });
        assert_eq!(log.entries.len(), 1);
        assert!(log.get(&"job-1".into()).unwrap().complete);
        // A create whose answer was lost: the employee found afterwards is ours; otherwise refused.
        assert_eq!(
            log.on_existing_employee(&"job-2".into()),
            ExistingEmployee::Refuse
        );
        log.mark_creating(&"job-2".into());
        log.mark_creating(&"job-2".into());
        assert_eq!(log.creating, [JobId::from("job-2")]);
        assert_eq!(
            log.on_existing_employee(&"job-2".into()),
            ExistingEmployee::Adopt
        );
        log.clear_creating(&"job-2".into());
        assert_eq!(
            log.on_existing_employee(&"job-2".into()),
            ExistingEmployee::Refuse
        );
        let old: ExportLog = serde_json::from_str(r#"{"entries":[]}"#).unwrap();
        assert!(old.creating.is_empty());
        assert_eq!(
            serde_json::to_string(&CandidateStatus::UNKNOWN).unwrap(),
            r#"{"kind":"unknown"}"#
        );
        let refusal = ExportRefusal::EmployeeExists {
            employee_id: 1,
            email: "a@b.de".into(),
        };
        assert_eq!(
            serde_json::to_string(&refusal).unwrap(),
            r#"{"reason":"employee_exists","employee_id":1,"email":"a@b.de"}"#
        );
        assert_eq!(refusal.field(), Some("email"));
        assert_eq!(employee_field("employee.hire_date"), "hire_date");
    }
}
