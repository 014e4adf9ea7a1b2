//! v2 against the running stand-in: OAuth client credentials (cached token, expiry, renewal on
//! 401, bad credentials, scopes), jobs with cursor paging and the XML fallback, v2 applications
//! and documents, lookups of candidates / applications / stage transitions, v2 error bodies.

mod personio_support;

use personio_standin::{seed, Faults};
use personio_support::{creds_v1, pdf_bytes, Fixture, ReqwestTransport};
use serde_json::Value;
use sourcing_core::personio::error::parse_error_body;
use sourcing_core::personio::{
    ApiVersion, Attribute, Credentials, DocumentCategory, Endpoints, FieldError, FileReference,
    MissingRight, NewApplication, PersonioClient, PersonioError, PositionId, PositionSource,
    StageOutcome, RECRUITING_LIMIT,
};

fn draft(email: &str, job: i64) -> NewApplication {
    NewApplication {
        first_name: "Katherine".into(),
        last_name: "Johnson".into(),
        email: email.into(),
        job_position_id: PositionId(job),
        ..Default::default()
    }
}

#[tokio::test]
async fn token_is_cached_renewed_on_expiry_and_on_401() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let info = c.connect(fx.now()).await.unwrap();
    assert_eq!(info.api, ApiVersion::V2);
    assert!(info.verified);
    assert!(info.scopes.iter().any(|s| s == "personio:recruiting:write"));
    c.list_positions("en", fx.now()).await.unwrap();
    c.list_positions("en", fx.now()).await.unwrap();
    assert_eq!(fx.calls("POST", "/v2/auth/token"), 1, "token reused");
    // Past expiry (24 h) a new token is fetched before the call.
    fx.standin.advance_clock(86_400_000);
    c.list_positions("en", fx.now()).await.unwrap();
    assert_eq!(fx.calls("POST", "/v2/auth/token"), 2);
    // Personio revokes/expires it early: the call gets 401, the client renews once and retries.
    fx.standin.expire_tokens();
    c.list_positions("en", fx.now()).await.unwrap();
    assert_eq!(fx.calls("POST", "/v2/auth/token"), 3);
    let statuses: Vec<u16> = fx
        .standin
        .exchanges()
        .iter()
        .filter(|e| e.path == "/v2/recruiting/jobs")
        .map(|e| e.status)
        .collect();
    assert_eq!(statuses, vec![200, 200, 200, 401, 200]);
    // The restored state carries the token across a worker restart.
    let restored = fx.v2().with_state(c.state().clone());
    assert_eq!(restored.state().oauth_token, c.state().oauth_token);
    fx.finish();
}

#[tokio::test]
async fn bad_credentials_and_token_endpoint_errors() {
    let fx = Fixture::new();
    let mut c = fx.client(Credentials {
        client_secret: "wrong".into(),
        ..personio_support::creds_v2()
    });
    assert!(matches!(
        c.connect(fx.now()).await,
        Err(PersonioError::Unauthorized { .. })
    ));
    assert!(matches!(
        c.create_application(&draft("a@example.com", 1001), &[], fx.now())
            .await,
        Err(PersonioError::Unauthorized { .. })
    ));
    let token = |body: &str, ct: &str| {
        fx.raw(reqwest::Method::POST, "/v2/auth/token")
            .header("Content-Type", ct)
            .body(body.to_string())
            .send()
    };
    let form = "application/x-www-form-urlencoded";
    let r = token(r#"{"client_id":"x"}"#, "application/json")
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "invalid_request");
    let r = token(
        "grant_type=password&client_id=standin-client-id&client_secret=standin-client-secret",
        form,
    )
    .await
    .unwrap();
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"],
        "unsupported_grant_type"
    );
    let r = token("grant_type=client_credentials&client_id=standin-readonly-id&client_secret=standin-readonly-secret&scope=personio%3Arecruiting%3Awrite", form).await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "invalid_scope");
    let r = token("grant_type=client_credentials&client_id=standin-readonly-id&client_secret=standin-readonly-secret&scope=personio%3Arecruiting%3Aread", form).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap()["scope"],
        "personio:recruiting:read"
    );
    fx.finish();
}

