//! A candidate's status in Personio's recruiting, from the v2 lookups: "hired" is the application's
//! `current_stage` whose `kind` / `type` says so, completed by the tenant's stages ([`StageVocabulary`]);
//! the hire date is the `entered_at` of the transition into that stage, in the tenant's time zone. With
//! v1-only credentials the status is [`CandidateStatus::Unknown`]. The pure part ([`status_from_lookups`])
//! and the reads that feed it ([`read_status`], used by the candidates list and the export job alike).

use super::ImportedCandidate;
use crate::personio::{
    ApplicationSummary, LookupGap, PersonQuery, PersonioClient, PersonioDateTime, PersonioError,
    Stage, StageOutcome, StageTransition, StageVocabulary, Transport,
};
use serde::Serialize;
use sourcing_tagged::TaggedDeserialize;

/// A candidate's status in Personio's recruiting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
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

/// The status of one candidate, read from Personio (v2 reads only): its application by id when the create
/// answer gave one, else found by e-mail on its position; the stage transitions only for a hired one (the
/// hire date; without them the status has no `since`).
pub async fn read_status<T: Transport>(
    client: &mut PersonioClient<T>,
    candidate: &ImportedCandidate,
    vocabulary: &StageVocabulary,
    now_ms: u64,
) -> Result<CandidateStatus, PersonioError> {
    let by_id = match &candidate.application_id {
        Some(id) => client.application(id, now_ms).await?,
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
                .applications_on_position(&person, candidate.position.id, now_ms)
                .await?;
            (
                found.found.into_iter().map(|(a, _)| a).collect(),
                found.email_gap,
            )
        }
    };
    let status = status_from_lookups(candidate, &applications, gap.clone(), &[], vocabulary);
    let CandidateStatus::Known {
        application_id,
        outcome: StageOutcome::Hired,
        ..
    } = &status
    else {
        return Ok(status);
    };
    // The hired transition's date becomes the hire date; without it, the recruiter's today is used.
    let transitions = match client.stage_transitions(application_id, now_ms).await {
        Ok(listed) => listed.items,
        Err(_) => Vec::new(),
    };
    Ok(status_from_lookups(
        candidate,
        &applications,
        gap,
        &transitions,
        vocabulary,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{app, at, outbox, system, vocabulary};
    use super::super::imported_candidates;
    use super::*;

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
    fn an_unknown_status_is_stored_without_a_gap() {
        assert_eq!(
            serde_json::to_string(&CandidateStatus::UNKNOWN).unwrap(),
            r#"{"kind":"unknown"}"#
        );
    }
}
