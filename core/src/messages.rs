//! Typed messages between the extension parts: one enum per channel, serialised as JSON with a `type` tag.
//!
//! Channels:
//! - content script → background: [`ContentToBackground`] (`chrome.runtime.sendMessage`), URL only;
//! - background → content script: [`BackgroundToContent`] (`chrome.tabs.sendMessage`), answered with a
//!   [`crate::page::PageSnapshot`];
//! - popup / side panel / options → background: [`PopupRequest`], answered with [`PopupResponse`].
//!
//! The content script is a JS shim; it builds and reads the same JSON shapes (see `content-script/content.js`).

use crate::hris::{CandidateList, ExportRefusal, ExportReport, PositionPipeline};
use crate::linkedin::{Extraction, PageKind};
use crate::outbox::{JobId, JobView, SubmitRequest};
use crate::personio::{
    CandidateLookup, ConnectionInfo, DuplicateCheck, PersonioError, Position, PositionId,
};
use crate::retention::DeletedData;
use crate::settings::{
    DisclaimerAcceptance, SettingsInput, SettingsIssue, SettingsView, StoredSecret,
};
use serde::{Deserialize, Serialize};

/// Content script → background.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentToBackground {
    /// The page was loaded or navigated in-app. Only the URL travels: markup leaves the page only when the
    /// background asks for it ([`BackgroundToContent::TakeSnapshot`]), i.e. when the recruiter opens the popup.
    PageVisited {
        /// `location.href` after the navigation committed.
        url: String,
    },
}

/// The most a page snapshot may hold (markup, embedded data, title and URL, counted in UTF-16 code units as
/// JavaScript counts string lengths): a larger one is refused with a message, not parsed. LinkedIn's largest
/// profiles are well under 2 MB.
pub const MAX_SNAPSHOT_CHARS: usize = 8 * 1024 * 1024;
/// The longest page URL accepted from a content script (2 KB); a longer one is refused, not classified.
pub const MAX_URL_CHARS: usize = 2048;

/// Background → content script.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BackgroundToContent {
    /// Take a fresh snapshot now and answer with it (a [`crate::page::PageSnapshot`]).
    TakeSnapshot,
}

/// What the background knows about one tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabState {
    /// The tab id.
    pub tab_id: i32,
    /// The tab's URL as last seen.
    pub url: String,
    /// The URL's classification.
    pub page: PageKind,
    /// The latest extraction for that URL, if a snapshot arrived.
    pub extraction: Option<Extraction>,
    /// How long that extraction took in the worker, in microseconds, parsing the markup included (read by
    /// the bench).
    #[serde(default)]
    pub extract_us: Option<u64>,
    /// The part of `extract_us` spent parsing the snapshot's markup, in microseconds.
    #[serde(default)]
    pub parse_us: Option<u64>,
    /// Size of the snapshot the content script handed over, in bytes (markup + embedded data).
    #[serde(default)]
    pub snapshot_bytes: Option<usize>,
    /// How long the snapshot took to arrive, in microseconds: from asking the tab until it was decoded in
    /// the worker (the page's serialisation, the message hop and the JSON decoding).
    #[serde(default)]
    pub snapshot_us: Option<u64>,
}

/// Popup / side panel / options page → background.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PopupRequest {
    /// The state of a tab, re-reading the page first when it is a profile.
    GetTabState {
        /// Tab to read.
        tab_id: i32,
    },
    /// Settings (without secrets) and the disclaimer's acceptance.
    GetSetup,
    /// Save the connection settings (settings page only).
    SaveSettings {
        /// What the admin entered.
        input: SettingsInput,
    },
    /// Delete one stored secret now (settings page, "Remove").
    RemoveSecret {
        /// Which one.
        secret: StoredSecret,
    },
    /// "Forget this connection": credentials, field mapping, the connection check, tokens and cached
    /// positions and statuses.
    ForgetConnection,
    /// Check the stored credentials against Personio.
    TestConnection,
    /// The recruiter accepted the current disclaimer.
    AcceptDisclaimer,
    /// The positions to pick from (cached; `refresh` asks Personio again).
    ListPositions {
        /// Ignore the cache.
        refresh: bool,
    },
    /// Is this e-mail (or this LinkedIn profile) already an applicant for this position in Personio?
    /// (Needs API v2 credentials.)
    CheckDuplicate {
        /// The candidate's e-mail.
        email: String,
        /// The chosen position.
        job_position_id: PositionId,
        /// The LinkedIn profile the form is about.
        #[serde(default)]
        linkedin_url: Option<String>,
    },
    /// "Already in Personio?": the candidate of this LinkedIn profile (or, once typed, this e-mail) with
    /// their applications; cached per profile and e-mail for the session. Marks the tab's toolbar icon
    /// when found. (Needs API v2 credentials.)
    FindCandidate {
        /// The tab showing the profile (its icon gets the badge); `None` from a page without one.
        #[serde(default)]
        tab_id: Option<i32>,
        /// The LinkedIn profile the form is about.
        linkedin_url: String,
        /// The e-mail typed in the form, once it looks like one.
        #[serde(default)]
        email: Option<String>,
    },
    /// "Discard draft": delete the profile's draft and the files only it lists.
    DiscardDraft {
        /// The draft's profile URL.
        profile_url: String,
    },
    /// "Delete all candidate data on this browser": drafts, files, the outbox, kept CVs, export records and
    /// the pages read (settings and the disclaimer stay).
    DeleteCandidateData,
    /// "Create application": queue it in the outbox (the same application is never queued twice).
    Submit {
        /// What to create.
        request: SubmitRequest,
    },
    /// One job's current state.
    GetJob {
        /// The job.
        job_id: JobId,
    },
    /// Every job, newest first.
    ListJobs,
    /// Run a waiting or failed job now.
    RetryJob {
        /// The job.
        job_id: JobId,
    },
    /// The candidates imported through the extension with their status from Personio (candidates page).
    ListCandidates {
        /// Ask Personio for the statuses again instead of using the short-lived cache.
        refresh_status: bool,
    },
    /// A position's pipeline: the imported candidates and, with v2 read rights, the company's
    /// applications Personio lists for it, grouped by stage (candidates page).
    ListPipeline {
        /// The position.
        position_id: PositionId,
        /// Ask Personio again instead of using the short-lived cache.
        refresh: bool,
    },
    /// "Export to Personio": create the hired candidate `job_id` as an employee and attach the CV.
    ExportCandidate {
        /// The candidate's key (its outbox job).
        job_id: JobId,
    },
}

