//! Connection settings, secrets, the privacy settings and the disclaimer record. Credentials live in
//! `storage.local`, restricted to the extension's trusted contexts (content scripts cannot read it); pages only
//! ever get a [`SettingsView`] without secrets. The admin policy (`storage.managed`, see
//! `sourcing_core::policy`) is merged over what is stored every time settings are read, so a policy change
//! applies at once and a company can roll the extension out with nobody typing a secret. A stored secret can
//! be removed on its own, and "Forget this connection" removes everything that belongs to the Personio
//! company (a policy's values stay: only the admin can remove them).

use crate::clock::now_ms;
use futures_util::future::{join, join3, join4};
use sourcing_core::messages::SetupState;
use sourcing_core::personio::{ConnectionInfo, Credentials, FieldMapping};
use sourcing_core::policy::ManagedPolicy;
use sourcing_core::privacy::PrivacySettings;
use sourcing_core::settings::{
    DisclaimerAcceptance, LocalSettings, SettingsInput, SettingsIssue, SettingsView, StoredSecret,
    DISCLAIMER_VERSION,
};
use sourcing_core::storage_keys::{
    CONNECTION, CREDENTIALS, DEFAULT_TAGS, DISCLAIMER, FIELD_MAPPING, PRIVACY, STATUS_CACHE,
};
use webext::storage;
use webext::{ExtError, ExtResult};

/// The admin policy; none when the browser has none for this extension or the area cannot be read (logged:
/// the stored settings still work).
pub async fn policy() -> ManagedPolicy {
    match storage::managed_items().await {
        Ok(items) => {
            let policy = ManagedPolicy::from_json(&items);
            if !policy.ignored.is_empty() {
                web_sys::console::warn_1(
                    &format!("policy: values left out: {}", policy.ignored.join(", ")).into(),
                );
            }
            policy
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("policy: managed storage unreadable: {e}").into());
            ManagedPolicy::default()
        }
    }
}

/// What the settings page stored in this browser (empty when never saved).
async fn stored() -> ExtResult<LocalSettings> {
    let (credentials, mapping, privacy, default_tags) = join4(
        stored_credentials(),
        storage::get_or_default(&FIELD_MAPPING),
        storage::get_or_default(&PRIVACY),
        storage::get(&DEFAULT_TAGS),
    )
    .await;
    Ok(LocalSettings {
        credentials: credentials?,
        mapping: mapping?,
        privacy: privacy?,
        default_tags: default_tags?,
    })
}

async fn stored_credentials() -> ExtResult<Credentials> {
    storage::get_or_default(&CREDENTIALS).await
}

/// The credentials in use: the policy merged over the stored ones.
pub async fn credentials() -> ExtResult<Credentials> {
    Ok(policy().await.credentials(&stored_credentials().await?))
}

/// How form fields map onto Personio fields (the LinkedIn URL's custom attribute), policy merged in.
pub async fn field_mapping() -> ExtResult<FieldMapping> {
    let stored = storage::get_or_default(&FIELD_MAPPING).await?;
    Ok(policy().await.field_mapping(&stored))
}

/// The privacy settings in use (GDPR Art. 14: the comment line, the inform tag), policy merged in.
pub async fn privacy() -> ExtResult<PrivacySettings> {
    let stored = storage::get_or_default(&PRIVACY).await?;
    Ok(policy().await.privacy(&stored))
}

/// The set-up state pages may see.
pub async fn setup_state() -> ExtResult<SetupState> {
    // Asked at once: this answers the popup's first question, on the way to the filled form.
    let (stored, policy, (disclaimer, connection)) = join3(
        stored(),
        policy(),
        join(storage::get(&DISCLAIMER), storage::get(&CONNECTION)),
    )
    .await;
    Ok(SetupState {
        settings: SettingsView::effective(&stored?, &policy),
        disclaimer: disclaimer?,
        connection: connection?,
    })
}

/// Saves what the admin entered, or returns what is wrong with it. A change of credentials forgets the last
/// connection check and the cached tokens.
pub async fn save(input: &SettingsInput) -> ExtResult<Result<SetupState, Vec<SettingsIssue>>> {
    let before = stored().await?;
    let saved = match input.apply(&before, &policy().await) {
        Ok(saved) => saved,
        Err(issues) => return Ok(Err(issues)),
    };
    let (stored, updated) = (&before.credentials, &saved.credentials);
    // Secrets are only written into a storage area content scripts cannot read.
    if let Err(e) = storage::restrict_local_to_trusted_contexts().await {
        web_sys::console::error_1(&format!("settings: storage lock: {e}").into());
        return Err(ExtError(webext::i18n::t("settingsLockFailed")));
    }
    storage::set(&CREDENTIALS, updated).await?;
    storage::set(&FIELD_MAPPING, &saved.mapping).await?;
    storage::set(&PRIVACY, &saved.privacy).await?;
    match &saved.default_tags {
        Some(tags) => storage::set(&DEFAULT_TAGS, tags).await?,
        None => storage::remove(&DEFAULT_TAGS).await?,
    }
    if updated != stored {
        storage::remove(&CONNECTION).await?;
        crate::personio::forget_session().await?;
    }
    Ok(Ok(setup_state().await?))
}

/// Deletes one stored secret now; the connection check and the tokens obtained with it go too.
pub async fn remove_secret(secret: StoredSecret) -> ExtResult<SetupState> {
    let stored = stored_credentials().await?;
    let updated = secret.removed_from(&stored);
    if updated != stored {
        storage::set(&CREDENTIALS, &updated).await?;
        storage::remove(&CONNECTION).await?;
        crate::personio::forget_session().await?;
    }
    setup_state().await
}

/// "Forget this connection": credentials, the field mapping, the connection check, tokens, cached
/// positions and candidate statuses. The disclaimer's acceptance and the candidate data stay (they have
/// their own button and periods).
pub async fn forget_connection() -> ExtResult<SetupState> {
    storage::remove_all(&[CREDENTIALS.any(), FIELD_MAPPING.any(), CONNECTION.any()]).await?;
    crate::personio::forget_session().await?;
    storage::remove(&STATUS_CACHE).await?;
    setup_state().await
}

/// Records a successful connection check.
pub async fn connection_checked(info: &ConnectionInfo) -> ExtResult<()> {
    storage::set(&CONNECTION, info).await
}

/// Has the recruiter accepted the current disclaimer? Until then no page is read.
pub async fn disclaimer_accepted() -> ExtResult<bool> {
    Ok(storage::get(&DISCLAIMER)
        .await?
        .is_some_and(|acceptance: DisclaimerAcceptance| acceptance.is_current()))
}

/// Records that the recruiter accepted the current disclaimer now.
pub async fn accept_disclaimer() -> ExtResult<SetupState> {
    let acceptance = DisclaimerAcceptance {
        version: DISCLAIMER_VERSION.to_string(),
        accepted_at_ms: now_ms(),
    };
    storage::set(&DISCLAIMER, &acceptance).await?;
    setup_state().await
}
