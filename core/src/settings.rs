//! The connection settings an admin enters, what the pages may see of them (never the secrets), and the
//! legal disclaimer's acceptance record.
//!
//! Tokens and secrets are checked where they are typed: they travel in HTTP headers and form bodies, where
//! only visible ASCII is valid, so an invisible character pasted along (a zero-width space from a password
//! manager) is refused at the field with its position instead of failing later inside `fetch`.

use crate::personio::{
    parse_subdomain, CompanySubdomain, Credentials, FieldMapping, SubdomainError,
};
use crate::policy::{clean_tags, ManagedPolicy, ManagedSetting, Setting};
use crate::privacy::{is_contact, LegalBasis, PrivacySettings, MAX_RETENTION_MONTHS};
use serde::{Deserialize, Serialize};

/// The disclaimer's current version; a new version must be accepted again.
pub const DISCLAIMER_VERSION: &str = "2026-11-1";

/// What the settings page sends when the admin saves. A secret left `None` keeps the stored one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsInput {
    /// What the admin typed as the company's subdomain: a subdomain or a Personio URL.
    pub subdomain: String,
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
    /// The tags every new form starts with, comma-separated as typed.
    #[serde(default)]
    pub default_tags: String,
    /// The controller's name (GDPR Art. 14 notice).
    #[serde(default)]
    pub privacy_controller: String,
    /// The privacy contact: an e-mail address or an `https://` URL.
    #[serde(default)]
    pub privacy_contact: String,
    /// The retention in months, as typed.
    #[serde(default)]
    pub retention_months: String,
    /// The legal basis ([`LegalBasis::as_str`]), empty when not chosen.
    #[serde(default)]
    pub legal_basis: String,
    /// Tag applications with `inform-by-<date>`.
    #[serde(default)]
    pub inform_tag: bool,
}

/// Everything the settings page stores in the browser (the policy is merged over it when read).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalSettings {
    /// Connection credentials.
    pub credentials: Credentials,
    /// Field mapping.
    pub mapping: FieldMapping,
    /// Privacy settings.
    pub privacy: PrivacySettings,
    /// The default tags; `None` when never saved (a policy default then applies).
    pub default_tags: Option<Vec<String>>,
}

/// A problem with one settings field (field name as in [`SettingsInput`], i18n key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsIssue {
    /// The field, e.g. `subdomain`.
    pub field: String,
    /// The i18n key of the message.
    pub key: String,
    /// The message's `$1`, `$2`… substitutions (e.g. the position of an invisible character).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
}

impl SettingsIssue {
    fn new(field: &str, key: &str) -> Self {
        SettingsIssue {
            field: field.into(),
            key: key.into(),
            args: Vec::new(),
        }
    }
}

/// Why a token, secret or client id cannot be used as typed. Positions count characters from 1, after
/// surrounding spaces are removed (they are trimmed anyway).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredentialProblem {
    /// An invisible character: zero-width space or joiner, byte-order mark, soft hyphen, a direction mark,
    /// a control character.
    Invisible {
        /// Where (1-based).
        position: usize,
        /// The character's code point, shown as `U+200B`.
        code_point: u32,
    },
    /// A space, tab or line break inside the value (also the non-breaking kinds).
    Whitespace {
        /// Where (1-based).
        position: usize,
    },
    /// A visible character outside ASCII: a typographic quote, an accented letter, …
    NotAscii {
        /// Where (1-based).
        position: usize,
        /// The character.
        character: char,
    },
}

impl CredentialProblem {
    /// The settings issue for `field`, naming the problem and where it is.
    pub fn issue(self, field: &str) -> SettingsIssue {
        let (key, args) = match self {
            CredentialProblem::Invisible {
                position,
                code_point,
            } => (
                "settingsCredentialInvisible",
                vec![format!("U+{code_point:04X}"), position.to_string()],
            ),
            CredentialProblem::Whitespace { position } => {
                ("settingsCredentialSpace", vec![position.to_string()])
            }
            CredentialProblem::NotAscii {
                position,
                character,
            } => (
                "settingsCredentialNotAscii",
                vec![character.to_string(), position.to_string()],
            ),
        };
        SettingsIssue {
            field: field.into(),
            key: key.into(),
            args,
        }
    }
}

/// Characters that render as nothing (Unicode's default-ignorable and format characters that password
/// managers, word processors and chat apps insert), besides the control characters.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF)
}

