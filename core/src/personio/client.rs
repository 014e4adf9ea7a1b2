//! The client: credentials, endpoints and persisted state, plus the one place where requests get
//! their auth headers, pass the budget, go out through the [`Transport`] and come back as typed
//! results (token renewal on 401, cool-down on 429, backoff on 5xx / network errors).

use serde::{Deserialize, Deserializer, Serialize};

use super::budget::{Backoff, RecruitingBudget};
use super::config::{ApiVersion, Credentials, Endpoints, PartnerAppId};
use super::encode::form_urlencode;
use super::error::{classify, Family, PersonioError};
use super::http::{HttpRequest, HttpResponse, Transport};
use super::wire::lenient_text;

/// A bearer token and when to stop using it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedToken {
    /// The token.
    pub token: String,
    /// Epoch ms after which a new token is fetched (expiry minus a safety margin).
    pub expires_at_ms: u64,
    /// Granted scopes, when the token endpoint said.
    pub scope: Option<String>,
}

/// Everything the client must keep across service-worker restarts. Persist it after each call
/// (e.g. with the outbox) and pass it back with [`PersonioClient::with_state`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientState {
    /// v2 OAuth access token.
    pub oauth_token: Option<CachedToken>,
    /// v1 personnel token from `POST /v1/auth`.
    pub personnel_token: Option<CachedToken>,
    /// Recruiting write budget and 429 cool-down.
    pub budget: RecruitingBudget,
    /// Cool-down for the other endpoints after a 429.
    pub other_cooldown_until_ms: u64,
    /// Backoff for 5xx / network errors.
    pub backoff: Backoff,
    /// The career-site base that last answered the XML feed (`.jobs.personio.de` or `.com`); tried
    /// first next time.
    #[serde(default)]
    pub feed_base: Option<String>,
}

/// Safety margin before a token's stated expiry.
pub const TOKEN_MARGIN_MS: u64 = 60_000;
/// Assumed token lifetime when the token endpoint gives no `expires_in` (24 h).
pub const DEFAULT_TOKEN_LIFETIME_S: u64 = 86_400;

/// How a call authenticates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Auth {
    /// No credentials (career-site feed).
    None,
    /// v1 recruiting token + `X-Company-ID`.
    RecruitingToken,
    /// v2 OAuth bearer.
    Bearer,
    /// v1 personnel bearer from `/v1/auth`.
    Personnel,
}

/// What kind of call is being made.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Call {
    pub family: Family,
    pub auth: Auth,
    /// Counts against the 20/min recruiting budget.
    pub budgeted: bool,
}

/// Result of [`PersonioClient::connect`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionInfo {
    /// The recruiting API the client will use.
    pub api: ApiVersion,
    /// True when credentials were checked against Personio (v2 token issued). The static v1
    /// recruiting token cannot be checked without submitting something, so it is `false` there.
    pub verified: bool,
    /// Granted OAuth scopes (v2).
    pub scopes: Vec<String>,
}

/// Personio client over a caller-supplied transport. Never sleeps: waits come back as errors
/// carrying `retry_at_ms`.
pub struct PersonioClient<T> {
    transport: T,
    credentials: Credentials,
    endpoints: Endpoints,
    state: ClientState,
    partner_app_id: Option<PartnerAppId>,
    page_limit: u32,
}

impl<T: Transport> PersonioClient<T> {
    /// A client with fresh state.
    pub fn new(transport: T, credentials: Credentials, endpoints: Endpoints) -> Self {
        Self {
            transport,
            credentials,
            endpoints,
            state: ClientState::default(),
            partner_app_id: Some(PartnerAppId::LINKEDIN_SOURCING),
            page_limit: super::positions::JOBS_PAGE_LIMIT,
        }
    }

    /// Restores persisted state.
    pub fn with_state(mut self, state: ClientState) -> Self {
        self.state = state;
        self
    }

    /// Sets (or with `None` removes) the partner header `X-Personio-App-ID`.
    pub fn with_partner_app_id(mut self, partner_app_id: Option<PartnerAppId>) -> Self {
        self.partner_app_id = partner_app_id;
        self
    }

    /// Page size for v2 list calls (1–200; default 200).
    pub fn with_page_limit(mut self, limit: u32) -> Self {
        self.page_limit = limit.clamp(1, 200);
        self
    }

