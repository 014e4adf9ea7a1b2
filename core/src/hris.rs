//! HRIS export of hired candidates: the pure part.
//!
//! * Which candidates were imported through the extension: the outbox's `Done` entries
//!   ([`imported_candidates`]).
//! * Their status from Personio (v2 recruiting lookups only; with v1-only credentials the status is
//!   [`CandidateStatus::Unknown`]): [`status_from_lookups`], [`is_hired`], the list filter
//!   ([`StatusFilter`]) and a position's pipeline grouped by stage ([`pipeline`]).
//! * The employee built from what is known ([`plan_export`]: first / last name, e-mail, position,
//!   hire date, department / office / subcompany of the position) and the report of what was exported
//!   and what was not available ([`ExportReport`]).
//! * What the background remembers: CVs kept for the export ([`KeptCvs`], purged after
//!   [`CV_RETENTION_DAYS`]) and the exports done ([`ExportLog`], so nothing is exported twice).
//!
//! No I/O and no clock: the background passes `now_ms` and the Personio answers in.

use crate::outbox::{Outbox, OutgoingDocument, PositionChoice};
use crate::personio::{
    ApplicationSummary, DocumentCategory, NewEmployee, PersonioError, Position, Stage,
    StageTransition, SubmissionStatus,
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
    pub job_id: String,
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
    pub fn keep(&mut self, job_id: &str, document: &OutgoingDocument, now_ms: u64) {
        if self
            .entries
            .iter()
            .any(|k| k.document_id == document.document_id)
        {
            return;
        }
        self.entries.push(KeptCv {
            job_id: job_id.to_string(),
            document_id: document.document_id.clone(),
            name: document.name.clone(),
            size: document.size,
            kept_at_ms: now_ms,
        });
    }

    /// The first kept CV of `job_id`.
    pub fn for_job(&self, job_id: &str) -> Option<&KeptCv> {
        self.entries.iter().find(|k| k.job_id == job_id)
    }

    /// Removes and returns every kept CV of `job_id` (after the export).
    pub fn take_job(&mut self, job_id: &str) -> Vec<KeptCv> {
        let (taken, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|k| k.job_id == job_id);
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
    /// The outbox job id (the candidate's key in every message).
    pub job_id: String,
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
    /// The status cannot be read (v1-only credentials, or the lookup failed).
    Unknown,
    /// Personio has no application of this e-mail on this position (any more).
    NotFound,
    /// The application's current status and stage.
    Known {
        /// Application id.
        application_id: String,
        /// `active`, `hired`, `rejected`, `withdrawn`, …
        status: String,
        /// Current stage.
        stage: Option<Stage>,
        /// `yyyy-mm-dd` of the move into the current stage, when known (the hire date for hired ones).
        since: Option<String>,
    },
}

impl CandidateStatus {
    /// The filter key: `hired`, `active`, `rejected`, `withdrawn`, `not_found`, `unknown` (other
    /// Personio statuses as they come, lower-case).
    pub fn key(&self) -> String {
        match self {
            CandidateStatus::Unknown => "unknown".into(),
            CandidateStatus::NotFound => "not_found".into(),
            CandidateStatus::Known { status, .. } => {
                let s = status.trim().to_ascii_lowercase();
                if s.is_empty() {
                    "active".into()
                } else {
                    s
                }
            }
        }
    }

    /// The current stage, when known.
    pub fn stage(&self) -> Option<&Stage> {
        match self {
            CandidateStatus::Known { stage, .. } => stage.as_ref(),
            _ => None,
        }
    }
}

/// Only hired candidates can be exported.
pub fn is_hired(status: &CandidateStatus) -> bool {
    status.key() == "hired"
}

/// The application of `candidate` among `applications` (all of its e-mail): the one with the known
/// application id, else the newest on the candidate's position.
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
        .filter(|a| a.job_id == Some(candidate.position.id))
        .max_by(|a, b| a.created_at.cmp(&b.created_at))
}

