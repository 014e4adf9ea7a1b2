//! The popup's side of the popup ⇄ background channel: [`call`] sends a request and decodes the reply its
//! type names ([`Call::Reply`]), or says why there is none ([`BridgeError`], worded by
//! [`BridgeError::sentence`]); and which tab the popup is about.

mod error;

pub use error::{personio_sentence, BridgeError};
use sourcing_core::messages::{Call, CallError, GetTabState, TabState};
use wasm_bindgen::{JsCast, JsValue};

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
/// through [`webext::json::from_js`], and the error's decoder is shared by every call.
pub async fn call<R: Call>(request: &R) -> Result<R::Reply, BridgeError> {
    let answer = webext::runtime::send_value(request)
        .await
        .map_err(|e| BridgeError::Unreachable(e.0))?;
    decode::<R>(answer)
}

/// The answer `static/head-start.js` got to `request` while the wasm loaded (its head start), taken once, then
/// decoded as [`call`] decodes; `None` when there is none (the side panel re-rendering, a test mounting the
/// app itself, a second read): then the caller asks itself.
pub async fn head_start<R: Call>(request: &R) -> Option<Result<R::Reply, BridgeError>> {
    let name = webext::json::to_js(request)
        .ok()
        .and_then(|r| js_sys::Reflect::get(&r, &"type".into()).ok())
        .and_then(|t| t.as_string())?;
    let pending = take_head_start(&name)?;
    Some(match wasm_bindgen_futures::JsFuture::from(pending).await {
        Ok(answer) if answer.is_null() => Err(BridgeError::NoTab),
        Ok(answer) => decode::<R>(answer),
        Err(e) => Err(BridgeError::Unreachable(
            e.as_string().unwrap_or_else(|| String::from("no answer")),
        )),
    })
}

/// The head start's promise named `name` (a request's `type`, or `draft`), taken once.
pub fn take_head_start(name: &str) -> Option<js_sys::Promise> {
    let starts = js_sys::Reflect::get(&js_sys::global(), &"popupHeadStart".into())
        .ok()
        .filter(JsValue::is_object)?;
    let pending = js_sys::Reflect::get(&starts, &name.into()).ok()?;
    let pending: js_sys::Promise = pending.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&starts.into(), &name.into());
    Some(pending)
}

/// Forgets the head start's answers not taken (they answered the popup's first load only).
pub fn discard_head_starts() {
    let _ = js_sys::Reflect::delete_property(&js_sys::global(), &"popupHeadStart".into());
}

/// The reply of an answer, or the error it carries.
fn decode<R: Call>(answer: JsValue) -> Result<R::Reply, BridgeError> {
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
