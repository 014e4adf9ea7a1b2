//! The outbox: applications the recruiter asked to create, as resumable jobs, and what the UI sees of them.
//!
//! Pure: the background persists an [`Outbox`] in `storage.local`, runs [`SubmissionJob::advance`] one step
//! at a time and schedules wake-ups at [`Outbox::next_wake_ms`]. The same application (profile, position,
//! e-mail) is never queued twice: a second "Create application" returns the existing job.

pub use crate::personio::JobId;
use crate::personio::{
    build_application, CandidateForm, DocumentCategory, DocumentToUpload, FieldMapping, PositionId,
    SubmissionJob, SubmissionStatus,
};
use crate::privacy::{
    inform_tag, sourcing_line, with_sourcing_line, PrivacySettings, TextLanguage,
};
use serde::{Deserialize, Serialize};

/// How many finished jobs are kept for the recruiter's history.
pub const FINISHED_KEPT: usize = 200;

/// The chosen position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionChoice {
    /// The position.
    pub id: PositionId,
    /// Its name, for the success view and the outbox list.
    pub name: String,
}

/// One attached document, its bytes stored by the popup under `document_id` (IndexedDB).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingDocument {
    /// Key of the bytes.
    pub document_id: String,
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Personio category.
    pub category: DocumentCategory,
}

/// What "Create application" sends to the background.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitRequest {
    /// The canonical LinkedIn profile URL (also the draft's key).
    pub profile_url: String,
    /// The position.
    pub position: PositionChoice,
    /// The candidate as the recruiter confirmed it.
    pub candidate: CandidateForm,
    /// Documents in the order shown.
    pub documents: Vec<OutgoingDocument>,
}

impl SubmitRequest {
    /// The request for a draft and the chosen position's name; `None` while no position is picked.
    pub fn from_draft(draft: &crate::draft::ApplicationDraft, position_name: &str) -> Option<Self> {
        let candidate = draft.to_candidate_form()?;
        Some(SubmitRequest {
            profile_url: draft.profile_url.clone(),
            position: PositionChoice {
                id: candidate.job_position_id,
                name: position_name.to_string(),
            },
            candidate,
            documents: draft
                .documents
                .iter()
                .map(|d| OutgoingDocument {
                    document_id: d.id.clone(),
                    name: d.name.clone(),
                    size: d.size,
                    category: d.category,
                })
                .collect(),
        })
    }
}

/// One queued or finished application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The resumable job.
    pub job: SubmissionJob,
    /// What the recruiter sent.
    pub request: SubmitRequest,
    /// When it was queued (epoch ms).
    pub created_at_ms: u64,
    /// When it last changed (epoch ms).
    pub updated_at_ms: u64,
    /// The recruiter's calendar date when it was queued (`yyyy-mm-dd`), the sourcing date of the
    /// candidate notice; `None` for entries queued before it was kept.
    #[serde(default)]
    pub sourced_on: Option<String>,
}

/// What the comment of every application says about where the candidate comes from (GDPR Art. 14):
/// the sourcing line in the recruiter's UI language and, when the admin turned it on, the "inform by" tag.
#[derive(Clone, Copy, Debug)]
pub struct Sourcing<'a> {
    /// The recruiter's UI language.
    pub language: TextLanguage,
    /// The privacy settings in use.
    pub privacy: &'a PrivacySettings,
}

/// A transferred field for the success view: the Personio field name and the value sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferredField {
    /// Personio field (`first_name`, `email`, `attributes.phone`, …).
    pub field: String,
    /// The value sent.
    pub value: String,
}

/// A transferred document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferredDocument {
    /// File name as Personio stored it.
    pub name: String,
    /// Category.
    pub category: DocumentCategory,
    /// Size in bytes.
    pub size: u64,
}

/// Exactly what reached Personio, for the success view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transferred {
    /// The position.
    pub position: PositionChoice,
    /// Fields sent, in form order.
    pub fields: Vec<TransferredField>,
    /// Tags sent.
    pub tags: Vec<String>,
    /// Documents attached.
    pub documents: Vec<TransferredDocument>,
    /// Personio's application id, when it returned one.
    pub application_id: Option<String>,
    /// The LinkedIn profile the candidate was sourced from.
    #[serde(default)]
    pub profile_url: String,
    /// When (`yyyy-mm-dd`), if known.
    #[serde(default)]
    pub sourced_on: Option<String>,
}

