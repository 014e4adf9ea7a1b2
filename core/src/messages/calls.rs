//! The pages' calls to the background: one struct per request, serialised with its `type` tag, each naming
//! its reply ([`Call::Reply`]); the background reads them all as one [`PopupRequest`] and dispatches on it.
//! Replies are structs (or, for a call with two outcomes, an enum) with their own `type` tag, so the JSON
//! stays what the end-to-end tests and earlier pages read (`{"type":"setup","setup":…}`).

use super::{Call, SetupState, TabState};
use crate::hris::{CandidateList, ExportRefusal, ExportReport, PositionPipeline};
use crate::outbox::{JobId, JobView, SubmitRequest};
use crate::personio::{CandidateLookup, ConnectionInfo, DuplicateCheck, Position, PositionId};
use crate::retention::DeletedData;
use crate::settings::{SettingsInput, SettingsIssue, StoredSecret};
use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

/// Declares a request struct's `Call` impl: `call!(Request => Reply)`.
macro_rules! call {
    ($($request:ty => $reply:ty),* $(,)?) => {
        $(impl Call for $request {
            type Reply = $reply;
        })*
    };
}

/// Every page request as the background reads it (`type` tag in snake_case).
#[derive(Clone, Debug, PartialEq, Eq, TaggedDeserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PopupRequest {
    /// [`GetTabState`].
    GetTabState(GetTabState),
    /// [`GetSetup`].
    GetSetup(GetSetup),
    /// [`SaveSettings`].
    SaveSettings(SaveSettings),
    /// [`RemoveSecret`].
    RemoveSecret(RemoveSecret),
    /// [`ForgetConnection`].
    ForgetConnection(ForgetConnection),
    /// [`TestConnection`].
    TestConnection(TestConnection),
    /// [`AcceptDisclaimer`].
    AcceptDisclaimer(AcceptDisclaimer),
    /// [`ListPositions`].
    ListPositions(ListPositions),
    /// [`CheckDuplicate`].
    CheckDuplicate(CheckDuplicate),
    /// [`FindCandidate`].
    FindCandidate(FindCandidate),
    /// [`DiscardDraft`].
    DiscardDraft(DiscardDraft),
    /// [`DeleteCandidateData`].
    DeleteCandidateData(DeleteCandidateData),
    /// [`Submit`].
    Submit(Submit),
    /// [`GetJob`].
    GetJob(GetJob),
    /// [`ListJobs`].
    ListJobs(ListJobs),
    /// [`RetryJob`].
    RetryJob(RetryJob),
    /// [`ListCandidates`].
    ListCandidates(ListCandidates),
    /// [`ListPipeline`].
    ListPipeline(ListPipeline),
    /// [`ExportCandidate`].
    ExportCandidate(ExportCandidate),
}

/// The state of a tab, re-reading the page first when it is a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "get_tab_state")]
pub struct GetTabState {
    /// Tab to read.
    pub tab_id: i32,
}

/// Settings (without secrets) and the disclaimer's acceptance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "get_setup")]
pub struct GetSetup {}

/// Save the connection settings (settings page only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "save_settings")]
pub struct SaveSettings {
    /// What the admin entered.
    pub input: SettingsInput,
}

/// Delete one stored secret now (settings page, "Remove").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "remove_secret")]
pub struct RemoveSecret {
    /// Which one.
    pub secret: StoredSecret,
}

/// "Forget this connection": credentials, field mapping, the connection check, tokens and cached
/// positions and statuses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "forget_connection")]
pub struct ForgetConnection {}

/// Check the stored credentials against Personio.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "test_connection")]
pub struct TestConnection {}

/// The recruiter accepted the current disclaimer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "accept_disclaimer")]
pub struct AcceptDisclaimer {}

/// The positions to pick from (cached; `refresh` asks Personio again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "list_positions")]
pub struct ListPositions {
    /// Ignore the cache.
    pub refresh: bool,
}

/// Is this e-mail (or this LinkedIn profile) already an applicant for this position in Personio?
/// (Needs API v2 credentials.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "check_duplicate")]
pub struct CheckDuplicate {
    /// The candidate's e-mail.
    pub email: String,
    /// The chosen position.
    pub job_position_id: PositionId,
    /// The LinkedIn profile the form is about.
    #[serde(default)]
    pub linkedin_url: Option<String>,
}

/// "Already in Personio?": the candidate of this LinkedIn profile (or, once typed, this e-mail) with their
/// applications; cached per profile and e-mail for the session. Marks the tab's toolbar icon when found.
/// (Needs API v2 credentials.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "find_candidate")]
pub struct FindCandidate {
    /// The tab showing the profile (its icon gets the badge); `None` from a page without one.
    #[serde(default)]
    pub tab_id: Option<i32>,
    /// The LinkedIn profile the form is about.
    pub linkedin_url: String,
    /// The e-mail typed in the form, once it looks like one.
    #[serde(default)]
    pub email: Option<String>,
}

/// "Discard draft": delete the profile's draft and the files only it lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "discard_draft")]
pub struct DiscardDraft {
    /// The draft's profile URL.
    pub profile_url: String,
}

