//! HRIS export over v1 Personnel Data against the running stand-in: the resumable [`ExportJob`] (status
//! re-read, employee by e-mail, creation from a hired candidate with the CV attached, nothing created twice
//! across a stopped worker or a lost answer), the `/v1/auth` token (cached, echoed, renewed on 401), and the
//! documented personnel errors (401, 403, 404, 422, 429).

mod personio_support;

use std::collections::BTreeMap;

use personio_standin::{seed, Faults};
use personio_support::{pdf_bytes, sha256_hex, Client, Fixture};
use serde_json::{json, Value};
use sourcing_core::hris::{
    ExportContext, ExportJob, ExportRefusal, ExportReport, ExportState, ExportStep,
    ImportedCandidate, KeptCv, NotExportedReason,
};
use sourcing_core::outbox::PositionChoice;
use sourcing_core::personio::{
    ClientState, Credentials, MissingRight, NewApplication, NewEmployee, PersonioError, PositionId,
};

fn hire(email: &str) -> NewEmployee {
    NewEmployee {
        email: email.into(),
        first_name: "Barbara".into(),
        last_name: "Liskov".into(),
        position: Some("Senior Rust Engineer".into()),
        department: Some("Engineering".into()),
        office: Some("Munich".into()),
        hire_date: Some("2027-01-01".into()),
        weekly_working_hours: Some(40.0),
        supervisor_id: Some(1),
        ..Default::default()
    }
}

/// A candidate created through the extension: its application in the stand-in, moved to `stage`.
async fn candidate(fx: &Fixture, c: &mut Client, email: &str, stage: &str) -> ImportedCandidate {
    let application = NewApplication {
        first_name: "Barbara".into(),
        last_name: "Liskov".into(),
        email: email.into(),
        job_position_id: PositionId(1001),
        ..Default::default()
    };
    let id = c
        .create_application(&application, &[], fx.now())
        .await
        .unwrap()
        .id
        .unwrap();
    assert!(fx.standin.move_stage(&id, stage));
    ImportedCandidate {
        job_id: format!("job-{email}").into(),
        profile_url: "https://www.linkedin.com/in/barbara-liskov/".into(),
        first_name: "Barbara".into(),
        last_name: "Liskov".into(),
        email: email.into(),
        phone: None,
        location: None,
        position: PositionChoice {
            id: PositionId(1001),
            name: "Senior Rust Engineer".into(),
        },
        application_id: Some(id),
        imported_at_ms: 1,
        cv_name: Some("Barbara Liskov CV.pdf".into()),
    }
}

/// The kept CV of `candidate` and the store holding its bytes.
fn kept_cv(candidate: &ImportedCandidate, bytes: &[u8]) -> (KeptCv, BTreeMap<String, Vec<u8>>) {
    let cv = KeptCv {
        job_id: candidate.job_id.clone(),
        document_id: "idb-cv".into(),
        name: "Barbara Liskov CV.pdf".into(),
        size: bytes.len() as u64,
        kept_at_ms: 1,
    };
    (cv, BTreeMap::from([("idb-cv".to_string(), bytes.to_vec())]))
}

fn context<'a>(candidate: &'a ImportedCandidate, cv: Option<&'a KeptCv>) -> ExportContext<'a> {
    ExportContext {
        candidate,
        cv,
        today: "2027-01-01",
        positions: None,
        language: "en",
    }
}

/// One "Export": resumes the job and advances it until it ends; the steps it took.
async fn run(
    job: &mut ExportJob,
    c: &mut Client,
    context: &ExportContext<'_>,
    store: &BTreeMap<String, Vec<u8>>,
    now: u64,
) -> (ExportStep, usize) {
    job.on_resume();
    for steps in 1..20 {
        let step = job.advance(c, context, store, now).await;
        if step != ExportStep::Continue {
            return (step, steps);
        }
    }
    panic!("the export does not end: {job:?}")
}

fn exported(step: ExportStep) -> ExportReport {
    match step {
        ExportStep::Exported(report) => report,
        other => panic!("{other:?}"),
    }
}

fn employees_with(fx: &Fixture, email: &str) -> Vec<Value> {
    fx.standin.received()["employees"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["fields"]["email"]
                .as_str()
                .is_some_and(|m| m.eq_ignore_ascii_case(email))
        })
        .cloned()
        .collect()
}

