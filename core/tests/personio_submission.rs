//! The resumable submission job against the running stand-in: one call per step, duplicate check
//! before any write, resume after a killed worker without re-uploading, no second application
//! after an ambiguous failure, budget waits, 429 / 5xx / network waits, permanent failures.

mod personio_support;

use std::collections::BTreeMap;

use personio_standin::{seed, Faults};
use personio_support::{pdf_bytes, sha256_hex, Client, Fixture};
use sourcing_core::personio::{
    Attribute, ClientState, DocumentCategory, DocumentToUpload, FieldError, NewApplication,
    PersonioError, PositionId, Step, StepOutcome, SubmissionJob, SubmissionStatus,
};

fn draft(email: &str, job: i64) -> NewApplication {
    NewApplication {
        first_name: "Margaret".into(),
        last_name: "Hamilton".into(),
        email: email.into(),
        job_position_id: PositionId(job),
        ..Default::default()
    }
}

fn docs() -> (Vec<DocumentToUpload>, BTreeMap<String, Vec<u8>>) {
    let list = vec![
        DocumentToUpload {
            document_id: "idb-1".into(),
            name: "cv.pdf".into(),
            category: DocumentCategory::Cv,
        },
        DocumentToUpload {
            document_id: "idb-2".into(),
            name: "certificate.jpeg".into(),
            category: DocumentCategory::Certificate,
        },
    ];
    let store = BTreeMap::from([
        ("idb-1".to_string(), pdf_bytes("mh")),
        ("idb-2".to_string(), b"\xff\xd8\xffjpeg".to_vec()),
    ]);
    (list, store)
}

/// Persists and restores the job between steps, as the outbox does.
fn roundtrip(job: &SubmissionJob) -> SubmissionJob {
    serde_json::from_str(&serde_json::to_string(job).unwrap()).unwrap()
}

async fn step(
    job: &mut SubmissionJob,
    c: &mut Client,
    store: &BTreeMap<String, Vec<u8>>,
    now: u64,
) -> StepOutcome {
    let out = job.advance(c, store, now).await;
    *job = roundtrip(job);
    out
}

#[tokio::test]
async fn v2_job_runs_step_by_step() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let (list, store) = docs();
    let mut job = SubmissionJob::new("job-1", draft("margaret@example.com", 1001), list);
    assert_eq!(job.calls_remaining(), 3);
    let now = fx.now();
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::DuplicateChecked)
    );
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::Uploaded { index: 0 })
    );
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::Uploaded { index: 1 })
    );
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    let done = step(&mut job, &mut c, &store, now).await;
    assert!(
        matches!(
            &done,
            StepOutcome::Done {
                application_id: Some(_)
            }
        ),
        "{done:?}"
    );
    assert!(job.is_finished());
    // Finished jobs answer again without calling.
    let calls = fx.standin.exchanges().len();
    assert_eq!(step(&mut job, &mut c, &store, now).await, done);
    assert_eq!(fx.standin.exchanges().len(), calls);
    let rec = fx.standin.received();
    let a = rec["applications"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(a["files"][0]["sha256"], sha256_hex(&store["idb-1"]));
    assert_eq!(a["files"][1]["name"], "certificate.jpg");
    assert_eq!(a["files"][1]["category"], "certificate");
    fx.finish();
}

#[tokio::test]
async fn duplicate_is_found_before_any_upload() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let (list, store) = docs();
    let mut job = SubmissionJob::new("dup", draft(seed::EXISTING_APPLICANT_EMAIL, 1001), list);
    match step(&mut job, &mut c, &store, fx.now()).await {
        StepOutcome::Duplicate { existing: Some(a) } => assert_eq!(a.id, "400001"),
        other => panic!("{other:?}"),
    }
    assert_eq!(fx.calls("POST", "/v2/recruiting/applications/documents"), 0);
    fx.finish();
}