/// Checks that a token, secret or client id is visible ASCII only (`!` to `~`), the only characters an
/// HTTP header value and Personio's credentials consist of. Surrounding whitespace is ignored.
pub fn check_credential(value: &str) -> Result<(), CredentialProblem> {
    for (index, c) in value.trim().chars().enumerate() {
        let position = index + 1;
        if c.is_ascii_graphic() {
            continue;
        }
        return Err(if is_invisible(c) {
            CredentialProblem::Invisible {
                position,
                code_point: c as u32,
            }
        } else if c.is_whitespace() {
            CredentialProblem::Whitespace { position }
        } else {
            CredentialProblem::NotAscii {
                position,
                character: c,
            }
        });
    }
    Ok(())
}

/// A secret stored in the browser that the admin can remove on its own ("Remove" next to the field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredSecret {
    /// The OAuth client secret (API credentials).
    ClientSecret,
    /// The v1 recruiting API token.
    RecruitingToken,
}

impl StoredSecret {
    /// Both secrets, in the settings page's order.
    pub const ALL: [StoredSecret; 2] = [StoredSecret::ClientSecret, StoredSecret::RecruitingToken];

    /// The [`SettingsInput`] field holding it.
    pub fn field(self) -> &'static str {
        match self {
            StoredSecret::ClientSecret => "client_secret",
            StoredSecret::RecruitingToken => "recruiting_token",
        }
    }

    /// True when `view` says this secret is stored.
    pub fn is_stored(self, view: &SettingsView) -> bool {
        match self {
            StoredSecret::ClientSecret => view.has_client_secret,
            StoredSecret::RecruitingToken => view.has_recruiting_token,
        }
    }

    /// The credentials without this secret (everything else unchanged).
    pub fn removed_from(self, credentials: &Credentials) -> Credentials {
        let mut out = credentials.clone();
        match self {
            StoredSecret::ClientSecret => out.client_secret.clear(),
            StoredSecret::RecruitingToken => out.recruiting_token.clear(),
        }
        out
    }
}

impl SettingsInput {
    /// Merges the input into the stored credentials (keeping secrets left empty), or lists what is wrong;
    /// without a policy.
    pub fn apply_to(&self, stored: &Credentials) -> Result<Credentials, Vec<SettingsIssue>> {
        let stored = LocalSettings {
            credentials: stored.clone(),
            ..LocalSettings::default()
        };
        self.apply(&stored, &ManagedPolicy::default())
            .map(|local| local.credentials)
    }

    /// The input with the policy applied: a locked setting keeps its stored value (the page cannot change
    /// it), a value equal to the policy's default is stored as "not set" (it keeps following the policy).
    fn under_policy(&self, stored: &LocalSettings, policy: &ManagedPolicy) -> SettingsInput {
        let mut input = self.clone();
        let stored_text = |s: Setting| -> String {
            let c = &stored.credentials;
            match s {
                Setting::Subdomain => c.subdomain.to_string(),
                Setting::ClientId => c.client_id.clone(),
                Setting::CompanyId => c.company_id.clone(),
                Setting::LinkedinAttributeId => stored
                    .mapping
                    .linkedin_attribute_id
                    .clone()
                    .unwrap_or_default(),
                Setting::DefaultTags => stored
                    .default_tags
                    .as_ref()
                    .map(|t| t.join(", "))
                    .unwrap_or_default(),
                Setting::PrivacyController => stored.privacy.controller.clone(),
                Setting::PrivacyContact => stored.privacy.contact.clone(),
                Setting::RetentionMonths => stored
                    .privacy
                    .retention_months
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                Setting::LegalBasis => stored
                    .privacy
                    .legal_basis
                    .map(|b| b.as_str().to_string())
                    .unwrap_or_default(),
                Setting::ClientSecret | Setting::RecruitingToken | Setting::InformTag => {
                    String::new()
                }
            }
        };
        for setting in Setting::ALL {
            if !policy.sets(setting) {
                continue;
            }
            let locked = policy.is_locked(setting);
            let field = match setting {
                Setting::Subdomain => &mut input.subdomain,
                Setting::ClientId => &mut input.client_id,
                Setting::CompanyId => &mut input.company_id,
                Setting::LinkedinAttributeId => &mut input.linkedin_attribute_id,
                Setting::DefaultTags => &mut input.default_tags,
                Setting::PrivacyController => &mut input.privacy_controller,
                Setting::PrivacyContact => &mut input.privacy_contact,
                Setting::RetentionMonths => &mut input.retention_months,
                Setting::LegalBasis => &mut input.legal_basis,
                Setting::ClientSecret | Setting::RecruitingToken => {
                    let secret = if setting == Setting::ClientSecret {
                        &mut input.client_secret
                    } else {
                        &mut input.recruiting_token
                    };
                    if locked
                        || secret
                            .as_deref()
                            .is_some_and(|s| policy.secret_is(setting, s))
                    {
                        *secret = None;
                    }
                    continue;
                }
                Setting::InformTag => continue,
            };
            if locked {
                *field = stored_text(setting);
            } else if policy.shown_value(setting).as_deref() == Some(field.trim())
                || (setting == Setting::DefaultTags
                    && policy.shown_value(setting) == Some(clean_tags(field.split(',')).join(", ")))
            {
                field.clear();
            }
        }
        input
    }

