//! The candidates imported through the extension (the outbox's created applications), the rows of the
//! candidates views and their status filter.

use super::{documents_to_keep, is_hired, CandidateStatus, ExportRecord, StatusSource};
use crate::outbox::{JobId, Outbox, PositionChoice};
use crate::personio::SubmissionStatus;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{known, outbox, row};
    use super::*;

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
}
