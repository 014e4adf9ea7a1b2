//! The end of candidate data in this browser (see `sourcing_core::retention` for the periods): the purge at
//! every worker start and daily (alarm [`ALARM`]), "Discard draft" and "Delete all candidate data on this
//! browser".

use crate::clock::now_ms;
use crate::hris::{EXPORTS, KEPT_CVS, STATUS_CACHE};
use crate::outbox::OUTBOX;
use sourcing_core::draft::{self, ApplicationDraft};
use sourcing_core::hris::KeptCvs;
use sourcing_core::outbox::Outbox;
use sourcing_core::retention::{self, DeletedData, StoredData};
use webext::storage::{self, Area};
use webext::ExtResult;

/// The daily purge's alarm.
pub const ALARM: &str = "purge";
/// Files seen without a reference, kept between purges.
const UNREFERENCED: &str = "purge_unreferenced_files";
/// Prefix of the per-tab states in session storage (they hold the pages read).
const TAB_STATES: &str = "tab:";

async fn local<T: serde::de::DeserializeOwned + Default>(key: &str) -> ExtResult<T> {
    Ok(storage::get(Area::Local, key).await?.unwrap_or_default())
}

/// Deletes what has outlived its purpose (drafts untouched for 30 days and their files, files nothing
/// refers to, export records and kept CVs without their outbox entry, CVs kept beyond their period).
pub async fn run() -> ExtResult<()> {
    // CVs kept beyond their period (HRIS export) first: what remains is what the plan sees.
    crate::hris::purge_expired_cvs().await?;
    let data = StoredData {
        drafts: storage::entries_with_prefix(Area::Local, draft::STORAGE_PREFIX).await?,
        outbox: local(OUTBOX).await?,
        kept_cvs: local(KEPT_CVS).await?,
        exports: local(EXPORTS).await?,
        files: webext::idb::keys().await?,
        unreferenced: local(UNREFERENCED).await?,
    };
    let plan = retention::plan(&data, now_ms());
    storage::remove_all(Area::Local, &plan.drafts).await?;
    if let Some(kept) = &plan.kept_cvs {
        storage::set(Area::Local, KEPT_CVS, kept).await?;
    }
    if let Some(exports) = &plan.exports {
        storage::set(Area::Local, EXPORTS, exports).await?;
    }
    for file in &plan.files {
        webext::idb::delete(file).await?;
    }
    if plan.unreferenced.first_seen_ms.is_empty() {
        storage::remove(Area::Local, UNREFERENCED).await?;
    } else {
        storage::set(Area::Local, UNREFERENCED, &plan.unreferenced).await?;
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
    let key = draft::storage_key(profile_url);
    let Some(draft): Option<ApplicationDraft> = storage::get(Area::Local, &key).await? else {
        return Ok(());
    };
    storage::remove(Area::Local, &key).await?;
    let outbox: Outbox = local(OUTBOX).await?;
    let kept: KeptCvs = local(KEPT_CVS).await?;
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
    let drafts = storage::keys_with_prefix(Area::Local, draft::STORAGE_PREFIX).await?;
    let outbox: Outbox = local(OUTBOX).await?;
    let mut local_keys = drafts.clone();
    local_keys.extend([OUTBOX, KEPT_CVS, EXPORTS, UNREFERENCED].map(String::from));
    storage::remove_all(Area::Local, &local_keys).await?;
    // The lookups go first, while the tab states still say which badges to clear.
    crate::lookup::forget_all().await?;
    let mut session_keys = storage::keys_with_prefix(Area::Session, TAB_STATES).await?;
    session_keys.push(STATUS_CACHE.to_string());
    storage::remove_all(Area::Session, &session_keys).await?;
    let files = webext::idb::clear().await?;
    Ok(DeletedData {
        drafts: drafts.len(),
        files,
        applications: outbox.entries.len(),
    })
}
