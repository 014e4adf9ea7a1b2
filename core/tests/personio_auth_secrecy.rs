//! Credentials and tokens never end up in an error text: the answers of the authentication calls
//! (`POST /v2/auth/token`, `POST /v1/auth`) may carry a token, so no error quotes their bodies; and a
//! request whose credentials cannot be put into a header is refused as unusable credentials, at once, not
//! retried as if the network were down.

use sourcing_core::personio::{
    Credentials, Endpoints, HttpRequest, HttpResponse, PersonioClient, PersonioError, Transport,
    TransportError,
};
use std::cell::RefCell;
use std::collections::VecDeque;

const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.SIGNATURE";

/// Answers with the scripted results in order and records what was sent.
#[derive(Default)]
struct Scripted {
    answers: RefCell<VecDeque<Result<HttpResponse, TransportError>>>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl Scripted {
    fn answering(answers: Vec<Result<HttpResponse, TransportError>>) -> Self {
        Scripted {
            answers: RefCell::new(answers.into()),
            sent: RefCell::default(),
        }
    }
}

impl Transport for Scripted {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(req);
        self.answers
            .borrow_mut()
            .pop_front()
            .expect("an answer is scripted for every request")
    }
}

fn answer(status: u16, body: &str) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    })
}

fn oauth_client(transport: &Scripted) -> PersonioClient<&Scripted> {
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
}

fn assert_no_token(error: &PersonioError) {
    let text = format!(
        "{error} {error:?} {}",
        serde_json::to_string(error).unwrap()
    );
    assert!(!text.contains("c2VjcmV0"), "the token leaked: {text}");
    assert!(!text.contains("papi-secret"), "the secret leaked: {text}");
}

#[tokio::test]
async fn unreadable_token_answers_are_reported_without_their_body() {
    let bodies = [
        (
            200,
            format!(r#"{{"acces_token":"{TOKEN}","expires_in":86400}}"#),
        ),
        (200, format!(r#"{{"access_token":["{TOKEN}"]}}"#)),
        (200, format!("access_token={TOKEN}")),
        (418, format!(r#"{{"access_token":"{TOKEN}"}}"#)),
        (400, format!("token {TOKEN} papi-secret")),
        (404, format!("no route, you sent papi-secret for {TOKEN}")),
    ];
    for (status, body) in bodies {
        let transport = Scripted::answering(vec![answer(status, &body)]);
        let error = oauth_client(&transport).connect(0).await.unwrap_err();
        assert_no_token(&error);
        assert_eq!(transport.sent.borrow().len(), 1, "{status}: one call");
    }
}

#[tokio::test]
async fn the_personnel_token_answer_is_never_quoted_either() {
    let transport = Scripted::answering(vec![answer(
        200,
        &format!(r#"{{"success":true,"data":{{"tokn":"{TOKEN}"}}}}"#),
    )]);
    let error = oauth_client(&transport)
        .find_employee_by_email("ines@example.com", 0)
        .await
        .unwrap_err();
    assert!(
        matches!(error, PersonioError::Unexpected { .. }),
        "{error:?}"
    );
    assert_no_token(&error);
}

#[tokio::test]
async fn other_calls_still_quote_what_personio_said() {
    // The excerpt is only withheld for the authentication calls: elsewhere it helps support.
    let transport = Scripted::answering(vec![
        answer(200, r#"{"access_token":"short-lived","expires_in":3600}"#),
        answer(418, "teapot says no"),
    ]);
    let error = oauth_client(&transport)
        .applications_by_email("ines@example.com", 1, 0)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("teapot says no"), "{error}");
}

#[tokio::test]
async fn credentials_that_cannot_be_sent_are_refused_at_once_and_not_retried() {
    let transport = Scripted::answering(vec![Err(TransportError::unsendable(
        "the Authorization header holds a character HTTP does not allow",
    ))]);
    let mut client = oauth_client(&transport);
    let error = client.connect(1_000).await.unwrap_err();
    assert_eq!(error, PersonioError::Unauthorized { trace_id: None });
    assert!(
        !error.is_transient(),
        "waiting does not fix a bad credential"
    );
    // A network failure, for comparison, is retried later.
    let transport = Scripted::answering(vec![Err(TransportError::new("connection reset"))]);
    let error = oauth_client(&transport).connect(1_000).await.unwrap_err();
    assert!(error.is_transient(), "{error:?}");
}
