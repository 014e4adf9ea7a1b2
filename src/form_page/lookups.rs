//! What the form asks Personio (through the background) as the recruiter types: the duplicate check for the
//! chosen position and e-mail, and "Already in Personio?" by this LinkedIn profile, then by the typed e-mail.
//! Each ask runs as a task of the effect that started it: a newer change (or the form going away) cancels
//! it, so a late answer never lands on a newer form or a disposed one.

use super::state::FormState;
use crate::bridge;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use sourcing_core::messages::{CheckDuplicate, FindCandidate};
use sourcing_core::personio::{CandidateLookup, DuplicateCheck};
use sourcing_core::validation;

/// The duplicate check waits this long after the last change of the e-mail or the position.
const DUPLICATE_DEBOUNCE_MS: u32 = 400;
/// "Already in Personio?" looks the typed e-mail up this long after its last change.
const LOOKUP_DEBOUNCE_MS: u32 = 600;

/// The typed e-mail, once it looks like one (trimmed).
fn plausible_email(typed: &str) -> Option<String> {
    validation::email(typed)
        .is_ok()
        .then(|| typed.trim().to_string())
}

/// The duplicate check (by e-mail and by this LinkedIn profile), once a position and a plausible e-mail
/// are there and have stopped changing: its result, or the sentence saying it could not be asked.
pub fn duplicate_check(state: FormState) -> RwSignal<Option<Result<DuplicateCheck, String>>> {
    let duplicate = RwSignal::new(None);
    Effect::new(move |_| {
        let email = state.fields.email.get();
        let position = state.position.get();
        duplicate.set(None);
        let (Some(position), true) = (position, validation::email(&email).is_ok()) else {
            return;
        };
        spawn_local_scoped_with_cancellation(async move {
            webext::timer::sleep(DUPLICATE_DEBOUNCE_MS).await;
            let request = CheckDuplicate {
                email,
                job_position_id: position,
                linkedin_url: Some(state.profile_url.get_value()),
            };
            let answer = bridge::call(&request).await;
            duplicate.set(Some(answer.map(|r| r.check).map_err(|e| e.sentence())));
        });
    });
    duplicate
}

/// "Already in Personio?": by this LinkedIn profile as soon as the draft is in (`loaded`), then by the
/// typed e-mail (the background answers from its session cache when it can). The latest lookup, and the
/// sentence saying the last one could not be asked.
pub fn candidate_lookup(
    state: FormState,
    loaded: RwSignal<bool>,
) -> (RwSignal<Option<CandidateLookup>>, RwSignal<Option<String>>) {
    let lookup = RwSignal::new(None::<CandidateLookup>);
    let failed = RwSignal::new(None::<String>);
    // The e-mail last looked up (`Some(None)`: the profile alone); `None` before the first lookup.
    let asked = StoredValue::new(None::<Option<String>>);
    Effect::new(move |_| {
        let email = plausible_email(&state.fields.email.get());
        if !loaded.get() || asked.get_value().as_ref() == Some(&email) {
            return;
        }
        let first = asked.get_value().is_none();
        spawn_local_scoped_with_cancellation(async move {
            if !first {
                webext::timer::sleep(LOOKUP_DEBOUNCE_MS).await;
            }
            asked.set_value(Some(email.clone()));
            let request = FindCandidate {
                tab_id: bridge::target_tab_id().await.ok(),
                linkedin_url: state.profile_url.get_value(),
                email,
            };
            match bridge::call(&request).await {
                Ok(reply) => {
                    lookup.set(Some(reply.lookup));
                    failed.set(None);
                }
                Err(e) => failed.set(Some(e.sentence())),
            }
        });
    });
    (lookup, failed)
}
