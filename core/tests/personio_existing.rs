//! "Already in Personio?" (`PersonioClient::find_candidate`) against the stand-in: the candidate of a
//! LinkedIn profile Personio stored in another URL form, in every filter mode; by e-mail; applications
//! read by id with the tenant's stage names; the page budget (partial coverage said so); the sparse mode;
//! a write-only client (403) and v1 credentials hide the panel; a 429 cool-down spends no call.

mod personio_support;

use personio_standin::{seed, Modes};
use personio_support::{filter_modes, Fixture};
use sourcing_core::personio::{
    CandidateLookup, Credentials, LinkedinCoverage, LookupGap, LookupHidden, MatchedBy,
    NewApplication, PersonQuery, PersonioError, PositionId,
};

const RAVI: &str = "https://www.linkedin.com/in/ravi-castellano-9e21f0/?utm_source=share";

fn by_profile(url: &str) -> PersonQuery {
    PersonQuery {
        email: String::new(),
        linkedin_url: Some(url.into()),
        linkedin_attribute: Some(seed::LINKEDIN_ATTRIBUTE.into()),
    }
}

fn by_email(email: &str) -> PersonQuery {
    PersonQuery {
        email: email.into(),
        ..PersonQuery::default()
    }
}

fn draft(email: &str, job: i64) -> NewApplication {
    NewApplication {
        first_name: "Dorothy".into(),
        last_name: "Vaughan".into(),
        email: email.into(),
        job_position_id: PositionId(job),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_profile_stored_in_another_url_form_is_found_with_its_applications_in_every_filter_mode()
{
    for modes in filter_modes() {
        let fx = Fixture::with_modes(modes.clone());
        let mut c = fx.v2();
        let now = fx.now();
        fx.standin.move_stage("400002", "2101");
        // A second application of the same person (same e-mail → same candidate).
        c.create_application(&draft(seed::LINKEDIN_APPLICANT_EMAIL, 1003), &[], now)
            .await
            .unwrap();
        let lookup = c.find_candidate(&by_profile(RAVI), now).await;
        let found = lookup
            .found()
            .unwrap_or_else(|| panic!("{modes:?}: {lookup:?}"));
        assert_eq!(found.id, "300002");
        assert_eq!(found.name.as_deref(), Some("Ravi Castellano"));
        assert_eq!(found.email.as_deref(), Some(seed::LINKEDIN_APPLICANT_EMAIL));
        assert_eq!(found.matched_by, Some(MatchedBy::Linkedin));
        let mut seen: Vec<(Option<PositionId>, Option<String>)> = found
            .applications
            .iter()
            .map(|a| (a.position_id, a.stage.as_ref().and_then(|s| s.name.clone())))
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            vec![
                (Some(PositionId(1001)), Some("Telefoninterview".into())),
                (Some(PositionId(1003)), Some("Neu".into())),
            ],
            "{modes:?}"
        );
        let newest = &found.applications[0];
        assert_eq!(newest.position_id, Some(PositionId(1003)), "newest first");
        assert_eq!(
            found.personio_url.as_deref(),
            Some(
                format!(
                    "https://acme.personio.de/recruiting/applications/{}",
                    newest.id
                )
                .as_str()
            )
        );
        // No filter Personio might ignore or refuse: the list, then each application by id.
        assert_eq!(fx.calls("GET", "/v2/recruiting/applications"), 0);
        assert_eq!(fx.calls("GET", "/v2/recruiting/applications/400002"), 1);
        fx.finish();
    }
}

#[tokio::test]
async fn by_email_not_found_and_the_page_budget() {
    let fx = Fixture::new();
    let mut c = fx.v2().with_page_limit(2);
    let now = fx.now();
    let lookup = c
        .find_candidate(&by_email("ERIKA.Mustermann@example.com"), now)
        .await;
    let found = lookup.found().expect("Erika by e-mail");
    assert_eq!(found.matched_by, Some(MatchedBy::Email));
    assert_eq!(found.applications.len(), 1);
    assert_eq!(
        c.find_candidate(&by_email("nobody@example.com"), now).await,
        CandidateLookup::NotFound {
            linkedin: LinkedinCoverage::NotAsked,
            email_checked: true
        }
    );
    // Three newer candidates push Ravi past the two pages of two scanned: not found, and said how far.
    for (i, job) in [1002, 1003, 1004].into_iter().enumerate() {
        c.create_application(&draft(&format!("new{i}@example.com"), job), &[], now)
            .await
            .unwrap();
    }
    assert_eq!(
        c.find_candidate(&by_profile(RAVI), now).await,
        CandidateLookup::NotFound {
            linkedin: LinkedinCoverage::Partial {
                candidates_scanned: 4
            },
            email_checked: false
        }
    );
    fx.finish();
}

#[tokio::test]
async fn sparse_answers_say_the_profile_could_not_be_compared() {
    let fx = Fixture::with_modes(Modes {
        sparse: true,
        ..Modes::default()
    });
    let mut c = fx.v2();
    let lookup = c.find_candidate(&by_profile(RAVI), fx.now()).await;
    assert_eq!(
        lookup,
        CandidateLookup::NotFound {
            linkedin: LinkedinCoverage::NotShown,
            email_checked: false
        }
    );
    fx.finish();
}

#[tokio::test]
async fn no_read_right_or_v1_credentials_hide_the_panel_and_a_cool_down_spends_nothing() {
    let fx = Fixture::new();
    let mut writeonly = fx.client(Credentials {
        subdomain: seed::SUBDOMAIN.parse().unwrap(),
        client_id: seed::WRITEONLY_CLIENT_ID.into(),
        client_secret: seed::WRITEONLY_CLIENT_SECRET.into(),
        ..Default::default()
    });
    let now = fx.now();
    assert_eq!(
        writeonly.find_candidate(&by_profile(RAVI), now).await,
        CandidateLookup::Hidden {
            reason: LookupHidden::NoReadRight
        }
    );
    assert_eq!(
        fx.v1().find_candidate(&by_profile(RAVI), now).await,
        CandidateLookup::Hidden {
            reason: LookupHidden::NeedsV2
        }
    );
    let c = fx.v2();
    let mut state = c.state().clone();
    state.budget.cooldown_until_ms = now + 60_000;
    let mut c = c.with_state(state);
    let before = fx.calls("GET", "/v2/recruiting/candidates");
    let lookup = c.find_candidate(&by_profile(RAVI), now).await;
    assert!(
        matches!(
            lookup,
            CandidateLookup::Unavailable {
                gap: LookupGap::Failed {
                    error: PersonioError::RateLimited { .. }
                }
            }
        ),
        "{lookup:?}"
    );
    assert!(!lookup.is_cacheable());
    assert_eq!(fx.calls("GET", "/v2/recruiting/candidates"), before);
    fx.finish();
}
