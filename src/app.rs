//! The popup's root: finds the tab, asks the background for its state (re-reading while the profile renders)
//! and shows either the candidate form or why there is nothing to show.

use crate::bridge;
use crate::components::disclaimer::Disclaimer;
use crate::components::outbox_list::OutboxList;
use crate::components::unrecognised_page::UnrecognisedPage;
use crate::form_page::draft::DraftPrefetch;
use crate::form_page::ApplicationForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::linkedin::diagnostics::Diagnostics;
use sourcing_core::linkedin::{unread_profile, Extraction};
use sourcing_core::messages::{AcceptDisclaimer, GetSetup, GetTabState, SetupState, TabState};
use sourcing_core::profile::Profile;
use webext::i18n::t;

/// How often and how far apart the popup re-reads a profile that is still rendering (or not recognised):
/// 7 waits of 700 ms, so an unknown layout is said plainly within about 6 s (with the reads themselves).
pub const RENDER_RETRIES: u32 = 8;
/// The wait between two reads, in milliseconds.
pub const RENDER_RETRY_MS: u32 = 700;
// Never hang: the waits between the reads stay within 5 s (the reads themselves add well under 1 s).
const _: () = assert!((RENDER_RETRIES - 1) * RENDER_RETRY_MS <= 5_000);

/// What the popup shows.
#[derive(Clone, Debug, PartialEq)]
pub enum PopupView {
    /// Waiting for the background.
    Loading,
    /// The legal disclaimer has not been accepted (in its current version).
    NeedsDisclaimer,
    /// No Personio connection is configured yet.
    NeedsSetup,
    /// The tab is not a candidate profile.
    NotProfile,
    /// A profile URL whose page did not show that profile in time.
    StillRendering,
    /// A profile URL whose page shows none of the known layouts: the empty form for the canonical URL, and
    /// the diagnostics to copy.
    Unrecognised(Box<Diagnostics>, Box<Profile>, String),
    /// The extracted profile and its canonical URL.
    Profile(Box<Profile>, String),
    /// Something failed.
    Failed(String),
}

impl PopupView {
    /// The view for a tab state.
    pub fn from_state(state: &TabState) -> PopupView {
        match &state.extraction {
            _ if !state.page.is_candidate() => PopupView::NotProfile,
            Some(Extraction::Profile { profile, .. }) => {
                let url = profile
                    .profile_url
                    .value
                    .clone()
                    .unwrap_or_else(|| state.url.clone());
                PopupView::Profile(profile.clone(), url)
            }
            Some(Extraction::NotAProfile { .. }) => PopupView::NotProfile,
            Some(Extraction::Pending { .. }) | None => PopupView::StillRendering,
            Some(Extraction::Unrecognised { page, diagnostics }) => {
                let profile = unread_profile(page);
                let url = profile
                    .profile_url
                    .value
                    .clone()
                    .unwrap_or_else(|| state.url.clone());
                PopupView::Unrecognised(diagnostics.clone(), Box::new(profile), url)
            }
        }
    }

    /// The URL the form of this view is for (the draft's key), if it shows one.
    pub fn form_url(&self) -> Option<&str> {
        match self {
            PopupView::Profile(_, url) | PopupView::Unrecognised(_, _, url) => Some(url),
            _ => None,
        }
    }

    /// True while the page may still turn into a profile (the popup reads it again).
    pub fn rereads(&self) -> bool {
        matches!(
            self,
            PopupView::StillRendering | PopupView::Unrecognised(..)
        )
    }
}

/// The settings the popup read while loading its view: the form takes its default tags from them instead of
/// asking the worker again (one round trip less before the form is filled). Empty until the first read.
#[derive(Clone, Copy)]
pub struct LoadedSetup(pub StoredValue<Option<SetupState>>);

async fn load_view(loaded: LoadedSetup, prefetch: DraftPrefetch) -> PopupView {
    let view = read_view(loaded).await;
    // The form's draft is read while the form renders (or taken from the head start).
    if let Some(url) = view.form_url() {
        prefetch.start(url);
    }
    // The head start answers the popup's first load only: after the disclaimer is accepted, or settings
    // saved, the state is read anew.
    bridge::discard_head_starts();
    view
}

async fn read_view(loaded: LoadedSetup) -> PopupView {
    let setup = match head_start_or_call(&GetSetup {}).await {
        Ok(reply) => reply.setup,
        Err(e) => return PopupView::Failed(e.sentence()),
    };
    loaded.0.try_set_value(Some(setup.clone()));
    if !setup.disclaimer.as_ref().is_some_and(|d| d.is_current()) {
        return PopupView::NeedsDisclaimer;
    }
    if !setup.settings.is_configured() {
        return PopupView::NeedsSetup;
    }
    let tab_id = match bridge::target_tab_id().await {
        Ok(id) => id,
        Err(e) => return PopupView::Failed(e.sentence()),
    };
    let mut view = PopupView::Loading;
    for attempt in 0..RENDER_RETRIES {
        if attempt > 0 {
            webext::timer::sleep(RENDER_RETRY_MS).await;
        }
        // The first read may have been asked while the popup loaded, for the same tab.
        let head_start = match attempt {
            0 => bridge::head_start(&GetTabState { tab_id }).await,
            _ => None,
        };
        let state = match head_start {
            Some(Ok(reply)) if reply.state.tab_id == tab_id => Ok(reply.state),
            _ => bridge::tab_state(tab_id).await,
        };
        view = match state {
            Ok(state) => PopupView::from_state(&state),
            Err(e) => PopupView::Failed(e.sentence()),
        };
        if !view.rereads() {
            break;
        }
    }
    view
}

