//! `chrome.alarms`: durable wake-ups for the service worker (retries survive the worker being stopped and the
//! browser restarting). Chrome clamps delays below 30 s to 30 s.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = create)]
    fn create_raw(name: &str, info: &JsValue);
}

/// Schedules (or moves) the alarm `name` to fire at `when_ms` (epoch ms).
pub fn schedule_at(name: &str, when_ms: u64) {
    let info = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&info, &"when".into(), &JsValue::from_f64(when_ms as f64));
    create_raw(name, &info);
}
