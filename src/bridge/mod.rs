//! The popup's side of the popup ⇄ background channel: [`call`] sends a request and decodes the reply its
//! type names ([`Call::Reply`]), or says why there is none ([`BridgeError`], worded by
//! [`BridgeError::sentence`]); and which tab the popup is about.

mod error;

pub use error::{personio_sentence, BridgeError};
use sourcing_core::messages::{Call, CallError, GetTabState, TabState};
use wasm_bindgen::JsValue;

/// The tab this popup shows: `?tab=<id>` when opened as a page, else the active tab.
pub async fn target_tab_id() -> Result<i32, BridgeError> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let from_query = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("tab"))
        .and_then(|t| t.parse().ok());
    if let Some(id) = from_query {
        return Ok(id);
    }
    webext::tabs::active_tab()
        .await
        .map_err(|e| BridgeError::Unreachable(e.0))?
        .and_then(|t| t.id)
        .ok_or(BridgeError::NoTab)
}

/// Sends `request` to the background and returns its reply. The background always answers with a value
/// (the reply or a [`CallError`], told apart by its `type`); a rejected message is the worker being
/// unreachable, an answer of another shape is [`BridgeError::Unexpected`]. The reply is decoded straight
/// from the JSON (no buffering), and the error's decoder is shared by every call.
pub async fn call<R: Call>(request: &R) -> Result<R::Reply, BridgeError> {
    let answer = webext::runtime::send_value(request)
        .await
        .map_err(|e| BridgeError::Unreachable(e.0))?;
    if is_call_error(&answer) {
        return Err(call_error(&answer));
    }
    webext::json::from_js::<R::Reply>(&answer).map_err(|e| BridgeError::Unexpected(e.0))
}

/// True when the answer is a [`CallError`] (its `type` is `personio` or `error`) rather than a reply.
fn is_call_error(answer: &JsValue) -> bool {
    js_sys::Reflect::get(answer, &"type".into())
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "personio" || t == "error")
}

/// The [`BridgeError`] of an answer that is a [`CallError`].
fn call_error(answer: &JsValue) -> BridgeError {
    match webext::json::from_js::<CallError>(answer) {
        Ok(CallError::Personio { error }) => BridgeError::Personio(error),
        Ok(CallError::Error { error }) => BridgeError::Background(error),
        Err(e) => BridgeError::Unexpected(e.0),
    }
}

/// The current state of `tab_id`, freshly read from the page.
pub async fn tab_state(tab_id: i32) -> Result<TabState, BridgeError> {
    Ok(call(&GetTabState { tab_id }).await?.state)
}