#[tokio::test]
async fn missing_scope_is_forbidden() {
    let fx = Fixture::new();
    let mut c = fx.readonly();
    assert_eq!(
        c.list_positions("en", fx.now()).await.unwrap().source,
        PositionSource::XmlFeedWithV2Jobs
    );
    match c.upload_document("cv.pdf", &pdf_bytes("x"), fx.now()).await {
        Err(PersonioError::Forbidden {
            right: MissingRight::RecruitingScope,
            trace_id,
        }) => assert!(trace_id.is_some()),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        c.create_application(&draft("a@example.com", 1001), &[], fx.now())
            .await,
        Err(PersonioError::Forbidden {
            right: MissingRight::RecruitingScope,
            ..
        })
    ));
    fx.finish();
}

#[tokio::test]
async fn v2_jobs_are_paged_and_never_add_an_unpublished_position() {
    let fx = Fixture::new();
    let mut c = fx.v2().with_page_limit(2);
    let jobs = c.list_jobs_v2(fx.now()).await.unwrap();
    let ids: Vec<i64> = jobs.iter().map(|p| p.id.get()).collect();
    assert_eq!(
        ids,
        vec![1001, 1002, 1003, 1004, 1005],
        "newest update first; v2 has no published flag, so unpublished 1005 is there"
    );
    assert_eq!(jobs[0].department.as_deref(), Some("Engineering"));
    assert_eq!(jobs[0].category.as_deref(), Some("Various"));
    let queries: Vec<String> = fx
        .standin
        .exchanges()
        .iter()
        .filter(|e| e.path == "/v2/recruiting/jobs")
        .filter_map(|e| e.query.clone())
        .collect();
    assert_eq!(
        queries,
        vec!["limit=2", "limit=2&cursor=cur_2", "limit=2&cursor=cur_4"]
    );
    // The positions offered: only what the XML feed publishes, enriched from v2.
    let list = c.list_positions("en", fx.now()).await.unwrap();
    assert_eq!(list.source, PositionSource::XmlFeedWithV2Jobs);
    assert_eq!(
        list.positions
            .iter()
            .map(|p| p.id.get())
            .collect::<Vec<_>>(),
        vec![1001, 1002, 1003, 1004]
    );
    // Parameter errors come back as v2 ErrorResponse.
    let token = c.state().oauth_token.clone().unwrap().token;
    for q in [
        "limit=0",
        "limit=201",
        "cursor=garbage",
        "updated_at.gt=2026-01-01T00:00:00Z&updated_at.lt=2026-12-01T00:00:00Z",
    ] {
        let r = fx
            .raw(reqwest::Method::GET, &format!("/v2/recruiting/jobs?{q}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{q}");
        let p = parse_error_body(&r.bytes().await.unwrap());
        assert!(p.trace_id.is_some() && !p.messages.is_empty());
    }
    let r = fx
        .raw(
            reqwest::Method::GET,
            "/v2/recruiting/jobs?updated_at.gt=2026-10-15T00:00:00Z",
        )
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.json::<Value>().await.unwrap()["_data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let r = fx
        .raw(reqwest::Method::GET, "/v2/recruiting/nothing-here")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errors"][0]["_meta"]["path"],
        "/v2/recruiting/nothing-here"
    );
    fx.finish();
}

#[tokio::test]
async fn positions_come_from_the_feed_on_the_host_that_answers() {
    let fx = Fixture::new();
    // v2 failing (5xx): the feed alone.
    fx.standin.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(503),
        path_prefix: Some("/v2/recruiting/jobs".into()),
        ..Default::default()
    });
    let list = fx.v2().list_positions("en", fx.now()).await.unwrap();
    assert_eq!(list.source, PositionSource::XmlFeed);
    assert_eq!(
        list.positions
            .iter()
            .map(|p| p.id.get())
            .collect::<Vec<_>>(),
        vec![1001, 1002, 1003, 1004]
    );
    assert_eq!(list.positions[0].name, "Senior Rust Engineer");
    // Only the v1 token: the feed, in the requested language.
    let de = fx.v1().list_positions("de", fx.now()).await.unwrap();
    assert_eq!(de.source, PositionSource::XmlFeed);
    assert_eq!(de.positions[0].name, "Senior Rust Entwickler (m/w/d)");
    // `.de` does not answer with the feed (here: 404), `.com` does; the answering host is remembered.
    let endpoints = Endpoints {
        api_base: fx.standin.base_url.clone(),
        careers_bases: vec![fx.url("/not-the-feed"), fx.standin.base_url.clone()],
    };
    let mut c = PersonioClient::new(ReqwestTransport::new(), creds_v1(), endpoints.clone());
    assert_eq!(
        c.list_positions("en", fx.now())
            .await
            .unwrap()
            .positions
            .len(),
        4
    );
    assert_eq!(
        c.state().feed_base.as_deref(),
        Some(fx.standin.base_url.as_str())
    );
    c.list_positions("en", fx.now()).await.unwrap();
    assert_eq!(
        fx.calls("GET", "/not-the-feed/xml"),
        1,
        "the remembered host is asked first"
    );
    // A restored state remembers it too.
    let mut restored = PersonioClient::new(ReqwestTransport::new(), creds_v1(), endpoints)
        .with_state(c.state().clone());
    restored.list_positions("en", fx.now()).await.unwrap();
    assert_eq!(fx.calls("GET", "/not-the-feed/xml"), 1);
    // Neither host answers: a specific error naming both.
    let nowhere = Endpoints {
        api_base: fx.standin.base_url.clone(),
        careers_bases: vec![fx.url("/a"), "http://127.0.0.1:9".into()],
    };
    match PersonioClient::new(ReqwestTransport::new(), creds_v1(), nowhere)
        .list_positions("en", fx.now())
        .await
    {
        Err(PersonioError::FeedUnavailable { tried }) => assert_eq!(tried.len(), 2),
        other => panic!("{other:?}"),
    }
    fx.finish();
}

