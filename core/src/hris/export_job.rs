//! "Export to Personio" of one hired candidate as a resumable job, like [`crate::personio::SubmissionJob`]:
//! re-read the status → look for an employee with the e-mail → read the position and plan the employee →
//! create it → pick the CV's document category → attach the kept CV → done (or refused). Each
//! [`ExportJob::advance`] runs one step with one Personio call and never more than one write (the status
//! re-read takes the read-only GETs it needs: the tenant's stages, the application and, for a hired one, its
//! transitions; a create that may already have been sent is looked up in the step that sends it again); the
//! caller persists the job after every step ([`ExportLog`], one job per candidate, finished ones included so
//! nothing is exported twice).
//!
//! * The create is armed before it is sent (`create_sent`, persisted with the plan): an employee found
//!   afterwards with the candidate's e-mail is the one this export created (its answer was lost), not
//!   somebody else's. A job loaded after its worker stopped with the create armed looks the employee up
//!   before sending again ([`ExportJob::on_resume`]).
//! * A failure before the employee exists sends the job back to the status re-read (the next "Export"
//!   starts again; a create refused for sure is no longer armed). A failure after it stays where it was:
//!   the next "Export" only attaches the CV.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

use super::{
    is_hired, plan_export, read_status, CandidateStatus, ExportPlan, ExportRefusal, ExportReport,
    ExportedField, ImportedCandidate, KeptCv, NotExported, NotExportedReason,
};
use crate::outbox::JobId;
use crate::personio::{PersonioClient, PersonioError, Position, Transport};

/// Personnel document category hint for the CV (matched case-insensitively against category names).
pub const CV_CATEGORY_HINT: &str = "cv";

/// Where the bytes of a kept CV live (IndexedDB in the extension).
#[allow(async_fn_in_trait)]
pub trait CvStore {
    /// The bytes of `document_id`: `None` when they are no longer stored, `Err` when the store failed.
    async fn cv_bytes(&self, document_id: &str) -> Result<Option<Vec<u8>>, String>;
}

impl CvStore for BTreeMap<String, Vec<u8>> {
    async fn cv_bytes(&self, document_id: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self.get(document_id).cloned())
    }
}

/// What a step needs besides the job and the client (read by the caller before each step).
#[derive(Clone, Copy, Debug)]
pub struct ExportContext<'a> {
    /// The candidate (from the outbox).
    pub candidate: &'a ImportedCandidate,
    /// Its kept CV, if any.
    pub cv: Option<&'a KeptCv>,
    /// The recruiter's date (`yyyy-mm-dd`): the hire date when Personio has no hired transition.
    pub today: &'a str,
    /// Positions the caller already holds (a fresh cache); `None`: the job reads them.
    pub positions: Option<&'a [Position]>,
    /// Language of the positions feed (`en`, `de`, …) when the job reads them.
    pub language: &'a str,
}

/// Where an export stands: the next step to run, or how it ended.
#[derive(Clone, Debug, PartialEq, Serialize, TaggedDeserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ExportState {
    /// Re-read the candidate's status (the first step, and again after a failure before the employee
    /// existed).
    ReadStatus,
    /// Hired: look for an employee with the candidate's e-mail.
    FindEmployee {
        /// The status just read.
        status: CandidateStatus,
    },
    /// Read the position (department, office, subcompany) and plan the employee.
    ReadPosition {
        /// The status read.
        status: CandidateStatus,
        /// The employee an earlier attempt created (its answer was lost): continued with, not created.
        adopted: Option<i64>,
    },
    /// Create the employee (armed: `create_sent` is set).
    Create {
        /// The employee to create.
        plan: ExportPlan,
    },
    /// The employee exists: pick the document category of the CV.
    ChooseCategory {
        /// The employee.
        employee_id: i64,
        /// What was exported so far.
        report: ExportReport,
    },
    /// Attach the kept CV to the employee.
    AttachCv {
        /// The employee.
        employee_id: i64,
        /// The personnel document category.
        category_id: i64,
        /// What was exported so far.
        report: ExportReport,
    },
    /// Finished: the employee exists, with the CV when one was kept.
    Done {
        /// What was exported.
        report: ExportReport,
    },
    /// Refused before anything was created; the next "Export" starts again.
    Refused {
        /// Why.
        refusal: ExportRefusal,
    },
}