/// What the UI sees of a job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobView {
    /// The outbox job.
    pub id: JobId,
    /// The LinkedIn profile.
    pub profile_url: String,
    /// Candidate's name.
    pub candidate_name: String,
    /// Position.
    pub position: PositionChoice,
    /// Status.
    pub status: SubmissionStatus,
    /// Documents uploaded so far.
    pub documents_uploaded: usize,
    /// Documents in the job.
    pub documents_total: usize,
    /// When it was queued.
    pub created_at_ms: u64,
    /// Set once the application exists.
    pub transferred: Option<Transferred>,
}

/// The result of [`Outbox::enqueue`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Enqueued {
    /// A new job.
    New(JobId),
    /// The same application was already queued or created: that job.
    Existing(JobId),
}

impl Enqueued {
    /// The job either way.
    pub fn id(&self) -> &JobId {
        match self {
            Enqueued::New(id) | Enqueued::Existing(id) => id,
        }
    }
}

/// All jobs, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    /// The entries.
    pub entries: Vec<OutboxEntry>,
}

/// 64-bit FNV-1a, for stable job ids.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl SubmitRequest {
    /// The job of this application: the same profile, position and e-mail always give the same id.
    pub fn job_id(&self) -> JobId {
        let key = format!(
            "{}|{}|{}",
            self.profile_url.trim().to_lowercase(),
            self.position.id,
            self.candidate.email.trim().to_lowercase()
        );
        JobId::from(format!("job-{:016x}", fnv1a(&key)))
    }
}

impl Outbox {
    /// Queues `request`, unless the same application is already queued or done. A failed job of the same
    /// application is replaced (the recruiter corrected it and tries again). `local_date` is the
    /// recruiter's calendar date (`yyyy-mm-dd`), sent as `application_date`; `None` leaves it to Personio.
    pub fn enqueue(
        &mut self,
        request: SubmitRequest,
        mapping: &FieldMapping,
        now_ms: u64,
        local_date: Option<&str>,
    ) -> Enqueued {
        self.enqueue_sourced(request, mapping, now_ms, local_date, None)
    }

    /// [`Outbox::enqueue`], the application's comment ending with the sourcing line (and its tags with the
    /// "inform by" tag when turned on) for `local_date`. Composed once, here: the job stores the
    /// application as it will be sent, so retries and a restarted worker send the same comment, never a
    /// second line.
    pub fn enqueue_sourced(
        &mut self,
        request: SubmitRequest,
        mapping: &FieldMapping,
        now_ms: u64,
        local_date: Option<&str>,
        sourcing: Option<Sourcing<'_>>,
    ) -> Enqueued {
        let id = request.job_id();
        if let Some(existing) = self.get(&id) {
            if !matches!(existing.job.status, SubmissionStatus::Failed { .. }) {
                return Enqueued::Existing(id);
            }
        }
        self.entries.retain(|e| e.job.id != id);
        let mut candidate = request.candidate.clone();
        candidate.job_position_id = request.position.id;
        let mut application = build_application(&candidate, mapping, local_date);
        if let (Some(sourcing), Some(date)) = (sourcing, local_date) {
            let line = sourcing_line(
                sourcing.language,
                &request.profile_url,
                date,
                sourcing.privacy.legal_basis,
            );
            application.message = Some(with_sourcing_line(application.message.take(), &line));
            if let Some(tag) = inform_tag(date).filter(|_| sourcing.privacy.tags_inform_by()) {
                if !application.tags.contains(&tag) {
                    application.tags.push(tag);
                }
            }
        }
        let documents = request
            .documents
            .iter()
            .map(|d| DocumentToUpload {
                document_id: d.document_id.clone(),
                name: d.name.clone(),
                category: d.category,
            })
            .collect();
        let job = SubmissionJob::new(id.clone(), application, documents).with_linkedin(
            candidate.linkedin_url.clone(),
            mapping.linkedin_attribute_id.clone(),
        );
        self.entries.push(OutboxEntry {
            job,
            request,
            created_at_ms: now_ms,
            updated_at_ms: now_ms,
            sourced_on: local_date.map(str::to_string),
        });
        self.prune();
        Enqueued::New(id)
    }

