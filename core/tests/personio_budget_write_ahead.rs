//! The request budget is written ahead: a budgeted call is counted in the client state, and the state handed
//! to the transport's `write_ahead`, before the request leaves. A worker stopped while the request is in
//! flight (its future dropped) restarts from that state and still counts the call, so its next calls keep
//! to Personio's 20 per minute.

use sourcing_core::personio::{
    ClientState, Credentials, Endpoints, HttpRequest, HttpResponse, PersonioClient, Transport,
    TransportError, RECRUITING_LIMIT,
};
use std::cell::RefCell;

/// Answers the token call; every other request stays in flight forever (the worker is stopped meanwhile).
/// Keeps what was written ahead, as `storage.session` would.
#[derive(Default)]
struct Stalling {
    written: RefCell<Option<ClientState>>,
    /// What had been written ahead when each request left.
    written_when_sent: RefCell<Vec<Option<ClientState>>>,
}

impl Transport for Stalling {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.written_when_sent
            .borrow_mut()
            .push(self.written.borrow().clone());
        if req.url.ends_with("/v2/auth/token") {
            return Ok(HttpResponse {
                status: 200,
                headers: vec![("content-type".into(), "application/json".into())],
                body: br#"{"access_token":"tok","expires_in":86400}"#.to_vec(),
            });
        }
        std::future::pending().await
    }

    async fn write_ahead(&self, state: &ClientState) {
        *self.written.borrow_mut() = Some(state.clone());
    }
}

fn client(transport: &Stalling, state: ClientState) -> PersonioClient<&Stalling> {
    let credentials = Credentials {
        subdomain: "acme".parse().unwrap(),
        client_id: "papi-client".into(),
        client_secret: "papi-secret".into(),
        ..Credentials::default()
    };
    PersonioClient::new(
        transport,
        credentials,
        Endpoints::single("https://api.test"),
    )
    .with_state(state)
}

/// Runs `call` until it waits on the network, then drops it: the worker stopped mid-fetch.
async fn stopped_mid_fetch(call: impl std::future::Future) {
    tokio::select! {
        biased;
        _ = call => panic!("the stalled request never answers"),
        _ = std::future::ready(()) => {}
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_call_in_flight_when_the_worker_stops_still_counts_after_the_restart() {
    const NOW: u64 = 1_000_000;
    let transport = Stalling::default();
    let mut before_stop = client(&transport, ClientState::default());
    stopped_mid_fetch(before_stop.upload_document("cv.pdf", b"%PDF-1.4 cv", NOW)).await;
    drop(before_stop);

    // The token call is not budgeted and wrote nothing; the upload left after its count was written.
    let sent = transport.written_when_sent.borrow().clone();
    assert_eq!(sent.len(), 2, "the token call, then the upload");
    assert_eq!(sent[0], None);
    let at_upload = sent[1].clone().expect("written before the upload left");
    assert_eq!(at_upload.budget.sent_at_ms, vec![NOW]);
    assert!(at_upload.oauth_token.is_some(), "the token goes with it");

    // The restarted worker has only what was written.
    let persisted = transport.written.borrow().clone().unwrap();
    let restarted = client(&transport, persisted);
    assert_eq!(
        restarted.state().budget.remaining(NOW + 1),
        RECRUITING_LIMIT - 1
    );
}

#[tokio::test(flavor = "current_thread")]
async fn calls_outside_the_budget_are_not_written_ahead() {
    let transport = Stalling::default();
    let mut client = client(&transport, ClientState::default());
    stopped_mid_fetch(client.list_positions("en", 1_000)).await;
    assert_eq!(*transport.written.borrow(), None);
}