    /// Page size for v2 list calls.
    pub fn page_limit(&self) -> u32 {
        self.page_limit
    }

    /// The state to persist.
    pub fn state(&self) -> &ClientState {
        &self.state
    }

    /// Mutable state (tests, or a caller that merges state).
    pub fn state_mut(&mut self) -> &mut ClientState {
        &mut self.state
    }

    /// The credentials in use.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The endpoints in use.
    pub fn endpoints(&self) -> &Endpoints {
        &self.endpoints
    }

    /// The recruiting API generation in use, or `UnsupportedAuth` when no credentials are set.
    pub fn recruiting_api(&self) -> Result<ApiVersion, PersonioError> {
        self.credentials
            .recruiting_api()
            .ok_or_else(|| PersonioError::UnsupportedAuth {
                needed: "OAuth client id + secret, or recruiting token + company id".into(),
            })
    }

    /// Checks the connection: with OAuth credentials fetches a fresh token (so wrong credentials
    /// show up now); with only the v1 token reports it unverified.
    pub async fn connect(&mut self, now_ms: u64) -> Result<ConnectionInfo, PersonioError> {
        match self.recruiting_api()? {
            ApiVersion::V2 => {
                self.state.oauth_token = None;
                self.oauth_token(now_ms).await?;
                let scopes = self
                    .state
                    .oauth_token
                    .as_ref()
                    .and_then(|t| t.scope.clone())
                    .map(|s| s.split_whitespace().map(str::to_string).collect())
                    .unwrap_or_default();
                Ok(ConnectionInfo {
                    api: ApiVersion::V2,
                    verified: true,
                    scopes,
                })
            }
            ApiVersion::V1 => Ok(ConnectionInfo {
                api: ApiVersion::V1,
                verified: false,
                scopes: vec![],
            }),
        }
    }

    /// `{api_base}{path}`.
    pub(crate) fn api_url(&self, path: &str) -> String {
        format!("{}{}", self.endpoints.api_base.trim_end_matches('/'), path)
    }

    /// Sends a call: budget, auth headers, one renewal on 401, error mapping.
    pub(crate) async fn execute(
        &mut self,
        req: HttpRequest,
        call: Call,
        now_ms: u64,
    ) -> Result<HttpResponse, PersonioError> {
        self.take_budget(call, now_ms)?;
        // Keep a copy only when a renewal on 401 may need to resend.
        let (first, spare) = match call.auth {
            Auth::Bearer | Auth::Personnel => (req.clone(), Some(req)),
            _ => (req, None),
        };
        let authed = self.authorize(first, call.auth, now_ms).await?;
        self.write_ahead(call).await;
        let mut resp = self.send(authed, now_ms).await?;
        if let (401, Some(req)) = (resp.status, spare) {
            match call.auth {
                Auth::Bearer => self.state.oauth_token = None,
                _ => self.state.personnel_token = None,
            }
            self.take_budget(call, now_ms)?;
            let authed = self.authorize(req, call.auth, now_ms).await?;
            self.write_ahead(call).await;
            resp = self.send(authed, now_ms).await?;
        }
        self.finish(resp, call, now_ms)
    }

    /// A budgeted call is counted: the state goes to the caller's storage before the request leaves (see
    /// [`Transport::write_ahead`]), so the count survives a worker stopped mid-fetch.
    async fn write_ahead(&self, call: Call) {
        if call.budgeted {
            self.transport.write_ahead(&self.state).await;
        }
    }

    fn take_budget(&mut self, call: Call, now_ms: u64) -> Result<(), PersonioError> {
        if call.budgeted {
            self.state
                .budget
                .try_take(now_ms)
                .map_err(|retry_at_ms| PersonioError::RateLimited { retry_at_ms })
        } else if now_ms < self.state.other_cooldown_until_ms {
            Err(PersonioError::RateLimited {
                retry_at_ms: self.state.other_cooldown_until_ms,
            })
        } else {
            Ok(())
        }
    }

