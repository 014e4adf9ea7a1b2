//! The tagged enums read through `#[derive(TaggedDeserialize)]` (size: no serde `Content`, see
//! `sourcing-tagged`): every variant's JSON, as stored and sent before the change (`Serialize` is still
//! serde's derive), is pinned here and read back into the same value; a missing or unknown tag is refused.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::hris::{
    CandidateStatus, ExportPlan, ExportRefusal, ExportReport, ExportState, NotExportedReason,
    StatusSource,
};
use crate::linkedin::{diagnostics::Diagnostics, Extraction, Layout, NotProfileReason, PageKind};
use crate::personio::lookups::{LookupGap, Stage, StageOutcome};
use crate::personio::{
    ApplicationSummary, CandidateLookup, DuplicateCheck, ExistingCandidate, FieldError,
    LinkedinCoverage, LookupHidden, MatchedBy, MissingRight, PersonioError, Step, StepOutcome,
    SubmissionStatus,
};
use crate::profile::Profile;

/// `value` serializes to exactly `json`, and `json` reads back into `value`.
fn pinned<T: Serialize + DeserializeOwned + PartialEq + Debug, J: AsRef<str>>(cases: Vec<(T, J)>) {
    for (value, json) in cases {
        let json = json.as_ref();
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            json,
            "written form of {value:?}"
        );
        assert_eq!(
            serde_json::from_str::<T>(json).unwrap(),
            value,
            "read from {json}"
        );
    }
}

/// The error text for reading `json` as `T`.
fn refusal<T: DeserializeOwned + Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json).expect_err(json).to_string()
}

fn parse<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap()
}

fn report() -> ExportReport {
    parse(
        r#"{"job_id":"job-1","candidate_name":"Ada","employee_id":7,"exported":[{"field":"email","value":"a@b.c"}],"not_exported":[{"field":"phone","value":null,"reason":{"kind":"no_employee_field"}}],"exported_at_ms":5}"#,
    )
}

fn known() -> CandidateStatus {
    CandidateStatus::Known {
        application_id: "app-1".into(),
        outcome: StageOutcome::Hired,
        stage: Some(Stage {
            id: Some("s1".into()),
            name: Some("Hired".into()),
            kind: Some("hired".into()),
            stage_type: None,
        }),
        since: Some("2026-01-02".into()),
    }
}

fn network() -> PersonioError {
    PersonioError::Network {
        retry_at_ms: 9,
        message: "offline".into(),
    }
}

fn summary() -> Box<ApplicationSummary> {
    Box::new(ApplicationSummary {
        id: "app-2".into(),
        first_name: Some("Ada".into()),
        ..Default::default()
    })
}