    /// The privacy settings entered (`None` for the inform-tag toggle when it repeats the policy's value).
    fn privacy(
        &self,
        stored: &LocalSettings,
        policy: &ManagedPolicy,
        issues: &mut Vec<SettingsIssue>,
    ) -> PrivacySettings {
        let retention = self.retention_months.trim();
        let retention_months = if retention.is_empty() {
            None
        } else {
            match retention.parse::<u32>() {
                Ok(m) if (1..=MAX_RETENTION_MONTHS).contains(&m) => Some(m),
                _ => {
                    issues.push(SettingsIssue {
                        field: "retention_months".into(),
                        key: "settingsRetentionInvalid".into(),
                        args: vec![MAX_RETENTION_MONTHS.to_string()],
                    });
                    None
                }
            }
        };
        let basis = self.legal_basis.trim();
        let legal_basis = if basis.is_empty() {
            None
        } else {
            let parsed = LegalBasis::parse(basis);
            if parsed.is_none() {
                issues.push(SettingsIssue::new(
                    "legal_basis",
                    "settingsLegalBasisInvalid",
                ));
            }
            parsed
        };
        let contact = self.privacy_contact.trim();
        if !contact.is_empty() && !is_contact(contact) {
            issues.push(SettingsIssue::new(
                "privacy_contact",
                "settingsPrivacyContactInvalid",
            ));
        }
        let inform_tag = if policy.is_locked(Setting::InformTag) {
            stored.privacy.inform_tag
        } else if policy.shown_value(Setting::InformTag) == Some(self.inform_tag.to_string()) {
            None
        } else {
            Some(self.inform_tag)
        };
        PrivacySettings {
            controller: self.privacy_controller.trim().to_string(),
            contact: contact.to_string(),
            retention_months,
            legal_basis,
            inform_tag,
        }
    }

