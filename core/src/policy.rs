//! The admin policy: settings a company pushes through Chrome's enterprise policy for extensions
//! (`chrome.storage.managed`, schema `static/managed_schema.json`), merged over what is stored in the
//! browser.
//!
//! Every setting of the settings page can come from the policy. A setting named in the policy's `locked`
//! list (and given a value there) always takes the policy's value: the settings page shows it read-only as
//! "set by your administrator" and a save never changes it. Any other policy value is a default: it applies
//! until someone saves a different value in the settings page, and comes back when that value is cleared.
//! Policy secrets are used by the background only; pages learn only that a secret is set.

use crate::personio::{parse_subdomain, CompanySubdomain, Credentials, FieldMapping};
use crate::privacy::{LegalBasis, PrivacySettings};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A setting of the settings page; its name is the policy key, the [`crate::settings::SettingsInput`] field
/// and the settings page's input id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// The company's Personio subdomain (`acme` of `acme.personio.de`; not the partner "App ID" header).
    Subdomain,
    /// OAuth client id.
    ClientId,
    /// OAuth client secret.
    ClientSecret,
    /// Company ID (v1).
    CompanyId,
    /// Recruiting API token (v1).
    RecruitingToken,
    /// The custom attribute receiving the LinkedIn URL.
    LinkedinAttributeId,
    /// Tags every new form starts with.
    DefaultTags,
    /// The controller's name.
    PrivacyController,
    /// The privacy contact.
    PrivacyContact,
    /// The retention in months.
    RetentionMonths,
    /// The legal basis.
    LegalBasis,
    /// The "inform by" tag toggle.
    InformTag,
}

impl Setting {
    /// Every setting, in the settings page's order.
    pub const ALL: [Setting; 12] = [
        Setting::Subdomain,
        Setting::ClientId,
        Setting::ClientSecret,
        Setting::CompanyId,
        Setting::RecruitingToken,
        Setting::LinkedinAttributeId,
        Setting::DefaultTags,
        Setting::PrivacyController,
        Setting::PrivacyContact,
        Setting::RetentionMonths,
        Setting::LegalBasis,
        Setting::InformTag,
    ];

    /// The policy key / input name.
    pub fn name(self) -> &'static str {
        match self {
            Setting::Subdomain => "subdomain",
            Setting::ClientId => "client_id",
            Setting::ClientSecret => "client_secret",
            Setting::CompanyId => "company_id",
            Setting::RecruitingToken => "recruiting_token",
            Setting::LinkedinAttributeId => "linkedin_attribute_id",
            Setting::DefaultTags => "default_tags",
            Setting::PrivacyController => "privacy_controller",
            Setting::PrivacyContact => "privacy_contact",
            Setting::RetentionMonths => "retention_months",
            Setting::LegalBasis => "legal_basis",
            Setting::InformTag => "inform_tag",
        }
    }

    /// The setting called `name`.
    pub fn named(name: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.name() == name.trim())
    }
}

/// What pages learn about one setting the policy sets (never its value when it is a secret).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedSetting {
    /// The setting.
    pub setting: Setting,
    /// Locked: read-only in the settings page.
    pub locked: bool,
}

/// The policy as read from `chrome.storage.managed`, each value checked on its own: a value of the wrong
/// type or form is left out (and named in [`ManagedPolicy::ignored`]) instead of voiding the whole policy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManagedPolicy {
    subdomain: Option<CompanySubdomain>,
    client_id: Option<String>,
    client_secret: Option<String>,
    company_id: Option<String>,
    recruiting_token: Option<String>,
    linkedin_attribute_id: Option<String>,
    default_tags: Option<Vec<String>>,
    privacy_controller: Option<String>,
    privacy_contact: Option<String>,
    retention_months: Option<u32>,
    legal_basis: Option<LegalBasis>,
    inform_tag: Option<bool>,
    locked: Vec<Setting>,
    /// Policy keys whose value was refused (unknown key, wrong type, malformed value).
    pub ignored: Vec<String>,
}

/// A list of tags: trimmed, without empty ones and repeats, in order.
pub fn clean_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.into_iter().map(str::trim).filter(|t| !t.is_empty()) {
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    out
}

