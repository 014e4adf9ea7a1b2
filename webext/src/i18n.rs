//! `chrome.i18n`: UI strings from `_locales/<lang>/messages.json`, chosen by the browser's language.
//!
//! Looked up dynamically so that components also render outside an extension page (wasm tests in plain
//! Chromium): there, a key stands for itself.

use wasm_bindgen::{JsCast, JsValue};

fn i18n_function(name: &str) -> Option<js_sys::Function> {
    let chrome = js_sys::Reflect::get(&js_sys::global(), &"chrome".into()).ok()?;
    let i18n = js_sys::Reflect::get(&chrome, &"i18n".into()).ok()?;
    js_sys::Reflect::get(&i18n, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

fn lookup(key: &str, substitutions: &JsValue) -> Option<String> {
    let get_message = i18n_function("getMessage")?;
    let text = get_message
        .call2(&JsValue::NULL, &key.into(), substitutions)
        .ok()?
        .as_string()?;
    (!text.is_empty()).then_some(text)
}

/// The localised string `key`; the key itself when it is missing (so a gap is visible, never blank).
pub fn t(key: &str) -> String {
    lookup(key, &JsValue::UNDEFINED).unwrap_or_else(|| key.to_string())
}

/// The localised string `key` with `$1`… substitutions.
pub fn t_with(key: &str, args: &[&str]) -> String {
    let list: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    lookup(key, &list).unwrap_or_else(|| {
        std::iter::once(key.to_string())
            .chain(args.iter().map(|a| a.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The browser UI language, e.g. `de` or `en-US` (`en` outside an extension page).
pub fn ui_language() -> String {
    i18n_function("getUILanguage")
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "en".to_string())
}