/// What one [`ExportJob::advance`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportStep {
    /// A step completed: persist the job and advance again.
    Continue,
    /// Finished now: the employee exists.
    Exported(ExportReport),
    /// Refused (nothing created), or already exported.
    Refused(ExportRefusal),
    /// Personio refused or could not be reached; the next "Export" resumes (see the module header).
    Failed(PersonioError),
}

/// The persisted export of one candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportJob {
    /// The candidate (outbox job).
    pub job_id: JobId,
    /// A create may have reached Personio (armed, or sent without a known outcome): an employee found with
    /// the candidate's e-mail is the one this export created.
    #[serde(default)]
    pub create_sent: bool,
    /// The armed create may have been sent by a worker that stopped: look the employee up first.
    #[serde(default)]
    pub create_uncertain: bool,
    /// The next step, or how it ended.
    pub state: ExportState,
}

/// One exported candidate as the candidates views show it: the employee exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    /// The outbox job (candidate key).
    pub job_id: JobId,
    /// The employee created.
    pub employee_id: i64,
    /// True once the export finished (the CV, if any, attached). False: the employee exists and the CV
    /// still has to be attached (an export that was interrupted resumes there).
    pub complete: bool,
    /// What was exported (final once `complete`).
    pub report: ExportReport,
}

impl ExportJob {
    /// A new export of candidate `job_id`.
    pub fn new(job_id: JobId) -> Self {
        Self {
            job_id,
            create_sent: false,
            create_uncertain: false,
            state: ExportState::ReadStatus,
        }
    }

    /// Call once when the job is loaded to run again (a new "Export", possibly after its worker stopped):
    /// an armed create may have been sent, and a refused export starts again.
    pub fn on_resume(&mut self) {
        match self.state {
            ExportState::Create { .. } => self.create_uncertain = true,
            ExportState::Refused { .. } => self.state = ExportState::ReadStatus,
            _ => {}
        }
    }

    /// True once the export finished (the employee exists and the CV step is behind it).
    pub fn is_done(&self) -> bool {
        matches!(self.state, ExportState::Done { .. })
    }

    /// The export as the candidates views show it, once the employee exists.
    pub fn record(&self) -> Option<ExportRecord> {
        let (employee_id, report, complete) = match &self.state {
            ExportState::ChooseCategory {
                employee_id,
                report,
            }
            | ExportState::AttachCv {
                employee_id,
                report,
                ..
            } => (*employee_id, report, false),
            ExportState::Done { report } => (report.employee_id, report, true),
            _ => return None,
        };
        Some(ExportRecord {
            job_id: self.job_id.clone(),
            employee_id,
            complete,
            report: report.clone(),
        })
    }

