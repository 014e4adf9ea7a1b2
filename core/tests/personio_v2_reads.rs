//! The v2 reads against a stand-in that answers only in the observed shapes and, where the sources
//! are silent, the least convenient way: the duplicate check and the HRIS status in every filter mode
//! (unknown filters ignored / refused, `candidate.email` trusted / not), the sparse mode (every
//! optional field absent), v2 create errors as `error_response` and as RFC 7807, a lost `201`,
//! `application_date`, and the company's applications for a pipeline within the page budget.

mod personio_support;

use std::collections::BTreeMap;

use personio_standin::{seed, Faults, Modes, UnknownFilters};
use personio_support::{filter_modes, Client, Fixture};
use serde_json::Value;
use sourcing_core::hris::{self, CandidateStatus};
use sourcing_core::personio::{
    DuplicateCheck, FieldError, LinkedinCoverage, LookupGap, MatchedBy, NewApplication,
    PersonQuery, PersonioError, PositionId, Step, StepOutcome, SubmissionJob, SubmissionStatus,
};

fn draft(email: &str, job: i64) -> NewApplication {
    NewApplication {
        first_name: "Dorothy".into(),
        last_name: "Vaughan".into(),
        email: email.into(),
        job_position_id: PositionId(job),
        ..Default::default()
    }
}

fn person(email: &str, linkedin: Option<&str>) -> PersonQuery {
    PersonQuery {
        email: email.into(),
        linkedin_url: linkedin.map(str::to_string),
        linkedin_attribute: Some(seed::LINKEDIN_ATTRIBUTE.into()),
    }
}

const RAVI: &str = "https://www.linkedin.com/in/ravi-castellano-9e21f0/";

async fn create(c: &mut Client, email: &str, job: i64, now: u64) -> String {
    c.create_application(&draft(email, job), &[], now)
        .await
        .unwrap()
        .id
        .expect("v2 201 carries the id")
}

async fn run(job: &mut SubmissionJob, c: &mut Client, now: u64) -> StepOutcome {
    let store: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    loop {
        match job.advance(c, &store, now).await {
            StepOutcome::Progress(_) => continue,
            other => return other,
        }
    }
}

#[tokio::test]
async fn the_duplicate_check_holds_in_every_filter_mode() {
    for modes in filter_modes() {
        let fx = Fixture::with_modes(modes.clone());
        let mut c = fx.v2().with_page_limit(2);
        let now = fx.now();
        let ours = create(&mut c, "dorothy@example.com", 1002, now).await;
        // By e-mail: on the position applied to, not on another.
        match c
            .check_duplicate(&person("Dorothy@Example.com", None), PositionId(1002), now)
            .await
        {
            DuplicateCheck::Found {
                existing,
                matched_by: MatchedBy::Email,
            } => assert_eq!(existing.id, ours, "{modes:?}"),
            other => panic!("{modes:?}: {other:?}"),
        }
        for (email, job) in [("dorothy@example.com", 1001), ("nobody@example.com", 1002)] {
            assert_eq!(
                c.check_duplicate(&person(email, None), PositionId(job), now)
                    .await,
                DuplicateCheck::Clear {
                    linkedin: LinkedinCoverage::NotAsked
                },
                "{modes:?} {email} {job}"
            );
        }
        // The seeded applicant, the job compared on our side.
        assert!(matches!(
            c.check_duplicate(
                &person(seed::EXISTING_APPLICANT_EMAIL, None),
                PositionId(1001),
                now
            )
            .await,
            DuplicateCheck::Found { .. }
        ));
        // By LinkedIn profile: Ravi applied on the career site with another e-mail.
        match c
            .check_duplicate(
                &person("ravi.new@example.com", Some(RAVI)),
                PositionId(1001),
                now,
            )
            .await
        {
            DuplicateCheck::Found {
                existing,
                matched_by: MatchedBy::Linkedin,
            } => assert_eq!(existing.id, "400002"),
            other => panic!("{modes:?}: {other:?}"),
        }
        assert_eq!(
            c.check_duplicate(
                &person("ravi.new@example.com", Some(RAVI)),
                PositionId(1003),
                now
            )
            .await,
            DuplicateCheck::Clear {
                linkedin: LinkedinCoverage::Complete
            },
            "{modes:?}"
        );
        // What the stand-in did with `candidate.email` shows the mode was real.
        let statuses: Vec<u16> = fx
            .standin
            .exchanges()
            .iter()
            .filter(|e| {
                e.path == "/v2/recruiting/applications"
                    && e.query
                        .as_deref()
                        .is_some_and(|q| q.contains("candidate.email"))
            })
            .map(|e| e.status)
            .collect();
        let refused =
            modes.distrust_observed_filters && modes.unknown_filters == UnknownFilters::Refuse;
        assert_eq!(statuses.iter().all(|s| *s == 400), refused, "{modes:?}");
        assert!(!statuses.is_empty());
        fx.finish();
    }
}

