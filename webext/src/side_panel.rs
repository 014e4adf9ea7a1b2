//! `chrome.sidePanel`: pinning the UI next to LinkedIn so it follows the active tab.

use crate::ExtResult;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "sidePanel"], js_name = open, catch)]
    fn open_raw(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Opens the side panel in `window_id` (must run during a user gesture, e.g. a click in the popup).
pub async fn open_in_window(window_id: i32) -> ExtResult<()> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"windowId".into(), &window_id.into())?;
    JsFuture::from(open_raw(&options)?).await?;
    Ok(())
}
