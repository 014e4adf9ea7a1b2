//! HRIS export of hired candidates, one module per job:
//!
//! * [`kept_cvs`]: the CVs kept for the export after an application was created, purged after
//!   [`CV_RETENTION_DAYS`].
//! * [`candidates`]: which candidates were imported through the extension (the outbox's `Done` entries),
//!   the rows of the candidates views and their status filter.
//! * [`status`]: their status from Personio (v2 recruiting lookups only; unknown with v1-only
//!   credentials), "hired" and the hire date.
//! * [`pipeline`]: a position's pipeline, the imported candidates and the company's applications grouped
//!   by stage.
//! * [`plan`]: the employee built from what is known and the report of what was exported and what not.
//! * [`export_job`]: "Export to Personio" as a resumable [`ExportJob`] (one Personio call per step,
//!   persisted between steps in the [`ExportLog`], so nothing is exported twice).
//!
//! No clock and no storage: the background passes `now_ms`, the recruiter's date, the stored data and a
//! Personio client in, and drives the export job step by step.

pub mod candidates;
pub mod export_job;
pub mod kept_cvs;
pub mod pipeline;
pub mod plan;
pub mod status;

#[cfg(test)]
mod fixtures;

pub use candidates::{
    filter_rows, imported_candidates, positions_of, CandidateList, CandidateRow, ImportedCandidate,
    StatusFilter,
};
pub use export_job::{
    CvStore, ExportContext, ExportJob, ExportLog, ExportRecord, ExportState, ExportStep,
    CV_CATEGORY_HINT,
};
pub use kept_cvs::{documents_to_keep, KeptCv, KeptCvs, CV_RETENTION_DAYS, CV_RETENTION_MS};
pub use pipeline::{pipeline, CompanyCoverage, PipelineCard, PositionPipeline, StageGroup};
pub use plan::{
    employee_field, plan_export, ExportPlan, ExportRefusal, ExportReport, ExportedField,
    NotExported, NotExportedReason, EXPORT_FIELDS,
};
pub use status::{
    entered_stage_on, is_hired, pick_application, read_status, status_from_lookups,
    status_of_application, CandidateStatus, StatusSource,
};