    /// Runs the next step. A finished job answers [`ExportRefusal::AlreadyExported`] without any call.
    pub async fn advance<T: Transport, S: CvStore>(
        &mut self,
        client: &mut PersonioClient<T>,
        context: &ExportContext<'_>,
        cvs: &S,
        now_ms: u64,
    ) -> ExportStep {
        let candidate = context.candidate;
        match self.state.clone() {
            ExportState::Done { report } => {
                ExportStep::Refused(ExportRefusal::AlreadyExported { report })
            }
            ExportState::Refused { refusal } => ExportStep::Refused(refusal),
            ExportState::ReadStatus => {
                if !client.credentials().has_oauth() {
                    return self.refuse(ExportRefusal::StatusUnknown);
                }
                // The tenant's stage names and meanings; without them the answers' own fields are used.
                let vocabulary = client.stage_vocabulary(now_ms).await.unwrap_or_default();
                match read_status(client, candidate, &vocabulary, now_ms).await {
                    Err(error) => self.fail(error),
                    Ok(status) if !is_hired(&status) => self.refuse(ExportRefusal::NotHired {
                        status: status.key(),
                    }),
                    Ok(status) => self.next(ExportState::FindEmployee { status }),
                }
            }
            ExportState::FindEmployee { status } => {
                match client
                    .find_employee_by_email(&candidate.email, now_ms)
                    .await
                {
                    Err(error) => self.fail(error),
                    Ok(None) => self.next(ExportState::ReadPosition {
                        status,
                        adopted: None,
                    }),
                    // An earlier attempt created it, but its answer was lost.
                    Ok(Some(existing)) if self.create_sent => {
                        self.next(ExportState::ReadPosition {
                            status,
                            adopted: Some(existing.id),
                        })
                    }
                    Ok(Some(existing)) => self.refuse(ExportRefusal::EmployeeExists {
                        employee_id: existing.id,
                        email: existing.email,
                    }),
                }
            }
            ExportState::ReadPosition { status, adopted } => {
                let read;
                let positions = match context.positions {
                    Some(held) => held,
                    // Without the position the employee is planned without its department, office, subcompany.
                    None => {
                        read = client
                            .list_positions(context.language, now_ms)
                            .await
                            .map(|list| list.positions)
                            .unwrap_or_default();
                        &read
                    }
                };
                let position = positions.iter().find(|p| p.id == candidate.position.id);
                let plan = plan_export(candidate, &status, position, context.today);
                match adopted {
                    Some(employee_id) => {
                        let report = plan.report(candidate, employee_id, &[], None, now_ms);
                        self.next(ExportState::ChooseCategory {
                            employee_id,
                            report,
                        })
                    }
                    None => {
                        // Armed: persisted before the next step sends it.
                        self.create_sent = true;
                        self.next(ExportState::Create { plan })
                    }
                }
            }
            ExportState::Create { plan } => {
                if self.create_uncertain {
                    // A stopped worker may have sent it: only a create nobody made is sent (same step: a
                    // lookup, then at most one write).
                    match client
                        .find_employee_by_email(&candidate.email, now_ms)
                        .await
                    {
                        Err(error) => return self.fail(error),
                        Ok(Some(existing)) => {
                            self.create_uncertain = false;
                            let report = plan.report(candidate, existing.id, &[], None, now_ms);
                            return self.next(ExportState::ChooseCategory {
                                employee_id: existing.id,
                                report,
                            });
                        }
                        Ok(None) => self.create_uncertain = false,
                    }
                }
                match client.create_employee(&plan.employee, now_ms).await {
                    Ok(created) => {
                        let report =
                            plan.report(candidate, created.id, &created.warnings, None, now_ms);
                        self.next(ExportState::ChooseCategory {
                            employee_id: created.id,
                            report,
                        })
                    }
                    Err(error) => {
                        if !error.is_transient() {
                            // Refused for sure: nothing was created.
                            self.create_sent = false;
                        }
                        self.fail(error)
                    }
                }
            }
            ExportState::ChooseCategory {
                employee_id,
                report,
            } => {
                let Some(cv) = context.cv else {
                    return self.finish(report, None, candidate, now_ms);
                };
                match cvs.cv_bytes(&cv.document_id).await {
                    Err(message) => return self.fail(cv_unreadable(cv, message)),
                    Ok(None) => return self.finish(report, None, candidate, now_ms),
                    Ok(Some(_)) => {}
                }
                let categories = match client.document_categories(now_ms).await {
                    Ok(c) => c,
                    Err(error) => return self.fail(error),
                };
                let Some(category) = categories
                    .iter()
                    .find(|c| c.name.to_ascii_lowercase().contains(CV_CATEGORY_HINT))
                    .or(categories.first())
                else {
                    return self.fail(PersonioError::NotFound {
                        what: "document category".into(),
                        trace_id: None,
                    });
                };
                self.next(ExportState::AttachCv {
                    employee_id,
                    category_id: category.id,
                    report,
                })
            }
            ExportState::AttachCv {
                employee_id,
                category_id,
                report,
            } => {
                let Some(cv) = context.cv else {
                    return self.finish(report, None, candidate, now_ms);
                };
                let bytes = match cvs.cv_bytes(&cv.document_id).await {
                    Err(message) => return self.fail(cv_unreadable(cv, message)),
                    Ok(None) => return self.finish(report, None, candidate, now_ms),
                    Ok(Some(bytes)) => bytes,
                };
                let title = format!("CV {}", candidate.name());
                match client
                    .upload_employee_document(
                        employee_id,
                        category_id,
                        &title,
                        &cv.name,
                        &bytes,
                        now_ms,
                    )
                    .await
                {
                    Ok(_) => self.finish(report, Some(&cv.name), candidate, now_ms),
                    Err(error) => self.fail(error),
                }
            }
        }
    }