    /// Merges the input into what is stored (keeping secrets left empty, and every setting the policy
    /// locks), or lists what is wrong. The credentials are checked as they will be used: with the policy's
    /// values merged in, so a secret given by the policy completes a client id typed here.
    pub fn apply(
        &self,
        stored: &LocalSettings,
        policy: &ManagedPolicy,
    ) -> Result<LocalSettings, Vec<SettingsIssue>> {
        let input = self.under_policy(stored, policy);
        let mut issues = Vec::new();
        let subdomain = match parse_subdomain(&input.subdomain) {
            Ok(s) => s,
            Err(SubdomainError::Empty) if policy.sets(Setting::Subdomain) => {
                CompanySubdomain::default()
            }
            Err(e) => {
                let key = match e {
                    SubdomainError::Empty => "settingsSubdomainMissing",
                    SubdomainError::NotPersonio(_) => "settingsSubdomainNotPersonio",
                    SubdomainError::Invalid(_) => "settingsSubdomainInvalid",
                };
                issues.push(SettingsIssue::new("subdomain", key));
                CompanySubdomain::default()
            }
        };
        // What is typed travels in headers and form bodies: visible ASCII only, checked here.
        let typed = [
            ("client_id", Some(input.client_id.as_str())),
            ("client_secret", input.client_secret.as_deref()),
            ("recruiting_token", input.recruiting_token.as_deref()),
        ];
        for (field, value) in typed {
            if let Err(problem) = check_credential(value.unwrap_or_default()) {
                issues.push(problem.issue(field));
            }
        }
        let keep = |new: &Option<String>, old: &str| match new {
            Some(v) if !v.trim().is_empty() => v.trim().to_string(),
            _ => old.to_string(),
        };
        let stored_credentials = &stored.credentials;
        let local = Credentials {
            subdomain,
            client_id: input.client_id.trim().to_string(),
            client_secret: keep(&input.client_secret, &stored_credentials.client_secret),
            company_id: input.company_id.trim().to_string(),
            recruiting_token: keep(
                &input.recruiting_token,
                &stored_credentials.recruiting_token,
            ),
        };
        if !input.company_id.trim().is_empty()
            && !input.company_id.trim().chars().all(|c| c.is_ascii_digit())
        {
            issues.push(SettingsIssue::new("company_id", "settingsCompanyIdDigits"));
        }
        let credentials = policy.credentials(&local);
        if !credentials.client_id.is_empty() && credentials.client_secret.is_empty() {
            issues.push(SettingsIssue::new("client_secret", "settingsSecretMissing"));
        }
        if credentials.client_id.is_empty() && !credentials.client_secret.is_empty() {
            issues.push(SettingsIssue::new("client_id", "settingsClientIdMissing"));
        }
        if !credentials.company_id.is_empty() && credentials.recruiting_token.is_empty() {
            issues.push(SettingsIssue::new(
                "recruiting_token",
                "settingsTokenMissing",
            ));
        }
        if credentials.company_id.is_empty() && !credentials.recruiting_token.is_empty() {
            issues.push(SettingsIssue::new("company_id", "settingsCompanyIdMissing"));
        }
        let mapping = input.field_mapping();
        if mapping.is_none() {
            issues.push(SettingsIssue::new(
                "linkedin_attribute_id",
                "settingsAttributeFormat",
            ));
        }
        let privacy = input.privacy(stored, policy, &mut issues);
        if issues.is_empty() && !credentials.has_oauth() && !credentials.has_recruiting_token() {
            issues.push(SettingsIssue::new("client_id", "settingsNoCredentials"));
        }
        let default_tags = if policy.is_locked(Setting::DefaultTags) {
            stored.default_tags.clone()
        } else if input.default_tags.trim().is_empty() && policy.sets(Setting::DefaultTags) {
            // Cleared, or the policy's own list again: follow the policy.
            None
        } else {
            Some(clean_tags(input.default_tags.split(',')))
        };
        if issues.is_empty() {
            Ok(LocalSettings {
                credentials: local,
                mapping: mapping.unwrap_or_default(),
                privacy,
                default_tags,
            })
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
    /// The company's subdomain.
    pub subdomain: CompanySubdomain,
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
    /// The tags new forms start with.
    #[serde(default)]
    pub default_tags: Vec<String>,
    /// The privacy settings in use (no secret among them).
    #[serde(default)]
    pub privacy: PrivacySettings,
    /// The settings the admin policy sets, and whether each is locked.
    #[serde(default)]
    pub managed: Vec<ManagedSetting>,
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
            ..SettingsView::default()
        }
    }

    /// The view of the settings in use: what is stored with the policy merged in.
    pub fn effective(local: &LocalSettings, policy: &ManagedPolicy) -> Self {
        SettingsView {
            default_tags: policy.default_tags(local.default_tags.as_deref()),
            privacy: policy.privacy(&local.privacy),
            managed: policy.managed(),
            ..SettingsView::of(
                &policy.credentials(&local.credentials),
                &policy.field_mapping(&local.mapping),
            )
        }
    }