fn text(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn credential(value: &Value) -> Option<String> {
    text(value).filter(|s| crate::settings::check_credential(s).is_ok())
}

impl ManagedPolicy {
    /// The policy of the managed storage's items (`{}` when no policy is set).
    pub fn from_json(items: &Value) -> ManagedPolicy {
        let mut policy = ManagedPolicy::default();
        let Some(object) = items.as_object() else {
            return policy;
        };
        for (key, value) in object {
            let accepted = match (key.as_str(), Setting::named(key)) {
                ("locked", _) => match value.as_array() {
                    Some(list) => {
                        for name in list {
                            match name.as_str().and_then(Setting::named) {
                                Some(s) if !policy.locked.contains(&s) => policy.locked.push(s),
                                Some(_) => {}
                                None => policy.ignored.push(format!("locked: {name}")),
                            }
                        }
                        true
                    }
                    None => false,
                },
                (_, Some(Setting::Subdomain)) => {
                    policy.subdomain = value.as_str().and_then(|s| parse_subdomain(s).ok());
                    policy.subdomain.is_some()
                }
                (_, Some(Setting::ClientId)) => {
                    policy.client_id = credential(value);
                    policy.client_id.is_some()
                }
                (_, Some(Setting::ClientSecret)) => {
                    policy.client_secret = credential(value);
                    policy.client_secret.is_some()
                }
                (_, Some(Setting::CompanyId)) => {
                    policy.company_id = text(value)
                        .or_else(|| value.as_u64().map(|n| n.to_string()))
                        .filter(|s| s.chars().all(|c| c.is_ascii_digit()));
                    policy.company_id.is_some()
                }
                (_, Some(Setting::RecruitingToken)) => {
                    policy.recruiting_token = credential(value);
                    policy.recruiting_token.is_some()
                }
                (_, Some(Setting::LinkedinAttributeId)) => {
                    policy.linkedin_attribute_id = text(value).filter(|id| {
                        id.strip_prefix("custom_attribute_")
                            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                    });
                    policy.linkedin_attribute_id.is_some()
                }
                (_, Some(Setting::DefaultTags)) => {
                    policy.default_tags = value
                        .as_array()
                        .map(|list| clean_tags(list.iter().filter_map(Value::as_str)));
                    policy.default_tags.is_some()
                }
                (_, Some(Setting::PrivacyController)) => {
                    policy.privacy_controller = text(value);
                    policy.privacy_controller.is_some()
                }
                (_, Some(Setting::PrivacyContact)) => {
                    policy.privacy_contact = text(value).filter(|c| crate::privacy::is_contact(c));
                    policy.privacy_contact.is_some()
                }
                (_, Some(Setting::RetentionMonths)) => {
                    policy.retention_months = value
                        .as_u64()
                        .filter(|n| {
                            (1..=u64::from(crate::privacy::MAX_RETENTION_MONTHS)).contains(n)
                        })
                        .map(|n| n as u32);
                    policy.retention_months.is_some()
                }
                (_, Some(Setting::LegalBasis)) => {
                    policy.legal_basis = value.as_str().and_then(LegalBasis::parse);
                    policy.legal_basis.is_some()
                }
                (_, Some(Setting::InformTag)) => {
                    policy.inform_tag = value.as_bool();
                    policy.inform_tag.is_some()
                }
                (_, None) => false,
            };
            if !accepted {
                policy.ignored.push(key.clone());
            }
        }
        policy
    }

    /// True when the policy gives `setting` a value.
    pub fn sets(&self, setting: Setting) -> bool {
        match setting {
            Setting::Subdomain => self.subdomain.is_some(),
            Setting::ClientId => self.client_id.is_some(),
            Setting::ClientSecret => self.client_secret.is_some(),
            Setting::CompanyId => self.company_id.is_some(),
            Setting::RecruitingToken => self.recruiting_token.is_some(),
            Setting::LinkedinAttributeId => self.linkedin_attribute_id.is_some(),
            Setting::DefaultTags => self.default_tags.is_some(),
            Setting::PrivacyController => self.privacy_controller.is_some(),
            Setting::PrivacyContact => self.privacy_contact.is_some(),
            Setting::RetentionMonths => self.retention_months.is_some(),
            Setting::LegalBasis => self.legal_basis.is_some(),
            Setting::InformTag => self.inform_tag.is_some(),
        }
    }

    /// True when `setting` is locked to the policy's value (a lock without a value locks nothing).
    pub fn is_locked(&self, setting: Setting) -> bool {
        self.sets(setting) && self.locked.contains(&setting)
    }

    /// The settings the policy sets, for the settings page.
    pub fn managed(&self) -> Vec<ManagedSetting> {
        Setting::ALL
            .into_iter()
            .filter(|s| self.sets(*s))
            .map(|setting| ManagedSetting {
                setting,
                locked: self.is_locked(setting),
            })
            .collect()
    }

    fn pick<T: Clone>(&self, setting: Setting, managed: &Option<T>, local: Option<T>) -> Option<T> {
        if self.is_locked(setting) {
            managed.clone()
        } else {
            local.or_else(|| managed.clone())
        }
    }

    fn pick_text(&self, setting: Setting, managed: &Option<String>, local: &str) -> String {
        let local = Some(local.trim().to_string()).filter(|s| !s.is_empty());
        self.pick(setting, managed, local).unwrap_or_default()
    }

    /// The credentials in use: locked policy values, else what is stored, else policy defaults.
    pub fn credentials(&self, local: &Credentials) -> Credentials {
        let subdomain = Some(local.subdomain.clone()).filter(|s| !s.is_empty());
        Credentials {
            subdomain: self
                .pick(Setting::Subdomain, &self.subdomain, subdomain)
                .unwrap_or_default(),
            client_id: self.pick_text(Setting::ClientId, &self.client_id, &local.client_id),
            client_secret: self.pick_text(
                Setting::ClientSecret,
                &self.client_secret,
                &local.client_secret,
            ),
            company_id: self.pick_text(Setting::CompanyId, &self.company_id, &local.company_id),
            recruiting_token: self.pick_text(
                Setting::RecruitingToken,
                &self.recruiting_token,
                &local.recruiting_token,
            ),
        }
    }

    /// The field mapping in use.
    pub fn field_mapping(&self, local: &FieldMapping) -> FieldMapping {
        let id = self.pick_text(
            Setting::LinkedinAttributeId,
            &self.linkedin_attribute_id,
            local.linkedin_attribute_id.as_deref().unwrap_or(""),
        );
        FieldMapping {
            linkedin_attribute_id: Some(id).filter(|s| !s.is_empty()),
        }
    }

    /// The privacy settings in use.
    pub fn privacy(&self, local: &PrivacySettings) -> PrivacySettings {
        PrivacySettings {
            controller: self.pick_text(
                Setting::PrivacyController,
                &self.privacy_controller,
                &local.controller,
            ),
            contact: self.pick_text(
                Setting::PrivacyContact,
                &self.privacy_contact,
                &local.contact,
            ),
            retention_months: self.pick(
                Setting::RetentionMonths,
                &self.retention_months,
                local.retention_months,
            ),
            legal_basis: self.pick(Setting::LegalBasis, &self.legal_basis, local.legal_basis),
            inform_tag: self.pick(Setting::InformTag, &self.inform_tag, local.inform_tag),
        }
    }

    /// The tags new forms start with (`local`: saved in the settings page; `None` when never saved).
    pub fn default_tags(&self, local: Option<&[String]>) -> Vec<String> {
        self.pick(
            Setting::DefaultTags,
            &self.default_tags,
            local.map(<[String]>::to_vec),
        )
        .unwrap_or_default()
    }

    /// The policy's own value of a non-secret setting as the settings page writes it, to tell a saved value
    /// that only repeats the policy (kept following the policy) from a change. Secrets: `None`.
    pub fn shown_value(&self, setting: Setting) -> Option<String> {
        match setting {
            Setting::Subdomain => self.subdomain.as_ref().map(|s| s.to_string()),
            Setting::ClientId => self.client_id.clone(),
            Setting::ClientSecret | Setting::RecruitingToken => None,
            Setting::CompanyId => self.company_id.clone(),
            Setting::LinkedinAttributeId => self.linkedin_attribute_id.clone(),
            Setting::DefaultTags => self.default_tags.as_ref().map(|t| t.join(", ")),
            Setting::PrivacyController => self.privacy_controller.clone(),
            Setting::PrivacyContact => self.privacy_contact.clone(),
            Setting::RetentionMonths => self.retention_months.map(|m| m.to_string()),
            Setting::LegalBasis => self.legal_basis.map(|b| b.as_str().to_string()),
            Setting::InformTag => self.inform_tag.map(|b| b.to_string()),
        }
    }

    /// True when the policy sets a secret to exactly `typed` (typing the policy's secret again is no change).
    pub fn secret_is(&self, setting: Setting, typed: &str) -> bool {
        let managed = match setting {
            Setting::ClientSecret => &self.client_secret,
            Setting::RecruitingToken => &self.recruiting_token,
            _ => return false,
        };
        managed.as_deref() == Some(typed.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy() -> ManagedPolicy {
        ManagedPolicy::from_json(&json!({
            "subdomain": "https://acme.personio.de",
            "client_id": "papi-client",
            "client_secret": "papi-secret",
            "linkedin_attribute_id": "custom_attribute_1001",
            "default_tags": ["linkedin", " sourcing ", "linkedin", ""],
            "privacy_controller": "Acme Robotics GmbH",
            "privacy_contact": "privacy@acme.example",
            "retention_months": 6,
            "legal_basis": "legitimate_interest",
            "inform_tag": true,
            "locked": ["subdomain", "client_id", "client_secret", "privacy_controller", "company_id"]
        }))
    }

    #[test]
    fn a_full_policy_gives_working_credentials_with_nothing_stored() {
        let p = policy();
        assert!(p.ignored.is_empty(), "{:?}", p.ignored);
        let c = p.credentials(&Credentials::default());
        assert_eq!(c.subdomain.as_str(), "acme");
        assert_eq!(
            (c.client_id.as_str(), c.client_secret.as_str()),
            ("papi-client", "papi-secret")
        );
        assert!(c.has_oauth());
        assert_eq!(
            p.field_mapping(&FieldMapping::default())
                .linkedin_attribute_id
                .as_deref(),
            Some("custom_attribute_1001")
        );
        assert_eq!(p.default_tags(None), vec!["linkedin", "sourcing"]);
        let privacy = p.privacy(&PrivacySettings::default());
        assert_eq!(privacy.retention_months, Some(6));
        assert!(privacy.tags_inform_by());
    }

    #[test]
    fn locked_values_win_and_unlocked_ones_are_defaults() {
        let p = policy();
        let local = Credentials {
            subdomain: "other".parse().unwrap(),
            client_id: "mine".into(),
            client_secret: "my-secret".into(),
            company_id: "4711".into(),
            recruiting_token: "my-token".into(),
        };
        let c = p.credentials(&local);
        assert_eq!(c.subdomain.as_str(), "acme");
        assert_eq!(c.client_id, "papi-client");
        assert_eq!(c.client_secret, "papi-secret");
        // Locked without a policy value: nothing to lock, the stored value stays in use.
        assert!(!p.is_locked(Setting::CompanyId));
        assert_eq!(c.company_id, "4711");
        // Unlocked: the stored value replaces the default; an empty one falls back to it.
        let mine = PrivacySettings {
            controller: "Mine Ltd".into(),
            contact: "dpo@mine.example".into(),
            retention_months: Some(12),
            legal_basis: None,
            inform_tag: Some(false),
        };
        let privacy = p.privacy(&mine);
        assert_eq!(privacy.controller, "Acme Robotics GmbH");
        assert_eq!(privacy.contact, "dpo@mine.example");
        assert_eq!(privacy.retention_months, Some(12));
        assert_eq!(privacy.legal_basis, Some(LegalBasis::LegitimateInterest));
        assert!(!privacy.tags_inform_by());
        let none: &[String] = &[];
        assert_eq!(p.default_tags(Some(none)), Vec::<String>::new());
        let managed = p.managed();
        assert!(managed.contains(&ManagedSetting {
            setting: Setting::ClientSecret,
            locked: true
        }));
        assert!(managed.contains(&ManagedSetting {
            setting: Setting::PrivacyContact,
            locked: false
        }));
        assert!(!managed.iter().any(|m| m.setting == Setting::CompanyId));
    }

    #[test]
    fn malformed_values_are_left_out_one_by_one() {
        let p = ManagedPolicy::from_json(&json!({
            "subdomain": "not a host!",
            "client_secret": "abc\u{200B}def",
            "retention_months": 0,
            "legal_basis": "vibes",
            "privacy_contact": "call us",
            "inform_tag": "yes",
            "linkedin_attribute_id": "linkedin",
            "company_id": 4711,
            "unknown": 1,
            "locked": ["company_id", "nonsense"]
        }));
        assert_eq!(p.credentials(&Credentials::default()).company_id, "4711");
        assert!(p.is_locked(Setting::CompanyId));
        let mut ignored = p.ignored.clone();
        ignored.sort();
        assert_eq!(
            ignored,
            vec![
                "client_secret",
                "inform_tag",
                "legal_basis",
                "linkedin_attribute_id",
                "locked: \"nonsense\"",
                "privacy_contact",
                "retention_months",
                "subdomain",
                "unknown"
            ]
        );
        assert_eq!(
            ManagedPolicy::from_json(&json!(null)),
            ManagedPolicy::default()
        );
    }

    #[test]
    fn shown_values_never_include_secrets() {
        let p = policy();
        assert_eq!(p.shown_value(Setting::ClientSecret), None);
        assert_eq!(p.shown_value(Setting::Subdomain).as_deref(), Some("acme"));
        assert_eq!(
            p.shown_value(Setting::DefaultTags).as_deref(),
            Some("linkedin, sourcing")
        );
        assert!(p.secret_is(Setting::ClientSecret, " papi-secret "));
        assert!(!p.secret_is(Setting::RecruitingToken, "papi-secret"));
    }

    #[test]
    fn the_shipped_schema_names_exactly_these_settings() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../static/managed_schema.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut keys: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "locked")
            .collect();
        keys.sort_unstable();
        let mut names: Vec<&str> = Setting::ALL.iter().map(|s| s.name()).collect();
        names.sort_unstable();
        assert_eq!(keys, names);
    }
}