#[tokio::test]
async fn v2_application_documents_and_lookups() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let up = c
        .upload_document("cv.pdf", &pdf_bytes("kj"), now)
        .await
        .unwrap();
    let mut d = draft("katherine@example.com", 1003);
    d.tags = vec!["linkedin".into()];
    d.attributes = vec![Attribute {
        id: "phone".into(),
        value: "+1 202".into(),
    }];
    let files = [FileReference {
        uuid: up.uuid,
        original_filename: up.original_filename,
        category: DocumentCategory::Cv,
    }];
    let created = c.create_application(&d, &files, now).await.unwrap();
    let id = created.id.expect("v2 returns the id");
    let rec = fx.standin.received();
    let a = rec["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(a["api"], "v2");
    assert_eq!(a["files"][0]["category"], "cv");

    let cands = c
        .candidates_by_email("KATHERINE@example.com", 1, now)
        .await
        .unwrap();
    assert_eq!(cands.items.len(), 1);
    assert!(cands.complete);
    assert_eq!(cands.items[0].last_name.as_deref(), Some("Johnson"));
    assert_eq!(cands.items[0].application_ids, Some(vec![id.clone()]));
    let apps = c
        .applications_by_email("katherine@example.com", 1, now)
        .await
        .unwrap();
    let app = &apps.items[0];
    assert_eq!(
        (app.id.as_str(), app.position_id),
        (id.as_str(), Some(PositionId(1003)))
    );
    let stage = app.stage.clone().unwrap();
    assert_eq!(
        (
            stage.id.as_deref(),
            stage.kind.as_deref(),
            stage.stage_type.as_deref()
        ),
        (None, Some("UNASSIGNED"), Some("system")),
        "system stages come without id (and name)"
    );
    assert_eq!(stage.outcome(), StageOutcome::InProcess);
    // The recruiter hires her in Personio.
    assert!(fx.standin.move_stage(&id, "2101"));
    assert!(fx.standin.move_stage(&id, "accepted"));
    let hired = c.application(&id, now).await.unwrap().unwrap();
    assert_eq!(hired.stage.unwrap().outcome(), StageOutcome::Hired);
    let tr = c.stage_transitions(&id, now).await.unwrap();
    assert_eq!(
        tr.items
            .iter()
            .map(|t| t.stage.as_ref().unwrap().key())
            .collect::<Vec<_>>(),
        vec!["accepted:system", "2101", "unassigned:system"],
        "latest first"
    );
    assert!(tr.items.iter().all(|t| t.entered_at.is_some()));
    assert_eq!(c.application("999999", now).await.unwrap(), None);
    assert!(matches!(
        c.stage_transitions("999999", now).await,
        Err(PersonioError::NotFound { .. })
    ));
    // The tenant's stage names come from the categories.
    let vocab = c.stage_vocabulary(now).await.unwrap();
    let named = vocab.resolve(&tr.items[0].stage.clone().unwrap());
    assert_eq!(named.name.as_deref(), Some("Eingestellt"));
    assert_eq!(vocab.stages.len(), 7);
    // v1-only credentials cannot look up.
    assert!(matches!(
        fx.v1().candidates_by_email("a@b.de", 1, now).await,
        Err(PersonioError::UnsupportedAuth { .. })
    ));
    fx.finish();
}

