//! The end of candidate data in this browser (see `sourcing_core::retention` for the periods): the purge at
//! every worker start and daily (alarm [`ALARM`]), "Discard draft" and "Delete all candidate data on this
//! browser".

use crate::clock::now_ms;
use sourcing_core::retention::{self, DeletedData, StoredData};
use sourcing_core::storage_keys::{
    AnyKey, DRAFTS, EXPORTS, KEPT_CVS, STATUS_CACHE, TAB_STATES, UNREFERENCED_FILES,
};
use webext::storage;
use webext::ExtResult;

/// The daily purge's alarm.
pub const ALARM: &str = "purge";

/// Deletes what has outlived its purpose (drafts untouched for 30 days and their files, files nothing
/// refers to, export records and kept CVs without their outbox entry, CVs kept beyond their period).
pub async fn run() -> ExtResult<()> {
    // CVs kept beyond their period (HRIS export) first: what remains is what the plan sees.
    crate::hris::purge_expired_cvs().await?;
    let data = StoredData {
        drafts: storage::entries(&DRAFTS).await?,
        outbox: crate::outbox::load().await?,
        kept_cvs: storage::get_or_default(&KEPT_CVS).await?,
        exports: storage::get_or_default(&EXPORTS).await?,
        files: webext::idb::keys().await?,
        unreferenced: storage::get_or_default(&UNREFERENCED_FILES).await?,
    };
    let plan = retention::plan(&data, now_ms());
    let drafts: Vec<AnyKey> = plan.drafts.iter().filter_map(|n| DRAFTS.any(n)).collect();
    storage::remove_all(&drafts).await?;
    if let Some(kept) = &plan.kept_cvs {
        storage::set(&KEPT_CVS, kept).await?;
    }
    if let Some(exports) = &plan.exports {
        storage::set(&EXPORTS, exports).await?;
    }
    for file in &plan.files {
        webext::idb::delete(file).await?;
    }
    if plan.unreferenced.first_seen_ms.is_empty() {
        storage::remove(&UNREFERENCED_FILES).await?;
    } else {
        storage::set(&UNREFERENCED_FILES, &plan.unreferenced).await?;
    }
    if !plan.deletes_nothing() {
        web_sys::console::info_1(
            &format!(
                "purge: {} drafts, {} files deleted",
                plan.drafts.len(),
                plan.files.len()
            )
            .into(),
        );
    }
    Ok(())
}

/// "Discard draft": deletes the draft of `profile_url` and the files only it lists (a file of a queued
/// application or a kept CV stays).
pub async fn discard_draft(profile_url: &str) -> ExtResult<()> {
    let key = DRAFTS.key(profile_url);
    let Some(draft) = storage::get(&key).await? else {
        return Ok(());
    };
    storage::remove(&key).await?;
    let outbox = crate::outbox::load().await?;
    let kept = storage::get_or_default(&KEPT_CVS).await?;
    let in_use = retention::files_in_use(&outbox, &kept);
    for file in retention::draft_files(&draft).filter(|f| !in_use.contains(*f)) {
        webext::idb::delete(file).await?;
    }
    Ok(())
}

/// "Delete all candidate data on this browser": drafts, every stored file, the outbox (queued and finished
/// applications), kept CVs, export records, cached statuses and the pages read. Settings, secrets and the
/// disclaimer stay.
pub async fn delete_all() -> ExtResult<DeletedData> {
    // No outbox step may write its job back while the data goes.
    crate::outbox::without_writes(delete_everything()).await
}

async fn delete_everything() -> ExtResult<DeletedData> {
    let drafts = storage::names(&DRAFTS).await?;
    let outbox = crate::outbox::load().await?;
    let mut local_keys: Vec<AnyKey> = drafts.iter().filter_map(|n| DRAFTS.any(n)).collect();
    local_keys.extend([KEPT_CVS.any(), EXPORTS.any(), UNREFERENCED_FILES.any()]);
    storage::remove_all(&local_keys).await?;
    crate::outbox::remove().await?;
    // The lookups go first, while the tab states still say which badges to clear.
    crate::lookup::forget_all().await?;
    let mut session_keys: Vec<AnyKey> = storage::names(&TAB_STATES)
        .await?
        .iter()
        .filter_map(|n| TAB_STATES.any(n))
        .collect();
    session_keys.push(STATUS_CACHE.any());
    storage::remove_all(&session_keys).await?;
    let files = webext::idb::clear().await?;
    Ok(DeletedData {
        drafts: drafts.len(),
        files,
        applications: outbox.entries.len(),
    })
}