    fn prune(&mut self) {
        let finished = self.entries.iter().filter(|e| e.job.is_finished()).count();
        let mut excess = finished.saturating_sub(FINISHED_KEPT);
        self.entries.retain(|e| {
            if excess > 0 && e.job.is_finished() {
                excess -= 1;
                false
            } else {
                true
            }
        });
    }

    /// The entry of job `id`.
    pub fn get(&self, id: &JobId) -> Option<&OutboxEntry> {
        self.entries.iter().find(|e| &e.job.id == id)
    }

    /// The entry of job `id`, mutable.
    pub fn get_mut(&mut self, id: &JobId) -> Option<&mut OutboxEntry> {
        self.entries.iter_mut().find(|e| &e.job.id == id)
    }

    /// The oldest job that can run a step now.
    pub fn next_runnable(&self, now_ms: u64) -> Option<JobId> {
        self.entries
            .iter()
            .find(|e| match &e.job.status {
                SubmissionStatus::Pending => true,
                SubmissionStatus::Waiting { retry_at_ms, .. } => *retry_at_ms <= now_ms,
                _ => false,
            })
            .map(|e| e.job.id.clone())
    }

    /// When the earliest waiting job may run again.
    pub fn next_wake_ms(&self) -> Option<u64> {
        self.entries
            .iter()
            .filter_map(|e| match &e.job.status {
                SubmissionStatus::Waiting { retry_at_ms, .. } => Some(*retry_at_ms),
                _ => None,
            })
            .min()
    }

    /// Marks every job as restored after a service-worker start (see [`SubmissionJob::on_restore`]).
    pub fn on_restore(&mut self) {
        for entry in &mut self.entries {
            entry.job.on_restore();
        }
    }

    /// The UI's view of every job, newest first.
    pub fn views(&self) -> Vec<JobView> {
        self.entries.iter().rev().map(OutboxEntry::view).collect()
    }
}

impl OutboxEntry {
    /// The UI's view of this job.
    pub fn view(&self) -> JobView {
        let app = &self.job.application;
        JobView {
            id: self.job.id.clone(),
            profile_url: self.request.profile_url.clone(),
            candidate_name: format!("{} {}", app.first_name.trim(), app.last_name.trim())
                .trim()
                .to_string(),
            position: self.request.position.clone(),
            status: self.job.status.clone(),
            documents_uploaded: self.job.uploaded.iter().filter(|u| u.is_some()).count(),
            documents_total: self.job.documents.len(),
            created_at_ms: self.created_at_ms,
            transferred: self.transferred(),
        }
    }

