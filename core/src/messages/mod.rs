//! Typed messages between the extension parts: one enum per channel, serialised as JSON with a `type` tag.
//!
//! Channels:
//! - content script → background: [`ContentToBackground`] (`chrome.runtime.sendMessage`), URL only;
//! - background → content script: [`BackgroundToContent`] (`chrome.tabs.sendMessage`), answered with a
//!   [`crate::page::PageSnapshot`];
//! - popup / side panel / options → background: one request struct per call ([`calls`]), each naming its
//!   reply type through [`Call`]; the background reads them as one [`PopupRequest`] and answers each with
//!   its [`Call::Reply`] or a [`CallError`] ([`Answer`]).
//!
//! The content script is a JS shim; it builds and reads the same JSON shapes (see `content-script/content.js`).

pub mod calls;

use crate::linkedin::{Extraction, PageKind};
use crate::page::SnapshotRevision;
use crate::personio::{ConnectionInfo, PersonioError};
use crate::settings::{DisclaimerAcceptance, SettingsView};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

pub use calls::*;

/// Content script → background.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BackgroundToContent {
    /// Take a fresh snapshot now and answer with it (a [`crate::page::PageSnapshot`]), or, when
    /// `unchanged_since` names the content script's latest snapshot and the document has not changed since,
    /// answer `{"unchanged": <that revision>, "url": …}` without markup.
    TakeSnapshot {
        /// The revision of the snapshot the stored extraction was read from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unchanged_since: Option<SnapshotRevision>,
    },
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
    /// The revision of the snapshot the extraction was read from (asked again with it, the content script
    /// answers "unchanged" while the page has not changed).
    #[serde(default)]
    pub revision: Option<SnapshotRevision>,
    /// True when this answer is the stored extraction, reused because the page had not changed since its
    /// snapshot (no markup was handed over; the timings are those of that extraction).
    #[serde(default)]
    pub reused: bool,
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

/// A page's request to the background whose answer has one type: the request struct serialises with its
/// `type` tag (the wire shape the background reads as [`PopupRequest`]), and the background answers it with
/// a [`Call::Reply`] or a [`CallError`].
pub trait Call: Serialize {
    /// What the background answers on success (serialised with its own `type` tag).
    type Reply: Serialize + DeserializeOwned;
}

/// What travels back for a [`Call`]: the reply, or why there is none. Untagged: the reply and the error
/// each carry their own `type` tag, so the JSON is the reply's own shape (`{"type":"setup","setup":…}`) or
/// the error's (`{"type":"personio","error":…}`, `{"type":"error","error":…}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer<R> {
    /// The call could not be answered.
    Failed(CallError),
    /// The call's reply.
    Reply(R),
}

/// Why a call has no reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CallError {
    /// Personio refused or could not be reached; the page shows it at the right place.
    #[error("{error}")]
    Personio {
        /// The typed error.
        error: PersonioError,
    },
    /// The background itself could not do it.
    #[error("{error}")]
    Error {
        /// What went wrong.
        error: BackgroundError,
    },
}

