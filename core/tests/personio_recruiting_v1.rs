//! v1 recruiting against the running stand-in: documents and applications, every documented
//! validation reason, 401/403/413/422/429/5xx, the request budget and network failures.

mod personio_support;

use personio_standin::{seed, Faults};
use personio_support::{pdf_bytes, sha256_hex, Fixture};
use serde_json::{json, Value};
use sourcing_core::personio::error::parse_error_body;
use sourcing_core::personio::{
    build_application, Attribute, CandidateForm, Credentials, DocumentCategory, FieldError,
    FieldMapping, FileReference, MissingRight, NewApplication, PersonioError, Phase, PositionId,
    RECRUITING_LIMIT,
};

fn draft(email: &str, job: i64) -> NewApplication {
    NewApplication {
        first_name: "Grace".into(),
        last_name: "Hopper".into(),
        email: email.into(),
        job_position_id: PositionId(job),
        ..Default::default()
    }
}

fn has(err: &PersonioError, field: &str, reason: &str) -> bool {
    matches!(err, PersonioError::Validation { fields, .. } if fields.contains(&FieldError::new(field, reason)))
}

#[tokio::test]
async fn upload_then_apply_with_all_mapped_fields() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let cv = pdf_bytes("grace");
    let up = c
        .upload_document("Grace Hopper CV.pdf", &cv, fx.now())
        .await
        .unwrap();
    assert_eq!(
        (up.size, up.extension.as_str(), up.mimetype.as_str()),
        (cv.len() as u64, "pdf", "application/pdf")
    );
    let letter = b"Dear team".to_vec();
    let up2 = c
        .upload_document("letter.txt", &letter, fx.now())
        .await
        .unwrap();
    let form = CandidateForm {
        first_name: "Grace".into(),
        last_name: "Hopper".into(),
        email: "grace@example.com".into(),
        phone: Some("+1 555 0100".into()),
        location: Some("Arlington, VA".into()),
        linkedin_url: Some("https://www.linkedin.com/in/grace-hopper/".into()),
        message: Some("Invented the compiler.".into()),
        tags: vec!["linkedin".into(), "sourced".into()],
        job_position_id: PositionId(1001),
        extra_attributes: vec![Attribute {
            id: "custom_attribute_1002".into(),
            value: "custom_option_1".into(),
        }],
    };
    let mapping = FieldMapping {
        linkedin_attribute_id: Some(seed::LINKEDIN_ATTRIBUTE.into()),
    };
    // The recruiter's local date (here the UTC one, never ahead of the tenant's in Berlin).
    let today = sourcing_core::personio::date::iso_date(fx.now());
    let app = build_application(&form, &mapping, Some(&today));
    let files = vec![
        FileReference {
            uuid: up.uuid.clone(),
            original_filename: up.original_filename.clone(),
            category: DocumentCategory::Cv,
        },
        FileReference {
            uuid: up2.uuid.clone(),
            original_filename: up2.original_filename.clone(),
            category: DocumentCategory::CoverLetter,
        },
    ];
    let created = c.create_application(&app, &files, fx.now()).await.unwrap();
    assert_eq!(created.id, None, "v1 answers 201 without body");

    let rec = fx.standin.received();
    let a = rec["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["fields"]["email"] == "grace@example.com")
        .unwrap()
        .clone();
    assert_eq!(a["api"], "v1");
    assert_eq!(a["job_position_id"], 1001);
    assert_eq!(a["fields"]["first_name"], "Grace");
    assert_eq!(a["fields"]["message"], "Invented the compiler.");
    assert_eq!(a["fields"]["application_date"], Value::String(today));
    assert_eq!(a["tags"], json!(["linkedin", "sourced"]));
    let attrs: Vec<(String, String)> = a["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["id"].as_str().unwrap().into(),
                x["value"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(attrs.contains(&("phone".into(), "+1 555 0100".into())));
    assert!(attrs.contains(&("location".into(), "Arlington, VA".into())));
    assert!(attrs.contains(&(
        seed::LINKEDIN_ATTRIBUTE.into(),
        "https://www.linkedin.com/in/grace-hopper/".into()
    )));
    assert!(attrs.contains(&("custom_attribute_1002".into(), "custom_option_1".into())));
    let f = a["files"].as_array().unwrap();
    assert_eq!(f.len(), 2);
    assert_eq!(f[0]["category"], "cv");
    assert_eq!(f[0]["name"], "Grace Hopper CV.pdf");
    assert_eq!(f[0]["sha256"], sha256_hex(&cv));
    assert_eq!(f[0]["size"], cv.len());
    assert_eq!(f[1]["category"], "cover-letter");
    assert_eq!(f[1]["sha256"], sha256_hex(&letter));
    fx.finish();
}

#[tokio::test]
async fn linkedin_url_goes_to_message_without_attribute() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let form = CandidateForm {
        first_name: "Alan".into(),
        last_name: "Turing".into(),
        email: "alan@example.com".into(),
        linkedin_url: Some("https://www.linkedin.com/in/alan/".into()),
        job_position_id: PositionId(1002),
        ..Default::default()
    };
    let app = build_application(&form, &FieldMapping::default(), None);
    c.create_application(&app, &[], fx.now()).await.unwrap();
    let rec = fx.standin.received();
    let a = rec["applications"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        a["fields"]["message"],
        "LinkedIn: https://www.linkedin.com/in/alan/"
    );
    assert_eq!(a["attributes"], json!([]));
    assert!(
        fx.standin
            .exchanges()
            .iter()
            .any(|e| e.path == "/v1/recruiting/applications"
                && e.request_json
                    .as_ref()
                    .is_some_and(|b| b.get("application_date").is_none())),
        "without the recruiter's date, application_date is left out"
    );
    assert_eq!(
        a["application_date"],
        Value::String(personio_standin::state::tenant_date(fx.now())),
        "Personio's own today"
    );
    fx.finish();
}

#[tokio::test]
async fn every_field_validation_reason_comes_back_typed() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let mut d = draft("ada@example.com", 1001);
    d.application_date = Some("2999-01-01".into());
    d.recruiting_channel_id = Some(999);
    d.external_posting_id = Some("nope".into());
    d.phase = Some(Phase {
        kind: "system".into(),
        id: json!("hired"),
    });
    d.attributes = vec![
        Attribute {
            id: "custom_attribute_9999".into(),
            value: "x".into(),
        },
        Attribute {
            id: "custom_attribute_1002".into(),
            value: "custom_option_42".into(),
        },
        Attribute {
            id: "birthday".into(),
            value: "31.12.1990".into(),
        },
        Attribute {
            id: "gender".into(),
            value: "robot".into(),
        },
    ];
    let files = vec![FileReference {
        uuid: "6d9c7e7a-0000-4000-8000-000000000000".into(),
        original_filename: "cv.pdf".into(),
        category: DocumentCategory::Cv,
    }];
    let err = c
        .create_application(&d, &files, fx.now())
        .await
        .unwrap_err();
    for (field, reason) in [
        (
            "application_date",
            "errors.date-validation.date-in-the-future",
        ),
        (
            "recruiting_channel_id",
            "errors.posting-validation.channel-not-found",
        ),
        (
            "external_posting_id",
            "errors.posting-validation.posting-not-found",
        ),
        ("phase", "errors.phase-validation.invalid-system-phase"),
        (
            "attributes.custom_attribute_9999",
            "errors.attribute-validation.unknown",
        ),
        (
            "attributes.custom_attribute_1002",
            "errors.attribute-validation.unknown-attribute-option",
        ),
        (
            "attributes.birthday",
            "errors.attribute-validation.invalid-date-format",
        ),
        (
            "attributes.gender",
            "errors.attribute-validation.unknown-attribute-option",
        ),
        ("files[0]", "errors.file-validation.file-not-exists"),
    ] {
        assert!(
            has(&err, field, reason),
            "{field} {reason} missing in {err:?}"
        );
    }
    // A valid channel + posting and a custom phase are accepted.
    let mut ok = draft("ada@example.com", 1001);
    ok.recruiting_channel_id = Some(501);
    ok.external_posting_id = Some("li-ext-1001".into());
    ok.phase = Some(Phase {
        kind: "custom".into(),
        id: json!(77),
    });
    c.create_application(&ok, &[], fx.now()).await.unwrap();
    fx.finish();
}

