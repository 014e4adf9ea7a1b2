//! The popup / side panel UI (Leptos, client-side rendered).
//!
//! `start()` mounts [`app::App`] into `#app` of `popup.html`. The page works as the toolbar popup and as a
//! normal tab `popup.html?tab=<tabId>` (end-to-end tests open it that way). All data comes from the background
//! over typed messages ([`bridge`]); the UI never talks to LinkedIn or Personio itself.

pub mod app;
pub mod bridge;
pub mod candidates;
pub mod components;
pub mod form_page;
pub mod job_status;
pub mod made_cv;
pub mod options;

use wasm_bindgen::prelude::*;

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Entry point: mounts the popup into `#app`, the settings page into `#options` or the candidates page into
/// `#candidates`, as far as this build carries them (features `form-page`, `admin-pages`: the extension
/// ships one wasm per page group, see `xtask/src/build.rs`); tests mount components themselves.
#[wasm_bindgen(start)]
pub fn start() {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", &webext::i18n::ui_language());
    }
    #[cfg(feature = "form-page")]
    if let Some(root) = element("app") {
        leptos::mount::mount_to(root, app::App).forget();
        return;
    }
    #[cfg(feature = "admin-pages")]
    if let Some(root) = element("options") {
        leptos::mount::mount_to(root, options::OptionsPage).forget();
    } else if let Some(root) = element("candidates") {
        leptos::mount::mount_to(root, candidates::CandidatesPage).forget();
    }
}
