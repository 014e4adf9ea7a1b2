//! Listening to Chrome events from an extension page (the side panel follows the active tab with these).
//! Listeners live as long as the page; the closures are intentionally leaked.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "tabs", "onActivated"], js_name = addListener)]
    fn tabs_on_activated(callback: &Closure<dyn FnMut(JsValue)>);
    #[wasm_bindgen(js_namespace = ["chrome", "tabs", "onUpdated"], js_name = addListener)]
    fn tabs_on_updated(callback: &Closure<dyn FnMut(JsValue, JsValue)>);
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessage"], js_name = addListener)]
    fn runtime_on_message(callback: &Closure<dyn FnMut(JsValue, JsValue)>);
}

fn number(value: &JsValue, key: &str) -> Option<i32> {
    js_sys::Reflect::get(value, &key.into())
        .ok()?
        .as_f64()
        .map(|n| n as i32)
}

/// Calls `callback(tab_id)` whenever another tab becomes active.
pub fn on_tab_activated(mut callback: impl FnMut(i32) + 'static) {
    let closure = Closure::new(move |info: JsValue| {
        if let Some(tab_id) = number(&info, "tabId") {
            callback(tab_id);
        }
    });
    tabs_on_activated(&closure);
    closure.forget();
}

/// Calls `callback(tab_id)` whenever a tab finished loading a document.
pub fn on_tab_loaded(mut callback: impl FnMut(i32) + 'static) {
    let closure = Closure::new(move |tab_id: JsValue, change: JsValue| {
        let complete = js_sys::Reflect::get(&change, &"status".into())
            .ok()
            .and_then(|s| s.as_string());
        if let (Some(tab_id), Some("complete")) = (tab_id.as_f64(), complete.as_deref()) {
            callback(tab_id as i32);
        }
    });
    tabs_on_updated(&closure);
    closure.forget();
}

/// Calls `callback(tab_id)` when a content script reports an in-app navigation in a tab
/// (`page_visited`, see `core::messages::ContentToBackground`).
pub fn on_page_visited(mut callback: impl FnMut(i32) + 'static) {
    let closure = Closure::new(move |message: JsValue, sender: JsValue| {
        let kind = js_sys::Reflect::get(&message, &"type".into())
            .ok()
            .and_then(|t| t.as_string());
        let tab = js_sys::Reflect::get(&sender, &"tab".into()).unwrap_or(JsValue::UNDEFINED);
        if let (Some("page_visited"), Some(tab_id)) = (kind.as_deref(), number(&tab, "id")) {
            callback(tab_id);
        }
    });
    runtime_on_message(&closure);
    closure.forget();
}