#[tokio::test]
async fn server_side_required_format_and_shape_errors() {
    let fx = Fixture::new();
    let post = |body: Value| fx.raw_v1("/v1/recruiting/applications").json(&body).send();
    let r = post(json!({"first_name": "  ", "last_name": "", "email": "not-an-email", "job_position_id": 1001,
        "files": [{"uuid": "6d9c7e7a-0000-4000-8000-000000000000", "original_filename": "x.pdf", "category": "passport"}],
        "attributes": [{"id": "phone", "value": 12}]}))
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let p = parse_error_body(&r.bytes().await.unwrap());
    for (f, reason) in [
        (
            "first_name",
            "errors.attribute-validation.required-attribute",
        ),
        (
            "last_name",
            "errors.attribute-validation.required-attribute",
        ),
        ("email", "errors.attribute-validation.invalid-email-format"),
        ("files[0]", "errors.file-validation.unknown-file-category"),
        (
            "attributes.phone",
            "errors.attribute-validation.invalid-type",
        ),
    ] {
        assert!(
            p.fields.contains(&FieldError::new(f, reason)),
            "{f} {reason}: {p:?}"
        );
    }
    let r = post(json!({"first_name": "A", "last_name": "B", "email": "a@b.de"}))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(parse_error_body(&r.bytes().await.unwrap())
        .fields
        .contains(&FieldError::new(
            "job_position_id",
            "errors.attribute-validation.required-attribute"
        )));
    let r = post(
        json!({"first_name": "A", "last_name": "B", "email": "a@b.de", "job_position_id": "1001"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let p = parse_error_body(&r.bytes().await.unwrap());
    assert!(
        p.messages[0].contains("Invalid request body supplied"),
        "{p:?}"
    );
    assert!(p.trace_id.is_some());
    let r = fx
        .raw_v1("/v1/recruiting/applications")
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    fx.finish();
}

#[tokio::test]
async fn unpublished_unknown_position_and_existing_applicant() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    assert_eq!(
        c.create_application(&draft("x@example.com", 1005), &[], fx.now())
            .await
            .unwrap_err(),
        PersonioError::NotPublished
    );
    assert_eq!(
        c.create_application(&draft("x@example.com", 424242), &[], fx.now())
            .await
            .unwrap_err(),
        PersonioError::NotPublished
    );
    let dup = draft(seed::EXISTING_APPLICANT_EMAIL, 1001);
    assert_eq!(
        c.create_application(&dup, &[], fx.now()).await.unwrap_err(),
        PersonioError::AlreadyExists
    );
    // Same person, other position: fine; e-mail match is case-insensitive.
    c.create_application(&draft("Erika.Mustermann@Example.com", 1002), &[], fx.now())
        .await
        .unwrap();
    assert_eq!(
        c.create_application(&draft("ERIKA.MUSTERMANN@example.com", 1002), &[], fx.now())
            .await
            .unwrap_err(),
        PersonioError::AlreadyExists
    );
    fx.finish();
}

#[tokio::test]
async fn unauthorized_and_disabled_features() {
    let fx = Fixture::new();
    let mut bad = fx.client(Credentials {
        recruiting_token: "wrong".into(),
        ..personio_support::creds_v1()
    });
    assert!(matches!(
        bad.create_application(&draft("a@example.com", 1001), &[], fx.now())
            .await,
        Err(PersonioError::Unauthorized { .. })
    ));
    assert!(matches!(
        bad.upload_document("cv.pdf", &pdf_bytes("x"), fx.now())
            .await,
        Err(PersonioError::Unauthorized { .. })
    ));
    let mut wrong_company = fx.client(Credentials {
        company_id: seed::DISABLED_COMPANY_ID.into(),
        ..personio_support::creds_v1()
    });
    assert!(matches!(
        wrong_company
            .create_application(&draft("a@example.com", 1001), &[], fx.now())
            .await,
        Err(PersonioError::Unauthorized { .. })
    ));
    let mut disabled = fx.client(Credentials {
        company_id: seed::DISABLED_COMPANY_ID.into(),
        recruiting_token: seed::DISABLED_RECRUITING_TOKEN.into(),
        ..Default::default()
    });
    match disabled
        .create_application(&draft("a@example.com", 1001), &[], fx.now())
        .await
    {
        Err(PersonioError::Forbidden {
            right: MissingRight::PublicApiFeature,
            trace_id,
        }) => assert!(trace_id.is_some()),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        disabled
            .upload_document("cv.pdf", &pdf_bytes("x"), fx.now())
            .await,
        Err(PersonioError::Forbidden { .. })
    ));
    let mut none = fx.client(Credentials::default());
    assert!(matches!(
        none.create_application(&draft("a@example.com", 1001), &[], fx.now())
            .await,
        Err(PersonioError::UnsupportedAuth { .. })
    ));
    fx.finish();
}

#[tokio::test]
async fn document_type_and_size_limits() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    // Checked locally: no call spent.
    let e = c
        .upload_document("cv.html", b"<html/>", fx.now())
        .await
        .unwrap_err();
    assert!(has(&e, "file", "errors.invalid-file-type"), "{e:?}");
    let big = vec![b'a'; 20 * 1024 * 1024 + 1];
    assert_eq!(
        c.upload_document("big.pdf", &big, fx.now())
            .await
            .unwrap_err(),
        PersonioError::TooLarge {
            field: "file".into()
        }
    );
    assert_eq!(fx.calls("POST", "/v1/recruiting/applications/documents"), 0);
    // Exactly 20 MB is accepted; `.jpeg` is sent as `.jpg`.
    let max = vec![b'a'; 20 * 1024 * 1024];
    assert_eq!(
        c.upload_document("max.pdf", &max, fx.now())
            .await
            .unwrap()
            .size,
        max.len() as u64
    );
    assert_eq!(
        c.upload_document("me.jpeg", b"\xff\xd8\xff", fx.now())
            .await
            .unwrap()
            .extension,
        "jpg"
    );
    // The server says the same when asked directly.
    let send = |name: &str, bytes: Vec<u8>| {
        let mut mp = sourcing_core::personio::encode::Multipart::new(&bytes);
        mp.file("file", name, "application/octet-stream", &bytes);
        let (ct, body) = mp.finish();
        fx.raw_v1("/v1/recruiting/applications/documents")
            .header("Content-Type", ct)
            .body(body)
            .send()
    };
    let r = send("big.pdf", big.clone()).await.unwrap();
    assert_eq!(r.status(), 413);
    assert_eq!(
        parse_error_body(&r.bytes().await.unwrap()).fields,
        vec![FieldError::new("file", "errors.file-too-big")]
    );
    let r = send("tool.exe", b"MZ".to_vec()).await.unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(
        parse_error_body(&r.bytes().await.unwrap()).fields,
        vec![FieldError::new("file", "errors.invalid-file-type")]
    );
    let r = fx
        .raw_v1("/v1/recruiting/applications/documents")
        .header("Content-Type", "multipart/form-data; boundary=x")
        .body("--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    fx.finish();
}

#[tokio::test]
async fn rate_limit_budget_and_429() {
    let fx = Fixture::new();
    let now = fx.now();
    let mut a = fx.v1();
    for i in 0..RECRUITING_LIMIT {
        a.upload_document(&format!("f{i}.txt"), b"x", now)
            .await
            .unwrap();
    }
    // The budget stops the 21st call locally, until the first call leaves the window.
    let e = a.upload_document("f.txt", b"x", now).await.unwrap_err();
    assert_eq!(
        e,
        PersonioError::RateLimited {
            retry_at_ms: now + 60_000
        }
    );
    assert_eq!(
        fx.calls("POST", "/v1/recruiting/applications/documents"),
        RECRUITING_LIMIT
    );
    // A second client for the same company (fresh state) meets Personio's 429 …
    let mut b = fx.v1();
    let e = b.upload_document("g.txt", b"x", now).await.unwrap_err();
    assert_eq!(
        e,
        PersonioError::RateLimited {
            retry_at_ms: now + 60_000
        }
    );
    assert_eq!(b.state().budget.cooldown_until_ms, now + 60_000);
    // … and then waits at least 60 s without calling.
    assert!(b
        .create_application(&draft("a@example.com", 1001), &[], now + 59_000)
        .await
        .unwrap_err()
        .is_transient());
    assert_eq!(fx.calls("POST", "/v1/recruiting/applications"), 0);
    fx.standin.advance_clock(61_000);
    b.upload_document("g.txt", b"x", fx.now()).await.unwrap();
    // The state survives a restart as plain JSON.
    let saved = serde_json::to_string(b.state()).unwrap();
    let c = fx.v1().with_state(serde_json::from_str(&saved).unwrap());
    assert_eq!(c.state(), b.state());
    fx.finish();
}

#[tokio::test]
async fn server_errors_back_off_and_network_errors() {
    let fx = Fixture::new();
    let mut c = fx.v1();
    let now = fx.now();
    fx.standin.set_faults(Faults {
        fail_next: 2,
        fail_status: Some(500),
        ..Default::default()
    });
    match c.upload_document("a.txt", b"x", now).await {
        Err(PersonioError::Server {
            status: 500,
            retry_at_ms,
            trace_id,
        }) => {
            assert_eq!(retry_at_ms, now + 2_000);
            assert!(trace_id.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.upload_document("a.txt", b"x", now)
            .await
            .unwrap_err()
            .retry_at_ms(),
        Some(now + 4_000)
    );
    c.upload_document("a.txt", b"x", now).await.unwrap();
    assert_eq!(c.state().backoff.consecutive_failures, 0);
    fx.standin.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(503),
        ..Default::default()
    });
    assert!(matches!(
        c.create_application(&draft("n@example.com", 1001), &[], now)
            .await,
        Err(PersonioError::Server { status: 503, .. })
    ));
    fx.standin.set_faults(Faults {
        drop_next: 1,
        ..Default::default()
    });
    match c.upload_document("a.txt", b"x", now).await {
        Err(PersonioError::Network { retry_at_ms, .. }) => assert_eq!(retry_at_ms, now + 4_000),
        other => panic!("{other:?}"),
    }
    fx.standin.set_faults(Faults {
        latency_ms: 30,
        ..Default::default()
    });
    c.upload_document("slow.txt", b"x", now).await.unwrap();
    fx.finish();
}
