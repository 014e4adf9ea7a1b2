//! Routes `chrome.runtime.onMessage` traffic. Content scripts may only report the URL they show, from a
//! LinkedIn tab's top frame; every other request is accepted only from the extension's own pages (see
//! [`crate::sender`]), so nothing secret can reach LinkedIn's page. What crosses from a page is capped
//! ([`MAX_URL_CHARS`], [`MAX_SNAPSHOT_CHARS`]) before it is parsed.

use crate::sender::{self, Sender, SenderInfo};
use crate::{hris, lookup, outbox, personio, purge, settings, tab_state};
use sourcing_core::messages::{
    BackgroundToContent, ContentToBackground, PopupRequest, PopupResponse, TabState,
    MAX_SNAPSHOT_CHARS, MAX_URL_CHARS,
};
use sourcing_core::page::PageSnapshot;
use wasm_bindgen::{JsCast, JsValue};
use webext::i18n::{t, t_with};
use webext::json::{from_js, to_js};
use webext::{ExtError, ExtResult};

/// The length of the string `key` of `value` in UTF-16 code units (0 when it is not a string).
fn text_len(value: &JsValue, key: &str) -> usize {
    js_sys::Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        .map_or(0, |s| s.length() as usize)
}

/// The size of a snapshot as it arrived, before it is parsed.
fn snapshot_chars(value: &JsValue) -> usize {
    let embedded = js_sys::Reflect::get(value, &"embedded".into())
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|list| {
            js_sys::Array::from(&list)
                .iter()
                .filter_map(|item| item.dyn_into::<js_sys::JsString>().ok())
                .map(|s| s.length() as usize)
                .sum::<usize>()
        })
        .unwrap_or(0);
    ["url", "title", "lang", "markup"]
        .iter()
        .map(|key| text_len(value, key))
        .sum::<usize>()
        + embedded
}

/// Handles one message and returns the JS answer.
pub async fn route(message: JsValue, sender: JsValue) -> ExtResult<JsValue> {
    let (own_id, own_origin) = sender::own_identity();
    let sender = sender::classify(&SenderInfo::from_js(&sender), &own_id, &own_origin)
        .map_err(|refused| ExtError(refused.to_string()))?;
    match sender {
        Sender::ContentScript { tab_id } => {
            if text_len(&message, "url") > MAX_URL_CHARS {
                // Not read: the tab counts as no profile.
                tab_state::url_changed(tab_id, String::new()).await?;
                return Err(ExtError(format!(
                    "page URL longer than {MAX_URL_CHARS} characters refused"
                )));
            }
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
        PopupRequest::GetTabState { tab_id } => match fresh_tab_state(tab_id).await? {
            Ok(state) => PopupResponse::TabState { state },
            Err(message) => PopupResponse::Error { message },
        },
        PopupRequest::GetSetup => PopupResponse::Setup {
            setup: settings::setup_state().await?,
        },
        PopupRequest::SaveSettings { input } => match settings::save(&input).await? {
            Ok(setup) => PopupResponse::Setup { setup },
            Err(issues) => PopupResponse::SettingsInvalid { issues },
        },
        PopupRequest::RemoveSecret { secret } => PopupResponse::Setup {
            setup: settings::remove_secret(secret).await?,
        },
        PopupRequest::ForgetConnection => PopupResponse::Setup {
            setup: settings::forget_connection().await?,
        },
        PopupRequest::DiscardDraft { profile_url } => {
            purge::discard_draft(&profile_url).await?;
            PopupResponse::DraftDiscarded
        }
        PopupRequest::DeleteCandidateData => PopupResponse::CandidateDataDeleted {
            deleted: purge::delete_all().await?,
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
            linkedin_url,
        } => PopupResponse::Duplicate {
            check: personio::duplicate_check(&email, linkedin_url, job_position_id).await?,
        },
        PopupRequest::FindCandidate {
            tab_id,
            linkedin_url,
            email,
        } => PopupResponse::CandidateLookup {
            lookup: lookup::find(tab_id, &linkedin_url, email.as_deref()).await?,
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
        PopupRequest::ListPipeline {
            position_id,
            refresh,
        } => PopupResponse::Pipeline {
            pipeline: hris::pipeline(position_id, refresh).await?,
        },
        PopupRequest::ExportCandidate { job_id } => match hris::export(&job_id).await? {
            hris::ExportOutcome::Exported(report) => PopupResponse::Exported { report },
            hris::ExportOutcome::Refused(refusal) => PopupResponse::ExportRefused { refusal },
            hris::ExportOutcome::Personio(error) => PopupResponse::Personio { error },
        },
    })
}

/// The tab's state, with a fresh snapshot of the page when the tab's stored classification is a candidate
/// profile, or when nothing is stored for the tab yet (the popup opened before the content script reported
/// the URL, or the document is still loading): the content script answers only on a candidate URL, so the
/// feed, messaging and every other page never hand over their markup. A page stored as "not a profile" is
/// not asked. A snapshot over [`MAX_SNAPSHOT_CHARS`] or from a URL over [`MAX_URL_CHARS`] is refused with
/// the message returned as `Err`, unparsed.
async fn fresh_tab_state(tab_id: i32) -> ExtResult<Result<TabState, String>> {
    let reported = match tab_state::load(tab_id).await? {
        Some(state) if !state.page.is_candidate() => return Ok(Ok(state)),
        // A candidate page, or not reported yet: ask the page.
        Some(_) => true,
        None => false,
    };
    let asked = crate::clock::precise_ms();
    let answer = match webext::tabs::send_value(tab_id, &BackgroundToContent::TakeSnapshot).await {
        Ok(answer) if answer.is_object() => answer,
        // Nothing reported and no answer (no content script, or not yet): unknown, asked again next time.
        _ if !reported => return Ok(Ok(tab_state::unknown(tab_id))),
        // No content script (left LinkedIn, extension updated) or it refused: not a profile now.
        _ => {
            tab_state::url_changed(tab_id, String::new()).await?;
            return Ok(Ok(tab_state::load(tab_id)
                .await?
                .unwrap_or_else(|| tab_state::unknown(tab_id))));
        }
    };
    let size = snapshot_chars(&answer);
    if size > MAX_SNAPSHOT_CHARS {
        let megabytes = format!("{:.1}", size as f64 / (1024.0 * 1024.0));
        return Ok(Err(t_with("tabSnapshotTooLarge", &[&megabytes])));
    }
    if text_len(&answer, "url") > MAX_URL_CHARS {
        return Ok(Err(t("tabUrlTooLong")));
    }
    let snapshot: PageSnapshot = crate::snapshot::read(&answer)?;
    // The hand-over: the page's serialisation, the message hop and the JSON decoding.
    let took_us = ((crate::clock::precise_ms() - asked) * 1000.0).max(0.0) as u64;
    Ok(Ok(tab_state::snapshot_received(
        tab_id,
        &snapshot,
        Some(took_us),
    )
    .await?))
}