/// "Delete all candidate data on this browser": drafts, files, the outbox, kept CVs, export records and the
/// pages read (settings and the disclaimer stay).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "delete_candidate_data")]
pub struct DeleteCandidateData {}

/// "Create application": queue it in the outbox (the same application is never queued twice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "submit")]
pub struct Submit {
    /// What to create.
    pub request: SubmitRequest,
}

/// One job's current state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "get_job")]
pub struct GetJob {
    /// The job.
    pub job_id: JobId,
}

/// Every job, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "list_jobs")]
pub struct ListJobs {}

/// Run a waiting or failed job now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "retry_job")]
pub struct RetryJob {
    /// The job.
    pub job_id: JobId,
}

/// The candidates imported through the extension with their status from Personio (candidates page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "list_candidates")]
pub struct ListCandidates {
    /// Ask Personio for the statuses again instead of using the short-lived cache.
    pub refresh_status: bool,
}

/// A position's pipeline: the imported candidates and, with v2 read rights, the company's applications
/// Personio lists for it, grouped by stage (candidates page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "list_pipeline")]
pub struct ListPipeline {
    /// The position.
    pub position_id: PositionId,
    /// Ask Personio again instead of using the short-lived cache.
    pub refresh: bool,
}

/// "Export to Personio": create the hired candidate `job_id` as an employee and attach the CV.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "export_candidate")]
pub struct ExportCandidate {
    /// The candidate's key (its outbox job).
    pub job_id: JobId,
}

/// Reply to [`GetTabState`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "tab_state")]
pub struct TabStateReply {
    /// The state.
    pub state: TabState,
}

/// Reply to [`GetSetup`], [`RemoveSecret`], [`ForgetConnection`] and [`AcceptDisclaimer`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "setup")]
pub struct SetupReply {
    /// The state after the request.
    pub setup: SetupState,
}

/// Reply to [`SaveSettings`]: saved, or what is wrong per field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SaveReply {
    /// Saved: the state after it.
    Setup {
        /// The state.
        setup: Box<SetupState>,
    },
    /// Not saved: the field issues.
    SettingsInvalid {
        /// Field issues.
        issues: Vec<SettingsIssue>,
    },
}

/// Reply to [`TestConnection`] (a refusal is [`super::CallError::Personio`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "connection")]
pub struct ConnectionReply {
    /// What the connection can do.
    pub info: ConnectionInfo,
}

/// Reply to [`ListPositions`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "positions")]
pub struct PositionsReply {
    /// Positions, newest first.
    pub positions: Vec<Position>,
}

/// Reply to [`CheckDuplicate`]: found, clear, or why it cannot be told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "duplicate")]
pub struct DuplicateReply {
    /// The check's result.
    pub check: DuplicateCheck,
}

/// Reply to [`FindCandidate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "candidate_lookup")]
pub struct CandidateLookupReply {
    /// Found (with the applications), not found, unavailable, or hidden and why.
    pub lookup: CandidateLookup,
}

/// Reply to [`DiscardDraft`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "draft_discarded")]
pub struct DraftDiscarded {}

/// Reply to [`DeleteCandidateData`]: what was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "candidate_data_deleted")]
pub struct CandidateDataDeleted {
    /// Counts.
    pub deleted: DeletedData,
}

/// Reply to [`Submit`], [`GetJob`] and [`RetryJob`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "job")]
pub struct JobReply {
    /// The job.
    pub job: Box<JobView>,
}

/// Reply to [`ListJobs`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "jobs")]
pub struct JobsReply {
    /// Newest first.
    pub jobs: Vec<JobView>,
}

/// Reply to [`ListCandidates`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "candidates")]
pub struct CandidatesReply {
    /// The candidates and where their statuses come from.
    pub list: CandidateList,
}

/// Reply to [`ListPipeline`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename = "pipeline")]
pub struct PipelineReply {
    /// The position's pipeline.
    pub pipeline: PositionPipeline,
}

/// Reply to [`ExportCandidate`] (a Personio failure on the way is [`super::CallError::Personio`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExportReply {
    /// The employee exists now: what was exported and what was not available.
    Exported {
        /// The report.
        report: ExportReport,
    },
    /// Refused before anything was created.
    ExportRefused {
        /// Why.
        refusal: ExportRefusal,
    },
}

call! {
    GetTabState => TabStateReply,
    GetSetup => SetupReply,
    SaveSettings => SaveReply,
    RemoveSecret => SetupReply,
    ForgetConnection => SetupReply,
    TestConnection => ConnectionReply,
    AcceptDisclaimer => SetupReply,
    ListPositions => PositionsReply,
    CheckDuplicate => DuplicateReply,
    FindCandidate => CandidateLookupReply,
    DiscardDraft => DraftDiscarded,
    DeleteCandidateData => CandidateDataDeleted,
    Submit => JobReply,
    GetJob => JobReply,
    ListJobs => JobsReply,
    RetryJob => JobReply,
    ListCandidates => CandidatesReply,
    ListPipeline => PipelineReply,
    ExportCandidate => ExportReply,
}