    /// What reached Personio, once the application exists.
    pub fn transferred(&self) -> Option<Transferred> {
        let SubmissionStatus::Done { application_id } = &self.job.status else {
            return None;
        };
        let app = &self.job.application;
        let mut fields = vec![
            TransferredField {
                field: "first_name".into(),
                value: app.first_name.trim().into(),
            },
            TransferredField {
                field: "last_name".into(),
                value: app.last_name.trim().into(),
            },
            TransferredField {
                field: "email".into(),
                value: app.email.trim().into(),
            },
        ];
        fields.extend(app.attributes.iter().map(|a| TransferredField {
            field: format!("attributes.{}", a.id),
            value: a.value.clone(),
        }));
        if let Some(message) = app.message.as_ref().filter(|m| !m.trim().is_empty()) {
            fields.push(TransferredField {
                field: "message".into(),
                value: message.clone(),
            });
        }
        let documents = self
            .job
            .documents
            .iter()
            .zip(&self.job.uploaded)
            .zip(&self.request.documents)
            .filter_map(|((doc, uploaded), sent)| {
                uploaded.as_ref().map(|u| TransferredDocument {
                    name: u.original_filename.clone(),
                    category: doc.category,
                    size: sent.size,
                })
            })
            .collect();
        Some(Transferred {
            position: self.request.position.clone(),
            fields,
            tags: app.tags.clone(),
            documents,
            application_id: application_id.clone(),
            profile_url: self.request.profile_url.clone(),
            sourced_on: self.sourced_on.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(email: &str) -> SubmitRequest {
        SubmitRequest {
            profile_url: "https://www.linkedin.com/in/maren-okafor-4b2a1c/".into(),
            position: PositionChoice {
                id: PositionId(1001),
                name: "Data Engineer".into(),
            },
            candidate: CandidateForm {
                first_name: "Maren".into(),
                last_name: "Okafor".into(),
                email: email.into(),
                phone: Some("+47 555 01 234".into()),
                tags: vec!["linkedin".into()],
                ..CandidateForm::default()
            },
            documents: vec![OutgoingDocument {
                document_id: "doc-1".into(),
                name: "cv.pdf".into(),
                size: 1234,
                category: DocumentCategory::Cv,
            }],
        }
    }

    #[test]
    fn a_request_stored_before_the_renames_still_loads_and_keeps_its_shape() {
        // The candidate's comment was called `comment` in stored outboxes; ids are bare values.
        let old = r#"{"profile_url":"https://www.linkedin.com/in/maren-okafor-4b2a1c/",
            "position":{"id":1001,"name":"Data Engineer"},
            "candidate":{"first_name":"Maren","last_name":"Okafor","email":"maren@example.com",
                "phone":null,"location":null,"linkedin_url":null,"comment":"Met at the meetup",
                "tags":[],"job_position_id":1001,"extra_attributes":[]},
            "documents":[]}"#;
        let request: SubmitRequest = serde_json::from_str(old).unwrap();
        assert_eq!(
            request.candidate.message.as_deref(),
            Some("Met at the meetup")
        );
        assert_eq!(request.position.id, PositionId(1001));
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["position"]["id"], 1001);
        assert_eq!(json["candidate"]["message"], "Met at the meetup");
        // Job ids are derived as before: a stored job is found again by the same application.
        let id = request.job_id();
        assert_eq!(id.as_str(), "job-6d168cc37c30035c");
        assert_eq!(serde_json::to_value(&id).unwrap(), id.as_str());
    }

    #[test]
    fn the_same_application_is_queued_once() {
        let mut outbox = Outbox::default();
        let first = outbox.enqueue(
            request("maren@example.com"),
            &FieldMapping::default(),
            1,
            None,
        );
        let again = outbox.enqueue(
            request(" MAREN@example.com "),
            &FieldMapping::default(),
            2,
            None,
        );
        assert!(matches!(first, Enqueued::New(_)));
        assert_eq!(again, Enqueued::Existing(first.id().clone()));
        assert_eq!(outbox.entries.len(), 1);
        let other = outbox.enqueue(
            request("maren.o@example.org"),
            &FieldMapping::default(),
            3,
            None,
        );
        assert!(matches!(other, Enqueued::New(_)));
        assert_eq!(outbox.entries.len(), 2);
    }

    #[test]
    fn a_failed_job_is_replaced_when_sent_again() {
        let mut outbox = Outbox::default();
        let id = outbox
            .enqueue(
                request("maren@example.com"),
                &FieldMapping::default(),
                1,
                None,
            )
            .id()
            .clone();
        outbox.get_mut(&id).unwrap().job.status = SubmissionStatus::Failed {
            error: crate::personio::PersonioError::NotPublished,
        };
        assert_eq!(
            outbox.enqueue(
                request("maren@example.com"),
                &FieldMapping::default(),
                2,
                None
            ),
            Enqueued::New(id.clone())
        );
        assert_eq!(
            outbox.get(&id).unwrap().job.status,
            SubmissionStatus::Pending
        );
    }

    #[test]
    fn waiting_jobs_run_when_due_and_set_the_next_wake() {
        let mut outbox = Outbox::default();
        let id = outbox
            .enqueue(
                request("maren@example.com"),
                &FieldMapping::default(),
                1,
                None,
            )
            .id()
            .clone();
        assert_eq!(outbox.next_runnable(0).as_ref(), Some(&id));
        outbox.get_mut(&id).unwrap().job.status = SubmissionStatus::Waiting {
            retry_at_ms: 60_000,
            reason: crate::personio::PersonioError::RateLimited {
                retry_at_ms: 60_000,
            },
        };
        assert_eq!(outbox.next_runnable(59_999), None);
        assert_eq!(outbox.next_runnable(60_000).as_ref(), Some(&id));
        assert_eq!(outbox.next_wake_ms(), Some(60_000));
    }

    #[test]
    fn the_view_lists_what_was_transferred_once_done() {
        let mut outbox = Outbox::default();
        let id = outbox
            .enqueue(
                request("maren@example.com"),
                &FieldMapping::default(),
                1,
                None,
            )
            .id()
            .clone();
        assert!(outbox.get(&id).unwrap().view().transferred.is_none());
        let entry = outbox.get_mut(&id).unwrap();
        entry.job.uploaded[0] = Some(crate::personio::UploadedFile {
            uuid: "u-1".into(),
            size: 1234,
            mimetype: "application/pdf".into(),
            original_filename: "cv.pdf".into(),
            extension: "pdf".into(),
        });
        entry.job.status = SubmissionStatus::Done {
            application_id: Some("77".into()),
        };
        let transferred = entry.view().transferred.unwrap();
        assert_eq!(transferred.position.id, PositionId(1001));
        assert!(transferred.fields.contains(&TransferredField {
            field: "email".into(),
            value: "maren@example.com".into()
        }));
        assert!(transferred
            .fields
            .iter()
            .any(|f| f.field == "attributes.phone"));
        assert_eq!(transferred.tags, vec!["linkedin".to_string()]);
        assert_eq!(transferred.documents[0].category, DocumentCategory::Cv);
        assert_eq!(transferred.application_id.as_deref(), Some("77"));
    }

    #[test]
    fn every_sourced_application_carries_the_line_and_the_inform_tag_once() {
        use crate::privacy::LegalBasis;
        let privacy = PrivacySettings {
            legal_basis: Some(LegalBasis::LegitimateInterest),
            inform_tag: Some(true),
            ..PrivacySettings::default()
        };
        let sourcing = Sourcing {
            language: TextLanguage::De,
            privacy: &privacy,
        };
        let mut sent = request("maren@example.com");
        sent.candidate.message = Some("Stark in Rust".into());
        let mut outbox = Outbox::default();
        let id = outbox
            .enqueue_sourced(
                sent.clone(),
                &FieldMapping::default(),
                1,
                Some("2026-12-02"),
                Some(sourcing),
            )
            .id()
            .clone();
        let line = "Über LinkedIn gefunden (https://www.linkedin.com/in/maren-okafor-4b2a1c/) am 2. Dezember \
                    2026 mit der Sourcing-Erweiterung; Rechtsgrundlage: berechtigtes Interesse, Art. 6 Abs. 1 \
                    lit. f DSGVO.";
        let message = |outbox: &Outbox| {
            outbox
                .get(&id)
                .unwrap()
                .job
                .application
                .message
                .clone()
                .unwrap()
        };
        assert!(
            message(&outbox).starts_with("Stark in Rust\n\n"),
            "{}",
            message(&outbox)
        );
        assert!(message(&outbox).ends_with(line), "{}", message(&outbox));
        assert_eq!(
            outbox.get(&id).unwrap().job.application.tags,
            vec!["linkedin".to_string(), "inform-by-2027-01-02".to_string()]
        );
        // Sent again while queued: the same job, unchanged. Failed and sent again: composed anew from the
        // recruiter's own comment, still one line and one tag.
        outbox.enqueue_sourced(
            sent.clone(),
            &FieldMapping::default(),
            2,
            Some("2026-12-02"),
            Some(sourcing),
        );
        assert_eq!(
            message(&outbox).matches("Über LinkedIn gefunden").count(),
            1
        );
        outbox.get_mut(&id).unwrap().job.status = SubmissionStatus::Failed {
            error: crate::personio::PersonioError::NotPublished,
        };
        outbox.enqueue_sourced(
            sent,
            &FieldMapping::default(),
            3,
            Some("2026-12-02"),
            Some(sourcing),
        );
        assert_eq!(
            message(&outbox).matches("Über LinkedIn gefunden").count(),
            1
        );
        let entry = outbox.get(&id).unwrap();
        assert_eq!(
            entry
                .job
                .application
                .tags
                .iter()
                .filter(|t| t.starts_with("inform-by-"))
                .count(),
            1
        );
        assert_eq!(entry.sourced_on.as_deref(), Some("2026-12-02"));
        // Without the toggle: the line, no tag.
        let off = PrivacySettings::default();
        let mut other = Outbox::default();
        let id = other
            .enqueue_sourced(
                request("x@example.com"),
                &FieldMapping::default(),
                1,
                Some("2026-12-02"),
                Some(Sourcing {
                    language: TextLanguage::En,
                    privacy: &off,
                }),
            )
            .id()
            .clone();
        let job = &other.get(&id).unwrap().job;
        assert_eq!(job.application.tags, vec!["linkedin".to_string()]);
        assert!(job
            .application
            .message
            .as_deref()
            .unwrap()
            .ends_with("through the sourcing extension."));
    }
}