#[tokio::test]
async fn unknown_filters_are_ignored_or_refused() {
    for unknown_filters in [UnknownFilters::Ignore, UnknownFilters::Refuse] {
        let fx = Fixture::with_modes(Modes {
            unknown_filters,
            ..Modes::default()
        });
        let mut c = fx.v2();
        let now = fx.now();
        create(&mut c, "katherine@example.com", 1003, now).await;
        let token = c.state().oauth_token.clone().unwrap().token;
        let r = fx
            .raw(
                reqwest::Method::GET,
                "/v2/recruiting/applications?job_id=1003&candidate_id=300001",
            )
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        match unknown_filters {
            UnknownFilters::Ignore => {
                assert_eq!(r.status(), 200);
                let body: Value = r.json().await.unwrap();
                assert_eq!(
                    body["_data"].as_array().unwrap().len(),
                    3,
                    "the whole company's list: the filters did nothing"
                );
                assert!(body["_data"][0].get("status").is_none(), "no status field");
            }
            UnknownFilters::Refuse => {
                assert_eq!(r.status(), 400);
                let body: Value = r.json().await.unwrap();
                assert!(body["errors"][0]["detail"]
                    .as_str()
                    .unwrap()
                    .contains("candidate_id"));
            }
        }
        fx.finish();
    }
}

#[tokio::test]
async fn hired_is_the_current_stage_and_the_hire_date_the_tenants_day_of_entering_it() {
    for modes in filter_modes() {
        let fx = Fixture::with_modes(modes.clone());
        let mut c = fx.v2();
        let now = fx.now();
        let id = create(&mut c, "mary@example.com", 1001, now).await;
        // Hired at 23:30 UTC on 4 March 2026: already 5 March in Berlin.
        let at = 1_772_667_000_000;
        assert!(fx.standin.move_stage_at(&id, "offer", at - 86_400_000));
        assert!(fx.standin.move_stage_at(&id, "accepted", at));
        let vocabulary = c.stage_vocabulary(now).await.unwrap();
        let found = c
            .applications_on_position(&person("mary@example.com", None), PositionId(1001), now)
            .await
            .unwrap();
        assert_eq!(found.email_gap, None, "{modes:?}");
        let apps: Vec<_> = found.found.into_iter().map(|(a, _)| a).collect();
        let transitions = c.stage_transitions(&id, now).await.unwrap().items;
        let mut outbox = sourcing_core::outbox::Outbox::default();
        let job = outbox
            .enqueue(
                sourcing_core::outbox::SubmitRequest {
                    profile_url: "https://www.linkedin.com/in/mary/".into(),
                    position: sourcing_core::outbox::PositionChoice {
                        id: PositionId(1001),
                        name: "Senior Rust Engineer".into(),
                    },
                    candidate: sourcing_core::personio::CandidateForm {
                        first_name: "Mary".into(),
                        last_name: "Jackson".into(),
                        email: "mary@example.com".into(),
                        job_position_id: PositionId(1001),
                        ..Default::default()
                    },
                    documents: vec![],
                },
                &Default::default(),
                now,
                None,
            )
            .id()
            .clone();
        outbox.get_mut(&job).unwrap().job.status = SubmissionStatus::Done {
            application_id: None,
        };
        let candidate = hris::imported_candidates(&outbox).remove(0);
        let status = hris::status_from_lookups(&candidate, &apps, None, &transitions, &vocabulary);
        assert!(hris::is_hired(&status), "{modes:?}: {status:?}");
        let CandidateStatus::Known { stage, since, .. } = &status else {
            unreachable!()
        };
        assert_eq!(since.as_deref(), Some("2026-03-05"));
        assert_eq!(
            stage.as_ref().unwrap().name.as_deref(),
            Some("Eingestellt"),
            "the tenant's name, from the categories"
        );
        fx.finish();
    }
}

