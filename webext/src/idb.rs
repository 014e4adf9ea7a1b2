//! A tiny key → bytes store on the extension origin's IndexedDB, shared by the pages and the service worker.
//!
//! The popup writes a recruiter's attached files here the moment they are added (so closing the popup loses
//! nothing); the background reads them when it uploads and deletes them once the application exists.
//! Content scripts run on LinkedIn's origin and cannot open this database.

use crate::{ExtError, ExtResult};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "personio-sourcing";
const VERSION: u32 = 1;
/// The object store holding document bytes, keyed by document id.
pub const DOCUMENTS: &str = "documents";

/// Resolves when `request` succeeds (with its result) or fails.
async fn settle(request: &IdbRequest) -> ExtResult<JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok_request = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_request.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_request = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let message = err_request
                .error()
                .ok()
                .flatten()
                .map(|e| e.message())
                .unwrap_or_default();
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str(&format!("IndexedDB: {message}")),
            );
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    Ok(JsFuture::from(promise).await?)
}

async fn open() -> ExtResult<IdbDatabase> {
    let factory: IdbFactory = js_sys::Reflect::get(&js_sys::global(), &"indexedDB".into())?
        .dyn_into()
        .map_err(|_| ExtError("IndexedDB is not available".into()))?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION)?;
    let on_upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database {
            if !database.object_store_names().contains(DOCUMENTS) {
                let _ = database.create_object_store(DOCUMENTS);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(settle(&request).await?.unchecked_into())
}

async fn in_store<F>(mode: IdbTransactionMode, action: F) -> ExtResult<JsValue>
where
    F: FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
{
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(DOCUMENTS, mode)?;
    let request = action(&transaction.object_store(DOCUMENTS)?)?;
    let result = settle(&request).await;
    database.close();
    result
}

/// Stores `bytes` under `key` (replacing what was there).
pub async fn put(key: &str, bytes: &[u8]) -> ExtResult<()> {
    let value = js_sys::Uint8Array::from(bytes);
    in_store(IdbTransactionMode::Readwrite, |store| {
        store.put_with_key(&value, &key.into())
    })
    .await?;
    Ok(())
}

/// The bytes stored under `key`, `None` when absent.
pub async fn get(key: &str) -> ExtResult<Option<Vec<u8>>> {
    let value = in_store(IdbTransactionMode::Readonly, |store| store.get(&key.into())).await?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(Some(js_sys::Uint8Array::new(&value).to_vec()))
}

/// Deletes `key` (nothing when absent).
pub async fn delete(key: &str) -> ExtResult<()> {
    in_store(IdbTransactionMode::Readwrite, |store| {
        store.delete(&key.into())
    })
    .await?;
    Ok(())
}

/// The keys of every stored file.
pub async fn keys() -> ExtResult<Vec<String>> {
    let value = in_store(IdbTransactionMode::Readonly, |store| store.get_all_keys()).await?;
    Ok(js_sys::Array::from(&value)
        .iter()
        .filter_map(|k| k.as_string())
        .collect())
}

/// Deletes every stored file; returns how many there were.
pub async fn clear() -> ExtResult<usize> {
    let count = keys().await?.len();
    in_store(IdbTransactionMode::Readwrite, |store| store.clear()).await?;
    Ok(count)
}
