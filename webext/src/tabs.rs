//! `chrome.tabs`: the active tab's id and messages to a tab's content script.

use crate::json::{from_js, to_js};
use crate::ExtResult;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = query, catch)]
    fn query_raw(query: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = get, catch)]
    fn get_raw(tab_id: i32) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage, catch)]
    fn send_message_raw(tab_id: i32, message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// The parts of a `tabs.Tab` the extension reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct TabInfo {
    /// Tab id.
    pub id: Option<i32>,
    /// URL, visible only for hosts the extension has permission for.
    #[serde(default)]
    pub url: Option<String>,
    /// The window holding the tab.
    #[serde(default, rename = "windowId")]
    pub window_id: Option<i32>,
}

/// The active tab of the current window.
pub async fn active_tab() -> ExtResult<Option<TabInfo>> {
    let query = js_sys::JSON::parse(r#"{"active":true,"lastFocusedWindow":true}"#)?;
    let tabs: Vec<TabInfo> = from_js(&JsFuture::from(query_raw(&query)?).await?)?;
    Ok(tabs.into_iter().next())
}

/// One tab by id.
pub async fn get(tab_id: i32) -> ExtResult<TabInfo> {
    from_js(&JsFuture::from(get_raw(tab_id)?).await?)
}

/// Sends `request` to the content script of `tab_id` and awaits its answer as a plain JS value (for checks
/// before it is parsed, such as its size).
pub async fn send_value<Req: Serialize>(tab_id: i32, request: &Req) -> ExtResult<JsValue> {
    Ok(JsFuture::from(send_message_raw(tab_id, &to_js(request)?)?).await?)
}

/// Sends `request` to the content script of `tab_id` and awaits its typed answer.
pub async fn send<Req: Serialize, Resp: DeserializeOwned>(
    tab_id: i32,
    request: &Req,
) -> ExtResult<Resp> {
    let answer = JsFuture::from(send_message_raw(tab_id, &to_js(request)?)?).await?;
    from_js(&answer)
}
