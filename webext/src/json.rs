//! Conversion between serde values and JS values through JSON.

use crate::ExtResult;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

/// Serialises a Rust value into a plain JS object.
pub fn to_js<T: Serialize>(value: &T) -> ExtResult<JsValue> {
    let text = serde_json::to_string(value)?;
    Ok(js_sys::JSON::parse(&text)?)
}

/// Deserialises a plain JS value into a Rust value.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> ExtResult<T> {
    let text: String = js_sys::JSON::stringify(value)?.into();
    Ok(serde_json::from_str(&text)?)
}
