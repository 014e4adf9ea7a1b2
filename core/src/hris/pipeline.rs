//! A position's pipeline: the imported candidates and the company's applications Personio lists for the
//! position, grouped by stage in the tenant's order.

use super::{CandidateRow, CandidateStatus, StatusSource};
use crate::personio::{ApplicationSummary, PositionId, Stage, StageOutcome, StageVocabulary};
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{app, known, row, system, vocabulary};
    use super::super::positions_of;
    use super::*;

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
}