#[tokio::test]
async fn v2_validation_429_5xx_and_shared_company_budget() {
    let fx = Fixture::new();
    let mut c = fx.v2();
    let now = fx.now();
    let mut d = draft("v@example.com", 1001);
    d.attributes = vec![Attribute {
        id: "custom_attribute_4711".into(),
        value: "x".into(),
    }];
    match c.create_application(&d, &[], now).await {
        Err(PersonioError::Validation { fields, .. }) => {
            assert_eq!(
                fields,
                vec![FieldError::new(
                    "attributes.custom_attribute_4711",
                    "errors.attribute-validation.unknown"
                )]
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.create_application(&draft(seed::EXISTING_APPLICANT_EMAIL, 1001), &[], now)
            .await
            .unwrap_err(),
        PersonioError::AlreadyExists
    );
    assert_eq!(
        c.create_application(&draft("v@example.com", 1005), &[], now)
            .await
            .unwrap_err(),
        PersonioError::NotPublished
    );
    fx.standin.set_faults(Faults {
        rate_limit_next: 1,
        ..Default::default()
    });
    assert_eq!(
        c.upload_document("a.txt", b"x", now).await.unwrap_err(),
        PersonioError::RateLimited {
            retry_at_ms: now + 60_000
        }
    );
    fx.standin.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(504),
        ..Default::default()
    });
    match fx.v2().upload_document("a.txt", b"x", now).await {
        Err(e @ PersonioError::Server { status: 504, .. }) => assert!(e.trace_id().is_some()),
        other => panic!("{other:?}"),
    }
    // v1 and v2 share the company's 20 calls per minute (assumed, see README).
    let mut v1 = fx.v1();
    let used = fx
        .standin
        .exchanges()
        .iter()
        .filter(|e| e.path.ends_with("/applications") || e.path.ends_with("/documents"))
        .filter(|e| e.method == "POST" && e.fault.is_none())
        .count();
    for i in used..RECRUITING_LIMIT {
        v1.upload_document(&format!("f{i}.txt"), b"x", now)
            .await
            .unwrap();
    }
    let mut fresh = fx.v2();
    assert_eq!(
        fresh.upload_document("b.txt", b"x", now).await.unwrap_err(),
        PersonioError::RateLimited {
            retry_at_ms: now + 60_000
        }
    );
    fx.finish();
}
