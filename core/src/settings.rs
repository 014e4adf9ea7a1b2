//! The connection settings an admin enters, what the pages may see of them (never the secrets), and the
//! legal disclaimer's acceptance record.

use crate::personio::{parse_subdomain, Credentials, FieldMapping, SubdomainError};
use serde::{Deserialize, Serialize};

/// The disclaimer's current version; a new version must be accepted again.
pub const DISCLAIMER_VERSION: &str = "2026-11-1";

/// What the settings page sends when the admin saves. A secret left `None` keeps the stored one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsInput {
    /// What the admin typed as "App ID": a subdomain or a Personio URL.
    pub app_id: String,
    /// OAuth client id (v2 API; also the personnel API for the HRIS export).
    pub client_id: String,
    /// OAuth client secret; `None` keeps the stored one.
    pub client_secret: Option<String>,
    /// Company ID for the v1 recruiting endpoints.
    pub company_id: String,
    /// Recruiting API token for the v1 endpoints; `None` keeps the stored one.
    pub recruiting_token: Option<String>,
    /// The custom attribute receiving the LinkedIn profile URL (`custom_attribute_<n>`); empty: the URL is
    /// appended to the comment instead.
    #[serde(default)]
    pub linkedin_attribute_id: String,
}

/// A problem with one settings field (field name as in [`SettingsInput`], i18n key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsIssue {
    /// The field, e.g. `app_id`.
    pub field: String,
    /// The i18n key of the message.
    pub key: String,
}

impl SettingsInput {
    /// Merges the input into the stored credentials (keeping secrets left empty), or lists what is wrong.
    pub fn apply_to(&self, stored: &Credentials) -> Result<Credentials, Vec<SettingsIssue>> {
        let mut issues = Vec::new();
        let subdomain = match parse_subdomain(&self.app_id) {
            Ok(s) => s,
            Err(e) => {
                let key = match e {
                    SubdomainError::Empty => "settingsAppIdMissing",
                    SubdomainError::NotPersonio(_) => "settingsAppIdNotPersonio",
                    SubdomainError::Invalid(_) => "settingsAppIdInvalid",
                };
                issues.push(SettingsIssue {
                    field: "app_id".into(),
                    key: key.into(),
                });
                String::new()
            }
        };
        let keep = |new: &Option<String>, old: &str| match new {
            Some(v) if !v.trim().is_empty() => v.trim().to_string(),
            _ => old.to_string(),
        };
        let credentials = Credentials {
            subdomain,
            client_id: self.client_id.trim().to_string(),
            client_secret: keep(&self.client_secret, &stored.client_secret),
            company_id: self.company_id.trim().to_string(),
            recruiting_token: keep(&self.recruiting_token, &stored.recruiting_token),
        };
        if !self.company_id.trim().is_empty()
            && !self.company_id.trim().chars().all(|c| c.is_ascii_digit())
        {
            issues.push(SettingsIssue {
                field: "company_id".into(),
                key: "settingsCompanyIdDigits".into(),
            });
        }
        if !credentials.client_id.is_empty() && credentials.client_secret.is_empty() {
            issues.push(SettingsIssue {
                field: "client_secret".into(),
                key: "settingsSecretMissing".into(),
            });
        }
        if credentials.client_id.is_empty() && !credentials.client_secret.is_empty() {
            issues.push(SettingsIssue {
                field: "client_id".into(),
                key: "settingsClientIdMissing".into(),
            });
        }
        if !credentials.company_id.is_empty() && credentials.recruiting_token.is_empty() {
            issues.push(SettingsIssue {
                field: "recruiting_token".into(),
                key: "settingsTokenMissing".into(),
            });
        }
        if credentials.company_id.is_empty() && !credentials.recruiting_token.is_empty() {
            issues.push(SettingsIssue {
                field: "company_id".into(),
                key: "settingsCompanyIdMissing".into(),
            });
        }
        if self.field_mapping().is_none() {
            issues.push(SettingsIssue {
                field: "linkedin_attribute_id".into(),
                key: "settingsAttributeFormat".into(),
            });
        }
        if issues.is_empty() && !credentials.has_oauth() && !credentials.has_recruiting_token() {
            issues.push(SettingsIssue {
                field: "client_id".into(),
                key: "settingsNoCredentials".into(),
            });
        }
        if issues.is_empty() {
            Ok(credentials)
        } else {
            Err(issues)
        }
    }
}

impl SettingsInput {
    /// The field mapping entered, `None` when the attribute id is not of the form `custom_attribute_<n>`.
    pub fn field_mapping(&self) -> Option<FieldMapping> {
        let id = self.linkedin_attribute_id.trim();
        if id.is_empty() {
            return Some(FieldMapping::default());
        }
        let number = id.strip_prefix("custom_attribute_")?;
        (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then(|| FieldMapping {
            linkedin_attribute_id: Some(id.to_string()),
        })
    }
}

/// What extension pages may see of the settings: no secret, only whether one is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    /// The subdomain ("App ID").
    pub subdomain: String,
    /// OAuth client id.
    pub client_id: String,
    /// True when a client secret is stored.
    pub has_client_secret: bool,
    /// Company ID.
    pub company_id: String,
    /// True when a recruiting token is stored.
    pub has_recruiting_token: bool,
    /// The custom attribute receiving the LinkedIn profile URL, empty when none.
    #[serde(default)]
    pub linkedin_attribute_id: String,
}