fn documents_of(fx: &Fixture, employee_id: i64) -> Vec<Value> {
    fx.standin.received()["employee_documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["employee_id"] == employee_id)
        .cloned()
        .collect()
}

#[tokio::test]
async fn hired_candidate_becomes_employee_with_cv() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let who = candidate(&fx, &mut c, "barbara@example.com", "accepted").await;
    let cv_bytes = pdf_bytes("bl");
    let (cv, store) = kept_cv(&who, &cv_bytes);
    let mut job = ExportJob::new(who.job_id.clone());
    let (step, steps) = run(&mut job, &mut c, &context(&who, Some(&cv)), &store, now).await;
    let report = exported(step);
    assert_eq!(
        steps, 6,
        "status, employee lookup, position, create, category, CV"
    );
    let [employee] = &employees_with(&fx, "barbara@example.com")[..] else {
        panic!("one employee")
    };
    assert_eq!(employee["id"], report.employee_id);
    assert_eq!(employee["fields"]["department"], "Engineering");
    assert_eq!(employee["fields"]["position"], "Senior Rust Engineer");
    // Hired today (the stand-in's transition into the hired stage): that day is the hire date.
    let hire_date = report
        .exported
        .iter()
        .find(|f| f.field == "hire_date")
        .unwrap();
    assert_eq!(employee["fields"]["hire_date"], hire_date.value.as_str());
    assert_eq!(employee["fields"]["status"], "active", "hired as of today");
    let [document] = &documents_of(&fx, report.employee_id)[..] else {
        panic!("one document")
    };
    assert_eq!(
        (document["category_id"].clone(), document["sha256"].clone()),
        (json!(3), json!(sha256_hex(&cv_bytes)))
    );
    assert!(report.exported.iter().any(|f| f.field == "document"));
    let record = job.record().unwrap();
    assert!(record.complete);
    // Exporting again is refused without a call; nothing is created twice.
    let before = fx.standin.exchanges().len();
    let (again, _) = run(&mut job, &mut c, &context(&who, Some(&cv)), &store, now).await;
    assert_eq!(
        again,
        ExportStep::Refused(ExportRefusal::AlreadyExported { report })
    );
    assert_eq!(fx.standin.exchanges().len(), before);
    assert_eq!(fx.calls("POST", "/v1/company/employees"), 1);
    assert_eq!(fx.calls("POST", "/v1/auth"), 1, "personnel token reused");
    fx.finish();
}

#[tokio::test]
async fn refused_before_anything_is_created() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let store = BTreeMap::new();
    // In process: not hired.
    let active = candidate(&fx, &mut c, "active@example.com", "offer").await;
    let mut job = ExportJob::new(active.job_id.clone());
    let (step, _) = run(&mut job, &mut c, &context(&active, None), &store, now).await;
    assert!(
        matches!(step, ExportStep::Refused(ExportRefusal::NotHired { ref status }) if status == "active"),
        "{step:?}"
    );
    // Hired later: the refused job starts again and exports (no CV kept: reported as not kept).
    let id = active.application_id.clone().unwrap();
    assert!(fx.standin.move_stage(&id, "accepted"));
    let report = exported(
        run(&mut job, &mut c, &context(&active, None), &store, now)
            .await
            .0,
    );
    assert!(report
        .not_exported
        .iter()
        .any(|n| n.field == "document" && n.reason == NotExportedReason::CvNotKept));
    // Somebody else's employee with the e-mail: refused, nothing created.
    let taken = candidate(&fx, &mut c, "alexander.bergmann@acme.example", "accepted").await;
    let mut job = ExportJob::new(taken.job_id.clone());
    let (step, _) = run(&mut job, &mut c, &context(&taken, None), &store, now).await;
    assert_eq!(
        step,
        ExportStep::Refused(ExportRefusal::EmployeeExists {
            employee_id: 1,
            email: "alexander.bergmann@acme.example".into()
        })
    );
    // v1-only credentials: the status cannot be read.
    let mut v1 = fx.v1();
    let mut job = ExportJob::new(active.job_id.clone());
    let (step, steps) = run(&mut job, &mut v1, &context(&active, None), &store, now).await;
    assert_eq!(
        (step, steps),
        (ExportStep::Refused(ExportRefusal::StatusUnknown), 1)
    );
    assert_eq!(
        fx.calls("POST", "/v1/company/employees"),
        1,
        "only the hired one"
    );
    fx.finish();
}