#[tokio::test]
async fn sparse_answers_never_panic_and_say_what_is_unknown() {
    let fx = Fixture::with_modes(Modes {
        sparse: true,
        ..Modes::default()
    });
    let mut c = fx.v2();
    let now = fx.now();
    // The 201 carries no id (optional in `CreatedObject`).
    let created = c
        .create_application(&draft("sparse@example.com", 1002), &[], now)
        .await
        .unwrap();
    assert_eq!(created.id, None);
    // Never "already applied" without proof, even for the seeded applicant.
    for email in [seed::EXISTING_APPLICANT_EMAIL, "sparse@example.com"] {
        match c
            .check_duplicate(&person(email, Some(RAVI)), PositionId(1001), now)
            .await
        {
            DuplicateCheck::Unavailable {
                gap: LookupGap::MissingField { field },
            } => assert!(["candidate.email", "email", "job.id"].contains(&field.as_str())),
            other => panic!("{email}: {other:?}"),
        }
    }
    // Ravi by his LinkedIn profile: the answers do not show `linkedin_profile`, and the form says so.
    assert_eq!(
        c.check_duplicate(
            &person("ravi.new@example.com", Some(RAVI)),
            PositionId(1001),
            now
        )
        .await,
        DuplicateCheck::Clear {
            linkedin: LinkedinCoverage::NotShown
        }
    );
    // One application by id: only the id, so the stage (and whether hired) is unknown.
    let app = c.application("400001", now).await.unwrap().unwrap();
    assert_eq!(
        (app.id.as_str(), app.stage.as_ref(), app.position_id),
        ("400001", None, None)
    );
    let status = hris::status_of_application(
        &app,
        &c.stage_transitions("400001", now).await.unwrap().items,
        &c.stage_vocabulary(now).await.unwrap(),
    );
    assert_eq!(status.key(), "unknown");
    assert!(!hris::is_hired(&status));
    // Transitions are `{}`: no stage, no date.
    let tr = c.stage_transitions("400001", now).await.unwrap();
    assert!(tr
        .items
        .iter()
        .all(|t| t.stage.is_none() && t.entered_at.is_none()));
    // The company's applications cannot be placed on a position.
    let company = c.company_applications(5, now).await.unwrap();
    assert!(company.items.iter().all(|a| a.position_id.is_none()));
    // Positions still come from the feed; v2 jobs (ids only) enrich nothing.
    let positions = c.list_positions("en", now).await.unwrap();
    assert_eq!(positions.positions.len(), 4);
    assert_eq!(
        positions.positions[0].department.as_deref(),
        Some("Engineering")
    );
    // A submission goes through: the unavailable check does not stop it.
    let mut job = SubmissionJob::new("sparse", draft("new.sparse@example.com", 1003), vec![]);
    assert!(matches!(
        run(&mut job, &mut c, now).await,
        StepOutcome::Done {
            application_id: None
        }
    ));
    // (An e-mail without applications gives an empty filtered list: nothing to miss.)
    assert!(matches!(
        job.duplicate_check,
        Some(DuplicateCheck::Clear { .. } | DuplicateCheck::Unavailable { .. })
    ));
    // ... and Personio's own refusal still reports the seeded duplicate.
    let mut dup = SubmissionJob::new("dup", draft(seed::EXISTING_APPLICANT_EMAIL, 1001), vec![]);
    assert_eq!(
        run(&mut dup, &mut c, now).await,
        StepOutcome::Duplicate { existing: None }
    );
    fx.finish();
}

#[tokio::test]
async fn v2_create_errors_as_error_response_and_as_problem_json() {
    for problem_json in [false, true] {
        let fx = Fixture::with_modes(Modes {
            problem_json,
            ..Modes::default()
        });
        let mut c = fx.v2();
        let now = fx.now();
        assert_eq!(
            c.create_application(&draft(seed::EXISTING_APPLICANT_EMAIL, 1001), &[], now)
                .await
                .unwrap_err(),
            PersonioError::AlreadyExists,
            "problem_json {problem_json}"
        );
        assert_eq!(
            c.create_application(&draft("x@example.com", 1005), &[], now)
                .await
                .unwrap_err(),
            PersonioError::NotPublished
        );
        let mut bad = draft("y@example.com", 1001);
        bad.application_date = Some("2999-01-01".into());
        match c.create_application(&bad, &[], now).await {
            Err(PersonioError::Validation { fields, .. }) => assert_eq!(
                fields,
                vec![FieldError::new(
                    "application_date",
                    "errors.date-validation.date-in-the-future"
                )]
            ),
            other => panic!("{other:?}"),
        }
        let content_types: Vec<String> = fx
            .standin
            .exchanges()
            .iter()
            .filter(|e| e.path == "/v2/recruiting/applications" && e.status == 400)
            .filter_map(|e| e.response_content_type.clone())
            .collect();
        assert_eq!(content_types.len(), 3);
        assert!(content_types
            .iter()
            .all(|t| t.starts_with("application/problem+json") == problem_json));
        fx.finish();
    }
}

