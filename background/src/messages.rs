//! Routes `chrome.runtime.onMessage` traffic. Content scripts may only report the URL they show, from a
//! LinkedIn tab's top frame; every other request is accepted only from the extension's own pages (see
//! [`crate::sender`]), so nothing secret can reach LinkedIn's page. What crosses from a page is capped
//! ([`MAX_URL_CHARS`], [`MAX_SNAPSHOT_CHARS`]) before it is parsed.

use crate::sender::{self, Sender, SenderInfo};
use crate::{hris, lookup, outbox, personio, purge, settings, tab_state};
use serde::Serialize;
use sourcing_core::messages::*;
use sourcing_core::page::PageSnapshot;
use sourcing_core::personio::PersonioError;
use wasm_bindgen::{JsCast, JsValue};
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
        // A page always gets an answer (errors are values, never a rejected promise).
        Sender::ExtensionPage => match from_js::<PopupRequest>(&message) {
            Ok(request) => match handle_page_request(request).await {
                Ok(answer) => Ok(answer),
                Err(e) => failed::<()>(BackgroundError::Failed { detail: e.0 }),
            },
            Err(e) => failed::<()>(BackgroundError::UnknownRequest { detail: e.0 }),
        },
    }
}

/// The answer to `request`: `handle`'s reply, or its error. Typed by the request, so each call can only be
/// answered with its own [`Call::Reply`]; a browser failure (`Err` of the outer result) becomes
/// [`BackgroundError::Failed`].
async fn answer<R: Call>(
    request: R,
    handle: impl AsyncFnOnce(R) -> ExtResult<Result<R::Reply, CallError>>,
) -> ExtResult<JsValue> {
    let answer = match handle(request).await {
        Ok(Ok(reply)) => Answer::Reply(reply),
        Ok(Err(error)) => Answer::Failed(error),
        Err(e) => Answer::Failed(CallError::Error {
            error: BackgroundError::Failed { detail: e.0 },
        }),
    };
    to_js(&answer)
}

/// The answer saying the background could not do it.
fn failed<R: Serialize>(error: BackgroundError) -> ExtResult<JsValue> {
    to_js(&Answer::<R>::Failed(CallError::Error { error }))
}

/// Personio's error as a call's error.
fn refused(error: PersonioError) -> CallError {
    CallError::Personio { error }
}

async fn handle_page_request(request: PopupRequest) -> ExtResult<JsValue> {
    match request {
        PopupRequest::GetTabState(r) => {
            answer(r, async |r| {
                Ok(fresh_tab_state(r.tab_id)
                    .await?
                    .map(|state| TabStateReply { state })
                    .map_err(|error| CallError::Error { error }))
            })
            .await
        }
        PopupRequest::GetSetup(r) => {
            answer(r, async |_| {
                Ok(Ok(SetupReply {
                    setup: settings::setup_state().await?,
                }))
            })
            .await
        }
        PopupRequest::SaveSettings(r) => {
            answer(r, async |r| {
                Ok(Ok(match settings::save(&r.input).await? {
                    Ok(setup) => SaveReply::Setup {
                        setup: Box::new(setup),
                    },
                    Err(issues) => SaveReply::SettingsInvalid { issues },
                }))
            })
            .await
        }
        PopupRequest::RemoveSecret(r) => {
            answer(r, async |r| {
                Ok(Ok(SetupReply {
                    setup: settings::remove_secret(r.secret).await?,
                }))
            })
            .await
        }
        PopupRequest::ForgetConnection(r) => {
            answer(r, async |_| {
                Ok(Ok(SetupReply {
                    setup: settings::forget_connection().await?,
                }))
            })
            .await
        }
        PopupRequest::DiscardDraft(r) => {
            answer(r, async |r| {
                purge::discard_draft(&r.profile_url).await?;
                Ok(Ok(DraftDiscarded {}))
            })
            .await
        }
        PopupRequest::DeleteCandidateData(r) => {
            answer(r, async |_| {
                Ok(Ok(CandidateDataDeleted {
                    deleted: purge::delete_all().await?,
                }))
            })
            .await
        }
        PopupRequest::AcceptDisclaimer(r) => {
            answer(r, async |_| {
                Ok(Ok(SetupReply {
                    setup: settings::accept_disclaimer().await?,
                }))
            })
            .await
        }
        PopupRequest::TestConnection(r) => {
            answer(r, async |_| {
                Ok(personio::test_connection()
                    .await?
                    .map(|info| ConnectionReply { info })
                    .map_err(refused))
            })
            .await
        }
        PopupRequest::ListPositions(r) => {
            answer(r, async |r| {
                Ok(personio::positions(r.refresh)
                    .await?
                    .map(|positions| PositionsReply { positions })
                    .map_err(refused))
            })
            .await
        }
        PopupRequest::CheckDuplicate(r) => {
            answer(r, async |r| {
                Ok(Ok(DuplicateReply {
                    check: personio::duplicate_check(&r.email, r.linkedin_url, r.job_position_id)
                        .await?,
                }))
            })
            .await
        }
        PopupRequest::FindCandidate(r) => {
            answer(r, async |r| {
                Ok(Ok(CandidateLookupReply {
                    lookup: lookup::find(r.tab_id, &r.linkedin_url, r.email.as_deref()).await?,
                }))
            })
            .await
        }
        PopupRequest::Submit(r) => {
            answer(r, async |r| {
                Ok(Ok(JobReply {
                    job: Box::new(outbox::submit(r.request).await?),
                }))
            })
            .await
        }
        PopupRequest::GetJob(r) => {
            answer(r, async |r| {
                Ok(Ok(JobReply {
                    job: Box::new(outbox::view(&r.job_id).await?),
                }))
            })
            .await
        }
        PopupRequest::ListJobs(r) => {
            answer(r, async |_| {
                Ok(Ok(JobsReply {
                    jobs: outbox::views().await?,
                }))
            })
            .await
        }
        PopupRequest::RetryJob(r) => {
            answer(r, async |r| {
                Ok(Ok(JobReply {
                    job: Box::new(outbox::retry(&r.job_id).await?),
                }))
            })
            .await
        }
        PopupRequest::ListCandidates(r) => {
            answer(r, async |r| {
                Ok(Ok(CandidatesReply {
                    list: hris::list(r.refresh_status).await?,
                }))
            })
            .await
        }
        PopupRequest::ListPipeline(r) => {
            answer(r, async |r| {
                Ok(Ok(PipelineReply {
                    pipeline: hris::pipeline(r.position_id, r.refresh).await?,
                }))
            })
            .await
        }
        PopupRequest::ExportCandidate(r) => {
            answer(r, async |r| {
                Ok(match hris::export(&r.job_id).await? {
                    hris::ExportOutcome::Exported(report) => Ok(ExportReply::Exported { report }),
                    hris::ExportOutcome::Refused(refusal) => {
                        Ok(ExportReply::ExportRefused { refusal })
                    }
                    hris::ExportOutcome::Personio(error) => Err(refused(error)),
                })
            })
            .await
        }
    }
}