/// Simulates a worker stop between every step: the job and the client state are dropped and restored
/// from what was persisted, and the next "Export" resumes (on the employee lookup when the create was
/// armed).
#[tokio::test]
async fn a_worker_stopped_between_every_step_exports_once() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let who = candidate(&fx, &mut c, "kill@example.com", "accepted").await;
    let cv_bytes = pdf_bytes("kill");
    let (cv, store) = kept_cv(&who, &cv_bytes);
    let mut persisted_job = serde_json::to_string(&ExportJob::new(who.job_id.clone())).unwrap();
    let mut persisted_state = serde_json::to_string(c.state()).unwrap();
    let mut states = vec![];
    let report = loop {
        // A new worker: nothing in memory but what was persisted.
        let state: ClientState = serde_json::from_str(&persisted_state).unwrap();
        let mut c = fx.v2().with_state(state);
        let mut job: ExportJob = serde_json::from_str(&persisted_job).unwrap();
        job.on_resume();
        let step = job
            .advance(&mut c, &context(&who, Some(&cv)), &store, now)
            .await;
        persisted_job = serde_json::to_string(&job).unwrap();
        persisted_state = serde_json::to_string(c.state()).unwrap();
        states.push(serde_json::to_value(&job.state).unwrap()["state"].clone());
        match step {
            ExportStep::Continue => assert!(states.len() < 20, "{states:?}"),
            ExportStep::Exported(report) => break report,
            other => panic!("{other:?} after {states:?}"),
        }
    };
    assert_eq!(
        states,
        [
            "find_employee",
            "read_position",
            "create",
            "choose_category",
            "attach_cv",
            "done"
        ]
    );
    assert_eq!(employees_with(&fx, "kill@example.com").len(), 1);
    assert_eq!(fx.calls("POST", "/v1/company/employees"), 1);
    // The armed create was looked up first (the worker may have sent it): two lookups in all.
    assert_eq!(fx.calls("GET", "/v1/company/employees"), 2);
    let docs = documents_of(&fx, report.employee_id);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["sha256"], sha256_hex(&cv_bytes));
    assert_eq!(fx.calls("POST", "/v1/auth"), 1, "restored token reused");
    fx.finish();
}

/// Runs `job` until its next step is `state` (persisting nothing: one worker).
async fn advance_to(
    job: &mut ExportJob,
    c: &mut Client,
    context: &ExportContext<'_>,
    store: &BTreeMap<String, Vec<u8>>,
    now: u64,
    state: &str,
) {
    while serde_json::to_value(&job.state).unwrap()["state"] != state {
        assert_eq!(
            job.advance(c, context, store, now).await,
            ExportStep::Continue
        );
    }
}

#[tokio::test]
async fn a_create_whose_answer_was_lost_continues_with_the_employee_it_created() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let who = candidate(&fx, &mut c, "lost@example.com", "accepted").await;
    let cv_bytes = pdf_bytes("lost");
    let (cv, store) = kept_cv(&who, &cv_bytes);
    let ctx = context(&who, Some(&cv));
    let mut job = ExportJob::new(who.job_id.clone());
    advance_to(&mut job, &mut c, &ctx, &store, now, "create").await;
    // Personio creates the employee, and the answer never arrives.
    fx.standin.set_faults(Faults {
        drop_next: 1,
        drop_after_processing: true,
        path_prefix: Some("/v1/company/employees".into()),
        ..Default::default()
    });
    let step = job.advance(&mut c, &ctx, &store, now).await;
    assert!(
        matches!(&step, ExportStep::Failed(e) if e.is_transient()),
        "{step:?}"
    );
    assert!(job.create_sent && job.record().is_none());
    let [created] = &employees_with(&fx, "lost@example.com")[..] else {
        panic!("Personio created it")
    };
    let created_id = created["id"].as_i64().unwrap();
    // The next "Export" finds it by e-mail and continues with it instead of refusing.
    let later = now + 120_000;
    let report = exported(run(&mut job, &mut c, &ctx, &store, later).await.0);
    assert_eq!(report.employee_id, created_id);
    assert_eq!(employees_with(&fx, "lost@example.com").len(), 1);
    assert_eq!(documents_of(&fx, created_id).len(), 1);

    // The same with the worker stopped while the create was in flight: the persisted job is armed.
    let who = candidate(&fx, &mut c, "stopped@example.com", "accepted").await;
    let ctx = context(&who, None);
    let mut job = ExportJob::new(who.job_id.clone());
    advance_to(&mut job, &mut c, &ctx, &store, later, "create").await;
    let persisted = serde_json::to_string(&job).unwrap();
    // The dying worker's create reaches Personio; its result is never saved.
    assert_eq!(
        job.advance(&mut c, &ctx, &store, later).await,
        ExportStep::Continue
    );
    let mut job: ExportJob = serde_json::from_str(&persisted).unwrap();
    assert!(matches!(job.state, ExportState::Create { .. }));
    let report = exported(run(&mut job, &mut c, &ctx, &store, later).await.0);
    let [employee] = &employees_with(&fx, "stopped@example.com")[..] else {
        panic!("one employee")
    };
    assert_eq!(employee["id"], report.employee_id);
    assert_eq!(
        fx.calls("POST", "/v1/company/employees"),
        2,
        "one create each"
    );
    fx.finish();
}

