//! The extension's service worker (Rust → wasm). It owns every side effect: the toolbar icon per tab, the
//! per-tab page state and extraction, and (through `sourcing_core::personio`) everything that talks to Personio.
//!
//! `background/worker.js` registers Chrome's event listeners synchronously (MV3 requires it; a module
//! service worker must not await at top level) and forwards each event to the functions exported here.

// `crate::clock`: the one wall clock, shared with the pages.
use webext::clock;
mod hris;
mod icon;
mod lookup;
mod messages;
mod outbox;
mod personio;
mod purge;
pub mod sender;
pub mod serial;
mod settings;
pub mod snapshot;
pub mod start;
mod tab_state;
pub mod transport;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// `chrome.runtime.onMessage`: routes a message from the content script or an extension page.
#[wasm_bindgen]
pub fn on_message(message: JsValue, sender: JsValue) -> js_sys::Promise {
    future_to_promise(async move {
        messages::route(message, sender)
            .await
            .map_err(|e| JsValue::from_str(&e.0))
    })
}

/// `chrome.tabs.onUpdated`: `url` is known only for hosts the extension may read (never LinkedIn: its URLs come
/// from the content script). A document starting to load with an unknown URL is not a profile until the
/// content script says otherwise, so the tab turns gray right away when the recruiter leaves LinkedIn; its
/// stored state goes, so a popup opened before the content script reports asks the page itself.
#[wasm_bindgen]
pub fn on_tab_updated(tab_id: i32, url: Option<String>, status: Option<String>) -> js_sys::Promise {
    future_to_promise(async move {
        let result = match (url, status.as_deref()) {
            (Some(url), _) => tab_state::url_changed(tab_id, url).await,
            (None, Some("loading")) => tab_state::loading(tab_id).await,
            _ => Ok(()),
        };
        result.map_err(|e| JsValue::from_str(&e.0))?;
        Ok(JsValue::UNDEFINED)
    })
}

/// Worker start (install, browser start, or any wake): locks `storage.local` to the extension's own
/// contexts, purges expired candidate data, keeps the daily purge alarm, resumes the outbox (each step runs
/// even when one before failed: see [`start`]).
#[wasm_bindgen]
pub fn on_start() -> js_sys::Promise {
    future_to_promise(async move {
        start::run_steps(start::steps()).await;
        Ok(JsValue::UNDEFINED)
    })
}

/// `chrome.alarms.onAlarm`: a retry is due, or the daily purge.
#[wasm_bindgen]
pub fn on_alarm(name: String) -> js_sys::Promise {
    future_to_promise(async move {
        if name == outbox::ALARM {
            outbox::drive().await;
        } else if name == purge::ALARM {
            if let Err(e) = purge::run().await {
                web_sys::console::error_1(&format!("purge: {e}").into());
            }
        }
        Ok(JsValue::UNDEFINED)
    })
}

/// `chrome.tabs.onRemoved`: forgets the tab.
#[wasm_bindgen]
pub fn on_tab_removed(tab_id: i32) -> js_sys::Promise {
    future_to_promise(async move {
        tab_state::forget(tab_id)
            .await
            .map_err(|e| JsValue::from_str(&e.0))?;
        Ok(JsValue::UNDEFINED)
    })
}
