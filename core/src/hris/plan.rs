//! What an export sends and what it did: the employee built from what is known about a hired candidate
//! ([`plan_export`]), the report of what was exported and what was not ([`ExportReport`]), and why an export
//! is refused ([`ExportRefusal`]).

use super::{CandidateStatus, ImportedCandidate};
use crate::outbox::JobId;
use crate::personio::{NewEmployee, Position};
use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

/// An employee field that was exported, with the value sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedField {
    /// Employee field (`first_name`, `hire_date`, …, `document` for the CV).
    pub field: String,
    /// The value sent (the file name for the CV).
    pub value: String,
}

/// Why a piece of information was not exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
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
/// not exported; the CV is added with the report ([`ExportPlan::report`]).
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
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
    use super::super::fixtures::{known, outbox};
    use super::super::imported_candidates;
    use super::*;
    use crate::personio::PositionId;

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
    fn refusal_shapes() {
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
