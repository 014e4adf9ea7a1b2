//! `chrome.storage`: get/set/remove of JSON records in the `local` and `session` areas, through the typed keys
//! of [`sourcing_core::storage_keys`] only; every access of a key waits for its restore step.
//!
//! `local` persists across browser restarts and is not readable by content scripts unless the extension
//! widens its access level (it never does). `session` lives in memory until the browser closes. `managed`
//! (read-only) is the admin policy.

use crate::json::{from_js, to_js};
use crate::ExtResult;
use serde::{de::DeserializeOwned, Serialize};
pub use sourcing_core::storage_keys::{AnyKey, Area, KeyPrefix, Restore, StorageKey};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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

/// Where a key's restore step stands in this JavaScript context.
enum Restoring {
    /// Running: every access of the key waits for it.
    Running(js_sys::Promise),
    /// Done (and stored back).
    Done,
}

thread_local! {
    /// The keys with a restore step (see [`Restore`]) by name.
    static RESTORES: RefCell<HashMap<String, Restoring>> = RefCell::new(HashMap::new());
}

/// Runs `key`'s restore step if this context has not yet (once per context; concurrent callers wait for
/// the same run, so none reads the value before it is restored nor writes one the restore overwrites).
async fn restored<T>(key: &StorageKey<T>) -> ExtResult<()>
where
    T: Serialize + DeserializeOwned + 'static,
{
    let Restore::OncePerStart(restore) = key.restore() else {
        return Ok(());
    };
    let (area, name) = (key.area(), key.name().to_string());
    let running = RESTORES.with(|restores| match restores.borrow().get(&name) {
        Some(Restoring::Done) => Some(None),
        Some(Restoring::Running(promise)) => Some(Some(promise.clone())),
        None => None,
    });
    let promise = match running {
        Some(None) => return Ok(()),
        Some(Some(promise)) => promise,
        None => {
            // No await between the look-up above and the insert below: no other caller starts a second run.
            let run_name = name.clone();
            let promise = wasm_bindgen_futures::future_to_promise(async move {
                let result: ExtResult<()> = async {
                    // Nothing stored: nothing to restore.
                    let Some(mut value) = read::<T>(area, &run_name).await? else {
                        return Ok(());
                    };
                    restore(&mut value);
                    write(area, &run_name, &value).await
                }
                .await;
                RESTORES.with(|restores| {
                    let mut restores = restores.borrow_mut();
                    match &result {
                        Ok(()) => restores.insert(run_name, Restoring::Done),
                        // Tried again at the next access.
                        Err(_) => restores.remove(&run_name),
                    }
                });
                result
                    .map(|()| JsValue::UNDEFINED)
                    .map_err(|e| JsValue::from_str(&e.0))
            });
            RESTORES.with(|restores| {
                restores
                    .borrow_mut()
                    .insert(name, Restoring::Running(promise.clone()))
            });
            promise
        }
    };
    JsFuture::from(promise).await?;
    Ok(())
}

async fn read<T: DeserializeOwned>(area: Area, name: &str) -> ExtResult<Option<T>> {
    let keys = JsValue::from_str(name);
    let promise = match area {
        Area::Local => local_get(&keys)?,
        Area::Session => session_get(&keys)?,
    };
    let items = JsFuture::from(promise).await?;
    value_in(&items, name)
}

/// The value under `name` in the items a `get` answered, `None` when absent.
fn value_in<T: DeserializeOwned>(items: &JsValue, name: &str) -> ExtResult<Option<T>> {
    let value = js_sys::Reflect::get(items, &JsValue::from_str(name))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(Some(from_js(&value)?))
}

/// The value of `key` in `items`, the answer to a `chrome.storage` `get` of it made outside Rust (the
/// popup's head start), decoded as [`get`] decodes. Only for keys without a restore step: for the others
/// only [`get`] knows whether the value read is restored.
pub fn from_items<T>(key: &StorageKey<T>, items: &JsValue) -> ExtResult<Option<T>>
where
    T: Serialize + DeserializeOwned + 'static,
{
    if !matches!(key.restore(), Restore::None) {
        return Err(crate::ExtError(format!(
            "{} has a restore step: read it with storage::get",
            key.name()
        )));
    }
    value_in(items, key.name())
}

async fn write<T: Serialize>(area: Area, name: &str, value: &T) -> ExtResult<()> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &name.into(), &to_js(value)?)?;
    let promise = match area {
        Area::Local => local_set(&items)?,
        Area::Session => session_set(&items)?,
    };
    JsFuture::from(promise).await?;
    Ok(())
}

/// The value stored under `key` (restored), `None` when absent.
pub async fn get<T>(key: &StorageKey<T>) -> ExtResult<Option<T>>
where
    T: Serialize + DeserializeOwned + 'static,
{
    restored(key).await?;
    read(key.area(), key.name()).await
}

/// The value stored under `key` (restored), its default when absent.
pub async fn get_or_default<T>(key: &StorageKey<T>) -> ExtResult<T>
where
    T: Serialize + DeserializeOwned + Default + 'static,
{
    Ok(get(key).await?.unwrap_or_default())
}

/// Stores `value` under `key`.
pub async fn set<T>(key: &StorageKey<T>, value: &T) -> ExtResult<()>
where
    T: Serialize + DeserializeOwned + 'static,
{
    restored(key).await?;
    write(key.area(), key.name(), value).await
}

/// Removes `key`.
pub async fn remove<T>(key: &StorageKey<T>) -> ExtResult<()>
where
    T: Serialize + DeserializeOwned + 'static,
{
    restored(key).await?;
    remove_names(key.area(), &JsValue::from_str(key.name())).await
}

async fn remove_names(area: Area, names: &JsValue) -> ExtResult<()> {
    let promise = match area {
        Area::Local => local_remove(names)?,
        Area::Session => session_remove(names)?,
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

/// Every record of the family `prefix` with its key's name (e.g. all drafts). Records that do not parse as
/// `T` are skipped.
pub async fn entries<T: DeserializeOwned>(prefix: &KeyPrefix<T>) -> ExtResult<Vec<(String, T)>> {
    let items = JsFuture::from(get_promise(prefix.area(), &JsValue::NULL)?).await?;
    let mut out = Vec::new();
    for key in js_sys::Object::keys(&items.clone().into()).iter() {
        let Some(key) = key.as_string().filter(|k| prefix.id_of(k).is_some()) else {
            continue;
        };
        if let Ok(value) = from_js(&js_sys::Reflect::get(&items, &JsValue::from_str(&key))?) {
            out.push((key, value));
        }
    }
    Ok(out)
}

/// The names of the family's keys.
pub async fn names<T>(prefix: &KeyPrefix<T>) -> ExtResult<Vec<String>> {
    let items = JsFuture::from(get_promise(prefix.area(), &JsValue::NULL)?).await?;
    Ok(js_sys::Object::keys(&items.into())
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| prefix.id_of(k).is_some())
        .collect())
}

/// Removes every key in `keys` (one call per area). Keys with a restore step are never among them: those
/// go through [`remove`], which waits for the step.
pub async fn remove_all(keys: &[AnyKey]) -> ExtResult<()> {
    for area in [Area::Local, Area::Session] {
        let list: js_sys::Array = keys
            .iter()
            .filter(|k| k.area == area)
            .map(|k| JsValue::from_str(&k.name))
            .collect();
        if list.length() > 0 {
            remove_names(area, &list).await?;
        }
    }
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