    /// How the policy sets `setting`: `None` when it does not.
    pub fn managed(&self, setting: Setting) -> Option<ManagedSetting> {
        self.managed.iter().copied().find(|m| m.setting == setting)
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
            subdomain: "https://acme.personio.de".into(),
            client_id: "cid".into(),
            client_secret: Some("s3cr3t-value".into()),
            company_id: "".into(),
            recruiting_token: None,
            linkedin_attribute_id: String::new(),
            ..SettingsInput::default()
        }
    }

    #[test]
    fn a_personio_url_becomes_the_subdomain_and_secrets_are_kept_when_left_empty() {
        let stored = Credentials {
            client_secret: "old".into(),
            ..Credentials::default()
        };
        let saved = input().apply_to(&stored).unwrap();
        assert_eq!(saved.subdomain.as_str(), "acme");
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
            subdomain: "not a host!".into(),
            client_id: "".into(),
            client_secret: None,
            company_id: "12a".into(),
            recruiting_token: None,
            linkedin_attribute_id: "linkedin".into(),
            ..SettingsInput::default()
        }
        .apply_to(&Credentials::default())
        .unwrap_err();
        let fields: Vec<_> = issues
            .iter()
            .map(|i| (i.field.as_str(), i.key.as_str()))
            .collect();
        assert!(
            fields.contains(&("subdomain", "settingsSubdomainInvalid")),
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
    fn a_pasted_zero_width_space_is_refused_at_its_field_with_its_position() {
        let issues = SettingsInput {
            client_secret: None,
            company_id: "4711".into(),
            client_id: String::new(),
            recruiting_token: Some("  abc\u{200B}def ".into()),
            ..input()
        }
        .apply_to(&Credentials::default())
        .unwrap_err();
        assert_eq!(
            issues,
            vec![SettingsIssue {
                field: "recruiting_token".into(),
                key: "settingsCredentialInvisible".into(),
                args: vec!["U+200B".into(), "4".into()],
            }]
        );
    }

    #[test]
    fn every_kind_of_unsendable_character_is_named() {
        assert_eq!(check_credential("  papi-1234~!  "), Ok(()));
        assert_eq!(
            check_credential("\u{FEFF}token"),
            Err(CredentialProblem::Invisible {
                position: 1,
                code_point: 0xFEFF
            })
        );
        assert_eq!(
            check_credential("ab\u{00AD}c"),
            Err(CredentialProblem::Invisible {
                position: 3,
                code_point: 0xAD
            })
        );
        assert_eq!(
            check_credential("ab\tcd"),
            Err(CredentialProblem::Invisible {
                position: 3,
                code_point: 9
            })
        );
        assert_eq!(
            check_credential("two words"),
            Err(CredentialProblem::Whitespace { position: 4 })
        );
        assert_eq!(
            check_credential("no\u{00A0}break"),
            Err(CredentialProblem::Whitespace { position: 3 })
        );
        assert_eq!(
            check_credential("\u{201C}quoted\u{201D}"),
            Err(CredentialProblem::NotAscii {
                position: 1,
                character: '\u{201C}'
            })
        );
        let issue = CredentialProblem::NotAscii {
            position: 2,
            character: 'é',
        }
        .issue("client_id");
        assert_eq!(
            (issue.key.as_str(), issue.args),
            (
                "settingsCredentialNotAscii",
                vec!["é".to_string(), "2".to_string()]
            )
        );
        // The client id is checked too; a secret left empty (keep the stored one) is not.
        let issues = SettingsInput {
            client_id: "cid\u{200D}".into(),
            client_secret: None,
            ..input()
        }
        .apply_to(&Credentials {
            client_secret: "stored".into(),
            ..Credentials::default()
        })
        .unwrap_err();
        assert_eq!(issues[0].field, "client_id");
        assert_eq!(issues[0].args, vec!["U+200D".to_string(), "4".to_string()]);
    }

    #[test]
    fn removing_a_secret_keeps_everything_else() {
        let stored = Credentials {
            subdomain: "acme".parse().unwrap(),
            client_id: "cid".into(),
            client_secret: "secret".into(),
            company_id: "4711".into(),
            recruiting_token: "token".into(),
        };
        let without = StoredSecret::ClientSecret.removed_from(&stored);
        assert_eq!(without.client_secret, "");
        assert_eq!(
            (
                without.recruiting_token.as_str(),
                without.client_id.as_str()
            ),
            ("token", "cid")
        );
        assert_eq!(
            without.recruiting_api(),
            Some(crate::personio::ApiVersion::V1)
        );
        let view = SettingsView::of(
            &StoredSecret::RecruitingToken.removed_from(&without),
            &FieldMapping::default(),
        );
        assert!(!StoredSecret::ClientSecret.is_stored(&view));
        assert!(!StoredSecret::RecruitingToken.is_stored(&view));
        assert!(!view.is_configured());
        assert_eq!(
            serde_json::to_string(&StoredSecret::RecruitingToken).unwrap(),
            r#""recruiting_token""#
        );
        assert_eq!(
            StoredSecret::ALL.map(StoredSecret::field),
            ["client_secret", "recruiting_token"]
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

    fn managed() -> ManagedPolicy {
        ManagedPolicy::from_json(&serde_json::json!({
            "subdomain": "acme",
            "client_id": "papi-client",
            "client_secret": "policy-secret",
            "privacy_controller": "Acme Robotics GmbH",
            "privacy_contact": "privacy@acme.example",
            "retention_months": 6,
            "default_tags": ["linkedin"],
            "inform_tag": true,
            "locked": ["subdomain", "client_id", "client_secret", "privacy_controller", "inform_tag"]
        }))
    }

    #[test]
    fn a_save_never_changes_a_locked_setting_and_a_repeated_default_keeps_following_the_policy() {
        let policy = managed();
        let stored = LocalSettings::default();
        let saved = SettingsInput {
            subdomain: "evil".into(),
            client_id: "typed".into(),
            client_secret: Some("typed-secret".into()),
            privacy_controller: "Someone Else".into(),
            privacy_contact: "privacy@acme.example".into(),
            retention_months: "12".into(),
            legal_basis: "consent".into(),
            default_tags: "linkedin".into(),
            inform_tag: false,
            ..SettingsInput::default()
        }
        .apply(&stored, &policy)
        .unwrap();
        assert_eq!(saved.credentials, Credentials::default());
        assert_eq!(saved.privacy.controller, "");
        // Equal to the policy's default: stored as not set.
        assert_eq!(saved.privacy.contact, "");
        assert_eq!(saved.default_tags, None);
        assert_eq!(saved.privacy.inform_tag, None);
        // Changed: stored.
        assert_eq!(saved.privacy.retention_months, Some(12));
        assert_eq!(saved.privacy.legal_basis, Some(LegalBasis::Consent));
        let view = SettingsView::effective(&saved, &policy);
        assert!(view.is_configured());
        assert_eq!(view.subdomain.as_str(), "acme");
        assert_eq!(view.privacy.controller, "Acme Robotics GmbH");
        assert_eq!(view.privacy.retention_months, Some(12));
        assert!(view.privacy.tags_inform_by());
        assert_eq!(view.default_tags, vec!["linkedin".to_string()]);
        assert_eq!(
            view.managed(Setting::ClientSecret),
            Some(ManagedSetting {
                setting: Setting::ClientSecret,
                locked: true
            })
        );
        assert_eq!(view.managed(Setting::CompanyId), None);
        let json = serde_json::to_string(&view).unwrap();
        assert!(!json.contains("policy-secret"), "{json}");
    }

    #[test]
    fn a_policy_secret_completes_a_client_id_and_an_empty_page_saves() {
        let policy = ManagedPolicy::from_json(&serde_json::json!({
            "subdomain": "acme", "client_secret": "policy-secret"
        }));
        let saved = SettingsInput {
            client_id: "mine".into(),
            ..SettingsInput::default()
        }
        .apply(&LocalSettings::default(), &policy)
        .unwrap();
        assert_eq!(saved.credentials.client_secret, "");
        assert_eq!(
            policy.credentials(&saved.credentials).client_secret,
            "policy-secret"
        );
        // Nothing at all: the credentials are still missing.
        let issues = SettingsInput::default()
            .apply(&LocalSettings::default(), &ManagedPolicy::default())
            .unwrap_err();
        assert_eq!(issues[0].key, "settingsSubdomainMissing");
    }

    #[test]
    fn privacy_fields_are_checked() {
        let issues = SettingsInput {
            retention_months: "0".into(),
            legal_basis: "vibes".into(),
            privacy_contact: "call us".into(),
            ..input()
        }
        .apply(&LocalSettings::default(), &ManagedPolicy::default())
        .unwrap_err();
        let keys: Vec<_> = issues
            .iter()
            .map(|i| (i.field.as_str(), i.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("retention_months", "settingsRetentionInvalid"),
                ("legal_basis", "settingsLegalBasisInvalid"),
                ("privacy_contact", "settingsPrivacyContactInvalid"),
            ]
        );
        assert_eq!(issues[0].args, vec!["120".to_string()]);
        let saved = SettingsInput {
            default_tags: " linkedin, sourcing,,linkedin ".into(),
            inform_tag: true,
            ..input()
        }
        .apply(&LocalSettings::default(), &ManagedPolicy::default())
        .unwrap();
        assert_eq!(
            saved.default_tags,
            Some(vec!["linkedin".into(), "sourcing".into()])
        );
        assert_eq!(saved.privacy.inform_tag, Some(true));
    }
}
