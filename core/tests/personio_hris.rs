//! HRIS export over v1 Personnel Data against the running stand-in: `/v1/auth` token (cached,
//! echoed, renewed on 401), employees by e-mail, creation from a hired candidate with the CV
//! attached, and the documented personnel errors (401, 403, 404, 422, 429).

mod personio_support;

use personio_standin::{seed, Faults};
use personio_support::{pdf_bytes, sha256_hex, Fixture};
use serde_json::{json, Value};
use sourcing_core::personio::{
    Credentials, MissingRight, NewApplication, NewEmployee, PersonioError, PositionId, StageOutcome,
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

#[tokio::test]
async fn hired_candidate_becomes_employee_with_cv() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    // The application is hired in Personio; the export checks its status first.
    let d = NewApplication {
        first_name: "Barbara".into(),
        last_name: "Liskov".into(),
        email: "barbara@example.com".into(),
        job_position_id: PositionId(1001),
        ..Default::default()
    };
    let id = c
        .create_application(&d, &[], now)
        .await
        .unwrap()
        .id
        .unwrap();
    fx.standin.move_stage(&id, "accepted");
    let app = c.application(&id, now).await.unwrap().unwrap();
    assert_eq!(app.stage.unwrap().outcome(), StageOutcome::Hired);

    let cv = pdf_bytes("bl");
    let out = c
        .export_hired_candidate(
            &hire("barbara@example.com"),
            Some(("Barbara Liskov CV.pdf", &cv)),
            "cv",
            now,
        )
        .await
        .unwrap();
    assert!(out.created);
    assert!(out.warnings.is_empty());
    let doc = out.document_id.unwrap();
    let rec = fx.standin.received();
    let emp = rec["employees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == out.id)
        .unwrap()
        .clone();
    assert_eq!(emp["fields"]["department"], "Engineering");
    assert_eq!(emp["fields"]["status"], "onboarding", "future hire date");
    let d = rec["employee_documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == doc)
        .unwrap()
        .clone();
    assert_eq!(
        (d["category_id"].clone(), d["sha256"].clone()),
        (json!(3), json!(sha256_hex(&cv)))
    );
    assert_eq!(d["employee_id"], out.id);
    // Running the export again finds the employee instead of creating a second one.
    let again = c
        .export_hired_candidate(&hire("Barbara@Example.com"), None, "cv", now)
        .await
        .unwrap();
    assert_eq!((again.id, again.created), (out.id, false));
    let found = c
        .find_employee_by_email("barbara@example.com", now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.status.as_deref(), Some("onboarding"));
    assert_eq!(fx.calls("POST", "/v1/auth"), 1, "personnel token reused");
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
