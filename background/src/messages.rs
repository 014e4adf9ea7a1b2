//! Routes `chrome.runtime.onMessage` traffic. Content scripts may only hand over page snapshots; every other
//! request is accepted only from the extension's own pages (so nothing secret can reach LinkedIn's page).

use crate::{hris, outbox, personio, settings, tab_state};
use sourcing_core::messages::{
    BackgroundToContent, ContentToBackground, PopupRequest, PopupResponse, TabState,
};
use sourcing_core::page::PageSnapshot;
use wasm_bindgen::JsValue;
use webext::json::{from_js, to_js};
use webext::{ExtError, ExtResult};

/// Who sent a message.
enum Sender {
    /// A content script in tab `tab_id`.
    ContentScript { tab_id: i32 },
    /// One of the extension's own pages (popup, side panel, options).
    ExtensionPage,
}

fn classify_sender(sender: &JsValue) -> ExtResult<Sender> {
    let own_id = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::global(), &"chrome".into())?,
        &"runtime".into(),
    )
    .and_then(|rt| js_sys::Reflect::get(&rt, &"id".into()))?
    .as_string();
    let sender_id = js_sys::Reflect::get(sender, &"id".into())?.as_string();
    if sender_id.is_none() || sender_id != own_id {
        return Err(ExtError("message from another extension refused".into()));
    }
    let url = js_sys::Reflect::get(sender, &"url".into())?
        .as_string()
        .unwrap_or_default();
    if url.starts_with("chrome-extension://") {
        return Ok(Sender::ExtensionPage);
    }
    let tab = js_sys::Reflect::get(sender, &"tab".into())?;
    let tab_id = js_sys::Reflect::get(&tab, &"id".into())?
        .as_f64()
        .ok_or_else(|| ExtError("content message without a tab".into()))?;
    Ok(Sender::ContentScript {
        tab_id: tab_id as i32,
    })
}

/// Handles one message and returns the JS answer.
pub async fn route(message: JsValue, sender: JsValue) -> ExtResult<JsValue> {
    match classify_sender(&sender)? {
        Sender::ContentScript { tab_id } => {
            let ContentToBackground::PageVisited { url } = from_js(&message)?;
            tab_state::url_changed(tab_id, url).await?;
            Ok(JsValue::TRUE)
        }
        Sender::ExtensionPage => {
            let request: PopupRequest = from_js(&message)?;
            let response = match handle_page_request(request).await {
                Ok(response) => response,
                Err(e) => PopupResponse::Error { message: e.0 },
            };
            to_js(&response)
        }
    }
}

async fn handle_page_request(request: PopupRequest) -> ExtResult<PopupResponse> {
    Ok(match request {
        PopupRequest::GetTabState { tab_id } => PopupResponse::TabState {
            state: fresh_tab_state(tab_id).await?,
        },
        PopupRequest::GetSetup => PopupResponse::Setup {
            setup: settings::setup_state().await?,
        },
        PopupRequest::SaveSettings { input } => match settings::save(&input).await? {
            Ok(setup) => PopupResponse::Setup { setup },
            Err(issues) => PopupResponse::SettingsInvalid { issues },
        },
        PopupRequest::AcceptDisclaimer => PopupResponse::Setup {
            setup: settings::accept_disclaimer().await?,
        },
        PopupRequest::TestConnection => match personio::test_connection().await? {
            Ok(info) => PopupResponse::Connection { info },
            Err(error) => PopupResponse::Personio { error },
        },
        PopupRequest::ListPositions { refresh } => match personio::positions(refresh).await? {
            Ok(positions) => PopupResponse::Positions { positions },
            Err(error) => PopupResponse::Personio { error },
        },
        PopupRequest::CheckDuplicate {
            email,
            job_position_id,
        } => match personio::existing_application(&email, job_position_id).await? {
            Ok(existing) => PopupResponse::Duplicate { existing },
            Err(error) => PopupResponse::Personio { error },
        },
        PopupRequest::Submit { request } => PopupResponse::Job {
            job: Box::new(outbox::submit(request).await?),
        },
        PopupRequest::GetJob { job_id } => PopupResponse::Job {
            job: Box::new(outbox::view(&job_id).await?),
        },
        PopupRequest::ListJobs => PopupResponse::Jobs {
            jobs: outbox::views().await?,
        },
        PopupRequest::RetryJob { job_id } => PopupResponse::Job {
            job: Box::new(outbox::retry(&job_id).await?),
        },
        PopupRequest::ListCandidates { refresh_status } => PopupResponse::Candidates {
            list: hris::list(refresh_status).await?,
        },
        PopupRequest::ExportCandidate { job_id } => match hris::export(&job_id).await? {
            hris::ExportOutcome::Exported(report) => PopupResponse::Exported { report },
            hris::ExportOutcome::Refused(refusal) => PopupResponse::ExportRefused { refusal },
            hris::ExportOutcome::Personio(error) => PopupResponse::Personio { error },
        },
    })
}

/// The tab's state after asking its content script for a fresh snapshot (the popup always shows the page as
/// it is now). A tab without our content script is not LinkedIn, hence not a profile.
async fn fresh_tab_state(tab_id: i32) -> ExtResult<TabState> {
    let fresh: ExtResult<PageSnapshot> =
        webext::tabs::send(tab_id, &BackgroundToContent::TakeSnapshot).await;
    match fresh {
        Ok(snapshot) => tab_state::snapshot_received(tab_id, &snapshot).await,
        Err(_) => {
            tab_state::url_changed(tab_id, String::new()).await?;
            tab_state::load(tab_id)
                .await?
                .ok_or_else(|| ExtError("tab state missing".into()))
        }
    }
}