/// What went wrong in the background (not at Personio), by kind; the page words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BackgroundError {
    /// The page's snapshot was larger than [`MAX_SNAPSHOT_CHARS`]: refused, not parsed.
    #[error("page snapshot of {chars} characters refused")]
    SnapshotTooLarge {
        /// Its size in UTF-16 code units.
        chars: usize,
    },
    /// The snapshot's URL was longer than [`MAX_URL_CHARS`]: refused, not read.
    #[error("page URL over {MAX_URL_CHARS} characters refused")]
    UrlTooLong,
    /// The request was not one the background knows (a page of another version).
    #[error("unknown request: {detail}")]
    UnknownRequest {
        /// The decoding error.
        detail: String,
    },
    /// A browser call (storage, tabs, IndexedDB) or the outbox failed.
    #[error("{detail}")]
    Failed {
        /// The cause as the browser or the worker said it (already a sentence when the worker wrote it).
        detail: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hris::ExportRefusal;
    use crate::page::{PageSnapshot, SnapshotRevision};
    use crate::personio::{CandidateLookup, DuplicateCheck, PositionId};
    use crate::retention::DeletedData;
    use crate::settings::StoredSecret;

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
            serde_json::to_string(&BackgroundToContent::TakeSnapshot {
                unchanged_since: None
            })
            .unwrap(),
            r#"{"type":"take_snapshot"}"#
        );
        assert_eq!(
            serde_json::to_string(&BackgroundToContent::TakeSnapshot {
                unchanged_since: Some(SnapshotRevision("r1".into()))
            })
            .unwrap(),
            r#"{"type":"take_snapshot","unchanged_since":"r1"}"#
        );
        let revised: PageSnapshot =
            serde_json::from_str(r#"{"url":"u","markup":"m","revision":"r2"}"#).unwrap();
        assert_eq!(revised.revision, Some(SnapshotRevision("r2".into())));
    }

    /// The JSON a request struct sends, and that the background reads it back as `expected`.
    fn sends<R: Call>(request: &R, json: &str, expected: PopupRequest) {
        assert_eq!(serde_json::to_string(request).unwrap(), json);
        assert_eq!(
            serde_json::from_str::<PopupRequest>(json).unwrap(),
            expected
        );
    }

    #[test]
    fn data_and_secret_requests_json_shapes() {
        let remove = RemoveSecret {
            secret: StoredSecret::ClientSecret,
        };
        sends(
            &remove,
            r#"{"type":"remove_secret","secret":"client_secret"}"#,
            PopupRequest::RemoveSecret(remove.clone()),
        );
        sends(
            &ForgetConnection {},
            r#"{"type":"forget_connection"}"#,
            PopupRequest::ForgetConnection(ForgetConnection {}),
        );
        sends(
            &DeleteCandidateData {},
            r#"{"type":"delete_candidate_data"}"#,
            PopupRequest::DeleteCandidateData(DeleteCandidateData {}),
        );
        let discard = DiscardDraft {
            profile_url: "u".into(),
        };
        sends(
            &discard,
            r#"{"type":"discard_draft","profile_url":"u"}"#,
            PopupRequest::DiscardDraft(discard.clone()),
        );
        let answer = CandidateDataDeleted {
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
            PopupRequest::FindCandidate(FindCandidate {
                tab_id: Some(3),
                linkedin_url: "https://www.linkedin.com/in/a/".into(),
                email: None
            })
        );
        let hidden = CandidateLookupReply {
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
        sends(
            &GetTabState { tab_id: 7 },
            r#"{"type":"get_tab_state","tab_id":7}"#,
            PopupRequest::GetTabState(GetTabState { tab_id: 7 }),
        );
        sends(
            &GetSetup {},
            r#"{"type":"get_setup"}"#,
            PopupRequest::GetSetup(GetSetup {}),
        );
    }

    #[test]
    fn an_answer_is_the_reply_or_the_error_in_their_own_shapes() {
        let reply: Answer<SetupReply> = Answer::Reply(SetupReply {
            setup: SetupState::default(),
        });
        let json = serde_json::to_value(&reply).unwrap();
        assert_eq!(json["type"], "setup");
        assert_eq!(
            serde_json::from_value::<Answer<SetupReply>>(json).unwrap(),
            reply
        );
        let refused: Answer<ConnectionReply> = Answer::Failed(CallError::Personio {
            error: PersonioError::Unauthorized { trace_id: None },
        });
        let json = serde_json::to_value(&refused).unwrap();
        assert_eq!(json["type"], "personio");
        assert_eq!(json["error"]["type"], "unauthorized");
        assert_eq!(
            serde_json::from_value::<Answer<ConnectionReply>>(json).unwrap(),
            refused
        );
        let failed: Answer<JobsReply> = Answer::Failed(CallError::Error {
            error: BackgroundError::SnapshotTooLarge { chars: 9_000_000 },
        });
        assert_eq!(
            serde_json::to_string(&failed).unwrap(),
            r#"{"type":"error","error":{"kind":"snapshot_too_large","chars":9000000}}"#
        );
        // Not the reply of this call: no answer of its type.
        assert!(
            serde_json::from_str::<Answer<JobsReply>>(r#"{"type":"setup","setup":{}}"#).is_err()
        );
    }

    #[test]
    fn hris_messages_json_shapes() {
        let req: PopupRequest =
            serde_json::from_str(r#"{"type":"list_candidates","refresh_status":true}"#).unwrap();
        assert_eq!(
            req,
            PopupRequest::ListCandidates(ListCandidates {
                refresh_status: true
            })
        );
        sends(
            &ExportCandidate {
                job_id: "job-1".into(),
            },
            r#"{"type":"export_candidate","job_id":"job-1"}"#,
            PopupRequest::ExportCandidate(ExportCandidate {
                job_id: "job-1".into(),
            }),
        );
        let req: PopupRequest = serde_json::from_str(
            r#"{"type":"check_duplicate","email":"a@b.de","job_position_id":1001}"#,
        )
        .unwrap();
        assert_eq!(
            req,
            PopupRequest::CheckDuplicate(CheckDuplicate {
                email: "a@b.de".into(),
                job_position_id: PositionId(1001),
                linkedin_url: None
            })
        );
        let req: PopupRequest =
            serde_json::from_str(r#"{"type":"list_pipeline","position_id":1002,"refresh":false}"#)
                .unwrap();
        assert_eq!(
            req,
            PopupRequest::ListPipeline(ListPipeline {
                position_id: PositionId(1002),
                refresh: false
            })
        );
        let unavailable = DuplicateReply {
            check: DuplicateCheck::Unavailable {
                gap: crate::personio::LookupGap::NeedsV2,
            },
        };
        assert_eq!(
            serde_json::to_string(&unavailable).unwrap(),
            r#"{"type":"duplicate","check":{"result":"unavailable","gap":{"kind":"needs_v2"}}}"#
        );
        let refused = ExportReply::ExportRefused {
            refusal: ExportRefusal::InProgress,
        };
        assert_eq!(
            serde_json::to_string(&refused).unwrap(),
            r#"{"type":"export_refused","refusal":{"reason":"in_progress"}}"#
        );
    }
}
