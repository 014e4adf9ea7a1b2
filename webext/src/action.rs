//! `chrome.action`: the toolbar icon's per-tab state (blue and enabled on a profile, gray and disabled elsewhere,
//! a dot on the badge for a profile already in Personio).

use crate::{ExtError, ExtResult};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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

/// The toolbar's icon sizes: 16 device-independent pixels, at device scale 1 and 2 (Chrome picks by scale).
const TOOLBAR_SIZES: [u32; 2] = [16, 32];

thread_local! {
    /// Each state's icons, decoded once per worker life. Given as paths, `setIcon` makes Chrome fetch and
    /// decode every size on every call (measured in the worker: 18–22 ms for two sizes, 31–53 ms for four, on
    /// every navigation and every snapshot the popup waits for); given as image data, about 2 ms.
    static DECODED: RefCell<Vec<(IconState, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The packaged PNG of `state` at `size` px, relative to the extension's root.
fn icon_file(state: IconState, size: u32) -> String {
    format!("icons/{}-{size}.png", state.prefix())
}

/// `{16: "icons/<state>-16.png", 32: …}`.
fn icon_paths(state: IconState) -> Result<JsValue, JsValue> {
    let paths = js_sys::Object::new();
    for size in TOOLBAR_SIZES {
        js_sys::Reflect::set(&paths, &size.into(), &icon_file(state, size).into())?;
    }
    Ok(paths.into())
}

/// `{16: ImageData, 32: ImageData}` of `state`, decoded from the packaged PNGs on first use.
async fn image_data(state: IconState) -> ExtResult<JsValue> {
    let cached = DECODED.with(|d| {
        d.borrow()
            .iter()
            .find(|(s, _)| *s == state)
            .map(|(_, images)| images.clone())
    });
    if let Some(images) = cached {
        return Ok(images);
    }
    let images = js_sys::Object::new();
    for size in TOOLBAR_SIZES {
        let path = crate::runtime::get_url(&icon_file(state, size));
        js_sys::Reflect::set(&images, &size.into(), &decode(&path, size).await?)?;
    }
    let images: JsValue = images.into();
    DECODED.with(|d| d.borrow_mut().push((state, images.clone())));
    Ok(images)
}

/// The pixels of the `size`×`size` PNG at `url`, decoded in the worker (fetch, `createImageBitmap`, an
/// `OffscreenCanvas`).
async fn decode(url: &str, size: u32) -> ExtResult<JsValue> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global()
        .dyn_into()
        .map_err(|_| ExtError("icons are decoded in the worker only".into()))?;
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(url))
        .await?
        .dyn_into()?;
    let blob: web_sys::Blob = JsFuture::from(response.blob()?).await?.dyn_into()?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(scope.create_image_bitmap_with_blob(&blob)?)
        .await?
        .dyn_into()?;
    let canvas = web_sys::OffscreenCanvas::new(size, size)?;
    let context: web_sys::OffscreenCanvasRenderingContext2d = canvas
        .get_context("2d")?
        .and_then(|context| context.dyn_into().ok())
        .ok_or_else(|| ExtError("no 2d context on an OffscreenCanvas".into()))?;
    context.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0)?;
    let pixels = context.get_image_data(0.0, 0.0, f64::from(size), f64::from(size))?;
    Ok(pixels.into())
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
    let details = js_sys::Object::new();
    js_sys::Reflect::set(&details, &"tabId".into(), &tab_id.into())?;
    match image_data(state).await {
        Ok(images) => js_sys::Reflect::set(&details, &"imageData".into(), &images)?,
        // Not decodable here (no OffscreenCanvas, say): Chrome reads the files itself.
        Err(_) => js_sys::Reflect::set(&details, &"path".into(), &icon_paths(state)?)?,
    };
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