#[tokio::test]
async fn killed_worker_resumes_without_reuploading() {
    let fx = Fixture::new();
    let (list, store) = docs();
    let now = fx.now();
    let (saved_job, saved_state) = {
        let mut c = fx.v2();
        let mut job = SubmissionJob::new("resume", draft("resume@example.com", 1002), list);
        step(&mut job, &mut c, &store, now).await;
        step(&mut job, &mut c, &store, now).await; // doc 0 uploaded
        (
            serde_json::to_string(&job).unwrap(),
            serde_json::to_string(c.state()).unwrap(),
        )
    }; // worker dies
    let state: ClientState = serde_json::from_str(&saved_state).unwrap();
    let mut c = fx.v2().with_state(state);
    let mut job: SubmissionJob = serde_json::from_str(&saved_job).unwrap();
    job.on_restore();
    loop {
        match step(&mut job, &mut c, &store, now).await {
            StepOutcome::Progress(_) => continue,
            StepOutcome::Done { .. } => break,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        fx.calls("POST", "/v2/recruiting/applications/documents"),
        2,
        "each file uploaded once"
    );
    assert_eq!(
        fx.calls("POST", "/v2/auth/token"),
        1,
        "restored token reused"
    );
    fx.finish();
}

#[tokio::test]
async fn ambiguous_create_failure_never_creates_twice() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let (list, store) = docs();
    let mut job = SubmissionJob::new("ambiguous", draft("ambiguous@example.com", 1001), list);
    let now = fx.now();
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::Uploaded { index: 0 })
    );
    step(&mut job, &mut c, &store, now).await;
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    let before = fx.application_count();
    // Personio creates the application, then the connection breaks before the answer.
    fx.standin.set_faults(Faults {
        drop_next: 1,
        drop_after_processing: true,
        ..Default::default()
    });
    let retry_at = match step(&mut job, &mut c, &store, now).await {
        StepOutcome::Wait {
            retry_at_ms,
            error: PersonioError::Network { .. },
        } => retry_at_ms,
        other => panic!("{other:?}"),
    };
    assert_eq!(fx.application_count(), before + 1);
    // Too early: nothing happens.
    assert!(matches!(
        step(&mut job, &mut c, &store, now + 1).await,
        StepOutcome::Wait { .. }
    ));
    assert_eq!(
        step(&mut job, &mut c, &store, retry_at).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    assert_eq!(
        step(&mut job, &mut c, &store, retry_at).await,
        StepOutcome::Done {
            application_id: None
        }
    );
    assert_eq!(
        fx.application_count(),
        before + 1,
        "exactly one application"
    );
    fx.finish();
}

#[tokio::test]
async fn worker_killed_during_create_counts_as_attempted() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let mut job = SubmissionJob::new("killed", draft("killed@example.com", 1003), vec![]);
    let store = BTreeMap::new();
    let now = fx.now();
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    let persisted = serde_json::to_string(&job).unwrap();
    // The create reaches Personio, the worker dies before saving the outcome.
    fx.standin.set_faults(Faults {
        drop_next: 1,
        drop_after_processing: true,
        ..Default::default()
    });
    let _ = job.advance(&mut c, &store, now).await;
    let mut job: SubmissionJob = serde_json::from_str(&persisted).unwrap();
    job.on_restore();
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Done {
            application_id: None
        }
    );
    assert_eq!(fx.application_count(), 3, "two seeded + ours");
    fx.finish();
}

#[tokio::test]
async fn v1_duplicate_on_first_attempt_is_reported() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let store = BTreeMap::new();
    let mut job = SubmissionJob::new("v1dup", draft(seed::EXISTING_APPLICANT_EMAIL, 1001), vec![]);
    assert_eq!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    assert_eq!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Duplicate { existing: None }
    );
    assert!(matches!(job.status, SubmissionStatus::Duplicate { .. }));
    fx.finish();
}