impl SettingsView {
    /// The page-safe view of stored credentials and field mapping.
    pub fn of(credentials: &Credentials, mapping: &FieldMapping) -> Self {
        Self {
            linkedin_attribute_id: mapping.linkedin_attribute_id.clone().unwrap_or_default(),
            subdomain: credentials.subdomain.clone(),
            client_id: credentials.client_id.clone(),
            has_client_secret: !credentials.client_secret.is_empty(),
            company_id: credentials.company_id.clone(),
            has_recruiting_token: !credentials.recruiting_token.is_empty(),
        }
    }

    /// True when some usable credentials are stored.
    pub fn is_configured(&self) -> bool {
        !self.subdomain.is_empty()
            && ((!self.client_id.is_empty() && self.has_client_secret)
                || (!self.company_id.is_empty() && self.has_recruiting_token))
    }
}

/// The recruiter's acceptance of the legal disclaimer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclaimerAcceptance {
    /// The accepted version ([`DISCLAIMER_VERSION`] when current).
    pub version: String,
    /// When it was accepted (epoch ms).
    pub accepted_at_ms: u64,
}

impl DisclaimerAcceptance {
    /// True when this acceptance covers the current disclaimer.
    pub fn is_current(&self) -> bool {
        self.version == DISCLAIMER_VERSION
    }
}

/// A right the extension needs in Personio, as the settings page lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    /// Reading positions (and existing applications, for the duplicate check).
    ReadPositions,
    /// Creating applications, with their tags and comment.
    CreateApplications,
    /// Uploading candidate documents.
    UploadDocuments,
    /// Creating employees (the HRIS export).
    CreateEmployees,
}

impl Right {
    /// Every right, in display order.
    pub const ALL: [Right; 4] = [
        Right::ReadPositions,
        Right::CreateApplications,
        Right::UploadDocuments,
        Right::CreateEmployees,
    ];

    /// The i18n key of its label.
    pub fn label_key(self) -> &'static str {
        match self {
            Right::ReadPositions => "rightReadPositions",
            Right::CreateApplications => "rightCreateApplications",
            Right::UploadDocuments => "rightUploadDocuments",
            Right::CreateEmployees => "rightCreateEmployees",
        }
    }
}

/// Whether a verified connection has `right`: `Some(true/false)` from the granted OAuth scopes, `None` when it
/// cannot be known before the first use (the static v1 recruiting token is never checked by Personio
/// without submitting something).
pub fn has_right(info: &crate::personio::ConnectionInfo, right: Right) -> Option<bool> {
    if !info.verified {
        return None;
    }
    let granted = |scope: &str| info.scopes.iter().any(|s| s == scope);
    Some(match right {
        Right::ReadPositions => granted("personio:recruiting:read"),
        Right::CreateApplications | Right::UploadDocuments => granted("personio:recruiting:write"),
        Right::CreateEmployees => {
            granted("personio:persons:write") || granted("personio:employees:write")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rights_follow_the_granted_scopes_and_are_unknown_when_unverified() {
        use crate::personio::{ApiVersion, ConnectionInfo};
        let info = ConnectionInfo {
            api: ApiVersion::V2,
            verified: true,
            scopes: vec!["personio:recruiting:read".into()],
        };
        assert_eq!(has_right(&info, Right::ReadPositions), Some(true));
        assert_eq!(has_right(&info, Right::CreateApplications), Some(false));
        let v1 = ConnectionInfo {
            api: ApiVersion::V1,
            verified: false,
            scopes: vec![],
        };
        assert_eq!(has_right(&v1, Right::CreateApplications), None);
    }

    fn input() -> SettingsInput {
        SettingsInput {
            app_id: "https://acme.personio.de".into(),
            client_id: "cid".into(),
            client_secret: Some("s3cr3t-value".into()),
            company_id: "".into(),
            recruiting_token: None,
            linkedin_attribute_id: String::new(),
        }
    }

    #[test]
    fn a_personio_url_becomes_the_subdomain_and_secrets_are_kept_when_left_empty() {
        let stored = Credentials {
            client_secret: "old".into(),
            ..Credentials::default()
        };
        let saved = input().apply_to(&stored).unwrap();
        assert_eq!(saved.subdomain, "acme");
        assert_eq!(saved.client_secret, "s3cr3t-value");
        let kept = SettingsInput {
            client_secret: None,
            ..input()
        }
        .apply_to(&stored)
        .unwrap();
        assert_eq!(kept.client_secret, "old");
    }

    #[test]
    fn incomplete_pairs_are_reported_per_field() {
        let issues = SettingsInput {
            app_id: "not a host!".into(),
            client_id: "".into(),
            client_secret: None,
            company_id: "12a".into(),
            recruiting_token: None,
            linkedin_attribute_id: "linkedin".into(),
        }
        .apply_to(&Credentials::default())
        .unwrap_err();
        let fields: Vec<_> = issues
            .iter()
            .map(|i| (i.field.as_str(), i.key.as_str()))
            .collect();
        assert!(
            fields.contains(&("app_id", "settingsAppIdInvalid")),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("company_id", "settingsCompanyIdDigits")),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("recruiting_token", "settingsTokenMissing")),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("linkedin_attribute_id", "settingsAttributeFormat")),
            "{fields:?}"
        );
    }

    #[test]
    fn the_view_never_carries_secrets() {
        let creds = input().apply_to(&Credentials::default()).unwrap();
        let view = SettingsView::of(&creds, &FieldMapping::default());
        let json = serde_json::to_string(&view).unwrap();
        assert!(!json.contains("s3cr3t-value"), "{json}");
        assert!(view.is_configured());
    }
}
