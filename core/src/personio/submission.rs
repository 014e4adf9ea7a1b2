//! Resumable submission of one candidate: duplicate check, one upload per document, then the
//! application. Each [`SubmissionJob::advance`] does at most one step (one write call; the
//! duplicate check issues only read-only GETs), so the caller persists the job after every step
//! and a killed service worker resumes without re-uploading finished files or creating twice.
//!
//! The duplicate check never stops a submission it cannot decide ([`DuplicateCheck::Unavailable`]):
//! Personio itself refuses a second application of the same e-mail on a position. A create whose
//! answer was lost (network error after sending, worker killed) is looked up before it is sent
//! again: found by e-mail on the position, it ends as done with its id.
//!
//! Documents are referenced by the caller's id (e.g. an IndexedDB key); their bytes are loaded
//! through [`DocumentSource`] only when the upload step runs.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

use super::application::{
    check_document, DocumentCategory, FileReference, NewApplication, UploadedFile,
};
use super::client::PersonioClient;
use super::duplicates::{DuplicateCheck, MatchedBy, PersonQuery};
use super::encode::normalise_file_name;
use super::error::{FieldError, PersonioError};
use super::http::Transport;
use super::lookups::ApplicationSummary;

/// How far Personio's clock may be behind the browser's when an application's creation time is compared
/// with the moment our create was armed.
pub const CLOCK_SKEW_MS: i64 = 10 * 60 * 1000;

/// An outbox job: one application the recruiter asked to create (also the key of the candidate it
/// became: kept CVs, export records and the candidates pages use it). Derived from the application
/// ([`crate::outbox::SubmitRequest::job_id`]), so the same application always has the same id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(String);

impl JobId {
    /// The id text (`job-<hex>`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for JobId {
    fn from(id: String) -> Self {
        JobId(id)
    }
}

impl From<&str> for JobId {
    fn from(id: &str) -> Self {
        JobId(id.to_string())
    }
}

impl std::fmt::Display for JobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where the bytes of the job's documents live (IndexedDB in the extension).
#[allow(async_fn_in_trait)]
pub trait DocumentSource {
    /// The bytes of document `document_id`, or why they are unavailable.
    async fn load(&self, document_id: &str) -> Result<Vec<u8>, String>;
}

impl DocumentSource for BTreeMap<String, Vec<u8>> {
    async fn load(&self, document_id: &str) -> Result<Vec<u8>, String> {
        self.get(document_id)
            .cloned()
            .ok_or_else(|| "unknown document".into())
    }
}

impl DocumentSource for HashMap<String, Vec<u8>> {
    async fn load(&self, document_id: &str) -> Result<Vec<u8>, String> {
        self.get(document_id)
            .cloned()
            .ok_or_else(|| "unknown document".into())
    }
}

/// One document to attach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentToUpload {
    /// The caller's id for the bytes (passed to [`DocumentSource::load`]).
    pub document_id: String,
    /// File name sent to Personio.
    pub name: String,
    /// Category in `files[].category`.
    pub category: DocumentCategory,
}

/// Where a job stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SubmissionStatus {
    /// More steps to run.
    Pending,
    /// Run the next step at `retry_at_ms` (rate limit, 5xx, network).
    Waiting {
        /// When.
        retry_at_ms: u64,
        /// Why.
        reason: PersonioError,
    },
    /// The application exists in Personio.
    Done {
        /// Application id, when Personio returned one.
        application_id: Option<String>,
    },
    /// The person already applied to this position (found before creating, or Personio said so on
    /// our first attempt).
    Duplicate {
        /// The existing application when the lookup found it.
        existing: Option<Box<ApplicationSummary>>,
    },
    /// Stopped on an error that waiting does not fix (validation, credentials, rights, …).
    Failed {
        /// The error.
        error: PersonioError,
    },
}

/// What one step did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Looked for an existing application (none found, or lookups unavailable).
    DuplicateChecked,
    /// Uploaded document `index`.
    Uploaded {
        /// Index in `documents`.
        index: usize,
    },
    /// Marked the create as attempted (persist before the next step sends it).
    CreateArmed,
    /// Personio refused the recruiter's local `application_date` as in the future (its time zone is
    /// behind the recruiter's): the date is left out and the create sent again.
    ApplicationDateDropped,
    /// Personio said the application already exists on our first create: the next step looks whether it is
    /// ours (made after the create was armed).
    CreateRefusedAsExisting,
}

