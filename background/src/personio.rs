//! The background's Personio client and the one owner of its state (OAuth token, request budget, 429
//! cool-down, backoff). Every caller (the outbox driver, the popup's lookups, the candidates page, the HRIS
//! export) leases the client through [`client`]: leases are granted one at a time, in the order asked, each
//! starting from the state the previous one left, so a cool-down or a spent budget is never forgotten by a
//! concurrent caller writing back an older copy. The state lives in memory while the worker runs and is
//! written to `storage.session` after each lease, and before each budgeted call leaves (the write-ahead of
//! the request budget: a worker stopped mid-fetch still counts the call), so a restarted worker neither asks
//! for a new token nor forgets a cool-down or a call; tokens never touch persistent storage.
//!
//! The session state belongs to one company and client: when the credentials in use name another (the
//! settings page saved others, or the admin policy changed them), tokens, cached positions and statuses are
//! forgotten before anything is sent.
//!
//! A lease must never be held while asking for another one (that would wait forever): code that needs a
//! helper's Personio call while holding a lease passes its client down (see [`positions_with`]).

use crate::clock::now_ms;
use crate::serial::{Serial, Turn};
use crate::settings;
use crate::transport::FetchTransport;
use sourcing_core::personio::{
    ClientState, ConnectionInfo, Credentials, DuplicateCheck, Endpoints, PersonQuery,
    PersonioClient, PersonioError, Position, PositionId,
};
use sourcing_core::session_cache::CachedPositions;
use sourcing_core::storage_keys::{CLIENT_STATE, POSITIONS, SESSION_OWNER, STATUS_CACHE};
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use webext::storage;
use webext::ExtResult;

/// How long the positions list is reused before asking Personio again.
const POSITIONS_TTL_MS: u64 = 10 * 60 * 1000;

thread_local! {
    /// Grants the leases, one at a time.
    static LEASES: Serial = Serial::default();
    /// The state the last lease left; `None` until restored from `storage.session` after a worker start.
    static CURRENT: RefCell<Option<ClientState>> = const { RefCell::new(None) };
}

/// The client, exclusively, until dropped. Dropping it hands its state to the next lease and writes it to
/// `storage.session`.
pub struct Lease {
    client: PersonioClient<FetchTransport>,
    _turn: Turn,
}

impl Deref for Lease {
    type Target = PersonioClient<FetchTransport>;
    fn deref(&self) -> &Self::Target {
        &self.client
    }
}

impl DerefMut for Lease {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.client
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        let state = self.client.state().clone();
        CURRENT.with(|current| *current.borrow_mut() = Some(state.clone()));
        // Writes are issued in lease order, so storage never goes back to an older state.
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = storage::set(&CLIENT_STATE, &state).await {
                web_sys::console::error_1(&format!("personio state not saved: {e}").into());
            }
        });
    }
}

/// Writes the state of the running lease before a budgeted call leaves (see `Transport::write_ahead`): a
/// worker stopped mid-fetch restarts with the call counted. A failed write is logged; the call goes out.
pub(crate) async fn write_ahead(state: &ClientState) {
    if let Err(e) = storage::set(&CLIENT_STATE, state).await {
        web_sys::console::error_1(&format!("personio state not written ahead: {e}").into());
    }
}

/// The client for the stored credentials, with the current state, once every earlier lease has ended.
pub async fn client() -> ExtResult<Lease> {
    let turn = LEASES.with(Serial::turn).await;
    let credentials = settings::credentials().await?;
    forget_session_of_others(&credentials).await?;
    let endpoints = Endpoints::personio(&credentials.subdomain);
    let state = match CURRENT.with(|current| current.borrow().clone()) {
        Some(state) => state,
        None => storage::get_or_default(&CLIENT_STATE).await?,
    };
    Ok(Lease {
        client: PersonioClient::new(FetchTransport, credentials, endpoints).with_state(state),
        _turn: turn,
    })
}

/// Forgets the session state when it was made with another company's or client's credentials (called
/// with the lease turn held).
async fn forget_session_of_others(credentials: &Credentials) -> ExtResult<()> {
    let owner = format!(
        "{}|{}|{}",
        credentials.subdomain, credentials.client_id, credentials.company_id
    );
    let stored = storage::get(&SESSION_OWNER).await?;
    if stored.as_deref() != Some(owner.as_str()) {
        clear_session().await?;
        storage::remove(&STATUS_CACHE).await?;
        storage::set(&SESSION_OWNER, &owner).await?;
    }
    Ok(())
}

/// Forgets tokens and cached data (after the credentials changed).
pub async fn forget_session() -> ExtResult<()> {
    // After the running lease, so it cannot write the old tokens back.
    let _turn = LEASES.with(Serial::turn).await;
    clear_session().await
}

async fn clear_session() -> ExtResult<()> {
    CURRENT.with(|current| *current.borrow_mut() = None);
    storage::remove(&CLIENT_STATE).await?;
    crate::lookup::forget_all().await?;
    storage::remove(&POSITIONS).await
}

/// Checks the credentials against Personio and records the result.
pub async fn test_connection() -> ExtResult<Result<ConnectionInfo, PersonioError>> {
    let mut client = client().await?;
    let result = client.connect(now_ms()).await;
    if let Ok(info) = &result {
        settings::connection_checked(info).await?;
    }
    Ok(result)
}

/// Published positions, from the session cache when fresh.
pub async fn positions(refresh: bool) -> ExtResult<Result<Vec<Position>, PersonioError>> {
    {
        // A cache of another company's positions is never shown.
        let _turn = LEASES.with(Serial::turn).await;
        forget_session_of_others(&settings::credentials().await?).await?;
    }
    if !refresh {
        if let Some(cached) = fresh_positions(now_ms()).await? {
            return Ok(Ok(cached));
        }
    }
    let mut client = client().await?;
    fetch_positions(&mut client).await
}

/// [`positions`] for a caller that already holds a lease.
pub async fn positions_with(
    client: &mut PersonioClient<FetchTransport>,
) -> ExtResult<Result<Vec<Position>, PersonioError>> {
    match fresh_positions(now_ms()).await? {
        Some(cached) => Ok(Ok(cached)),
        None => fetch_positions(client).await,
    }
}

/// The published positions from the session cache, when fresh (no call).
pub(crate) async fn fresh_positions(now: u64) -> ExtResult<Option<Vec<Position>>> {
    Ok(storage::get(&POSITIONS)
        .await?
        .filter(|cached| now.saturating_sub(cached.fetched_at_ms) < POSITIONS_TTL_MS)
        .map(|cached| cached.positions))
}

async fn fetch_positions(
    client: &mut PersonioClient<FetchTransport>,
) -> ExtResult<Result<Vec<Position>, PersonioError>> {
    let now = now_ms();
    let language = webext::i18n::ui_language();
    let result = client
        .list_positions(language.get(..2).unwrap_or("en"), now)
        .await;
    match result {
        Ok(list) => {
            let cached = CachedPositions {
                fetched_at_ms: now,
                positions: list.positions,
            };
            storage::set(&POSITIONS, &cached).await?;
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
    Ok(check)
}
