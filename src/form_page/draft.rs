//! The draft of the form: restored when the form opens (or prefilled from the profile with the default
//! tags), saved to `storage.local` on every change, and "Discard draft", which deletes it with its files
//! and starts again from the profile (the fresh prefill is not stored until the recruiter changes
//! something).

use super::state::FormState;
use crate::bridge::{self, BridgeError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::draft::ApplicationDraft;
use sourcing_core::messages::{DiscardDraft, GetSetup};
use sourcing_core::profile::Profile;
use sourcing_core::storage_keys::DRAFTS;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use webext::storage;

/// The stored draft of the profile the popup is about to show, read as soon as the popup knows the profile's
/// URL, so the read runs while the form renders instead of after it (measured in the popup's open: 11–20 ms
/// from the rendered form to its filled fields, on a main thread busy loading the page). The form takes it
/// once in [`Draft::restore`]; without one (or for another URL) it reads the draft itself. On the popup's
/// first view the read may be under way already: `static/head-start.js` asks for the draft of the URL it
/// reads off the tab's state as soon as that is in; that read is taken only when its key is the one derived
/// here from the view's URL, else the draft is read anew.
#[derive(Clone, Copy)]
pub struct DraftPrefetch(StoredValue<Option<Prefetched>, LocalStorage>);

/// A read under way: its URL, the promise that settles when it is done, and what it read.
struct Prefetched {
    profile_url: String,
    done: js_sys::Promise,
    read: Rc<RefCell<Option<ApplicationDraft>>>,
}

impl Default for DraftPrefetch {
    fn default() -> Self {
        DraftPrefetch(StoredValue::new_local(None))
    }
}

impl DraftPrefetch {
    /// Starts reading the draft of `profile_url` now (a read not taken before is dropped).
    pub fn start(self, profile_url: &str) {
        let read = Rc::new(RefCell::new(None));
        let into = read.clone();
        let key = DRAFTS.key(profile_url);
        let early = bridge::take_head_start("draft");
        // A promise, unlike a Rust future, runs without being awaited: the read starts here.
        let done = wasm_bindgen_futures::future_to_promise(async move {
            let items = match early {
                Some(early) => JsFuture::from(early).await.ok().and_then(|answer| {
                    let asked = js_sys::Reflect::get(&answer, &"key".into()).ok()?;
                    (asked.as_string()? == key.name())
                        .then(|| js_sys::Reflect::get(&answer, &"items".into()).ok())
                        .flatten()
                }),
                None => None,
            };
            *into.borrow_mut() = match items {
                Some(items) => storage::from_items(&key, &items).ok().flatten(),
                None => storage::get(&key).await.ok().flatten(),
            };
            Ok(JsValue::UNDEFINED)
        });
        self.0.set_value(Some(Prefetched {
            profile_url: profile_url.to_string(),
            done,
            read,
        }));
    }

    /// What the read started for `profile_url` found (`Some(None)`: no draft), taken once; `None` when no
    /// read was started for it.
    async fn take(self, profile_url: &str) -> Option<Option<ApplicationDraft>> {
        let prefetched = self
            .0
            .try_update_value(|p| p.take_if(|p| p.profile_url == profile_url))
            .flatten()?;
        let _ = JsFuture::from(prefetched.done).await;
        let draft = prefetched.read.borrow_mut().take();
        Some(draft)
    }
}

/// The draft's life in the form.
#[derive(Clone, Copy)]
pub struct Draft {
    state: FormState,
    profile: StoredValue<Profile>,
    /// True once the saved draft (or the prefill) is in: the form is disabled before, so nothing typed is
    /// overwritten by it.
    pub loaded: RwSignal<bool>,
    /// True from "Discard draft" until the recruiter changes something (the notice).
    pub discarded: RwSignal<bool>,
    /// The tags a new form starts with (settings or admin policy), also after "Discard draft".
    default_tags: StoredValue<Vec<String>>,
    /// After "Discard draft": the fresh prefill, not stored until the recruiter changes something.
    discarded_as: StoredValue<Option<ApplicationDraft>>,
}

impl Draft {
    /// Saves every change of `state` once it is loaded ([`Draft::restore`]).
    pub fn new(state: FormState, profile: Profile) -> Self {
        let draft = Draft {
            state,
            profile: StoredValue::new(profile),
            loaded: RwSignal::new(false),
            discarded: RwSignal::new(false),
            default_tags: StoredValue::new(Vec::new()),
            discarded_as: StoredValue::new(None),
        };
        Effect::new(move |_| draft.save(state.draft()));
        Effect::new(move |_| {
            // The notice lasts until the recruiter changes something.
            let _ = state.draft();
            if draft.discarded_as.with_value(Option::is_none) {
                draft.discarded.set(false);
            }
        });
        draft
    }

    /// The prefill from the profile, with the default tags.
    fn fresh(self) -> ApplicationDraft {
        let url = self.state.profile_url.get_value();
        let mut fresh = self
            .profile
            .with_value(|p| ApplicationDraft::from_profile(p, url));
        fresh.tags = self.default_tags.get_value();
        fresh
    }

    /// Stores `draft` unless it is the untouched prefill after "Discard draft" or the form is not loaded.
    fn save(self, draft: ApplicationDraft) {
        let untouched = self.discarded_as.with_value(|fresh| {
            fresh.as_ref().is_some_and(|fresh| {
                ApplicationDraft {
                    updated_at_ms: fresh.updated_at_ms,
                    ..draft.clone()
                } == *fresh
            })
        });
        if untouched {
            return;
        }
        self.discarded_as.set_value(None);
        if self.loaded.get() {
            let key = DRAFTS.key(&draft.profile_url);
            spawn_local(async move {
                let _ = storage::set(&key, &draft).await;
            });
        }
    }

    /// Shows the stored draft, else the prefill; the form is loaded afterwards even when the default tags
    /// could not be read (the error is returned to be shown). `default_tags` are those of the settings the
    /// popup has just read; `None` asks the worker for them. `prefetch`: the draft's read, if the popup
    /// started it already.
    pub async fn restore(
        self,
        default_tags: Option<Vec<String>>,
        prefetch: Option<DraftPrefetch>,
    ) -> Result<(), BridgeError> {
        let url = self.state.profile_url.get_value();
        let prefetched = match prefetch {
            Some(prefetch) => prefetch.take(&url).await,
            None => None,
        };
        let stored: Option<ApplicationDraft> = match prefetched {
            Some(stored) => stored,
            None => storage::get(&DRAFTS.key(&url)).await.ok().flatten(),
        };
        let tags = match default_tags {
            Some(tags) => Ok(tags),
            None => bridge::call(&GetSetup {})
                .await
                .map(|reply| reply.setup.settings.default_tags),
        };
        if let Ok(tags) = &tags {
            self.default_tags.set_value(tags.clone());
        }
        let draft = stored.unwrap_or_else(|| self.fresh());
        self.state.apply(draft);
        self.loaded.set(true);
        tags.map(|_| ())
    }

    /// "Discard draft": the prefill again, the stored draft and its files deleted; `Err` when the
    /// background could not delete them.
    pub async fn discard(self) -> Result<(), BridgeError> {
        let fresh = self.fresh();
        self.discarded_as.set_value(Some(fresh.clone()));
        self.state.apply(fresh);
        let profile_url = self.state.profile_url.get_value();
        bridge::call(&DiscardDraft { profile_url }).await?;
        self.discarded.try_set(true);
        Ok(())
    }
}