#[tokio::test]
async fn job_waits_for_the_whole_budget() {
    let fx = Fixture::new();
    let now = fx.now();
    let mut c = fx.v1();
    // 18 of 20 calls used in this minute; the job needs 3 (2 files + create).
    c.state_mut().budget.sent_at_ms = (0..18).map(|i| now - 30_000 + i).collect();
    let (list, store) = docs();
    let mut job = SubmissionJob::new("budget", draft("budget@example.com", 1001), list);
    match step(&mut job, &mut c, &store, now).await {
        StepOutcome::Wait {
            retry_at_ms,
            error: PersonioError::RateLimited { .. },
        } => assert_eq!(retry_at_ms, now - 30_000 + 60_000),
        other => panic!("{other:?}"),
    }
    assert_eq!(fx.standin.exchanges().len(), 0, "no call spent");
    let later = now + 30_000;
    assert_eq!(
        step(&mut job, &mut c, &store, later).await,
        StepOutcome::Progress(Step::Uploaded { index: 0 })
    );
    fx.finish();
}

#[tokio::test]
async fn job_waits_after_429_and_backs_off_on_5xx() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let (list, store) = docs();
    let mut job = SubmissionJob::new("waits", draft("waits@example.com", 1004), list);
    let now = fx.now();
    step(&mut job, &mut c, &store, now).await; // duplicate check
    fx.standin.set_faults(Faults {
        rate_limit_next: 1,
        ..Default::default()
    });
    let at = match step(&mut job, &mut c, &store, now).await {
        StepOutcome::Wait {
            retry_at_ms,
            error: PersonioError::RateLimited { .. },
        } => retry_at_ms,
        other => panic!("{other:?}"),
    };
    assert!(at >= now + 60_000);
    fx.standin.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(502),
        ..Default::default()
    });
    let at2 = match step(&mut job, &mut c, &store, at).await {
        StepOutcome::Wait {
            retry_at_ms,
            error: PersonioError::Server { status: 502, .. },
        } => retry_at_ms,
        other => panic!("{other:?}"),
    };
    assert_eq!(at2, at + 2_000);
    fx.standin.set_faults(Faults {
        drop_next: 1,
        ..Default::default()
    });
    let at3 = match step(&mut job, &mut c, &store, at2).await {
        StepOutcome::Wait {
            retry_at_ms,
            error: PersonioError::Network { .. },
        } => retry_at_ms,
        other => panic!("{other:?}"),
    };
    assert_eq!(at3, at2 + 4_000);
    fx.standin.advance_clock(at3 - now);
    assert_eq!(
        step(&mut job, &mut c, &store, at3).await,
        StepOutcome::Progress(Step::Uploaded { index: 0 })
    );
    assert_eq!(
        fx.standin.received()["uploads"].as_array().unwrap().len(),
        1,
        "the dropped upload was never stored"
    );
    fx.finish();
}

#[tokio::test]
async fn permanent_failures_name_the_field() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let store = BTreeMap::from([
        ("a".to_string(), b"MZ".to_vec()),
        ("b".to_string(), vec![0u8; 20 * 1024 * 1024 + 1]),
    ]);
    let bad_type = vec![DocumentToUpload {
        document_id: "a".into(),
        name: "tool.exe".into(),
        category: DocumentCategory::Other,
    }];
    let mut job = SubmissionJob::new("exe", draft("f@example.com", 1001), bad_type);
    assert_eq!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Failed {
            error: PersonioError::Validation {
                fields: vec![FieldError::new("files[0]", "errors.invalid-file-type")],
                trace_id: None
            }
        }
    );
    let too_big = vec![
        DocumentToUpload {
            document_id: "missing".into(),
            name: "cv.pdf".into(),
            category: DocumentCategory::Cv,
        },
        DocumentToUpload {
            document_id: "b".into(),
            name: "big.pdf".into(),
            category: DocumentCategory::Other,
        },
    ];
    let mut job = SubmissionJob::new("big", draft("f@example.com", 1001), too_big.clone());
    assert!(matches!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Failed {
            error: PersonioError::DocumentMissing { .. }
        }
    ));
    let mut job = SubmissionJob::new("big", draft("f@example.com", 1001), too_big[1..].to_vec());
    assert_eq!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Failed {
            error: PersonioError::TooLarge {
                field: "files[0]".into()
            }
        }
    );
    let mut d = draft("f@example.com", 1001);
    d.attributes = vec![Attribute {
        id: "gender".into(),
        value: "robot".into(),
    }];
    let mut job = SubmissionJob::new("attr", d, vec![]);
    step(&mut job, &mut c, &store, fx.now()).await;
    assert_eq!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Failed {
            error: PersonioError::Validation {
                fields: vec![FieldError::new(
                    "attributes.gender",
                    "errors.attribute-validation.unknown-attribute-option"
                )],
                trace_id: None
            }
        }
    );
    let mut job = SubmissionJob::new("local", draft("not-an-email", 1001), vec![]);
    assert!(matches!(
        step(&mut job, &mut c, &store, fx.now()).await,
        StepOutcome::Failed {
            error: PersonioError::Validation { .. }
        }
    ));
    // A failed job can be retried after fixing the cause.
    job.retry();
    assert_eq!(job.status, SubmissionStatus::Pending);
    fx.finish();
}