    fn next(&mut self, state: ExportState) -> ExportStep {
        self.state = state;
        ExportStep::Continue
    }

    fn refuse(&mut self, refusal: ExportRefusal) -> ExportStep {
        self.state = ExportState::Refused {
            refusal: refusal.clone(),
        };
        ExportStep::Refused(refusal)
    }

    /// Before the employee exists the next "Export" starts again; after, it resumes at the CV.
    fn fail(&mut self, error: PersonioError) -> ExportStep {
        if self.record().is_none() {
            self.state = ExportState::ReadStatus;
            self.create_uncertain = false;
        }
        ExportStep::Failed(error)
    }

    /// Completes the report with the CV (`cv`: its file name when attached) and ends the job.
    fn finish(
        &mut self,
        mut report: ExportReport,
        cv: Option<&str>,
        candidate: &ImportedCandidate,
        now_ms: u64,
    ) -> ExportStep {
        report.not_exported.retain(|n| n.field != "document");
        report.exported.retain(|e| e.field != "document");
        match cv {
            Some(name) => report.exported.push(ExportedField {
                field: "document".into(),
                value: name.to_string(),
            }),
            None => report.not_exported.push(NotExported {
                field: "document".into(),
                value: candidate.cv_name.clone(),
                reason: NotExportedReason::CvNotKept,
            }),
        }
        report.exported_at_ms = now_ms;
        self.state = ExportState::Done {
            report: report.clone(),
        };
        ExportStep::Exported(report)
    }
}

fn cv_unreadable(cv: &KeptCv, message: String) -> PersonioError {
    PersonioError::DocumentMissing {
        document_id: cv.document_id.clone(),
        message,
    }
}

/// Every export started from this browser, one job per candidate (stored as `hris_exports`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredLog")]
pub struct ExportLog {
    /// Oldest first.
    pub entries: Vec<ExportJob>,
}

impl ExportLog {
    /// The export of `job_id`.
    pub fn get(&self, job_id: &JobId) -> Option<&ExportJob> {
        self.entries.iter().find(|e| &e.job_id == job_id)
    }

    /// The export of `job_id` as the candidates views show it (once the employee exists).
    pub fn record(&self, job_id: &JobId) -> Option<ExportRecord> {
        self.get(job_id).and_then(ExportJob::record)
    }

    /// Adds or replaces the job of its candidate.
    pub fn put(&mut self, job: ExportJob) {
        match self.entries.iter_mut().find(|e| e.job_id == job.job_id) {
            Some(entry) => *entry = job,
            None => self.entries.push(job),
        }
    }
}

/// `hris_exports` as stored, this version's jobs or the earlier shape: records of exports whose employee
/// exists, and the jobs whose create was sent without a known outcome.
#[derive(Deserialize)]
struct StoredLog {
    #[serde(default)]
    entries: Vec<StoredEntry>,
    #[serde(default)]
    creating: Vec<JobId>,
}

/// One stored entry: a job, else a record of the earlier shape. Read through `serde_json::Value`, not an
/// `untagged` enum: see the size note in `personio/wire.rs`.
enum StoredEntry {
    Job(Box<ExportJob>),
    Record(ExportRecord),
}

impl<'de> Deserialize<'de> for StoredEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        match serde_json::from_value::<ExportJob>(value.clone()) {
            Ok(job) => Ok(StoredEntry::Job(Box::new(job))),
            Err(_) => serde_json::from_value(value)
                .map(StoredEntry::Record)
                .map_err(|_| {
                    serde::de::Error::custom("neither an export job nor an export record")
                }),
        }
    }
}