#[tokio::test]
async fn a_failure_after_the_employee_exists_only_attaches_the_cv_next_time() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let who = candidate(&fx, &mut c, "resume@example.com", "accepted").await;
    let cv_bytes = pdf_bytes("resume");
    let (cv, store) = kept_cv(&who, &cv_bytes);
    let ctx = context(&who, Some(&cv));
    fx.standin.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(503),
        path_prefix: Some("/v1/company/documents".into()),
        ..Default::default()
    });
    let mut job = ExportJob::new(who.job_id.clone());
    let (step, _) = run(&mut job, &mut c, &ctx, &store, now).await;
    assert!(
        matches!(step, ExportStep::Failed(PersonioError::Server { .. })),
        "{step:?}"
    );
    let record = job.record().expect("the employee exists");
    assert!(!record.complete);
    let stored: ExportJob = serde_json::from_str(&serde_json::to_string(&job).unwrap()).unwrap();
    let mut job = stored;
    let later = now + 120_000;
    let (step, steps) = run(&mut job, &mut c, &ctx, &store, later).await;
    let report = exported(step);
    assert_eq!(
        (report.employee_id, steps),
        (record.employee_id, 1),
        "the CV only"
    );
    assert_eq!(fx.calls("POST", "/v1/company/employees"), 1);
    assert_eq!(documents_of(&fx, record.employee_id).len(), 1);
    fx.finish();
}

#[tokio::test]
async fn personnel_validation_and_lookup_errors() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    assert!(c
        .find_employee_by_email("nobody@example.com", now)
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        c.find_employee_by_email("alexander.bergmann@acme.example", now)
            .await
            .unwrap()
            .unwrap()
            .id,
        1
    );
    let mut e = hire("x@example.com");
    e.supervisor_id = Some(999);
    match c.create_employee(&e, now).await {
        Err(PersonioError::InvalidRequest { detail, .. }) => {
            assert_eq!(detail, "Supervisor with ID 999 not found")
        }
        other => panic!("{other:?}"),
    }
    let taken = hire("alexander.bergmann@acme.example");
    assert!(
        matches!(c.create_employee(&taken, now).await, Err(PersonioError::InvalidRequest { detail, .. }) if detail.contains("already been taken"))
    );
    let mut bad_date = hire("y@example.com");
    bad_date.hire_date = Some("01.01.2027".into());
    match c.create_employee(&bad_date, now).await {
        Err(PersonioError::Validation { fields, .. }) => {
            assert_eq!(fields[0].field, "employee.hire_date")
        }
        other => panic!("{other:?}"),
    }
    let mut unknown = hire("z@example.com");
    unknown.department = Some("Alchemy".into());
    unknown.supervisor_id = None;
    let created = c.create_employee(&unknown, now).await.unwrap();
    assert_eq!(
        created.warnings,
        vec!["department 'Alchemy' does not exist and was ignored".to_string()]
    );
    assert!(
        matches!(c.upload_employee_document(424242, 3, "CV", "cv.pdf", &pdf_bytes("x"), now).await, Err(PersonioError::NotFound { what, .. }) if what.contains("[Employee]"))
    );
    assert!(
        matches!(c.upload_employee_document(1, 99, "CV", "cv.pdf", &pdf_bytes("x"), now).await, Err(PersonioError::NotFound { what, .. }) if what.contains("[DocumentCategory]"))
    );
    assert!(matches!(
        c.upload_employee_document(1, 3, "Tool", "tool.exe", b"MZ", now)
            .await,
        Err(PersonioError::InvalidRequest { .. })
    ));
    fx.finish();
}

