//! The contract check itself: the official OpenAPI files are read from `../shared/personio-openapi/`
//! (a missing folder is reported, and fails under `CI=true`), and the validator demonstrably
//! rejects off-contract bodies, so the per-test checks in the other `personio_*` tests mean
//! something. Also documents the two spec quirks the check works around.

mod personio_support;

use personio_support::contract::{check_exchange, schema, spec_dir, specs, validate};
use personio_support::Fixture;
use serde_json::json;

#[test]
fn specs_are_read_from_the_shared_folder() {
    match specs() {
        Some(s) => {
            assert_eq!(s.recruiting["info"]["title"], "Recruiting");
            assert_eq!(s.auth["info"]["title"], "Authentication");
            assert_eq!(s.personnel["info"]["title"], "Personnel Data");
            assert_eq!(s.common["info"]["title"], "Public API V2 Common components");
            let repo = std::fs::canonicalize(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
            assert!(
                !std::fs::canonicalize(spec_dir()).unwrap().starts_with(repo),
                "specs must not live inside the project"
            );
        }
        None => eprintln!("contract test skipped: no specs (see message above)"),
    }
}

#[test]
fn validator_rejects_off_contract_bodies() {
    let Some(s) = specs() else { return };
    let submit = schema(&s.recruiting, "#/components/schemas/submit_application");
    assert!(validate(
        &submit,
        &json!({"first_name": "A", "last_name": "B", "email": "a@b.de", "job_position_id": 1})
    )
    .is_empty());
    assert!(!validate(
        &submit,
        &json!({"first_name": "A", "last_name": "B", "email": "a@b.de", "job_position_id": "1"})
    )
    .is_empty());
    assert!(!validate(
        &submit,
        &json!({"first_name": "", "last_name": "B", "email": "a@b.de", "job_position_id": 1})
    )
    .is_empty());
    assert!(!validate(
        &submit,
        &json!({"first_name": "A", "last_name": "B", "job_position_id": 1})
    )
    .is_empty());
    assert!(!validate(&submit, &json!({"first_name": "A", "last_name": "B", "email": "a@b.de", "job_position_id": 1, "files": [{"uuid": "x", "original_filename": "a", "category": "passport"}]})).is_empty());
    assert!(!validate(&submit, &json!({"first_name": "A", "last_name": "B", "email": "a@b.de", "job_position_id": 1, "application_date": "24.11.2026"})).is_empty());
    let err = schema(&s.recruiting, "#/components/schemas/error_response");
    assert!(validate(&err, &json!({"errors": [{"field": "email", "errors": [{"reason": "errors.applicant-already-exists"}]}]})).is_empty());
    assert!(validate(&err, &json!({"errors": [{"id": "6d9c7e7a-0000-4000-8000-000000000000", "status": "400", "title": "Bad Request"}]})).is_empty());
    assert!(!validate(&err, &json!({"errors": [{"reason": "x"}]})).is_empty());
    let v2 = schema(&s.common, "#/components/schemas/ErrorResponse");
    assert!(!validate(&v2, &json!({"errors": [{"type": "not a uri"}]})).is_empty());
    let personnel = schema(&s.personnel, "#/components/schemas/EmployeeCreatedResponse");
    assert!(!validate(&personnel, &json!({"success": "yes", "data": {"id": 1}})).is_empty());
}

#[test]
fn documented_spec_quirks() {
    let Some(s) = specs() else { return };
    // EmployeesResponse requires `data` to be an object and an array: the spec's own example fails.
    let official = schema(&s.personnel, "#/components/schemas/EmployeesResponse");
    let example = &s.personnel["paths"]["/company/employees"]["get"]["responses"]["200"]["content"]
        ["application/json"]["examples"]["response"]["value"];
    assert!(!validate(&official, example).is_empty());
    // uploaded_document spells ppt as `ptt`: an uploaded .ppt cannot get a valid answer.
    let up = schema(&s.recruiting, "#/components/schemas/uploaded_document");
    let ppt = json!({"uuid": "6d9c7e7a-0000-4000-8000-000000000000", "size": 1, "mimetype": "application/vnd.ms-powerpoint", "original_filename": "a.ppt", "extension": "ppt"});
    assert!(!validate(&up, &ppt).is_empty());
}

#[tokio::test]
async fn a_wrong_answer_would_be_caught() {
    let Some(s) = specs() else { return };
    let fx = Fixture::new();
    fx.raw_v1("/v1/recruiting/applications")
        .json(&json!({"first_name": "A"}))
        .send()
        .await
        .unwrap();
    let mut ex = fx.standin.exchanges().pop().unwrap();
    assert!(check_exchange(s, &ex).0.is_empty());
    ex.response_json = Some(json!({"errors": [{"field": "email"}]}));
    assert!(
        !check_exchange(s, &ex).0.is_empty(),
        "a malformed error_response is reported"
    );
    ex.note = None;
    ex.request_json = Some(json!({"first_name": "A"}));
    assert!(
        check_exchange(s, &ex).0.len() >= 2,
        "an off-contract request is reported"
    );
}