/// The head start's answer to `request` when `static/head-start.js` asked it, else the answer to a call now.
async fn head_start_or_call<R: sourcing_core::messages::Call>(
    request: &R,
) -> Result<R::Reply, bridge::BridgeError> {
    match bridge::head_start(request).await {
        Some(answer) => answer,
        None => bridge::call(request).await,
    }
}

/// Renders a [`PopupView`].
#[component]
pub fn PopupBody(
    /// What to show.
    view: ReadSignal<PopupView>,
    /// Called when the recruiter accepts the disclaimer.
    #[prop(optional)]
    on_accept: Option<Callback<()>>,
) -> impl IntoView {
    let on_accept = on_accept.unwrap_or_else(|| Callback::new(|_| ()));
    move || match view.get() {
        PopupView::Loading => {
            view! { <p class="status" role="status">{t("statusLoading")}</p> }.into_any()
        }
        PopupView::NeedsDisclaimer => view! { <Disclaimer on_accept=on_accept /> }.into_any(),
        PopupView::NeedsSetup => view! {
            <section class="needs-setup">
                <h2>{t("setupTitle")}</h2>
                <p>{t("setupBody")}</p>
                <button type="button" class="primary" id="open-settings" on:click=|_| {
                    spawn_local(async {
                        let _ = webext::runtime::open_options_page().await;
                    })
                }>{t("setupOpenSettings")}</button>
            </section>
        }
        .into_any(),
        PopupView::NotProfile => view! {
            <section class="off-profile" role="status">
                <h2>{t("offProfileTitle")}</h2>
                <p>{t("offProfileBody")}</p>
            </section>
        }
        .into_any(),
        PopupView::StillRendering => {
            view! { <p class="status" role="status">{t("statusStillRendering")}</p> }.into_any()
        }
        PopupView::Profile(profile, url) => {
            view! { <ApplicationForm profile=*profile profile_url=url /> }.into_any()
        }
        PopupView::Unrecognised(diagnostics, profile, url) => view! {
            <UnrecognisedPage diagnostics=*diagnostics />
            <ApplicationForm profile=*profile profile_url=url />
        }
        .into_any(),
        PopupView::Failed(message) => {
            view! { <p class="error" role="alert">{message}</p> }.into_any()
        }
    }
}

/// True when the page runs in the side panel (`popup.html?panel=1`), where it follows the active tab.
fn in_side_panel() -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("panel"))
        .is_some()
}

/// Opens the side panel in the popup's window, then closes the popup (the click is the user gesture
/// Chrome requires).
async fn pin_to_side_panel() {
    let Ok(tab_id) = bridge::target_tab_id().await else {
        return;
    };
    let Some(window_id) = webext::tabs::get(tab_id)
        .await
        .ok()
        .and_then(|t| t.window_id)
    else {
        return;
    };
    if webext::side_panel::open_in_window(window_id).await.is_ok() {
        if let Some(window) = web_sys::window() {
            let _ = window.close();
        }
    }
}

/// The popup application.
#[component]
pub fn App() -> impl IntoView {
    let (view, set_view) = signal(PopupView::Loading);
    let loaded = LoadedSetup(StoredValue::new(None));
    provide_context(loaded);
    let prefetch = DraftPrefetch::default();
    provide_context(prefetch);
    spawn_local(async move { set_view.set(load_view(loaded, prefetch).await) });
    let panel = in_side_panel();
    if panel {
        // The side panel follows the active tab: another tab, a new page, or an in-app navigation.
        let reload = move |_tab_id: i32| {
            spawn_local(async move {
                set_view.set(PopupView::Loading);
                set_view.set(load_view(loaded, prefetch).await);
            })
        };
        webext::events::on_tab_activated(reload);
        webext::events::on_tab_loaded(reload);
        webext::events::on_page_visited(reload);
    }
    let on_accept = Callback::new(move |_| {
        spawn_local(async move {
            let accepted = bridge::call(&AcceptDisclaimer {}).await;
            set_view.set(match accepted {
                Ok(_) => load_view(loaded, prefetch).await,
                Err(e) => PopupView::Failed(e.sentence()),
            });
        })
    });
    view! {
        <header class="app-header">
            <h1>{t("appName")}</h1>
            <div class="header-actions">
                {(!panel).then(|| view! {
                    <button type="button" id="pin-side-panel" title=t("pinSidePanelHint") on:click=|_| spawn_local(pin_to_side_panel())>
                        {t("pinSidePanel")}
                    </button>
                })}
                " "
                <a class="header-link" id="header-candidates" href="candidates.html" target="_blank">{t("candidatesLink")}</a>
                " "
                <button type="button" id="header-settings" on:click=|_| spawn_local(async {
                    let _ = webext::runtime::open_options_page().await;
                })>{t("settingsShort")}</button>
            </div>
        </header>
        <main>
            <PopupBody view=view on_accept=on_accept />
            <OutboxList />
        </main>
    }
}