/// `yyyy-mm-dd` of an ISO date-time, when it starts with a date.
fn date_part(iso: &str) -> Option<String> {
    let date = iso.get(..10)?;
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| date.to_string())
}

/// The date of the latest move into `stage` (the hired transition for a hired application).
pub fn entered_stage_on(transitions: &[StageTransition], stage: &Stage) -> Option<String> {
    transitions
        .iter()
        .filter(|t| t.to_stage.id == stage.id)
        .filter_map(|t| t.created_at.as_deref().and_then(date_part))
        .max()
}

/// The status of `candidate` from the lookups: its application among all of its e-mail's
/// applications, and that application's stage transitions (when they were read).
pub fn status_from_lookups(
    candidate: &ImportedCandidate,
    applications: &[ApplicationSummary],
    transitions: &[StageTransition],
) -> CandidateStatus {
    match pick_application(candidate, applications) {
        None => CandidateStatus::NotFound,
        Some(app) => CandidateStatus::Known {
            application_id: app.id.clone(),
            status: app.status.clone(),
            stage: app.stage.clone(),
            since: app
                .stage
                .as_ref()
                .and_then(|s| entered_stage_on(transitions, s)),
        },
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
    pub job_id: String,
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
    pub creating: Vec<String>,
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
    pub fn mark_creating(&mut self, job_id: &str) {
        if !self.creating.iter().any(|j| j == job_id) {
            self.creating.push(job_id.to_string());
        }
    }

    /// Forgets the create attempt of `job_id` (it failed for sure).
    pub fn clear_creating(&mut self, job_id: &str) {
        self.creating.retain(|j| j != job_id);
    }

    /// What to do with an employee found with the e-mail of `job_id`.
    pub fn on_existing_employee(&self, job_id: &str) -> ExistingEmployee {
        if self.creating.iter().any(|j| j == job_id) {
            ExistingEmployee::Adopt
        } else {
            ExistingEmployee::Refuse
        }
    }

    /// The record of `job_id`.
    pub fn get(&self, job_id: &str) -> Option<&ExportRecord> {
        self.entries.iter().find(|e| e.job_id == job_id)
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

/// One stage of a position's pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageGroup {
    /// Stage id (`unknown` when the status is unknown, `not_found` when Personio has no application).
    pub id: String,
    /// Stage name from Personio, `None` for the unknown / not-found groups.
    pub name: Option<String>,
    /// True for the hired stage (the one holding the export action).
    pub hired: bool,
    /// Its candidates, newest first.
    pub rows: Vec<CandidateRow>,
}

fn stage_rank(status_key: &str) -> u8 {
    match status_key {
        "hired" => 1,
        "rejected" => 2,
        "withdrawn" => 3,
        "not_found" => 4,
        "unknown" => 5,
        _ => 0,
    }
}

/// The pipeline of position `position_id`: its candidates grouped by stage. In-process stages first
/// (by name), then hired, rejected, withdrawn, not found and unknown.
pub fn pipeline(rows: &[CandidateRow], position_id: i64) -> Vec<StageGroup> {
    let mut groups: Vec<(u8, StageGroup)> = Vec::new();
    for row in rows
        .iter()
        .filter(|r| r.candidate.position.id == position_id)
    {
        let key = row.status.key();
        let (id, name) = match (&row.status, row.status.stage()) {
            (CandidateStatus::Known { .. }, Some(stage)) => {
                (stage.id.clone(), Some(stage.name.clone()))
            }
            (CandidateStatus::Known { status, .. }, None) => (status.clone(), None),
            _ => (key.clone(), None),
        };
        let hired = is_hired(&row.status);
        match groups
            .iter_mut()
            .find(|(_, g)| g.id == id && g.hired == hired)
        {
            Some((_, group)) => group.rows.push(row.clone()),
            None => groups.push((
                stage_rank(&key),
                StageGroup {
                    id,
                    name,
                    hired,
                    rows: vec![row.clone()],
                },
            )),
        }
    }
    groups.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    groups.into_iter().map(|(_, g)| g).collect()
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
    pub job_id: String,
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
/// into the hired stage when known, else today in UTC), department / office / subcompany of the
/// position when known. Phone and location have no standard employee field and are reported as
/// not exported; the CV is added by the caller ([`ExportPlan::with_cv`]).
pub fn plan_export(
    candidate: &ImportedCandidate,
    status: &CandidateStatus,
    position: Option<&Position>,
    now_ms: u64,
) -> ExportPlan {
    let hire_date = match status {
        CandidateStatus::Known {
            since: Some(date), ..
        } => date.clone(),
        _ => crate::personio::date::iso_date(now_ms),
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
                id: position,
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
                )
                .id()
                .to_string();
            if done {
                outbox.get_mut(&id).unwrap().job.status = SubmissionStatus::Done {
                    application_id: Some("77".into()),
                };
            }
        }
        outbox
    }

    fn app(id: &str, job: i64, status: &str, stage: &str, created: &str) -> ApplicationSummary {
        ApplicationSummary {
            id: id.into(),
            candidate_id: Some("c".into()),
            job_id: Some(job),
            status: status.into(),
            stage: Some(Stage {
                id: stage.into(),
                name: stage.to_uppercase(),
            }),
            created_at: Some(created.into()),
        }
    }

    fn row(email: &str, position: i64, status: CandidateStatus) -> CandidateRow {
        let mut candidate = imported_candidates(&outbox()).remove(0);
        candidate.email = email.into();
        candidate.job_id = format!("job-{email}");
        candidate.position.id = position;
        CandidateRow {
            candidate,
            status,
            export: None,
            cv_kept: true,
        }
    }

    fn known(status: &str, stage: &str) -> CandidateStatus {
        CandidateStatus::Known {
            application_id: "1".into(),
            status: status.into(),
            stage: Some(Stage {
                id: stage.into(),
                name: stage.into(),
            }),
            since: None,
        }
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
    fn status_comes_from_the_matching_application_and_its_hired_transition() {
        let c = imported_candidates(&outbox()).remove(0);
        let apps = vec![
            app("5", 1002, "active", "unassigned", "2026-01-01"),
            app("77", 1001, "hired", "accepted", "2026-02-01"),
        ];
        let transitions = vec![
            StageTransition {
                from_stage: None,
                to_stage: Stage {
                    id: "unassigned".into(),
                    name: "Unassigned".into(),
                },
                created_at: Some("2026-02-01T10:00:00Z".into()),
            },
            StageTransition {
                from_stage: None,
                to_stage: Stage {
                    id: "accepted".into(),
                    name: "Accepted".into(),
                },
                created_at: Some("2026-03-05T10:00:00Z".into()),
            },
        ];
        let status = status_from_lookups(&c, &apps, &transitions);
        assert!(is_hired(&status));
        assert_eq!(
            status,
            CandidateStatus::Known {
                application_id: "77".into(),
                status: "hired".into(),
                stage: Some(Stage {
                    id: "accepted".into(),
                    name: "ACCEPTED".into()
                }),
                since: Some("2026-03-05".into()),
            }
        );
        // Without the id, the newest application on the position.
        let mut no_id = c.clone();
        no_id.application_id = None;
        let apps = vec![
            app("8", 1001, "rejected", "rejected", "2025-01-01"),
            app("9", 1001, "active", "offer", "2026-01-01"),
            app("10", 1002, "hired", "accepted", "2027-01-01"),
        ];
        let status = status_from_lookups(&no_id, &apps, &[]);
        assert_eq!(status.key(), "active");
        assert!(!is_hired(&status));
        assert_eq!(
            status_from_lookups(&no_id, &[], &[]),
            CandidateStatus::NotFound
        );
        assert!(!is_hired(&CandidateStatus::Unknown));
    }

    #[test]
    fn the_filter_knows_hired_and_unknown() {
        let rows = vec![
            row("a@x.de", 1001, known("hired", "accepted")),
            row("b@x.de", 1001, known("active", "offer")),
            row("c@x.de", 1001, CandidateStatus::Unknown),
            row("d@x.de", 1001, CandidateStatus::NotFound),
            row("e@x.de", 1001, known("rejected", "rejected")),
            row("f@x.de", 1001, known("Hired", "custom")),
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
    fn the_pipeline_groups_a_positions_candidates_by_stage_hired_after_in_process() {
        let rows = vec![
            row("a@x.de", 1001, known("hired", "accepted")),
            row("b@x.de", 1001, known("active", "offer")),
            row("c@x.de", 1001, known("active", "offer")),
            row("d@x.de", 1001, known("active", "unassigned")),
            row("e@x.de", 1002, known("hired", "accepted")),
            row("f@x.de", 1001, CandidateStatus::Unknown),
            row("g@x.de", 1001, known("rejected", "rejected")),
        ];
        let groups = pipeline(&rows, 1001);
        let ids: Vec<_> = groups.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(
            ids,
            ["offer", "unassigned", "accepted", "rejected", "unknown"]
        );
        assert_eq!(groups[0].rows.len(), 2);
        assert!(groups[2].hired && !groups[0].hired);
        assert_eq!(groups[2].rows[0].candidate.email, "a@x.de");
        assert_eq!(positions_of(&rows).len(), 2);
    }

    #[test]
    fn the_employee_holds_what_is_known_and_the_report_lists_the_rest() {
        let c = imported_candidates(&outbox()).remove(0);
        let position = Position {
            id: 1001,
            name: "Senior Rust Engineer".into(),
            department: Some("Engineering".into()),
            office: Some("Atlantis".into()),
            subcompany: None,
            category: None,
        };
        let mut status = known("hired", "accepted");
        if let CandidateStatus::Known { since, .. } = &mut status {
            *since = Some("2026-03-05".into());
        }
        let plan = plan_export(&c, &status, Some(&position), 0);
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
        // Without a hired date and without a CV: today, and the CV is listed as not available.
        let plan = plan_export(&c, &known("hired", "accepted"), None, 1_709_164_800_000);
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
            kept.keep("job-1", d, 1_000);
            kept.keep("job-1", d, 2_000);
        }
        assert_eq!(kept.entries.len(), 1, "only the CV, once");
        assert_eq!(kept.for_job("job-1").unwrap().name, "cv.pdf");
        assert!(kept.take_expired(1_000 + CV_RETENTION_MS).is_empty());
        assert_eq!(kept.take_expired(1_001 + CV_RETENTION_MS).len(), 1);
        assert!(kept.entries.is_empty());
        kept.keep("job-2", &req.documents[1], 5);
        assert_eq!(kept.take_job("job-2").len(), 1);
        assert!(kept.for_job("job-2").is_none());
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
        assert!(log.get("job-1").unwrap().complete);
        // A create whose answer was lost: the employee found afterwards is ours; otherwise refused.
        assert_eq!(log.on_existing_employee("job-2"), ExistingEmployee::Refuse);
        log.mark_creating("job-2");
        log.mark_creating("job-2");
        assert_eq!(log.creating, ["job-2"]);
        assert_eq!(log.on_existing_employee("job-2"), ExistingEmployee::Adopt);
        log.clear_creating("job-2");
        assert_eq!(log.on_existing_employee("job-2"), ExistingEmployee::Refuse);
        let old: ExportLog = serde_json::from_str(r#"{"entries":[]}"#).unwrap();
        assert!(old.creating.is_empty());
        assert_eq!(
            serde_json::to_string(&CandidateStatus::Unknown).unwrap(),
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
