//! Conversion between serde values and JS values through JSON.
//!
//! Reading goes text → `serde_json::Value` → the type, never text → the type directly: the tagged enums'
//! derive (`sourcing-tagged`) and the Personio client read `Value`s anyway, so every type's deserializer is
//! compiled against one backend only. Reading straight from the text compiled a second copy of each (measured
//! in the popup's wasm: 88 KB of `serde_json::de::Deserializer` code before wasm-opt, beside 125 KB for
//! `Value`). The messages read this way are a few KB; the `Value` in between costs nothing measurable.

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
    let value: serde_json::Value = serde_json::from_str(&text)?;
    Ok(T::deserialize(value)?)
}