#[test]
fn personio_errors_and_missing_rights() {
    pinned(vec![
        (MissingRight::Applications, r#"{"kind":"applications"}"#),
        (MissingRight::Tags, r#"{"kind":"tags"}"#),
        (MissingRight::Comments, r#"{"kind":"comments"}"#),
        (
            MissingRight::CandidateDocuments,
            r#"{"kind":"candidate_documents"}"#,
        ),
        (MissingRight::Employees, r#"{"kind":"employees"}"#),
        (
            MissingRight::RecruitingScope,
            r#"{"kind":"recruiting_scope"}"#,
        ),
        (
            MissingRight::RecruitingFeature,
            r#"{"kind":"recruiting_feature"}"#,
        ),
        (
            MissingRight::PublicApiFeature,
            r#"{"kind":"public_api_feature"}"#,
        ),
        (
            MissingRight::Other("x y".into()),
            r#"{"kind":"other","detail":"x y"}"#,
        ),
    ]);
    // Adjacently tagged: a unit variant's content may be written as `null`.
    assert_eq!(
        parse::<MissingRight>(r#"{"detail":null,"kind":"tags"}"#),
        MissingRight::Tags
    );
    let trace = || Some("t".to_string());
    pinned(vec![
        (
            PersonioError::Validation {
                fields: vec![FieldError {
                    field: "email".into(),
                    reason: "bad".into(),
                }],
                trace_id: trace(),
            },
            r#"{"type":"validation","fields":[{"field":"email","reason":"bad"}],"trace_id":"t"}"#,
        ),
        (
            PersonioError::InvalidRequest {
                detail: "d".into(),
                trace_id: None,
            },
            r#"{"type":"invalid_request","detail":"d","trace_id":null}"#,
        ),
        (
            PersonioError::Unauthorized { trace_id: trace() },
            r#"{"type":"unauthorized","trace_id":"t"}"#,
        ),
        (
            PersonioError::Forbidden {
                right: MissingRight::Other("r".into()),
                trace_id: trace(),
            },
            r#"{"type":"forbidden","right":{"kind":"other","detail":"r"},"trace_id":"t"}"#,
        ),
        (
            PersonioError::Forbidden {
                right: MissingRight::Tags,
                trace_id: None,
            },
            r#"{"type":"forbidden","right":{"kind":"tags"},"trace_id":null}"#,
        ),
        (
            PersonioError::RateLimited { retry_at_ms: 3 },
            r#"{"type":"rate_limited","retry_at_ms":3}"#,
        ),
        (
            PersonioError::Server {
                status: 502,
                retry_at_ms: 4,
                trace_id: None,
            },
            r#"{"type":"server","status":502,"retry_at_ms":4,"trace_id":null}"#,
        ),
        (
            network(),
            r#"{"type":"network","retry_at_ms":9,"message":"offline"}"#,
        ),
        (
            PersonioError::TooLarge {
                field: "files[0]".into(),
            },
            r#"{"type":"too_large","field":"files[0]"}"#,
        ),
        (PersonioError::NotPublished, r#"{"type":"not_published"}"#),
        (PersonioError::AlreadyExists, r#"{"type":"already_exists"}"#),
        (
            PersonioError::NotFound {
                what: "job".into(),
                trace_id: trace(),
            },
            r#"{"type":"not_found","what":"job","trace_id":"t"}"#,
        ),
        (
            PersonioError::UnsupportedAuth {
                needed: "v2".into(),
            },
            r#"{"type":"unsupported_auth","needed":"v2"}"#,
        ),
        (
            PersonioError::Unexpected {
                status: 418,
                detail: "tea".into(),
            },
            r#"{"type":"unexpected","status":418,"detail":"tea"}"#,
        ),
        (
            PersonioError::FeedUnavailable {
                tried: vec!["a".into()],
            },
            r#"{"type":"feed_unavailable","tried":["a"]}"#,
        ),
        (
            PersonioError::DocumentMissing {
                document_id: "d1".into(),
                message: "gone".into(),
            },
            r#"{"type":"document_missing","document_id":"d1","message":"gone"}"#,
        ),
    ]);
    // The tag need not come first; a unit variant ignores other fields, as serde's derive did.
    assert_eq!(
        parse::<PersonioError>(r#"{"retry_at_ms":3,"type":"rate_limited"}"#),
        PersonioError::RateLimited { retry_at_ms: 3 }
    );
    assert_eq!(
        parse::<PersonioError>(r#"{"type":"not_published","trace_id":"t"}"#),
        PersonioError::NotPublished
    );
    // A field the variant needs is still required.
    assert!(refusal::<PersonioError>(r#"{"type":"rate_limited"}"#)
        .contains("missing field `retry_at_ms`"));
}

#[test]
fn unknown_or_missing_tags_are_refused() {
    let unknown = refusal::<PersonioError>(r#"{"type":"teapot"}"#);
    assert!(
        unknown.contains("unknown variant `teapot`") && unknown.contains("`network`"),
        "{unknown}"
    );
    assert!(
        refusal::<MissingRight>(r#"{"kind":"nope","detail":1}"#).contains("unknown variant `nope`")
    );
    assert!(refusal::<Step>(r#"{"index":1}"#).contains("missing field `step`"));
    assert!(refusal::<MissingRight>(r#"{"kind":"other"}"#).contains("missing field `detail`"));
    assert!(refusal::<MissingRight>(r#"{"kind":"nope"}"#).contains("unknown variant `nope`"));
    assert!(refusal::<MissingRight>(r#"{"detail":"x"}"#).contains("missing field `kind`"));
    assert!(refusal::<ExportState>(r#"{"state":3}"#)
        .contains("invalid type: number, expected a variant name"));
    assert!(refusal::<LookupGap>(r#""needs_v2""#)
        .contains("invalid type: string \"needs_v2\", expected an object with a `kind` field"));
    assert!(refusal::<LookupGap>("[]").contains("invalid type: sequence"));
}

#[test]
fn lookups_duplicates_and_existing_candidates() {
    let failed = || LookupGap::Failed { error: network() };
    pinned(vec![
        (LookupGap::NeedsV2, r#"{"kind":"needs_v2"}"#),
        (
            LookupGap::FilterRefused {
                filter: "candidate.email".into(),
            },
            r#"{"kind":"filter_refused","filter":"candidate.email"}"#,
        ),
        (
            LookupGap::MissingField {
                field: "job.id".into(),
            },
            r#"{"kind":"missing_field","field":"job.id"}"#,
        ),
        (
            LookupGap::UnexpectedAnswer,
            r#"{"kind":"unexpected_answer"}"#,
        ),
        (
            LookupGap::Incomplete { scanned: 200 },
            r#"{"kind":"incomplete","scanned":200}"#,
        ),
        (
            failed(),
            r#"{"kind":"failed","error":{"type":"network","retry_at_ms":9,"message":"offline"}}"#,
        ),
    ]);
    pinned(vec![
        (LinkedinCoverage::NotAsked, r#"{"kind":"not_asked"}"#),
        (LinkedinCoverage::Complete, r#"{"kind":"complete"}"#),
        (
            LinkedinCoverage::Partial {
                candidates_scanned: 12,
            },
            r#"{"kind":"partial","candidates_scanned":12}"#,
        ),
        (LinkedinCoverage::NotShown, r#"{"kind":"not_shown"}"#),
    ]);
    let summary_json = r#"{"id":"app-2","candidate_id":null,"candidate_email":null,"first_name":"Ada","last_name":null,"position_id":null,"position_name":null,"stage":null,"application_date":null,"created_at":null}"#;
    pinned(vec![
        (
            DuplicateCheck::Found {
                existing: summary(),
                matched_by: MatchedBy::Linkedin,
            },
            format!(r#"{{"result":"found","existing":{summary_json},"matched_by":"linkedin"}}"#),
        ),
        (
            DuplicateCheck::Clear {
                linkedin: LinkedinCoverage::Complete,
            },
            r#"{"result":"clear","linkedin":{"kind":"complete"}}"#.into(),
        ),
        (
            DuplicateCheck::Unavailable { gap: failed() },
            format!(
                r#"{{"result":"unavailable","gap":{}}}"#,
                serde_json::to_string(&failed()).unwrap()
            ),
        ),
    ]);
    let candidate = ExistingCandidate {
        id: "c1".into(),
        applications: vec![*summary()],
        ..Default::default()
    };
    pinned(vec![
        (
            CandidateLookup::Found { candidate: Box::new(candidate.clone()) },
            format!(r#"{{"result":"found","candidate":{}}}"#, serde_json::to_string(&candidate).unwrap()),
        ),
        (
            CandidateLookup::NotFound { linkedin: LinkedinCoverage::Partial { candidates_scanned: 3 }, email_checked: true },
            r#"{"result":"not_found","linkedin":{"kind":"partial","candidates_scanned":3},"email_checked":true}"#.into(),
        ),
        (CandidateLookup::Unavailable { gap: LookupGap::NeedsV2 }, r#"{"result":"unavailable","gap":{"kind":"needs_v2"}}"#.into()),
        (CandidateLookup::Hidden { reason: LookupHidden::NoReadRight }, r#"{"result":"hidden","reason":"no_read_right"}"#.into()),
    ]);
}

#[test]
fn submission_states_steps_and_outcomes() {
    let network_json = r#"{"type":"network","retry_at_ms":9,"message":"offline"}"#;
    pinned(vec![
        (
            SubmissionStatus::Pending,
            r#"{"state":"pending"}"#.to_string(),
        ),
        (
            SubmissionStatus::Waiting {
                retry_at_ms: 9,
                reason: network(),
            },
            format!(r#"{{"state":"waiting","retry_at_ms":9,"reason":{network_json}}}"#),
        ),
        (
            SubmissionStatus::Done {
                application_id: Some("a1".into()),
            },
            r#"{"state":"done","application_id":"a1"}"#.into(),
        ),
        (
            SubmissionStatus::Duplicate { existing: None },
            r#"{"state":"duplicate","existing":null}"#.into(),
        ),
        (
            SubmissionStatus::Failed {
                error: PersonioError::AlreadyExists,
            },
            r#"{"state":"failed","error":{"type":"already_exists"}}"#.into(),
        ),
    ]);
    pinned(vec![
        (Step::DuplicateChecked, r#"{"step":"duplicate_checked"}"#),
        (
            Step::Uploaded { index: 2 },
            r#"{"step":"uploaded","index":2}"#,
        ),
        (Step::CreateArmed, r#"{"step":"create_armed"}"#),
        (
            Step::ApplicationDateDropped,
            r#"{"step":"application_date_dropped"}"#,
        ),
        (
            Step::CreateRefusedAsExisting,
            r#"{"step":"create_refused_as_existing"}"#,
        ),
    ]);
    // A newtype variant wrapping an internally tagged enum: both tags in one object.
    pinned(vec![
        (
            StepOutcome::Progress(Step::Uploaded { index: 1 }),
            r#"{"outcome":"progress","step":"uploaded","index":1}"#.to_string(),
        ),
        (
            StepOutcome::Progress(Step::CreateArmed),
            r#"{"outcome":"progress","step":"create_armed"}"#.into(),
        ),
        (
            StepOutcome::Wait {
                retry_at_ms: 9,
                error: network(),
            },
            format!(r#"{{"outcome":"wait","retry_at_ms":9,"error":{network_json}}}"#),
        ),
        (
            StepOutcome::Done {
                application_id: None,
            },
            r#"{"outcome":"done","application_id":null}"#.into(),
        ),
        (
            StepOutcome::Duplicate {
                existing: Some(summary()),
            },
            format!(
                r#"{{"outcome":"duplicate","existing":{}}}"#,
                serde_json::to_string(&summary()).unwrap()
            ),
        ),
        (
            StepOutcome::Failed {
                error: PersonioError::NotPublished,
            },
            r#"{"outcome":"failed","error":{"type":"not_published"}}"#.into(),
        ),
    ]);
    assert!(refusal::<StepOutcome>(r#"{"outcome":"progress"}"#).contains("missing field `step`"));
}

#[test]
fn hris_statuses_plans_and_export_states() {
    pinned(vec![
        (CandidateStatus::Unknown { gap: None }, r#"{"kind":"unknown"}"#.to_string()),
        (CandidateStatus::Unknown { gap: Some(LookupGap::UnexpectedAnswer) }, r#"{"kind":"unknown","gap":{"kind":"unexpected_answer"}}"#.into()),
        (CandidateStatus::NotFound, r#"{"kind":"not_found"}"#.into()),
        (known(), r#"{"kind":"known","application_id":"app-1","outcome":"hired","stage":{"id":"s1","name":"Hired","kind":"hired","type":null},"since":"2026-01-02"}"#.into()),
    ]);
    pinned(vec![
        (StatusSource::Personio, r#"{"kind":"personio"}"#),
        (StatusSource::NeedsV2, r#"{"kind":"needs_v2"}"#),
        (
            StatusSource::Failed {
                error: PersonioError::Unauthorized { trace_id: None },
            },
            r#"{"kind":"failed","error":{"type":"unauthorized","trace_id":null}}"#,
        ),
    ]);
    pinned(vec![
        (NotExportedReason::NotKnown, r#"{"kind":"not_known"}"#),
        (
            NotExportedReason::NoEmployeeField,
            r#"{"kind":"no_employee_field"}"#,
        ),
        (
            NotExportedReason::IgnoredByPersonio { note: "n".into() },
            r#"{"kind":"ignored_by_personio","note":"n"}"#,
        ),
        (NotExportedReason::CvNotKept, r#"{"kind":"cv_not_kept"}"#),
    ]);
    let report_json = serde_json::to_string(&report()).unwrap();
    assert!(
        report_json.contains(r#""reason":{"kind":"no_employee_field"}"#),
        "{report_json}"
    );
    pinned(vec![
        (
            ExportRefusal::UnknownCandidate,
            r#"{"reason":"unknown_candidate"}"#.to_string(),
        ),
        (
            ExportRefusal::NotHired {
                status: "rejected".into(),
            },
            r#"{"reason":"not_hired","status":"rejected"}"#.into(),
        ),
        (
            ExportRefusal::StatusUnknown,
            r#"{"reason":"status_unknown"}"#.into(),
        ),
        (
            ExportRefusal::EmployeeExists {
                employee_id: 4,
                email: "a@b.c".into(),
            },
            r#"{"reason":"employee_exists","employee_id":4,"email":"a@b.c"}"#.into(),
        ),
        (
            ExportRefusal::AlreadyExported { report: report() },
            format!(r#"{{"reason":"already_exported","report":{report_json}}}"#),
        ),
        (
            ExportRefusal::InProgress,
            r#"{"reason":"in_progress"}"#.into(),
        ),
    ]);
    let plan: ExportPlan = parse(
        r#"{"employee":{"email":"a@b.c","first_name":"Ada","last_name":"L","weekly_working_hours":40.5},"exported":[],"not_exported":[]}"#,
    );
    let plan_json = serde_json::to_string(&plan).unwrap();
    let known_json = serde_json::to_string(&known()).unwrap();
    pinned(vec![
        (
            ExportState::ReadStatus,
            r#"{"state":"read_status"}"#.to_string(),
        ),
        (
            ExportState::FindEmployee { status: known() },
            format!(r#"{{"state":"find_employee","status":{known_json}}}"#),
        ),
        (
            ExportState::ReadPosition {
                status: known(),
                adopted: Some(3),
            },
            format!(r#"{{"state":"read_position","status":{known_json},"adopted":3}}"#),
        ),
        (
            ExportState::Create { plan },
            format!(r#"{{"state":"create","plan":{plan_json}}}"#),
        ),
        (
            ExportState::ChooseCategory {
                employee_id: 7,
                report: report(),
            },
            format!(r#"{{"state":"choose_category","employee_id":7,"report":{report_json}}}"#),
        ),
        (
            ExportState::AttachCv {
                employee_id: 7,
                category_id: 8,
                report: report(),
            },
            format!(
                r#"{{"state":"attach_cv","employee_id":7,"category_id":8,"report":{report_json}}}"#
            ),
        ),
        (
            ExportState::Done { report: report() },
            format!(r#"{{"state":"done","report":{report_json}}}"#),
        ),
        (
            ExportState::Refused {
                refusal: ExportRefusal::InProgress,
            },
            r#"{"state":"refused","refusal":{"reason":"in_progress"}}"#.into(),
        ),
    ]);
}

#[test]
fn pages_and_extractions() {
    let profile_page = || PageKind::Profile {
        slug: "ada".into(),
        canonical_url: "https://www.linkedin.com/in/ada/".into(),
    };
    let profile_page_json =
        r#"{"kind":"profile","slug":"ada","canonical_url":"https://www.linkedin.com/in/ada/"}"#;
    pinned(vec![
        (profile_page(), profile_page_json),
        (
            PageKind::SalesLead {
                id: "ACwAA1".into(),
                canonical_url: "u".into(),
            },
            r#"{"kind":"sales_lead","id":"ACwAA1","canonical_url":"u"}"#,
        ),
        (
            PageKind::RecruiterProfile {
                id: "AEMAA1".into(),
                canonical_url: "v".into(),
            },
            r#"{"kind":"recruiter_profile","id":"AEMAA1","canonical_url":"v"}"#,
        ),
        (PageKind::NotProfile, r#"{"kind":"not_profile"}"#),
    ]);
    // `#[serde(default)]` fields of older snapshots still read.
    assert_eq!(
        parse::<PageKind>(r#"{"kind":"sales_lead","id":"x"}"#),
        PageKind::SalesLead {
            id: "x".into(),
            canonical_url: String::new()
        }
    );
    let profile_json = serde_json::to_string(&Profile::default()).unwrap();
    let diagnostics_json = serde_json::to_string(&Diagnostics::default()).unwrap();
    let layout_json = serde_json::to_string(&Layout::Hashed2025).unwrap();
    pinned(vec![
        (
            Extraction::Profile {
                page: profile_page(),
                layout: Layout::Hashed2025,
                profile: Box::default(),
            },
            format!(
                r#"{{"status":"profile","page":{profile_page_json},"layout":{layout_json},"profile":{profile_json}}}"#
            ),
        ),
        (
            Extraction::NotAProfile {
                page: PageKind::NotProfile,
                reason: NotProfileReason::AntiBot,
            },
            r#"{"status":"not_a_profile","page":{"kind":"not_profile"},"reason":"anti_bot"}"#
                .into(),
        ),
        (
            Extraction::Pending {
                page: profile_page(),
                layout: Layout::Hashed2025,
            },
            format!(r#"{{"status":"pending","page":{profile_page_json},"layout":{layout_json}}}"#),
        ),
        (
            Extraction::Unrecognised {
                page: profile_page(),
                diagnostics: Box::default(),
            },
            format!(
                r#"{{"status":"unrecognised","page":{profile_page_json},"diagnostics":{diagnostics_json}}}"#
            ),
        ),
    ]);
    assert_eq!(
        parse::<Extraction>(r#"{"status":"not_a_profile","page":{"kind":"not_profile"}}"#),
        Extraction::NotAProfile {
            page: PageKind::NotProfile,
            reason: NotProfileReason::OtherPage
        }
    );
    assert_eq!(layout_json, r#""hashed_2025""#);
}
