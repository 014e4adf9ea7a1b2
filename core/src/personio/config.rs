//! Connection settings: the credentials an admin enters, the base URLs, the company's subdomain
//! ([`CompanySubdomain`], parsed from what the admin typed) and the partner header the client sends
//! ([`PartnerAppId`]: Personio's "App ID", a different thing from the subdomain).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The company's Personio subdomain (`acme` for `acme.personio.de` and `acme.jobs.personio.de`): what
/// the admin enters on the settings page, checked by [`parse_subdomain`]. Empty until configured.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CompanySubdomain(String);

impl CompanySubdomain {
    /// The subdomain text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True until a subdomain is configured.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::str::FromStr for CompanySubdomain {
    type Err = SubdomainError;

    /// [`parse_subdomain`].
    fn from_str(input: &str) -> Result<Self, SubdomainError> {
        parse_subdomain(input)
    }
}

impl fmt::Display for CompanySubdomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value of Personio's partner header `X-Personio-App-ID` / `Personio-App-ID`, which names the
/// integration calling the API (UPPER_SNAKE_CASE, as Personio asks). Not the company's subdomain.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerAppId(Cow<'static, str>);

impl PartnerAppId {
    /// This extension's partner app id.
    pub const LINKEDIN_SOURCING: PartnerAppId = PartnerAppId(Cow::Borrowed("LINKEDIN_SOURCING"));

    /// Another partner app id (tests, a white-label build).
    pub fn new(value: impl Into<String>) -> Self {
        PartnerAppId(Cow::Owned(value.into()))
    }

    /// The header value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Credentials for one Personio company. Either pair may be empty.
///
/// * v2: `client_id` + `client_secret` (OAuth client credentials, also used for `POST /v1/auth`
///   by the personnel calls of the HRIS export);
/// * v1 recruiting: `recruiting_token` + `company_id` (`Authorization: Bearer` + `X-Company-ID`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    /// The company's Personio subdomain, see [`parse_subdomain`].
    pub subdomain: CompanySubdomain,
    /// OAuth / API client id.
    pub client_id: String,
    /// OAuth / API client secret.
    pub client_secret: String,
    /// Company ID (v1 recruiting `X-Company-ID`).
    pub company_id: String,
    /// Recruiting API access token (v1).
    pub recruiting_token: String,
}

/// Which recruiting API generation the client uses for positions and applications.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiVersion {
    /// `/v1/recruiting/*` with the recruiting token and company id.
    V1,
    /// `/v2/recruiting/*` with an OAuth bearer token.
    V2,
}

impl Credentials {
    /// True when the OAuth client id and secret are both present.
    pub fn has_oauth(&self) -> bool {
        !self.client_id.trim().is_empty() && !self.client_secret.trim().is_empty()
    }

    /// True when the v1 recruiting token and company id are both present.
    pub fn has_recruiting_token(&self) -> bool {
        !self.recruiting_token.trim().is_empty() && !self.company_id.trim().is_empty()
    }

    /// The recruiting API to use: v2 when OAuth credentials exist, v1 otherwise, `None` when neither.
    pub fn recruiting_api(&self) -> Option<ApiVersion> {
        if self.has_oauth() {
            Some(ApiVersion::V2)
        } else if self.has_recruiting_token() {
            Some(ApiVersion::V1)
        } else {
            None
        }
    }
}

/// Base URLs (no trailing slash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    /// API base, `https://api.personio.de` in production.
    pub api_base: String,
    /// Career-site bases serving `/xml`, in the order tried: `https://{subdomain}.jobs.personio.de`,
    /// then `.com` (Personio is moving its web domains to `.com`; the feed answers on both).
    pub careers_bases: Vec<String>,
}

impl Endpoints {
    /// Production endpoints for a company.
    pub fn personio(subdomain: &CompanySubdomain) -> Self {
        Self {
            api_base: "https://api.personio.de".into(),
            careers_bases: vec![
                format!("https://{subdomain}.jobs.personio.de"),
                format!("https://{subdomain}.jobs.personio.com"),
            ],
        }
    }