    async fn send(&mut self, req: HttpRequest, now_ms: u64) -> Result<HttpResponse, PersonioError> {
        match self.transport.send(req).await {
            Ok(r) => Ok(r),
            // Only credentials go into headers the caller builds: a value HTTP cannot carry means the
            // stored credentials cannot be used as they are. The admin's action is the same as for a
            // 401 (re-enter them), and waiting would not help.
            Err(e) if e.kind == super::http::TransportErrorKind::Unsendable => {
                Err(PersonioError::Unauthorized { trace_id: None })
            }
            Err(e) => {
                let delay = self.state.backoff.fail();
                Err(PersonioError::Network {
                    retry_at_ms: now_ms + delay,
                    message: e.message,
                })
            }
        }
    }

    fn finish(
        &mut self,
        resp: HttpResponse,
        call: Call,
        now_ms: u64,
    ) -> Result<HttpResponse, PersonioError> {
        if resp.is_success() {
            self.state.backoff.succeed();
            if call.auth == Auth::Personnel {
                // Personio echoes (formerly: rotated) the personnel token in the Authorization header.
                if let Some(tok) = resp
                    .header("authorization")
                    .and_then(|h| h.strip_prefix("Bearer "))
                {
                    if let Some(cached) = self.state.personnel_token.as_mut() {
                        cached.token = tok.trim().to_string();
                    }
                }
            }
            return Ok(resp);
        }
        let delay = if resp.status >= 500 {
            self.state.backoff.fail()
        } else {
            0
        };
        let err = classify(&resp, call.family, now_ms, delay);
        if let PersonioError::RateLimited { retry_at_ms } = err {
            if call.budgeted || call.family == Family::Recruiting {
                self.state.budget.cool_down(retry_at_ms);
            } else {
                self.state.other_cooldown_until_ms =
                    self.state.other_cooldown_until_ms.max(retry_at_ms);
            }
        }
        Err(err)
    }

    async fn authorize(
        &mut self,
        req: HttpRequest,
        auth: Auth,
        now_ms: u64,
    ) -> Result<HttpRequest, PersonioError> {
        let mut req = req.header("Accept", "application/json");
        if let Some(app) = &self.partner_app_id {
            if auth != Auth::None {
                req = req
                    .header("X-Personio-App-ID", app.as_str())
                    .header("Personio-App-ID", app.as_str());
            }
        }
        Ok(match auth {
            Auth::None => req,
            Auth::RecruitingToken => {
                if !self.credentials.has_recruiting_token() {
                    return Err(PersonioError::UnsupportedAuth {
                        needed: "recruiting token + company id".into(),
                    });
                }
                req.header(
                    "Authorization",
                    format!("Bearer {}", self.credentials.recruiting_token.trim()),
                )
                .header(
                    "X-Company-ID",
                    self.credentials.company_id.trim().to_string(),
                )
            }
            Auth::Bearer => {
                let token = self.oauth_token(now_ms).await?;
                req.header("Authorization", format!("Bearer {token}"))
            }
            Auth::Personnel => {
                let token = self.personnel_token(now_ms).await?;
                req.header("Authorization", format!("Bearer {token}"))
            }
        })
    }

    /// The cached v2 token, or a new one from `POST /v2/auth/token` (client credentials, form-encoded).
    pub(crate) async fn oauth_token(&mut self, now_ms: u64) -> Result<String, PersonioError> {
        if let Some(t) = &self.state.oauth_token {
            if now_ms < t.expires_at_ms {
                return Ok(t.token.clone());
            }
        }
        if !self.credentials.has_oauth() {
            return Err(PersonioError::UnsupportedAuth {
                needed: "OAuth client id + secret".into(),
            });
        }
        let body = form_urlencode(&[
            ("grant_type", "client_credentials"),
            ("client_id", self.credentials.client_id.trim()),
            ("client_secret", self.credentials.client_secret.trim()),
        ]);
        let req = HttpRequest::post(
            self.api_url("/v2/auth/token"),
            "application/x-www-form-urlencoded",
            body.into_bytes(),
        )
        .header("Accept", "application/json");
        let call = Call {
            family: Family::Auth,
            auth: Auth::None,
            budgeted: false,
        };
        self.take_budget(call, now_ms)?;
        let resp = self.send(req, now_ms).await?;
        let resp = self.finish(resp, call, now_ms)?;
        let answer: OAuthToken = resp.json().map_err(|e| auth_unexpected(&resp, e))?;
        let token = answer
            .access_token
            .filter(|t| !t.is_empty())
            .ok_or_else(|| auth_unexpected(&resp, "no access_token"))?;
        self.state.oauth_token = Some(CachedToken {
            token: token.clone(),
            expires_at_ms: token_expiry(
                now_ms,
                answer.expires_in.unwrap_or(DEFAULT_TOKEN_LIFETIME_S),
            ),
            scope: answer.scope,
        });
        Ok(token)
    }

