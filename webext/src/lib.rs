//! Thin typed bindings to the Chrome extension APIs the extension uses.
//!
//! Values cross the boundary as JSON (serde ⇄ `JSON.stringify`/`JSON.parse`), so every message and stored
//! record is one of the core's serde types. Only the background and the extension pages use this crate; the
//! content script is a JS shim and never sees it.

pub mod action;
pub mod alarms;
pub mod clock;
pub mod events;
pub mod i18n;
pub mod idb;
pub mod json;
pub mod runtime;
pub mod side_panel;
pub mod storage;
pub mod tabs;
pub mod timer;

use wasm_bindgen::JsValue;

/// An error from a Chrome API call or from (de)serialising its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtError(pub String);

impl std::fmt::Display for ExtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExtError {}

impl From<JsValue> for ExtError {
    fn from(value: JsValue) -> Self {
        let text = js_sys::Reflect::get(&value, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| value.as_string())
            .unwrap_or_else(|| format!("{value:?}"));
        ExtError(text)
    }
}

impl From<serde_json::Error> for ExtError {
    fn from(value: serde_json::Error) -> Self {
        ExtError(value.to_string())
    }
}

/// Result of an extension API call.
pub type ExtResult<T> = Result<T, ExtError>;