/// The extension's set-up state as pages may see it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupState {
    /// Connection settings without secrets.
    pub settings: SettingsView,
    /// The disclaimer's acceptance, if any (pages check [`DisclaimerAcceptance::is_current`]).
    pub disclaimer: Option<DisclaimerAcceptance>,
    /// The last successful connection check, if any.
    pub connection: Option<ConnectionInfo>,
}

/// Background → popup answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PopupResponse {
    /// Answer to [`PopupRequest::GetTabState`].
    TabState {
        /// The state.
        state: TabState,
    },
    /// Answer to [`PopupRequest::GetSetup`], [`PopupRequest::SaveSettings`] and [`PopupRequest::AcceptDisclaimer`].
    Setup {
        /// The state after the request.
        setup: SetupState,
    },
    /// The settings were not saved: what is wrong, per field.
    SettingsInvalid {
        /// Field issues.
        issues: Vec<SettingsIssue>,
    },
    /// Answer to [`PopupRequest::TestConnection`].
    Connection {
        /// What the connection can do.
        info: ConnectionInfo,
    },
    /// Answer to [`PopupRequest::ListPositions`].
    Positions {
        /// Positions, newest first.
        positions: Vec<Position>,
    },
    /// Answer to [`PopupRequest::Submit`], [`PopupRequest::GetJob`] and [`PopupRequest::RetryJob`].
    Job {
        /// The job.
        job: Box<JobView>,
    },
    /// Answer to [`PopupRequest::CheckDuplicate`]: found, clear, or why it cannot be told.
    Duplicate {
        /// The check's result.
        check: DuplicateCheck,
    },
    /// Answer to [`PopupRequest::FindCandidate`].
    CandidateLookup {
        /// Found (with the applications), not found, unavailable, or hidden and why.
        lookup: CandidateLookup,
    },
    /// Answer to [`PopupRequest::ListJobs`].
    Jobs {
        /// Newest first.
        jobs: Vec<JobView>,
    },
    /// Answer to [`PopupRequest::DiscardDraft`].
    DraftDiscarded,
    /// Answer to [`PopupRequest::DeleteCandidateData`]: what was deleted.
    CandidateDataDeleted {
        /// Counts.
        deleted: DeletedData,
    },
    /// Answer to [`PopupRequest::ListCandidates`].
    Candidates {
        /// The candidates and where their statuses come from.
        list: CandidateList,
    },
    /// Answer to [`PopupRequest::ListPipeline`].
    Pipeline {
        /// The position's pipeline.
        pipeline: PositionPipeline,
    },
    /// Answer to [`PopupRequest::ExportCandidate`]: the employee exists now; what was exported and what
    /// was not available.
    Exported {
        /// The report.
        report: ExportReport,
    },
    /// Answer to [`PopupRequest::ExportCandidate`]: refused before anything was created.
    ExportRefused {
        /// Why.
        refusal: ExportRefusal,
    },
    /// Personio refused or could not be reached; the UI shows it at the right place.
    Personio {
        /// The typed error.
        error: PersonioError,
    },
    /// The request failed.
    Error {
        /// Message key or text.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageSnapshot;

    #[test]
    fn content_message_json_shape_matches_the_js_shim() {
        let json = r#"{"type":"page_visited","url":"https://www.linkedin.com/in/a/"}"#;
        let msg: ContentToBackground = serde_json::from_str(json).unwrap();
        assert_eq!(
            msg,
            ContentToBackground::PageVisited {
                url: "https://www.linkedin.com/in/a/".into()
            }
        );
    }

    #[test]
    fn snapshot_json_shape_matches_the_js_shim() {
        let json = r#"{"url":"https://www.linkedin.com/in/a/","lang":null,"title":"t","markup":"<main></main>","embedded":[]}"#;
        let snapshot: PageSnapshot = serde_json::from_str(json).unwrap();
        assert_eq!(snapshot.markup, "<main></main>");
        assert_eq!(
            serde_json::to_string(&BackgroundToContent::TakeSnapshot).unwrap(),
            r#"{"type":"take_snapshot"}"#
        );
    }

    #[test]
    fn data_and_secret_requests_json_shapes() {
        let req: PopupRequest =
            serde_json::from_str(r#"{"type":"remove_secret","secret":"client_secret"}"#).unwrap();
        assert_eq!(
            req,
            PopupRequest::RemoveSecret {
                secret: StoredSecret::ClientSecret
            }
        );
        for (json, req) in [
            (
                r#"{"type":"forget_connection"}"#,
                PopupRequest::ForgetConnection,
            ),
            (
                r#"{"type":"delete_candidate_data"}"#,
                PopupRequest::DeleteCandidateData,
            ),
            (
                r#"{"type":"discard_draft","profile_url":"u"}"#,
                PopupRequest::DiscardDraft {
                    profile_url: "u".into(),
                },
            ),
        ] {
            assert_eq!(serde_json::to_string(&req).unwrap(), json);
        }
        let answer = PopupResponse::CandidateDataDeleted {
            deleted: DeletedData {
                drafts: 1,
                files: 2,
                applications: 3,
            },
        };
        assert_eq!(
            serde_json::to_string(&answer).unwrap(),
            r#"{"type":"candidate_data_deleted","deleted":{"drafts":1,"files":2,"applications":3}}"#
        );
    }

    #[test]
    fn candidate_lookup_json_shapes() {
        let req: PopupRequest = serde_json::from_str(
            r#"{"type":"find_candidate","tab_id":3,"linkedin_url":"https://www.linkedin.com/in/a/"}"#,
        )
        .unwrap();
        assert_eq!(
            req,
            PopupRequest::FindCandidate {
                tab_id: Some(3),
                linkedin_url: "https://www.linkedin.com/in/a/".into(),
                email: None
            }
        );
        let hidden = PopupResponse::CandidateLookup {
            lookup: CandidateLookup::Hidden {
                reason: crate::personio::LookupHidden::NoReadRight,
            },
        };
        assert_eq!(
            serde_json::to_string(&hidden).unwrap(),
            r#"{"type":"candidate_lookup","lookup":{"result":"hidden","reason":"no_read_right"}}"#
        );
    }

    #[test]
    fn popup_request_round_trips() {
        let req = PopupRequest::GetTabState { tab_id: 7 };
        let json = serde_json::to_string(&req).unwrap();
        assert_eq!(json, r#"{"type":"get_tab_state","tab_id":7}"#);
        assert_eq!(serde_json::from_str::<PopupRequest>(&json).unwrap(), req);
    }

    #[test]
    fn hris_messages_json_shapes() {
        let req: PopupRequest =
            serde_json::from_str(r#"{"type":"list_candidates","refresh_status":true}"#).unwrap();
        assert_eq!(
            req,
            PopupRequest::ListCandidates {
                refresh_status: true
            }
        );
        let req: PopupRequest =
            serde_json::from_str(r#"{"type":"export_candidate","job_id":"job-1"}"#).unwrap();
        assert_eq!(
            req,
            PopupRequest::ExportCandidate {
                job_id: "job-1".into()
            }
        );
        let req: PopupRequest = serde_json::from_str(
            r#"{"type":"check_duplicate","email":"a@b.de","job_position_id":1001}"#,
        )
        .unwrap();
        assert_eq!(
            req,
            PopupRequest::CheckDuplicate {
                email: "a@b.de".into(),
                job_position_id: PositionId(1001),
                linkedin_url: None
            }
        );
        let req: PopupRequest =
            serde_json::from_str(r#"{"type":"list_pipeline","position_id":1002,"refresh":false}"#)
                .unwrap();
        assert_eq!(
            req,
            PopupRequest::ListPipeline {
                position_id: PositionId(1002),
                refresh: false
            }
        );
        let unavailable = PopupResponse::Duplicate {
            check: DuplicateCheck::Unavailable {
                gap: crate::personio::LookupGap::NeedsV2,
            },
        };
        assert_eq!(
            serde_json::to_string(&unavailable).unwrap(),
            r#"{"type":"duplicate","check":{"result":"unavailable","gap":{"kind":"needs_v2"}}}"#
        );
        let refused = PopupResponse::ExportRefused {
            refusal: ExportRefusal::InProgress,
        };
        assert_eq!(
            serde_json::to_string(&refused).unwrap(),
            r#"{"type":"export_refused","refusal":{"reason":"in_progress"}}"#
        );
    }
}