    /// The cached personnel token, or a new one from `POST /v1/auth` (credentials in the JSON body).
    pub(crate) async fn personnel_token(&mut self, now_ms: u64) -> Result<String, PersonioError> {
        if let Some(t) = &self.state.personnel_token {
            if now_ms < t.expires_at_ms {
                return Ok(t.token.clone());
            }
        }
        if !self.credentials.has_oauth() {
            return Err(PersonioError::UnsupportedAuth {
                needed: "API client id + secret".into(),
            });
        }
        let body = serde_json::json!({
            "client_id": self.credentials.client_id.trim(),
            "client_secret": self.credentials.client_secret.trim(),
        });
        let req = HttpRequest::post(
            self.api_url("/v1/auth"),
            "application/json",
            body.to_string().into_bytes(),
        )
        .header("Accept", "application/json");
        let call = Call {
            family: Family::Auth,
            auth: Auth::None,
            budgeted: false,
        };
        self.take_budget(call, now_ms)?;
        let resp = self.send(req, now_ms).await?;
        let resp = self.finish(resp, call, now_ms)?;
        let answer: PersonnelToken = resp.json().map_err(|e| auth_unexpected(&resp, e))?;
        let data = answer.data.unwrap_or_default();
        let token = data
            .token
            .filter(|t| !t.is_empty())
            .ok_or_else(|| auth_unexpected(&resp, "no data.token"))?;
        self.state.personnel_token = Some(CachedToken {
            token: token.clone(),
            expires_at_ms: token_expiry(
                now_ms,
                data.expires_in.unwrap_or(DEFAULT_TOKEN_LIFETIME_S),
            ),
            scope: data.scope,
        });
        Ok(token)
    }
}

/// `POST /v2/auth/token` answer (RFC 6749).
#[derive(Deserialize)]
struct OAuthToken {
    #[serde(default, deserialize_with = "lenient_text")]
    access_token: Option<String>,
    #[serde(default, deserialize_with = "seconds")]
    expires_in: Option<u64>,
    #[serde(default, deserialize_with = "lenient_text")]
    scope: Option<String>,
}

/// `POST /v1/auth` answer (`AuthenticationTokenResponse`).
#[derive(Deserialize)]
struct PersonnelToken {
    #[serde(default)]
    data: Option<PersonnelTokenData>,
}

#[derive(Default, Deserialize)]
struct PersonnelTokenData {
    #[serde(default, deserialize_with = "lenient_text")]
    token: Option<String>,
    #[serde(default, deserialize_with = "seconds")]
    expires_in: Option<u64>,
    #[serde(default, deserialize_with = "lenient_text")]
    scope: Option<String>,
}

/// A lifetime in seconds, written as an integer, a float or a numeric string.
fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(lenient_text(d)?
        .and_then(|t| t.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(|s| s as u64))
}

fn token_expiry(now_ms: u64, expires_in_s: u64) -> u64 {
    let life = expires_in_s.saturating_mul(1000);
    now_ms + life.saturating_sub(TOKEN_MARGIN_MS.min(life / 2))
}

/// An `Unexpected` error for a 2xx body of an authentication call the client cannot read: without any
/// excerpt of the body, which may hold a token.
fn auth_unexpected(resp: &HttpResponse, why: impl std::fmt::Display) -> PersonioError {
    PersonioError::Unexpected {
        status: resp.status,
        detail: format!("{why} (the answer of an authentication call is never shown)"),
    }
}

/// An `Unexpected` error for a 2xx body the client cannot read.
pub(crate) fn unexpected(resp: &HttpResponse, why: impl std::fmt::Display) -> PersonioError {
    PersonioError::Unexpected {
        status: resp.status,
        detail: format!(
            "{why}: {}",
            resp.text().chars().take(200).collect::<String>()
        ),
    }
}