    /// Both bases on one server (the stand-in serves the API and `/xml` on the same port).
    pub fn single(base: &str) -> Self {
        let base = base.trim_end_matches('/').to_string();
        Self {
            api_base: base.clone(),
            careers_bases: vec![base],
        }
    }
}

/// Why what the admin entered is not a usable subdomain.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SubdomainError {
    /// Nothing was entered.
    #[error("enter your Personio subdomain, e.g. \"acme\" for acme.personio.de")]
    Empty,
    /// A host that is not a Personio host.
    #[error("\"{0}\" is not a Personio address (expected acme.personio.de or acme.personio.com)")]
    NotPersonio(String),
    /// Characters a subdomain cannot contain, or a reserved Personio host such as `api`.
    #[error("\"{0}\" is not a valid Personio subdomain")]
    Invalid(String),
}

const RESERVED: &[&str] = &["api", "www", "jobs", "app", "developer", "support"];

/// Turns what an admin types into the subdomain: `"https://acme.personio.de"`, `"acme.personio.com"`,
/// `"acme.jobs.personio.de/xml"` and `" ACME "` all give `acme`.
pub fn parse_subdomain(input: &str) -> Result<CompanySubdomain, SubdomainError> {
    let s = input.trim().to_ascii_lowercase();
    if s.is_empty() {
        return Err(SubdomainError::Empty);
    }
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(&s);
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).trim_end_matches('.');
    if host.is_empty() {
        return Err(SubdomainError::Empty);
    }
    let label = if host.contains('.') {
        let rest = ["personio.de", "personio.com"]
            .iter()
            .find_map(|d| host.strip_suffix(d).and_then(|r| r.strip_suffix('.')))
            .ok_or_else(|| SubdomainError::NotPersonio(host.to_string()))?;
        let rest = rest.strip_suffix(".jobs").unwrap_or(rest);
        if rest.contains('.') {
            return Err(SubdomainError::Invalid(rest.to_string()));
        }
        rest
    } else {
        host
    };
    let valid = !label.is_empty()
        && label.len() <= 63
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
        && !RESERVED.contains(&label);
    if valid {
        Ok(CompanySubdomain(label.to_string()))
    } else {
        Err(SubdomainError::Invalid(label.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains() {
        for ok in [
            "https://acme.personio.de",
            "acme.personio.com",
            " ACME ",
            "acme.jobs.personio.de/xml?language=en",
            "http://acme.personio.de:443/",
        ] {
            assert_eq!(
                parse_subdomain(ok).map(|s| s.to_string()),
                Ok("acme".to_string()),
                "{ok}"
            );
        }
        assert_eq!(parse_subdomain("  "), Err(SubdomainError::Empty));
        assert!(matches!(
            parse_subdomain("acme.example.com"),
            Err(SubdomainError::NotPersonio(_))
        ));
        assert!(matches!(
            parse_subdomain("ac me"),
            Err(SubdomainError::Invalid(_))
        ));
        assert!(matches!(
            parse_subdomain("api.personio.de"),
            Err(SubdomainError::Invalid(_))
        ));
        assert!(matches!(
            parse_subdomain("a.b.personio.de"),
            Err(SubdomainError::Invalid(_))
        ));
    }

    #[test]
    fn version_choice() {
        let mut c = Credentials {
            company_id: "1".into(),
            recruiting_token: "t".into(),
            ..Default::default()
        };
        assert_eq!(c.recruiting_api(), Some(ApiVersion::V1));
        c.client_id = "id".into();
        c.client_secret = "s".into();
        assert_eq!(c.recruiting_api(), Some(ApiVersion::V2));
        assert_eq!(Credentials::default().recruiting_api(), None);
        assert_eq!(
            Endpoints::personio(&parse_subdomain("acme").unwrap()).careers_bases,
            [
                "https://acme.jobs.personio.de",
                "https://acme.jobs.personio.com"
            ]
        );
    }
}
