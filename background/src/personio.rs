//! The background's Personio client: built from the stored credentials, with its state (OAuth token, request
//! budget, 429 cool-down) restored from and saved to `storage.session`, so a restarted worker neither asks
//! for a new token nor forgets a cool-down; tokens never touch persistent storage.

use crate::clock::now_ms;
use crate::settings;
use crate::transport::FetchTransport;
use sourcing_core::personio::{
    ClientState, ConnectionInfo, DuplicateCheck, Endpoints, PersonQuery, PersonioClient,
    PersonioError, Position, PositionId,
};
use webext::storage::{self, Area};
use webext::ExtResult;

const CLIENT_STATE: &str = "personio_client_state";
const POSITIONS: &str = "positions_cache";
/// How long the positions list is reused before asking Personio again.
const POSITIONS_TTL_MS: u64 = 10 * 60 * 1000;

/// The client for the stored credentials with its restored state.
pub async fn client() -> ExtResult<PersonioClient<FetchTransport>> {
    let credentials = settings::credentials().await?;
    let endpoints = Endpoints::personio(&credentials.subdomain);
    let state: ClientState = storage::get(Area::Session, CLIENT_STATE)
        .await?
        .unwrap_or_default();
    Ok(PersonioClient::new(FetchTransport, credentials, endpoints).with_state(state))
}

/// Saves the client's state after a call.
pub async fn save_state(client: &PersonioClient<FetchTransport>) -> ExtResult<()> {
    storage::set(Area::Session, CLIENT_STATE, client.state()).await
}

/// Forgets tokens and cached data (after the credentials changed).
pub async fn forget_session() -> ExtResult<()> {
    storage::remove(Area::Session, CLIENT_STATE).await?;
    crate::lookup::forget_all().await?;
    storage::remove(Area::Session, POSITIONS).await
}

/// Checks the credentials against Personio and records the result.
pub async fn test_connection() -> ExtResult<Result<ConnectionInfo, PersonioError>> {
    let mut client = client().await?;
    let result = client.connect(now_ms()).await;
    save_state(&client).await?;
    if let Ok(info) = &result {
        settings::connection_checked(info).await?;
    }
    Ok(result)
}

#[derive(serde::Serialize, serde::Deserialize)]
struct CachedPositions {
    fetched_at_ms: u64,
    positions: Vec<Position>,
}

/// Published positions, from the session cache when fresh.
pub async fn positions(refresh: bool) -> ExtResult<Result<Vec<Position>, PersonioError>> {
    let now = now_ms();
    if !refresh {
        if let Some(cached) = storage::get::<CachedPositions>(Area::Session, POSITIONS).await? {
            if now.saturating_sub(cached.fetched_at_ms) < POSITIONS_TTL_MS {
                return Ok(Ok(cached.positions));
            }
        }
    }
    let mut client = client().await?;
    let language = webext::i18n::ui_language();
    let result = client
        .list_positions(language.get(..2).unwrap_or("en"), now)
        .await;
    save_state(&client).await?;
    match result {
        Ok(list) => {
            let cached = CachedPositions {
                fetched_at_ms: now,
                positions: list.positions,
            };
            storage::set(Area::Session, POSITIONS, &cached).await?;
            Ok(Ok(cached.positions))
        }
        Err(e) => Ok(Err(e)),
    }
}

/// The duplicate check of the form: is there an application of this e-mail (or this LinkedIn
/// profile) on `position`? What cannot be checked is said, never guessed.
pub async fn duplicate_check(
    email: &str,
    linkedin_url: Option<String>,
    position: PositionId,
) -> ExtResult<DuplicateCheck> {
    let mut client = client().await?;
    let person = PersonQuery {
        email: email.trim().to_string(),
        linkedin_url,
        linkedin_attribute: settings::field_mapping().await?.linkedin_attribute_id,
    };
    let check = client.check_duplicate(&person, position, now_ms()).await;
    save_state(&client).await?;
    Ok(check)
}
