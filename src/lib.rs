//! The popup / side panel UI (Leptos, client-side rendered).
//!
//! `start()` mounts [`app::App`] into `#app` of `popup.html`. The page works as the toolbar popup and as a
//! normal tab `popup.html?tab=<tabId>` (end-to-end tests open it that way). All data comes from the background
//! over typed messages ([`bridge`]); the UI never talks to LinkedIn or Personio itself.

pub mod app;
pub mod bridge;
pub mod components;

use wasm_bindgen::prelude::*;

/// Entry point: mounts the app when the page has an `#app` element (tests mount components themselves).
#[wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        leptos::mount::mount_to(root, app::App).forget();
    }
}
