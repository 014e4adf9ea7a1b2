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
use webext::storage;

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
    /// popup has just read; `None` asks the worker for them.
    pub async fn restore(self, default_tags: Option<Vec<String>>) -> Result<(), BridgeError> {
        let url = self.state.profile_url.get_value();
        let stored: Option<ApplicationDraft> = storage::get(&DRAFTS.key(&url)).await.ok().flatten();
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