impl From<StoredLog> for ExportLog {
    fn from(stored: StoredLog) -> Self {
        let mut log = ExportLog::default();
        for entry in stored.entries {
            log.put(match entry {
                StoredEntry::Job(job) => *job,
                StoredEntry::Record(record) => ExportJob {
                    job_id: record.job_id,
                    create_sent: false,
                    create_uncertain: false,
                    state: if record.complete {
                        ExportState::Done {
                            report: record.report,
                        }
                    } else {
                        ExportState::ChooseCategory {
                            employee_id: record.employee_id,
                            report: record.report,
                        }
                    },
                },
            });
        }
        for job_id in stored.creating {
            let mut job = log
                .get(&job_id)
                .cloned()
                .unwrap_or_else(|| ExportJob::new(job_id));
            if job.record().is_none() {
                job.create_sent = true;
                job.state = ExportState::ReadStatus;
                log.put(job);
            }
        }
        log
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(job: &str, employee_id: i64) -> ExportReport {
        ExportReport {
            job_id: job.into(),
            candidate_name: "A B".into(),
            employee_id,
            exported: vec![],
            not_exported: vec![],
            exported_at_ms: 1,
        }
    }

    #[test]
    fn the_log_keeps_one_job_per_candidate_and_shows_records_once_the_employee_exists() {
        let mut log = ExportLog::default();
        let mut job = ExportJob::new("job-1".into());
        log.put(job.clone());
        assert_eq!(log.record(&"job-1".into()), None, "no employee yet");
        job.state = ExportState::ChooseCategory {
            employee_id: 7,
            report: report("job-1", 7),
        };
        log.put(job.clone());
        assert_eq!(log.entries.len(), 1);
        let record = log.record(&"job-1".into()).unwrap();
        assert_eq!((record.employee_id, record.complete), (7, false));
        job.state = ExportState::Done {
            report: report("job-1", 7),
        };
        log.put(job);
        assert!(log.record(&"job-1".into()).unwrap().complete);
        let stored = serde_json::to_string(&log).unwrap();
        assert_eq!(serde_json::from_str::<ExportLog>(&stored).unwrap(), log);
    }

    #[test]
    fn the_earlier_stored_shape_becomes_jobs() {
        let done = serde_json::to_value(ExportRecord {
            job_id: "job-done".into(),
            employee_id: 7,
            complete: true,
            report: report("job-done", 7),
        })
        .unwrap();
        let partial = serde_json::to_value(ExportRecord {
            job_id: "job-partial".into(),
            employee_id: 8,
            complete: false,
            report: report("job-partial", 8),
        })
        .unwrap();
        let stored = serde_json::json!({
            "entries": [done, partial],
            "creating": ["job-lost", "job-done"],
        });
        let log: ExportLog = serde_json::from_value(stored).unwrap();
        assert_eq!(log.entries.len(), 3);
        assert!(log.get(&"job-done".into()).unwrap().is_done());
        assert!(
            !log.get(&"job-done".into()).unwrap().create_sent,
            "finished: nothing armed"
        );
        assert!(matches!(
            log.get(&"job-partial".into()).unwrap().state,
            ExportState::ChooseCategory { employee_id: 8, .. }
        ));
        let lost = log.get(&"job-lost".into()).unwrap();
        assert!(lost.create_sent && lost.state == ExportState::ReadStatus);
        let empty: ExportLog = serde_json::from_str(r#"{"entries":[]}"#).unwrap();
        assert!(empty.entries.is_empty());
    }

    #[test]
    fn resuming_looks_up_an_armed_create_and_restarts_a_refused_export() {
        let plan = ExportPlan {
            employee: Default::default(),
            exported: vec![],
            not_exported: vec![],
        };
        let mut armed = ExportJob {
            create_sent: true,
            state: ExportState::Create { plan },
            ..ExportJob::new("job-1".into())
        };
        armed.on_resume();
        assert!(armed.create_uncertain);
        let mut refused = ExportJob {
            state: ExportState::Refused {
                refusal: ExportRefusal::StatusUnknown,
            },
            ..ExportJob::new("job-2".into())
        };
        refused.on_resume();
        assert_eq!(refused.state, ExportState::ReadStatus);
        let mut done = ExportJob {
            state: ExportState::Done {
                report: report("job-3", 1),
            },
            ..ExportJob::new("job-3".into())
        };
        done.on_resume();
        assert!(done.is_done());
    }
}