/// Result of [`SubmissionJob::advance`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum StepOutcome {
    /// A step completed; persist and call `advance` again.
    Progress(Step),
    /// Nothing to do before `retry_at_ms`; persist and schedule an alarm.
    Wait {
        /// When to call `advance` again.
        retry_at_ms: u64,
        /// Why (RateLimited / Server / Network).
        error: PersonioError,
    },
    /// Finished: the application exists.
    Done {
        /// Application id, when known.
        application_id: Option<String>,
    },
    /// Finished: duplicate, nothing created.
    Duplicate {
        /// The existing application, when known.
        existing: Option<Box<ApplicationSummary>>,
    },
    /// Finished with an error to show (field errors are `files[i]`, `email`, …).
    Failed {
        /// The error.
        error: PersonioError,
    },
}

/// A persisted, resumable submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionJob {
    /// The outbox job.
    pub id: JobId,
    /// The application fields.
    pub application: NewApplication,
    /// Documents to upload, in order.
    pub documents: Vec<DocumentToUpload>,
    /// Upload results, index-aligned with `documents`.
    pub uploaded: Vec<Option<UploadedFile>>,
    /// The duplicate check ran (or cannot run with these credentials).
    pub duplicate_checked: bool,
    /// The budget for all writes of this job was found available once (the job then proceeds).
    pub writes_started: bool,
    /// A create may have been sent: from now on `applicant-already-exists` is our own application.
    pub create_attempted: bool,
    /// Create attempts armed so far (see [`SubmissionJob::on_restore`]).
    pub create_attempts: u32,
    /// The create step is armed and is the next step.
    pub create_armed: bool,
    /// A create may have reached Personio without its answer arriving: look it up before resending.
    #[serde(default)]
    pub create_uncertain: bool,
    /// When the create was first armed (epoch ms): an application of the same e-mail on the position created
    /// before this (less [`CLOCK_SKEW_MS`]) is somebody else's, not a create of ours whose answer was lost.
    #[serde(default)]
    pub armed_at_ms: Option<u64>,
    /// Personio refused our first create as already existing: the lookup decides between ours (made after
    /// arming) and somebody else's; when it cannot tell, the job ends as a duplicate, never re-sent.
    #[serde(default)]
    pub refused_as_existing: bool,
    /// The LinkedIn profile URL, for the duplicate check by profile.
    #[serde(default)]
    pub linkedin_url: Option<String>,
    /// Our custom attribute holding the LinkedIn URL, when configured.
    #[serde(default)]
    pub linkedin_attribute: Option<String>,
    /// What the duplicate check said (kept for the UI).
    #[serde(default)]
    pub duplicate_check: Option<DuplicateCheck>,
    /// Current status.
    pub status: SubmissionStatus,
}

impl SubmissionJob {
    /// A new job.
    pub fn new(
        id: impl Into<JobId>,
        application: NewApplication,
        documents: Vec<DocumentToUpload>,
    ) -> Self {
        let n = documents.len();
        Self {
            id: id.into(),
            application,
            documents,
            uploaded: vec![None; n],
            duplicate_checked: false,
            writes_started: false,
            create_attempted: false,
            create_attempts: 0,
            create_armed: false,
            create_uncertain: false,
            armed_at_ms: None,
            refused_as_existing: false,
            linkedin_url: None,
            linkedin_attribute: None,
            duplicate_check: None,
            status: SubmissionStatus::Pending,
        }
    }

    /// Adds the LinkedIn profile (and the custom attribute holding it) to the duplicate check.
    pub fn with_linkedin(mut self, url: Option<String>, attribute: Option<String>) -> Self {
        self.linkedin_url = url.filter(|u| !u.trim().is_empty());
        self.linkedin_attribute = attribute.filter(|a| !a.trim().is_empty());
        self
    }

    fn person(&self) -> PersonQuery {
        PersonQuery {
            email: self.application.email.clone(),
            linkedin_url: self.linkedin_url.clone(),
            linkedin_attribute: self.linkedin_attribute.clone(),
        }
    }

    /// Call once when the job is loaded after a service-worker restart: a create that was armed
    /// may have reached Personio before the worker died, so a following
    /// `applicant-already-exists` counts as our own application.
    pub fn on_restore(&mut self) {
        if self.create_armed {
            self.create_attempts += 1;
            self.create_uncertain = true;
        }
    }

    /// True once the job reached `Done`, `Duplicate` or `Failed`.
    pub fn is_finished(&self) -> bool {
        matches!(
            self.status,
            SubmissionStatus::Done { .. }
                | SubmissionStatus::Duplicate { .. }
                | SubmissionStatus::Failed { .. }
        )
    }

    /// Recruiting calls still needed (uploads left + the create): the budget cost.
    pub fn calls_remaining(&self) -> usize {
        self.uploaded.iter().filter(|u| u.is_none()).count() + usize::from(!self.is_finished())
    }

    /// Makes a failed job runnable again (e.g. after the admin reconnected).
    pub fn retry(&mut self) {
        if matches!(self.status, SubmissionStatus::Failed { .. }) {
            self.status = SubmissionStatus::Pending;
        }
    }

