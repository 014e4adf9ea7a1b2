//! Who sent a `runtime.onMessage` message, decided from `runtime.MessageSender`: one of this extension's
//! pages (its `origin` is the extension's own origin), or this extension's content script in the top frame
//! of a LinkedIn tab. Anything else is refused, so nothing but the URL report is ever taken from a page and
//! no answer with settings or candidate data goes anywhere else.

use wasm_bindgen::JsValue;

/// The fields of a `MessageSender` the check reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SenderInfo {
    /// The sending extension's id.
    pub id: Option<String>,
    /// The origin of the sending page or frame (`chrome-extension://<id>`, `https://www.linkedin.com`).
    pub origin: Option<String>,
    /// The tab, for senders in a tab (content scripts, extension pages opened as tabs).
    pub tab_id: Option<i32>,
    /// The frame in the tab: 0 for the top frame.
    pub frame_id: Option<i32>,
}

/// An accepted sender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
    /// The content script in the top frame of tab `tab_id`.
    ContentScript {
        /// The tab.
        tab_id: i32,
    },
    /// One of the extension's own pages (popup, side panel, settings, candidates).
    ExtensionPage,
}

/// Why a message is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Sent by another extension (or without an id).
    OtherExtension,
    /// From a frame inside the page, not the page itself.
    ChildFrame,
    /// From an origin that is neither the extension nor LinkedIn.
    Origin(String),
    /// A content-script message without its tab.
    NoTab,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::OtherExtension => f.write_str("message from another extension refused"),
            Refused::ChildFrame => f.write_str("message from a frame inside the page refused"),
            Refused::Origin(origin) => write!(f, "message from {origin} refused"),
            Refused::NoTab => f.write_str("content-script message without a tab refused"),
        }
    }
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &key.into()).ok()?.as_string()
}

fn number(value: &JsValue, key: &str) -> Option<i32> {
    js_sys::Reflect::get(value, &key.into())
        .ok()?
        .as_f64()
        .map(|n| n as i32)
}

impl SenderInfo {
    /// Reads a `MessageSender`.
    pub fn from_js(sender: &JsValue) -> Self {
        let tab = js_sys::Reflect::get(sender, &"tab".into()).unwrap_or(JsValue::UNDEFINED);
        SenderInfo {
            id: text(sender, "id"),
            origin: text(sender, "origin"),
            tab_id: number(&tab, "id"),
            frame_id: number(sender, "frameId"),
        }
    }
}

/// True for `https://linkedin.com` and `https://<sub>.linkedin.com` (no port, no other scheme).
pub fn is_linkedin_origin(origin: &str) -> bool {
    origin
        .strip_prefix("https://")
        .is_some_and(|host| host == "linkedin.com" || host.ends_with(".linkedin.com"))
}

/// Classifies a sender for the extension `own_id` served from `own_origin`.
pub fn classify(info: &SenderInfo, own_id: &str, own_origin: &str) -> Result<Sender, Refused> {
    if info.id.as_deref() != Some(own_id) || own_id.is_empty() {
        return Err(Refused::OtherExtension);
    }
    let origin = info.origin.as_deref().unwrap_or_default();
    if origin == own_origin.trim_end_matches('/') && !origin.is_empty() {
        return Ok(Sender::ExtensionPage);
    }
    if !is_linkedin_origin(origin) {
        return Err(Refused::Origin(origin.to_string()));
    }
    if info.frame_id != Some(0) {
        return Err(Refused::ChildFrame);
    }
    let tab_id = info.tab_id.ok_or(Refused::NoTab)?;
    Ok(Sender::ContentScript { tab_id })
}

/// This extension's id and origin, as the worker sees them.
pub fn own_identity() -> (String, String) {
    let global = js_sys::global();
    let id = js_sys::Reflect::get(&global, &"chrome".into())
        .and_then(|c| js_sys::Reflect::get(&c, &"runtime".into()))
        .and_then(|r| js_sys::Reflect::get(&r, &"id".into()))
        .ok()
        .and_then(|id| id.as_string())
        .unwrap_or_default();
    let origin = js_sys::Reflect::get(&global, &"location".into())
        .ok()
        .and_then(|l| text(&l, "origin"))
        .unwrap_or_default();
    (id, origin)
}
