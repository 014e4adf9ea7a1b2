//! Per-tab state: the tab's URL, its classification and the latest extraction, kept in session storage so a
//! restarted service worker still knows it. Keyed by tab id; an extraction is only kept for the URL it was
//! read from (no stale data after in-app navigation).

use crate::icon;
use sourcing_core::linkedin::{classify_url, extract};
use sourcing_core::messages::TabState;
use sourcing_core::page::PageSnapshot;
use webext::storage::{self, Area};
use webext::ExtResult;

fn key(tab_id: i32) -> String {
    format!("tab:{tab_id}")
}

/// The stored state of `tab_id`, if any.
pub async fn load(tab_id: i32) -> ExtResult<Option<TabState>> {
    storage::get(Area::Session, &key(tab_id)).await
}

async fn store(state: &TabState) -> ExtResult<()> {
    storage::set(Area::Session, &key(state.tab_id), state).await
}

/// The tab navigated (full load or in-app): reclassify, reset the icon, drop an extraction of another URL.
pub async fn url_changed(tab_id: i32, url: String) -> ExtResult<()> {
    let page = classify_url(&url);
    icon::apply(tab_id, &page).await?;
    let previous = load(tab_id).await?;
    let extraction = previous.filter(|p| p.url == url).and_then(|p| p.extraction);
    store(&TabState { tab_id, url, page, extraction }).await
}

/// A snapshot arrived from the tab's content script: classify, extract and store it.
pub async fn snapshot_received(tab_id: i32, snapshot: &PageSnapshot) -> ExtResult<TabState> {
    let page = classify_url(&snapshot.url);
    icon::apply(tab_id, &page).await?;
    let extraction = page.is_candidate().then(|| extract(snapshot));
    let state = TabState { tab_id, url: snapshot.url.clone(), page, extraction };
    store(&state).await?;
    Ok(state)
}

/// Re-applies the stored icon state of `tab_id` (after a tab switch); nothing when the tab is unknown.
pub async fn reapply(tab_id: i32) -> ExtResult<()> {
    match load(tab_id).await? {
        Some(state) => icon::apply(tab_id, &state.page).await,
        None => Ok(()),
    }
}

/// Forgets a closed tab.
pub async fn forget(tab_id: i32) -> ExtResult<()> {
    storage::remove(Area::Session, &key(tab_id)).await
}
