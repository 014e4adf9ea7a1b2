//! The popup's side of the popup ⇄ background channel, and which tab the popup is about.

use sourcing_core::messages::{PopupRequest, PopupResponse, TabState};

/// The tab this popup shows: `?tab=<id>` when opened as a page, else the active tab.
pub async fn target_tab_id() -> Result<i32, String> {
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
        .map_err(|e| e.0)?
        .and_then(|t| t.id)
        .ok_or_else(|| "no active tab".to_string())
}

/// Sends a request to the background; a background error becomes `Err`.
pub async fn request(request: &PopupRequest) -> Result<PopupResponse, String> {
    match webext::runtime::send::<_, PopupResponse>(request)
        .await
        .map_err(|e| e.0)?
    {
        PopupResponse::Error { message } => Err(message),
        other => Ok(other),
    }
}

/// The current state of `tab_id`, freshly read from the page.
pub async fn tab_state(tab_id: i32) -> Result<TabState, String> {
    match request(&PopupRequest::GetTabState { tab_id }).await? {
        PopupResponse::TabState { state } => Ok(state),
        other => Err(format!("unexpected answer {other:?}")),
    }
}
