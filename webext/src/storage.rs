//! `chrome.storage`: typed get/set/remove of JSON records in the `local` and `session` areas.
//!
//! `local` persists across browser restarts and is not readable by content scripts unless the extension
//! widens its access level (it never does). `session` lives in memory until the browser closes. `managed`
//! (read-only) is the admin policy.

use crate::json::{from_js, to_js};
use crate::ExtResult;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A storage area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// `chrome.storage.local`: persistent.
    Local,
    /// `chrome.storage.session`: in memory, survives service-worker restarts, cleared with the browser.
    Session,
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get, catch)]
    fn local_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
    fn local_set(items: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove, catch)]
    fn local_remove(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = get, catch)]
    fn session_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = set, catch)]
    fn session_set(items: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = remove, catch)]
    fn session_remove(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Reads the record stored under `key`, `None` when absent.
pub async fn get<T: DeserializeOwned>(area: Area, key: &str) -> ExtResult<Option<T>> {
    let keys = JsValue::from_str(key);
    let promise = match area {
        Area::Local => local_get(&keys)?,
        Area::Session => session_get(&keys)?,
    };
    let items = JsFuture::from(promise).await?;
    let value = js_sys::Reflect::get(&items, &keys)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(Some(from_js(&value)?))
}

/// Stores `value` under `key`.
pub async fn set<T: Serialize>(area: Area, key: &str, value: &T) -> ExtResult<()> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &key.into(), &to_js(value)?)?;
    let promise = match area {
        Area::Local => local_set(&items)?,
        Area::Session => session_set(&items)?,
    };
    JsFuture::from(promise).await?;
    Ok(())
}

/// Removes `key`.
pub async fn remove(area: Area, key: &str) -> ExtResult<()> {
    let keys = JsValue::from_str(key);
    let promise = match area {
        Area::Local => local_remove(&keys)?,
        Area::Session => session_remove(&keys)?,
    };
    JsFuture::from(promise).await?;
    Ok(())
}

fn get_promise(area: Area, keys: &JsValue) -> Result<js_sys::Promise, JsValue> {
    match area {
        Area::Local => local_get(keys),
        Area::Session => session_get(keys),
    }
}

/// Every record whose key starts with `prefix`, with its key (e.g. all drafts: `draft:`). Records that do
/// not parse as `T` are skipped.
pub async fn entries_with_prefix<T: DeserializeOwned>(
    area: Area,
    prefix: &str,
) -> ExtResult<Vec<(String, T)>> {
    let items = JsFuture::from(get_promise(area, &JsValue::NULL)?).await?;
    let mut out = Vec::new();
    for key in js_sys::Object::keys(&items.clone().into()).iter() {
        let Some(key) = key.as_string().filter(|k| k.starts_with(prefix)) else {
            continue;
        };
        if let Ok(value) = from_js(&js_sys::Reflect::get(&items, &JsValue::from_str(&key))?) {
            out.push((key, value));
        }
    }
    Ok(out)
}

/// The keys starting with `prefix`.
pub async fn keys_with_prefix(area: Area, prefix: &str) -> ExtResult<Vec<String>> {
    let items = JsFuture::from(get_promise(area, &JsValue::NULL)?).await?;
    Ok(js_sys::Object::keys(&items.into())
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

/// Removes every key in `keys` (one call).
pub async fn remove_all(area: Area, keys: &[String]) -> ExtResult<()> {
    if keys.is_empty() {
        return Ok(());
    }
    let list: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    let promise = match area {
        Area::Local => local_remove(&list)?,
        Area::Session => session_remove(&list)?,
    };
    JsFuture::from(promise).await?;
    Ok(())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = setAccessLevel, catch)]
    fn local_set_access_level(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Makes `storage.local` readable only by the extension's own contexts (service worker and pages), never by
/// content scripts. Called before any secret is written. Chrome supports it for `local` from version 140
/// (the manifest's `minimum_chrome_version`); a failure is the caller's to log.
pub async fn restrict_local_to_trusted_contexts() -> ExtResult<()> {
    let options = js_sys::JSON::parse(r#"{"accessLevel":"TRUSTED_CONTEXTS"}"#)?;
    JsFuture::from(local_set_access_level(&options)?).await?;
    Ok(())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "managed"], js_name = get, catch)]
    fn managed_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Every item of `chrome.storage.managed`: the admin policy Chrome hands the extension (enterprise policy
/// `3rdparty.extensions.<id>`, validated against the manifest's `storage.managed_schema`). Read-only for the
/// extension; `{}` when no policy is set. Chrome lets content scripts read this area by default: the worker
/// locks it at start ([`restrict_managed_to_trusted_contexts`]), and the content script never reads storage.
pub async fn managed_items() -> ExtResult<serde_json::Value> {
    let items = JsFuture::from(managed_get(&JsValue::NULL)?).await?;
    from_js(&items)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "managed"], js_name = setAccessLevel, catch)]
    fn managed_set_access_level(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Makes `storage.managed` (the admin policy, possibly with secrets) readable only by the extension's own
/// contexts, as [`restrict_local_to_trusted_contexts`] does for `local`; Debian's Chromium accepts it for this
/// area (checked by `tests/e2e/policy.test.mjs`). A failure is the caller's to log.
pub async fn restrict_managed_to_trusted_contexts() -> ExtResult<()> {
    let options = js_sys::JSON::parse(r#"{"accessLevel":"TRUSTED_CONTEXTS"}"#)?;
    JsFuture::from(managed_set_access_level(&options)?).await?;
    Ok(())
}
