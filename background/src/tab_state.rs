//! Per-tab state: the tab's URL, its classification and the latest extraction, kept in session storage so a
//! restarted service worker still knows it. Keyed by tab id; an extraction is only kept for the URL it was
//! read from (no stale data after in-app navigation). Only a candidate profile's URL is kept: for any other
//! page the state says "not a profile" and nothing of where the recruiter was.

use crate::clock::precise_ms;
use crate::icon;
use sourcing_core::linkedin::markup::Document;
use sourcing_core::linkedin::{classify_url, extract_parsed, PageKind};
use sourcing_core::messages::TabState;
use sourcing_core::page::PageSnapshot;
use sourcing_core::storage_keys::{StorageKey, TAB_STATES};
use webext::storage;
use webext::ExtResult;

fn key(tab_id: i32) -> StorageKey<TabState> {
    TAB_STATES.key(&tab_id.to_string())
}

/// The stored state of `tab_id`, if any.
pub async fn load(tab_id: i32) -> ExtResult<Option<TabState>> {
    storage::get(&key(tab_id)).await
}

async fn store(state: &TabState) -> ExtResult<()> {
    storage::set(&key(state.tab_id), state).await
}

/// The URL kept for a page: the full URL of a candidate page, nothing of any other.
fn retained(page: &PageKind, url: String) -> String {
    if page.is_candidate() {
        url
    } else {
        String::new()
    }
}

/// The state of a tab the extension knows nothing about (no content script reported it): not a profile.
pub fn unknown(tab_id: i32) -> TabState {
    TabState {
        tab_id,
        url: String::new(),
        page: PageKind::NotProfile,
        extraction: None,
        extract_us: None,
        parse_us: None,
        snapshot_bytes: None,
        snapshot_us: None,
        revision: None,
        reused: false,
    }
}

/// The tab navigated (full load or in-app): reclassify, drop an extraction of another URL, then reset the
/// icon (after the state is stored, so an icon refresh that reads the state sees this navigation).
pub async fn url_changed(tab_id: i32, url: String) -> ExtResult<()> {
    let page = classify_url(&url);
    let url = retained(&page, url);
    let previous = load(tab_id).await?;
    let kept = previous.filter(|p| p.url == url);
    let state = match kept {
        Some(previous) => TabState { page, ..previous },
        None => TabState {
            tab_id,
            url,
            page,
            extraction: None,
            extract_us: None,
            parse_us: None,
            snapshot_bytes: None,
            snapshot_us: None,
            revision: None,
            reused: false,
        },
    };
    store(&state).await?;
    icon::apply(tab_id, &state.page, &state.url).await
}

/// A document started loading in the tab and its URL is not visible to the extension: the icon turns gray
/// and the stored state goes (the tab's page is unknown until its content script reports, or answers the
/// popup's request for a snapshot).
pub async fn loading(tab_id: i32) -> ExtResult<()> {
    storage::remove(&key(tab_id)).await?;
    icon::apply(tab_id, &PageKind::NotProfile, "").await
}

fn micros(from_ms: f64, to_ms: f64) -> Option<u64> {
    Some(((to_ms - from_ms) * 1000.0).max(0.0) as u64)
}

/// A snapshot arrived from the tab's content script (`snapshot_us` after it was asked for): classify,
/// extract (the markup parse timed apart) and store it. A snapshot of a page that is not a candidate profile
/// (the tab navigated away meanwhile) is not parsed.
pub async fn snapshot_received(
    tab_id: i32,
    snapshot: &PageSnapshot,
    snapshot_us: Option<u64>,
) -> ExtResult<TabState> {
    let page = classify_url(&snapshot.url);
    if !page.is_candidate() {
        url_changed(tab_id, String::new()).await?;
        return Ok(load(tab_id).await?.unwrap_or_else(|| unknown(tab_id)));
    }
    let started = precise_ms();
    let markup = Document::parse(&snapshot.markup);
    let parsed = precise_ms();
    let extraction = Some(extract_parsed(snapshot, &markup));
    let done = precise_ms();
    let snapshot_bytes =
        snapshot.markup.len() + snapshot.embedded.iter().map(String::len).sum::<usize>();
    let state = TabState {
        tab_id,
        url: snapshot.url.clone(),
        page,
        extraction,
        extract_us: micros(started, done),
        parse_us: micros(started, parsed),
        snapshot_bytes: Some(snapshot_bytes),
        snapshot_us,
        revision: snapshot.revision.clone(),
        reused: false,
    };
    store(&state).await?;
    icon::apply(tab_id, &state.page, &state.url).await?;
    Ok(state)
}

/// Forgets a closed tab.
pub async fn forget(tab_id: i32) -> ExtResult<()> {
    icon::forget(tab_id);
    storage::remove(&key(tab_id)).await
}
