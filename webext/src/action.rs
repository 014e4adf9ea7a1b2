//! `chrome.action`: the toolbar icon's per-tab state (blue and enabled on a profile, gray and disabled elsewhere,
//! a dot on the badge for a profile already in Personio).

use crate::ExtResult;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = enable, catch)]
    fn enable_raw(tab_id: i32) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = disable, catch)]
    fn disable_raw(tab_id: i32) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setIcon, catch)]
    fn set_icon_raw(details: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setTitle, catch)]
    fn set_title_raw(details: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeText, catch)]
    fn set_badge_text_raw(details: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeBackgroundColor, catch)]
    fn set_badge_background_color_raw(details: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// The badge text of a profile already in Personio: a dot.
pub const KNOWN_BADGE_TEXT: &str = "\u{25CF}";
/// Its background colour (dark green; the white dot on it has a contrast ratio above 4.5:1).
pub const KNOWN_BADGE_COLOR: &str = "#1b6e3a";

fn tab_details(tab_id: i32, key: &str, value: &JsValue) -> Result<JsValue, JsValue> {
    let details = js_sys::Object::new();
    js_sys::Reflect::set(&details, &"tabId".into(), &tab_id.into())?;
    js_sys::Reflect::set(&details, &key.into(), value)?;
    Ok(details.into())
}

/// The two icon states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconState {
    /// Blue: the tab shows a candidate profile.
    Active,
    /// Gray: anything else.
    Inactive,
}

impl IconState {
    /// File name prefix under `icons/`.
    pub fn prefix(self) -> &'static str {
        match self {
            IconState::Active => "active",
            IconState::Inactive => "inactive",
        }
    }
}

/// Applies `state` to `tab_id`: icon, tooltip, the badge (a dot when `known`, else none), then the enabled
/// flag. `still_wanted` is asked before each call; when it says no, the remaining calls are not issued (a
/// newer state is being applied).
pub async fn apply(
    tab_id: i32,
    state: IconState,
    title: &str,
    known: bool,
    still_wanted: impl Fn() -> bool,
) -> ExtResult<()> {
    let path = js_sys::Object::new();
    for size in [16, 32, 48, 128] {
        js_sys::Reflect::set(
            &path,
            &size.to_string().into(),
            &format!("icons/{}-{size}.png", state.prefix()).into(),
        )?;
    }
    let details = js_sys::Object::new();
    js_sys::Reflect::set(&details, &"tabId".into(), &tab_id.into())?;
    js_sys::Reflect::set(&details, &"path".into(), &path)?;
    JsFuture::from(set_icon_raw(&details)?).await?;
    if !still_wanted() {
        return Ok(());
    }
    let details = js_sys::Object::new();
    js_sys::Reflect::set(&details, &"tabId".into(), &tab_id.into())?;
    js_sys::Reflect::set(&details, &"title".into(), &title.into())?;
    JsFuture::from(set_title_raw(&details)?).await?;
    if !still_wanted() {
        return Ok(());
    }
    if known {
        let color = tab_details(tab_id, "color", &KNOWN_BADGE_COLOR.into())?;
        JsFuture::from(set_badge_background_color_raw(&color)?).await?;
        if !still_wanted() {
            return Ok(());
        }
    }
    let text = tab_details(
        tab_id,
        "text",
        &(if known { KNOWN_BADGE_TEXT } else { "" }).into(),
    )?;
    JsFuture::from(set_badge_text_raw(&text)?).await?;
    if !still_wanted() {
        return Ok(());
    }
    let toggle = match state {
        IconState::Active => enable_raw(tab_id)?,
        IconState::Inactive => disable_raw(tab_id)?,
    };
    JsFuture::from(toggle).await?;
    Ok(())
}