/// Runs the job's steps until it finishes (at most `limit` steps).
async fn run_to_end(
    job: &mut SubmissionJob,
    c: &mut Client,
    store: &BTreeMap<String, Vec<u8>>,
    now: u64,
    limit: usize,
) -> (Vec<StepOutcome>, StepOutcome) {
    let mut seen = Vec::new();
    for _ in 0..limit {
        let outcome = step(job, c, store, now).await;
        if job.is_finished() {
            return (seen, outcome);
        }
        seen.push(outcome);
    }
    panic!("not finished after {limit} steps: {seen:?}");
}

#[tokio::test]
async fn a_first_create_refused_as_existing_is_ours_when_made_after_arming() {
    // The browser resent our POST by itself after a reused connection broke: Personio holds the
    // application and refuses the resend as existing. The job must not call its own application a duplicate.
    let fx = Fixture::new();
    let mut c = fx.v2();
    let store = BTreeMap::new();
    let mut job = SubmissionJob::new("resent", draft("resent@example.com", 1002), Vec::new());
    let now = fx.now();
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::DuplicateChecked)
    );
    assert_eq!(
        step(&mut job, &mut c, &store, now).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    let first = fx
        .v2()
        .create_application(&job.application, &[], now)
        .await
        .expect("the resent create");
    let (steps, end) = run_to_end(&mut job, &mut c, &store, now, 4).await;
    assert_eq!(
        steps,
        vec![StepOutcome::Progress(Step::CreateRefusedAsExisting)]
    );
    assert_eq!(
        end,
        StepOutcome::Done {
            application_id: first.id.clone()
        }
    );
    let received = fx.standin.received();
    let candidate = received["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == "resent@example.com")
        .expect("the candidate")["id"]
        .clone();
    let ours = received["applications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["candidate_id"] == candidate)
        .count();
    assert_eq!(ours, 1, "one application, ours");
    fx.finish();
}

#[tokio::test]
async fn a_first_create_refused_as_existing_is_a_duplicate_when_the_application_is_older() {
    // Somebody else's application, made long before our create was armed (the duplicate check before could
    // not see it): a duplicate, with the existing application named.
    let fx = Fixture::new();
    let mut c = fx.v2();
    let store = BTreeMap::new();
    let mut job = SubmissionJob::new("older", draft("older@example.com", 1003), Vec::new());
    // The browser's clock is an hour past Personio's creation of the other application.
    let later = fx.now() + 60 * 60 * 1000;
    assert_eq!(
        step(&mut job, &mut c, &store, later).await,
        StepOutcome::Progress(Step::DuplicateChecked)
    );
    let theirs = fx
        .v2()
        .create_application(&job.application, &[], fx.now())
        .await
        .expect("the other recruiter's application");
    let (_, end) = run_to_end(&mut job, &mut c, &store, later, 5).await;
    match end {
        StepOutcome::Duplicate { existing: Some(a) } => assert_eq!(Some(a.id), theirs.id),
        other => panic!("{other:?}"),
    }
    fx.finish();
}
