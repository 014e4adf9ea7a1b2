//! Connection settings, secrets and the disclaimer record. Credentials live in `storage.local`, restricted to
//! the extension's trusted contexts (content scripts cannot read it); pages only ever get a
//! [`SettingsView`] without secrets. A stored secret can be removed on its own, and "Forget this
//! connection" removes everything that belongs to the Personio company.

use crate::clock::now_ms;
use sourcing_core::messages::SetupState;
use sourcing_core::personio::{ConnectionInfo, Credentials, FieldMapping};
use sourcing_core::settings::{
    DisclaimerAcceptance, SettingsInput, SettingsIssue, SettingsView, StoredSecret,
    DISCLAIMER_VERSION,
};
use webext::storage::{self, Area};
use webext::{ExtError, ExtResult};

const CREDENTIALS: &str = "credentials";
const DISCLAIMER: &str = "disclaimer";
const CONNECTION: &str = "connection";
const FIELD_MAPPING: &str = "field_mapping";

/// The stored credentials (empty when never saved).
pub async fn credentials() -> ExtResult<Credentials> {
    Ok(storage::get(Area::Local, CREDENTIALS)
        .await?
        .unwrap_or_default())
}

/// How form fields map onto Personio fields (the LinkedIn URL's custom attribute).
pub async fn field_mapping() -> ExtResult<FieldMapping> {
    Ok(storage::get(Area::Local, FIELD_MAPPING)
        .await?
        .unwrap_or_default())
}

/// The set-up state pages may see.
pub async fn setup_state() -> ExtResult<SetupState> {
    Ok(SetupState {
        settings: SettingsView::of(&credentials().await?, &field_mapping().await?),
        disclaimer: storage::get(Area::Local, DISCLAIMER).await?,
        connection: storage::get(Area::Local, CONNECTION).await?,
    })
}

/// Saves what the admin entered, or returns what is wrong with it. A change of credentials forgets the last
/// connection check and the cached tokens.
pub async fn save(input: &SettingsInput) -> ExtResult<Result<SetupState, Vec<SettingsIssue>>> {
    let stored = credentials().await?;
    let updated = match input.apply_to(&stored) {
        Ok(c) => c,
        Err(issues) => return Ok(Err(issues)),
    };
    // Secrets are only written into a storage area content scripts cannot read.
    if let Err(e) = storage::restrict_local_to_trusted_contexts().await {
        web_sys::console::error_1(&format!("settings: storage lock: {e}").into());
        return Err(ExtError(webext::i18n::t("settingsLockFailed")));
    }
    storage::set(Area::Local, CREDENTIALS, &updated).await?;
    storage::set(
        Area::Local,
        FIELD_MAPPING,
        &input.field_mapping().unwrap_or_default(),
    )
    .await?;
    if updated != stored {
        storage::remove(Area::Local, CONNECTION).await?;
        crate::personio::forget_session().await?;
    }
    Ok(Ok(setup_state().await?))
}

/// Deletes one stored secret now; the connection check and the tokens obtained with it go too.
pub async fn remove_secret(secret: StoredSecret) -> ExtResult<SetupState> {
    let stored = credentials().await?;
    let updated = secret.removed_from(&stored);
    if updated != stored {
        storage::set(Area::Local, CREDENTIALS, &updated).await?;
        storage::remove(Area::Local, CONNECTION).await?;
        crate::personio::forget_session().await?;
    }
    setup_state().await
}

/// "Forget this connection": credentials, the field mapping, the connection check, tokens, cached
/// positions and candidate statuses. The disclaimer's acceptance and the candidate data stay (they have
/// their own button and periods).
pub async fn forget_connection() -> ExtResult<SetupState> {
    for key in [CREDENTIALS, FIELD_MAPPING, CONNECTION] {
        storage::remove(Area::Local, key).await?;
    }
    crate::personio::forget_session().await?;
    storage::remove(Area::Session, crate::hris::STATUS_CACHE).await?;
    setup_state().await
}

/// Records a successful connection check.
pub async fn connection_checked(info: &ConnectionInfo) -> ExtResult<()> {
    storage::set(Area::Local, CONNECTION, info).await
}

/// Records that the recruiter accepted the current disclaimer now.
pub async fn accept_disclaimer() -> ExtResult<SetupState> {
    let acceptance = DisclaimerAcceptance {
        version: DISCLAIMER_VERSION.to_string(),
        accepted_at_ms: now_ms(),
    };
    storage::set(Area::Local, DISCLAIMER, &acceptance).await?;
    setup_state().await
}
