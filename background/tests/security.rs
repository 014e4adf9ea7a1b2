//! The background's safety nets in a real `ServiceWorkerGlobalScope` (headless Chromium): a header value
//! `fetch` refuses is an error value, not a JavaScript exception (the outbox that sent it carries on); the
//! sender check takes extension pages by origin and content scripts only from a LinkedIn top frame; a worker
//! start runs every step even when the storage lock fails.

use background::sender::{classify, is_linkedin_origin, Refused, Sender, SenderInfo};
use background::start::{run_steps, steps};
use background::transport::{headers_of, FetchTransport};
use sourcing_core::personio::{HttpRequest, Transport, TransportErrorKind};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_service_worker);

fn with_token(token: &str) -> HttpRequest {
    HttpRequest::get("https://api.personio.de/v1/recruiting/positions")
        .header("Authorization", format!("Bearer {token}"))
        .header("X-Company-ID", "4711")
}

#[wasm_bindgen_test]
fn a_header_fetch_refuses_is_an_error_value_naming_the_header_not_its_value() {
    let error = headers_of(&with_token("abc\u{200B}def")).unwrap_err();
    assert_eq!(error.kind, TransportErrorKind::Unsendable);
    assert!(error.message.contains("Authorization"), "{}", error.message);
    assert!(
        !error.message.contains("abc"),
        "the value is never quoted: {}",
        error.message
    );
    let headers = headers_of(&with_token("abc-def")).unwrap();
    assert_eq!(
        headers.get("x-company-id").unwrap().as_deref(),
        Some("4711")
    );
}

#[wasm_bindgen_test]
async fn sending_with_an_unsendable_header_returns_instead_of_throwing() {
    let error = FetchTransport
        .send(with_token("t\u{FEFF}oken"))
        .await
        .unwrap_err();
    assert_eq!(error.kind, TransportErrorKind::Unsendable);
}

const OWN_ID: &str = "abcdefghijklmnopabcdefghijklmnop";
const OWN_ORIGIN: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

fn sender(origin: &str, tab_id: Option<i32>, frame_id: Option<i32>) -> SenderInfo {
    SenderInfo {
        id: Some(OWN_ID.into()),
        origin: Some(origin.into()),
        tab_id,
        frame_id,
    }
}

#[wasm_bindgen_test]
fn extension_pages_are_recognised_by_origin_content_scripts_only_in_the_top_frame() {
    let classify = |info: &SenderInfo| classify(info, OWN_ID, OWN_ORIGIN);
    assert_eq!(
        classify(&sender(OWN_ORIGIN, None, None)),
        Ok(Sender::ExtensionPage)
    );
    // The popup opened as a tab (`popup.html?tab=`) is still an extension page.
    assert_eq!(
        classify(&sender(OWN_ORIGIN, Some(3), Some(0))),
        Ok(Sender::ExtensionPage)
    );
    assert_eq!(
        classify(&sender("https://www.linkedin.com", Some(7), Some(0))),
        Ok(Sender::ContentScript { tab_id: 7 })
    );
    assert_eq!(
        classify(&sender("https://www.linkedin.com", Some(7), Some(3))),
        Err(Refused::ChildFrame)
    );
    assert_eq!(
        classify(&sender("https://www.linkedin.com", None, Some(0))),
        Err(Refused::NoTab)
    );
    // An extension URL is no proof: only the origin the browser reports counts.
    for origin in [
        "https://evil.example",
        "chrome-extension://otherextensionidotherextensionid",
        "http://www.linkedin.com",
        "https://www.linkedin.com.evil.example",
        "null",
        "",
    ] {
        assert!(
            classify(&sender(origin, Some(7), Some(0))).is_err(),
            "{origin} accepted"
        );
    }
    let other = SenderInfo {
        id: Some("otherextensionidotherextensionid".into()),
        ..sender(OWN_ORIGIN, None, None)
    };
    assert_eq!(classify(&other), Err(Refused::OtherExtension));
    assert!(is_linkedin_origin("https://de.linkedin.com"));
    assert!(!is_linkedin_origin("https://notlinkedin.com"));
}

#[wasm_bindgen_test]
async fn a_failed_storage_lock_never_keeps_the_purge_or_the_outbox_from_running() {
    // There is no `chrome.storage` in this worker: the lock fails as it does on Chrome before 140.
    let ran = Rc::new(Cell::new(0));
    let (purge, outbox) = (ran.clone(), ran.clone());
    let failures = run_steps(vec![
        (
            "storage lock",
            Box::pin(webext::storage::restrict_local_to_trusted_contexts()),
        ),
        (
            "purge",
            Box::pin(async move {
                purge.set(purge.get() + 1);
                Ok(())
            }),
        ),
        (
            "outbox",
            Box::pin(async move {
                outbox.set(outbox.get() + 1);
                Ok(())
            }),
        ),
    ])
    .await;
    assert_eq!(ran.get(), 2, "both later steps ran");
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].0, "storage lock");
    // The real start has those steps, in that order (built, not run).
    let names: Vec<&str> = steps().into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "storage lock",
            "policy lock",
            "purge",
            "purge alarm",
            "outbox"
        ]
    );
}