#[tokio::test]
async fn a_lost_201_ends_as_done_with_the_id_the_lookup_finds() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let mut job = SubmissionJob::new("lost", draft("lost@example.com", 1004), vec![]);
    let store: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    assert_eq!(
        job.advance(&mut c, &store, now).await,
        StepOutcome::Progress(Step::DuplicateChecked)
    );
    assert_eq!(
        job.advance(&mut c, &store, now).await,
        StepOutcome::Progress(Step::CreateArmed)
    );
    fx.standin.set_faults(Faults {
        drop_next: 1,
        drop_after_processing: true,
        path_prefix: Some("/v2/recruiting/applications".into()),
        ..Default::default()
    });
    let retry_at = match job.advance(&mut c, &store, now).await {
        StepOutcome::Wait { retry_at_ms, .. } => retry_at_ms,
        other => panic!("{other:?}"),
    };
    let created: Vec<String> = fx.standin.received()["applications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["fields"]["email"] == "lost@example.com")
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(created.len(), 1, "Personio created it; the answer was lost");
    assert_eq!(
        job.advance(&mut c, &store, retry_at).await,
        StepOutcome::Done {
            application_id: Some(created[0].clone())
        }
    );
    assert_eq!(
        fx.calls("POST", "/v2/recruiting/applications"),
        1,
        "never sent a second time"
    );
    fx.finish();
}

#[tokio::test]
async fn the_recruiters_date_is_sent_and_dropped_when_it_is_tomorrow_for_personio() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let today = personio_standin::state::tenant_date(now);
    let tomorrow = personio_standin::state::tenant_date(now + 86_400_000);
    // The recruiter's local date, accepted.
    let mut on_time = draft("today@example.com", 1001);
    on_time.application_date = Some(today.clone());
    assert!(matches!(
        run(&mut SubmissionJob::new("t", on_time, vec![]), &mut c, now).await,
        StepOutcome::Done { .. }
    ));
    // A recruiter east of Personio: already tomorrow. Refused, then sent without the date.
    let mut ahead = draft("ahead@example.com", 1001);
    ahead.application_date = Some(tomorrow);
    let mut job = SubmissionJob::new("a", ahead, vec![]);
    let store: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut steps = vec![];
    let outcome = loop {
        match job.advance(&mut c, &store, now).await {
            StepOutcome::Progress(step) => steps.push(step),
            other => break other,
        }
    };
    assert!(matches!(outcome, StepOutcome::Done { .. }), "{outcome:?}");
    assert!(steps.contains(&Step::ApplicationDateDropped));
    let rec = fx.standin.received();
    let dates: Vec<&str> = rec["applications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["fields"]["email"]
                .as_str()
                .unwrap_or("")
                .ends_with("@example.com")
        })
        .filter(|a| a["api"] == "v2")
        .map(|a| a["application_date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        vec![today.as_str(), today.as_str()],
        "Personio's today both times"
    );
    assert_eq!(fx.application_count(), 4, "two seeded + two, nothing twice");
    fx.finish();
}

#[tokio::test]
async fn the_companys_applications_are_read_within_the_page_budget() {
    let fx = Fixture::new();
    let mut c = fx.v2().with_page_limit(2);
    let now = fx.now();
    for i in 0..5 {
        create(&mut c, &format!("p{i}@example.com"), 1002, now).await;
    }
    let all = c.company_applications(10, now).await.unwrap();
    assert!(all.complete);
    assert_eq!(all.items.len(), 7);
    assert_eq!(
        all.items
            .iter()
            .filter(|a| a.position_id == Some(PositionId(1002)))
            .count(),
        5
    );
    let cut = c.company_applications(2, now).await.unwrap();
    assert!(!cut.complete, "more than two pages: reported, not hidden");
    assert_eq!(cut.items.len(), 4);
    assert_eq!(cut.gap(), Some(LookupGap::Incomplete { scanned: 4 }));
    fx.finish();
}
