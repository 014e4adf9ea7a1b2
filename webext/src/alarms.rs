//! `chrome.alarms`: durable wake-ups for the service worker (retries survive the worker being stopped and the
//! browser restarting; the daily purge). Chrome clamps delays below 30 s to 30 s for packed extensions.

use crate::ExtResult;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = create)]
    fn create_raw(name: &str, info: &JsValue);
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = get, catch)]
    fn get_raw(name: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Schedules (or moves) the alarm `name` to fire at `when_ms` (epoch ms).
pub fn schedule_at(name: &str, when_ms: u64) {
    let info = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&info, &"when".into(), &JsValue::from_f64(when_ms as f64));
    create_raw(name, &info);
}

/// Makes sure the repeating alarm `name` exists with `period_minutes` (first firing one period from now).
/// An existing alarm with that period is left alone, so a worker start does not push it back.
pub async fn ensure_periodic(name: &str, period_minutes: u32) -> ExtResult<()> {
    let existing = JsFuture::from(get_raw(name)?).await?;
    let period = js_sys::Reflect::get(&existing, &"periodInMinutes".into())
        .ok()
        .and_then(|p| p.as_f64());
    if period == Some(f64::from(period_minutes)) {
        return Ok(());
    }
    let info = js_sys::Object::new();
    js_sys::Reflect::set(
        &info,
        &"periodInMinutes".into(),
        &JsValue::from(period_minutes),
    )?;
    js_sys::Reflect::set(
        &info,
        &"delayInMinutes".into(),
        &JsValue::from(period_minutes),
    )?;
    create_raw(name, &info);
    Ok(())
}
