//! Test data shared by the HRIS modules' tests: an outbox with one created application, the stand-in's
//! system stages and a tenant vocabulary.

use super::{imported_candidates, status_of_application, CandidateRow, CandidateStatus};
use crate::outbox::{Outbox, OutgoingDocument, PositionChoice, SubmitRequest};
use crate::personio::{
    ApplicationSummary, CandidateForm, DocumentCategory, FieldMapping, PersonioDateTime,
    PositionId, Stage, StageVocabulary, SubmissionStatus,
};

pub(super) fn request(email: &str, position: i64, cv: bool) -> SubmitRequest {
    SubmitRequest {
        profile_url: format!("https://www.linkedin.com/in/{email}/"),
        position: PositionChoice {
            id: PositionId(position),
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

pub(super) fn outbox() -> Outbox {
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
                None,
            )
            .id()
            .clone();
        if done {
            outbox.get_mut(&id).unwrap().job.status = SubmissionStatus::Done {
                application_id: Some("77".into()),
            };
        }
    }
    outbox
}

/// A system stage as the stand-in serves it: no id, the meaning in `kind`.
pub(super) fn system(kind: &str) -> Stage {
    Stage {
        id: None,
        name: None,
        kind: Some(kind.to_uppercase()),
        stage_type: Some("system".into()),
    }
}

pub(super) fn vocabulary() -> StageVocabulary {
    let named = |kind: &str, name: &str| Stage {
        name: Some(name.into()),
        ..system(kind)
    };
    StageVocabulary {
        stages: vec![
            named("unassigned", "Neu"),
            Stage {
                id: Some("2101".into()),
                name: Some("Telefoninterview".into()),
                kind: Some("CUSTOM".into()),
                stage_type: Some("custom".into()),
            },
            named("offer", "Angebot"),
            named("accepted", "Eingestellt"),
            named("rejected", "Abgelehnt"),
        ],
    }
}

pub(super) fn at(iso: &str) -> Option<PersonioDateTime> {
    Some(PersonioDateTime {
        date_time: iso.into(),
        timezone: Some("Europe/Berlin".into()),
    })
}

pub(super) fn app(id: &str, job: i64, stage: Stage, created: &str) -> ApplicationSummary {
    ApplicationSummary {
        id: id.into(),
        candidate_id: Some("c".into()),
        candidate_email: Some("a@example.com".into()),
        position_id: Some(PositionId(job)),
        stage: Some(stage),
        created_at: at(created),
        ..Default::default()
    }
}

pub(super) fn row(email: &str, position: i64, status: CandidateStatus) -> CandidateRow {
    let mut candidate = imported_candidates(&outbox()).remove(0);
    candidate.email = email.into();
    candidate.job_id = format!("job-{email}").into();
    candidate.position.id = PositionId(position);
    candidate.application_id = status.application_id().map(str::to_string);
    CandidateRow {
        candidate,
        status,
        export: None,
        cv_kept: true,
    }
}

pub(super) fn known(id: &str, kind: &str) -> CandidateStatus {
    status_of_application(
        &app(id, 1001, system(kind), "2026-01-01T00:00:00Z"),
        &[],
        &vocabulary(),
    )
}