    fn finish(&mut self, status: SubmissionStatus) -> StepOutcome {
        self.status = status.clone();
        self.outcome()
    }

    fn outcome(&self) -> StepOutcome {
        match &self.status {
            SubmissionStatus::Done { application_id } => StepOutcome::Done {
                application_id: application_id.clone(),
            },
            SubmissionStatus::Duplicate { existing } => StepOutcome::Duplicate {
                existing: existing.clone(),
            },
            SubmissionStatus::Failed { error } => StepOutcome::Failed {
                error: error.clone(),
            },
            SubmissionStatus::Waiting {
                retry_at_ms,
                reason,
            } => StepOutcome::Wait {
                retry_at_ms: *retry_at_ms,
                error: reason.clone(),
            },
            SubmissionStatus::Pending => unreachable!("outcome of a pending job"),
        }
    }

    fn error(&mut self, error: PersonioError) -> StepOutcome {
        match error.retry_at_ms() {
            Some(retry_at_ms) => self.finish(SubmissionStatus::Waiting {
                retry_at_ms,
                reason: error,
            }),
            None => self.finish(SubmissionStatus::Failed { error }),
        }
    }

    fn progress(&mut self, step: Step) -> StepOutcome {
        self.status = SubmissionStatus::Pending;
        StepOutcome::Progress(step)
    }

