//! `chrome.runtime`: typed request/response messaging from extension pages to the background.

use crate::json::to_js;
use crate::ExtResult;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn send_message_raw(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn get_url_raw(path: &str) -> String;
}

/// Sends `request` to the background and awaits its answer undecoded (a rejected promise, e.g. no worker
/// listening, is `Err`).
pub async fn send_value<Req: Serialize>(request: &Req) -> ExtResult<JsValue> {
    Ok(JsFuture::from(send_message_raw(&to_js(request)?)?).await?)
}

/// The `chrome-extension://<id>/<path>` URL of a packaged file.
pub fn get_url(path: &str) -> String {
    get_url_raw(path)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = openOptionsPage, catch)]
    fn open_options_page_raw() -> Result<js_sys::Promise, JsValue>;
}

/// Opens the extension's settings page.
pub async fn open_options_page() -> ExtResult<()> {
    JsFuture::from(open_options_page_raw()?).await?;
    Ok(())
}