/// The tab's state, with a fresh snapshot of the page when the tab's stored classification is a candidate
/// profile, or when nothing is stored for the tab yet (the popup opened before the content script reported
/// the URL, or the document is still loading): the content script answers only on a candidate URL, so the
/// feed, messaging and every other page never hand over their markup. A page stored as "not a profile" is
/// not asked. When an extraction is stored, the page is asked with its snapshot's revision, and a page that
/// has not changed since answers "unchanged": the stored state comes back with `reused` set, nothing parsed.
/// A snapshot over [`MAX_SNAPSHOT_CHARS`] or from a URL over [`MAX_URL_CHARS`] is refused unparsed (`Err`,
/// the page words it).
async fn fresh_tab_state(tab_id: i32) -> ExtResult<Result<TabState, BackgroundError>> {
    let (stored, accepted) =
        futures_util::future::join(tab_state::load(tab_id), settings::disclaimer_accepted()).await;
    let stored = stored?;
    // No page is read before the recruiter accepted the disclaimer. The popup asks for the tab's state while
    // it loads (`static/head-start.js`), before it knows whether the disclaimer is accepted.
    if !accepted? {
        return Ok(Ok(stored.unwrap_or_else(|| tab_state::unknown(tab_id))));
    }
    if let Some(state) = stored.as_ref().filter(|state| !state.page.is_candidate()) {
        return Ok(Ok(state.clone()));
    }
    // A candidate page, or not reported yet: ask the page.
    let reported = stored.is_some();
    // The stored extraction's snapshot: the page answers "unchanged" instead of its markup while it is.
    let mut since = stored
        .as_ref()
        .filter(|state| state.extraction.is_some())
        .and_then(|state| state.revision.clone());
    loop {
        let asked = crate::clock::precise_ms();
        let request = BackgroundToContent::TakeSnapshot {
            unchanged_since: since.clone(),
        };
        let answer = match webext::tabs::send_value(tab_id, &request).await {
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
        if let Some((revision, url)) = crate::snapshot::unchanged(&answer)? {
            match stored.as_ref() {
                Some(state) if since.as_ref() == Some(&revision) && state.url == url => {
                    return Ok(Ok(TabState {
                        reused: true,
                        ..state.clone()
                    }));
                }
                // "Unchanged" since a snapshot this worker did not name: ask for the markup.
                _ if since.is_some() => {
                    since = None;
                    continue;
                }
                _ => return Err(ExtError("snapshot: `unchanged` answered unasked".into())),
            }
        }
        let size = snapshot_chars(&answer);
        if size > MAX_SNAPSHOT_CHARS {
            return Ok(Err(BackgroundError::SnapshotTooLarge { chars: size }));
        }
        if text_len(&answer, "url") > MAX_URL_CHARS {
            return Ok(Err(BackgroundError::UrlTooLong));
        }
        let snapshot: PageSnapshot = crate::snapshot::read(&answer)?;
        // The hand-over: the page's serialisation, the message hop and the JSON decoding.
        let took_us = ((crate::clock::precise_ms() - asked) * 1000.0).max(0.0) as u64;
        return Ok(Ok(tab_state::snapshot_received(
            tab_id,
            &snapshot,
            Some(took_us),
        )
        .await?));
    }
}