#[tokio::test]
async fn personnel_auth_rights_and_token_renewal() {
    let fx = Fixture::new();
    let now = fx.now();
    let mut ro = fx.readonly();
    assert!(ro
        .find_employee_by_email("a@b.de", now)
        .await
        .unwrap()
        .is_none());
    assert!(matches!(
        ro.create_employee(&hire("a@b.de"), now).await,
        Err(PersonioError::Forbidden {
            right: MissingRight::Employees,
            ..
        })
    ));
    let mut wrong = fx.client(Credentials {
        client_secret: "nope".into(),
        ..personio_support::creds_v2()
    });
    assert!(matches!(
        wrong.find_employee_by_email("a@b.de", now).await,
        Err(PersonioError::Unauthorized { .. })
    ));
    assert!(matches!(
        fx.v1().find_employee_by_email("a@b.de", now).await,
        Err(PersonioError::UnsupportedAuth { .. })
    ));
    let mut c = fx.v2();
    c.document_categories(now).await.unwrap();
    let first = c.state().personnel_token.clone().unwrap();
    assert!(first.token.starts_with("papi-"));
    fx.standin.expire_tokens();
    let cats = c.document_categories(now).await.unwrap();
    assert_eq!(cats.len(), 3);
    assert_ne!(
        c.state().personnel_token.as_ref().unwrap().token,
        first.token,
        "renewed after 401"
    );
    assert_eq!(
        fx.calls("POST", "/v1/auth"),
        4,
        "read-only, wrong, ours, ours renewed"
    );
    fx.standin.set_faults(Faults {
        rate_limit_next: 1,
        ..Default::default()
    });
    assert_eq!(
        c.document_categories(now).await.unwrap_err(),
        PersonioError::RateLimited {
            retry_at_ms: now + 60_000
        }
    );
    assert!(
        c.document_categories(now + 1)
            .await
            .unwrap_err()
            .is_transient(),
        "cool-down respected"
    );
    fx.finish();
}

#[tokio::test]
async fn v1_auth_endpoint_rules() {
    let fx = Fixture::new();
    let post = |ct: &'static str, body: String| {
        fx.raw(reqwest::Method::POST, "/v1/auth")
            .header("Content-Type", ct)
            .body(body)
            .send()
    };
    let r = post(
        "application/x-www-form-urlencoded",
        "client_id=standin-client-id&client_secret=standin-client-secret".into(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["success"], true);
    let r = post(
        "application/json",
        json!({"client_id": "x", "client_secret": "y"}).to_string(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 401);
    let r = post("application/json", "{}".into()).await.unwrap();
    assert_eq!(r.status(), 400);
    // Query-string credentials work until 2026-12-04, then 403.
    let q = format!(
        "/v1/auth?client_id={}&client_secret={}",
        seed::CLIENT_ID,
        seed::CLIENT_SECRET
    );
    let before = fx
        .raw(reqwest::Method::POST, &q)
        .send()
        .await
        .unwrap()
        .status();
    fx.standin.advance_clock(30 * 86_400_000);
    let after = fx
        .raw(reqwest::Method::POST, &q)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(
        (before.as_u16(), after.as_u16()),
        (
            if fx.now() - 30 * 86_400_000 < 1_796_342_400_000 {
                200
            } else {
                403
            },
            403
        )
    );
    // 60 per minute, then 429.
    let mut statuses = vec![];
    for _ in 0..61 {
        statuses.push(post("application/json", json!({"client_id": "standin-readonly-id", "client_secret": "standin-readonly-secret"}).to_string()).await.unwrap().status().as_u16());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 60);
    assert_eq!(statuses[60], 429);
    fx.finish();
}

#[tokio::test]
async fn a_create_refused_for_sure_is_no_longer_armed() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let who = candidate(&fx, &mut c, "refused@example.com", "accepted").await;
    let store = BTreeMap::new();
    let ctx = context(&who, None);
    let mut job = ExportJob::new(who.job_id.clone());
    advance_to(&mut job, &mut c, &ctx, &store, now, "create").await;
    assert!(job.create_sent, "armed before it is sent");
    fx.standin.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(403),
        path_prefix: Some("/v1/company/employees".into()),
        ..Default::default()
    });
    let step = job.advance(&mut c, &ctx, &store, now).await;
    assert!(
        matches!(&step, ExportStep::Failed(e) if !e.is_transient()),
        "{step:?}"
    );
    assert!(!job.create_sent, "nothing was created");
    assert_eq!(
        job.state,
        ExportState::ReadStatus,
        "the next Export starts again"
    );
    assert!(employees_with(&fx, "refused@example.com").is_empty());
    // Somebody creates the employee meanwhile: the next export refuses instead of taking it as ours.
    let mut other = fx.v2();
    other
        .create_employee(
            &NewEmployee {
                supervisor_id: None,
                ..hire("refused@example.com")
            },
            now,
        )
        .await
        .unwrap();
    let (step, _) = run(&mut job, &mut c, &ctx, &store, now).await;
    assert!(
        matches!(
            step,
            ExportStep::Refused(ExportRefusal::EmployeeExists { .. })
        ),
        "{step:?}"
    );
    fx.finish();
}
