//! Shared by the `personio_*` integration tests: a real HTTP transport (reqwest), a fixture that
//! spawns the stand-in in-process, and the contract check that validates every recorded request
//! and response against Personio's official OpenAPI files in `../shared/personio-openapi/`.
#![allow(dead_code)]

pub mod contract;
pub mod observed;

pub use personio_standin::transport::ReqwestTransport;
use personio_standin::{seed, Config, Modes, Running, UnknownFilters};
use sourcing_core::personio::{Credentials, Endpoints, PersonioClient};

/// A stand-in for one test plus helpers; call [`Fixture::finish`] at the end to run the contract check.
pub struct Fixture {
    pub standin: Running,
    pub http: reqwest::Client,
}

pub type Client = PersonioClient<ReqwestTransport>;

impl Fixture {
    pub fn new() -> Self {
        Self::with_modes(Modes::default())
    }

    /// A stand-in answering in `modes` where the sources are silent.
    pub fn with_modes(modes: Modes) -> Self {
        Self {
            standin: personio_standin::spawn(Config {
                modes,
                ..Config::default()
            }),
            http: reqwest::Client::new(),
        }
    }

    pub fn now(&self) -> u64 {
        self.standin.now_ms()
    }

    pub fn endpoints(&self) -> Endpoints {
        Endpoints::single(&self.standin.base_url)
    }

    pub fn client(&self, credentials: Credentials) -> Client {
        PersonioClient::new(ReqwestTransport::new(), credentials, self.endpoints())
    }

    /// Only the v1 recruiting token + company id.
    pub fn v1(&self) -> Client {
        self.client(creds_v1())
    }

    /// OAuth client credentials (full rights) and the v1 pair.
    pub fn v2(&self) -> Client {
        self.client(creds_v2())
    }

    /// The read-only OAuth client.
    pub fn readonly(&self) -> Client {
        self.client(Credentials {
            subdomain: seed::SUBDOMAIN.parse().unwrap(),
            client_id: seed::READONLY_CLIENT_ID.into(),
            client_secret: seed::READONLY_CLIENT_SECRET.into(),
            ..Default::default()
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.standin.base_url, path)
    }

    /// A raw request marked as deliberately off-contract (its request body is not validated).
    pub fn raw(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("X-Standin-Note", "invalid-request")
    }

    /// Raw v1 recruiting request with valid credentials.
    pub fn raw_v1(&self, path: &str) -> reqwest::RequestBuilder {
        self.raw(reqwest::Method::POST, path)
            .header(
                "Authorization",
                format!("Bearer {}", seed::RECRUITING_TOKEN),
            )
            .header("X-Company-ID", seed::COMPANY_ID)
    }

    /// Number of applications the stand-in holds.
    pub fn application_count(&self) -> usize {
        self.standin.received()["applications"]
            .as_array()
            .map(Vec::len)
            .unwrap_or(0)
    }

    /// Number of recorded exchanges on a path (exact match) and method.
    pub fn calls(&self, method: &str, path: &str) -> usize {
        self.standin
            .exchanges()
            .iter()
            .filter(|e| e.method == method && e.path == path)
            .count()
    }

    /// Validates every recorded exchange against the official OpenAPI files.
    pub fn finish(self) {
        contract::check_exchanges(&self.standin.exchanges());
    }
}

/// Every combination of the filter modes the duplicate check and the HRIS lookups must survive:
/// unknown filters ignored or refused, `candidate.email` trusted or not.
pub fn filter_modes() -> Vec<Modes> {
    let mut out = vec![];
    for unknown_filters in [UnknownFilters::Ignore, UnknownFilters::Refuse] {
        for distrust_observed_filters in [false, true] {
            out.push(Modes {
                unknown_filters,
                distrust_observed_filters,
                ..Modes::default()
            });
        }
    }
    out
}

pub fn creds_v1() -> Credentials {
    Credentials {
        subdomain: seed::SUBDOMAIN.parse().unwrap(),
        company_id: seed::COMPANY_ID.into(),
        recruiting_token: seed::RECRUITING_TOKEN.into(),
        ..Default::default()
    }
}

pub fn creds_v2() -> Credentials {
    Credentials {
        client_id: seed::CLIENT_ID.into(),
        client_secret: seed::CLIENT_SECRET.into(),
        ..creds_v1()
    }
}

/// A small but real PDF.
pub fn pdf_bytes(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% {tag}\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .into_bytes()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    personio_standin::state::sha256_hex(bytes)
}