    /// Runs the next step. Finished jobs return their final outcome again without any call.
    pub async fn advance<T: Transport, D: DocumentSource>(
        &mut self,
        client: &mut PersonioClient<T>,
        documents: &D,
        now_ms: u64,
    ) -> StepOutcome {
        if self.is_finished() {
            return self.outcome();
        }
        if let SubmissionStatus::Waiting { retry_at_ms, .. } = self.status {
            if now_ms < retry_at_ms {
                return self.outcome();
            }
        }
        // Local checks, no call spent.
        if let Err(fields) = self.local_check() {
            return self.finish(SubmissionStatus::Failed {
                error: PersonioError::Validation {
                    fields,
                    trace_id: None,
                },
            });
        }
        if let Err(e) = client.recruiting_api() {
            return self.finish(SubmissionStatus::Failed { error: e });
        }
        // 1. Duplicate check (v2 only), before any write. Only a proven match stops the job.
        if !self.duplicate_checked && !self.create_attempted {
            if client.credentials().has_oauth() {
                let check = client
                    .check_duplicate(&self.person(), self.application.job_position_id, now_ms)
                    .await;
                self.duplicate_checked = true;
                if let DuplicateCheck::Found { existing, .. } = &check {
                    let existing = Some(existing.clone());
                    self.duplicate_check = Some(check);
                    return self.finish(SubmissionStatus::Duplicate { existing });
                }
                self.duplicate_check = Some(check);
                return self.progress(Step::DuplicateChecked);
            }
            self.duplicate_checked = true;
        }
        // 2. The whole job's writes must fit the budget before the first one.
        if !self.writes_started {
            let at = client
                .state()
                .budget
                .available_at(now_ms, self.calls_remaining());
            if at > now_ms {
                return self.error(PersonioError::RateLimited { retry_at_ms: at });
            }
            self.writes_started = true;
        }
        // 3. One upload per step.
        if let Some(i) = self.uploaded.iter().position(Option::is_none) {
            let doc = self.documents[i].clone();
            let bytes = match documents.load(&doc.document_id).await {
                Ok(b) => b,
                Err(message) => {
                    return self.error(PersonioError::DocumentMissing {
                        document_id: doc.document_id,
                        message,
                    })
                }
            };
            let name = normalise_file_name(&doc.name);
            if let Err(fe) = check_document(i, &name, bytes.len() as u64) {
                return self.error(file_error(fe));
            }
            return match client.upload_document(&name, &bytes, now_ms).await {
                Ok(u) => {
                    self.uploaded[i] = Some(u);
                    self.progress(Step::Uploaded { index: i })
                }
                Err(e) => self.error(reindex_file_error(e, i)),
            };
        }
        // 4. A create whose answer was lost (or that Personio refused as already existing: a browser resends a
        //    POST by itself when a reused connection breaks before the answer): if the application exists now
        //    and was made after the create was armed, it is ours; an older one is somebody else's.
        if self.create_uncertain {
            self.create_uncertain = false;
            if client.credentials().has_oauth() {
                let person = PersonQuery {
                    linkedin_url: None,
                    ..self.person()
                };
                let looked = client
                    .applications_on_position(&person, self.application.job_position_id, now_ms)
                    .await;
                if let Err(e) = &looked {
                    if self.refused_as_existing {
                        if e.is_transient() {
                            self.create_uncertain = true;
                        }
                        return match e.retry_at_ms() {
                            Some(_) => self.error(e.clone()),
                            None => self.finish(SubmissionStatus::Duplicate { existing: None }),
                        };
                    }
                }
                if let Ok(found) = looked {
                    let by_email: Vec<ApplicationSummary> = found
                        .found
                        .into_iter()
                        .filter(|(_, by)| *by == MatchedBy::Email)
                        .map(|(application, _)| application)
                        .collect();
                    let armed = self.armed_at_ms.unwrap_or(0) as i64 - CLOCK_SKEW_MS;
                    // Without a creation time, a lost answer's application is ours; a refusal's cannot be told.
                    let unknown_is_ours = !self.refused_as_existing;
                    let ours = by_email
                        .iter()
                        .filter(|a| {
                            a.created_ms()
                                .map_or(unknown_is_ours, |created| created >= armed)
                        })
                        .max_by_key(|a| a.created_ms());
                    if let Some(application) = ours {
                        return self.finish(SubmissionStatus::Done {
                            application_id: Some(application.id.clone()),
                        });
                    }
                    let older = by_email.into_iter().max_by_key(|a| a.created_ms());
                    if older.is_some() || self.refused_as_existing {
                        return self.finish(SubmissionStatus::Duplicate {
                            existing: older.map(Box::new),
                        });
                    }
                }
            }
        }
        // 5. Arm the create (persisted before it is sent).
        if !self.create_armed {
            self.armed_at_ms.get_or_insert(now_ms);
            self.create_armed = true;
            self.create_attempted = true;
            self.create_attempts += 1;
            return self.progress(Step::CreateArmed);
        }
        // 6. Create.
        let files: Vec<FileReference> = self
            .documents
            .iter()
            .zip(&self.uploaded)
            .filter_map(|(d, u)| {
                u.as_ref().map(|u| FileReference {
                    uuid: u.uuid.clone(),
                    original_filename: u.original_filename.clone(),
                    category: d.category,
                })
            })
            .collect();
        match client
            .create_application(&self.application, &files, now_ms)
            .await
        {
            Ok(created) => self.finish(SubmissionStatus::Done {
                application_id: created.id,
            }),
            Err(PersonioError::AlreadyExists) if self.create_attempts >= 2 => {
                self.finish(SubmissionStatus::Done {
                    application_id: None,
                })
            }
            // Our first create, refused as existing: with v2 reads, look first (see step 4).
            Err(PersonioError::AlreadyExists) if client.credentials().has_oauth() => {
                self.create_armed = false;
                self.create_uncertain = true;
                self.refused_as_existing = true;
                self.progress(Step::CreateRefusedAsExisting)
            }
            Err(PersonioError::AlreadyExists) => {
                self.finish(SubmissionStatus::Duplicate { existing: None })
            }
            Err(PersonioError::Validation { fields, .. })
                if self.application.application_date.is_some()
                    && !fields.is_empty()
                    && fields.iter().all(|f| {
                        f.field == "application_date"
                            && f.reason == "errors.date-validation.date-in-the-future"
                    }) =>
            {
                // Refused for sure (nothing created): send again without the date.
                self.application.application_date = None;
                self.create_armed = false;
                self.create_attempts = self.create_attempts.saturating_sub(1);
                self.progress(Step::ApplicationDateDropped)
            }
            Err(e) => {
                if e.is_transient() {
                    // Ambiguous: the create may have happened. Look it up, re-arm (attempt + 1).
                    self.create_armed = false;
                    self.create_uncertain = true;
                }
                self.error(e)
            }
        }
    }

    fn local_check(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = self.application.check().err().unwrap_or_default();
        for (i, d) in self.documents.iter().enumerate() {
            if let Err(e) = check_document(i, &normalise_file_name(&d.name), 0) {
                errs.push(e);
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(errs)
        }
    }
}

fn file_error(fe: FieldError) -> PersonioError {
    if fe.reason == "errors.file-too-big" {
        PersonioError::TooLarge { field: fe.field }
    } else {
        PersonioError::Validation {
            fields: vec![fe],
            trace_id: None,
        }
    }
}

/// Upload errors name the field `file`; the UI needs `files[i]`.
fn reindex_file_error(e: PersonioError, i: usize) -> PersonioError {
    let f = format!("files[{i}]");
    match e {
        PersonioError::TooLarge { .. } => PersonioError::TooLarge { field: f },
        PersonioError::Validation { fields, trace_id } => PersonioError::Validation {
            fields: fields
                .into_iter()
                .map(|x| {
                    FieldError::new(
                        if x.field == "file" {
                            f.clone()
                        } else {
                            x.field
                        },
                        x.reason,
                    )
                })
                .collect(),
            trace_id,
        },
        e => e,
    }
}
