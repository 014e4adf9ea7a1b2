//! The toolbar icon's state for a page: blue and enabled on a candidate profile, gray and disabled elsewhere;
//! on a profile already in Personio (what the session's lookups found, [`crate::lookup::profile_known`]) a
//! dot on the badge and a title saying so.
//!
//! Several events can ask for a tab's icon at once (the document starting to load, the content script's
//! report, a finished lookup). Each request takes a new generation number *before* it reads anything it
//! decides on, and stops issuing Chrome calls as soon as a newer request for the same tab exists, so the
//! calls of the latest request are always the last ones Chrome receives: icon, title, badge and enabled state
//! never disagree, and a lookup that ends after the tab moved to another profile never marks that one.

use sourcing_core::linkedin::PageKind;
use std::cell::RefCell;
use std::collections::HashMap;
use webext::action::IconState;

thread_local! {
    static GENERATION: RefCell<HashMap<i32, u64>> = RefCell::new(HashMap::new());
}

fn next_generation(tab_id: i32) -> u64 {
    GENERATION.with(|g| {
        let mut map = g.borrow_mut();
        let entry = map.entry(tab_id).or_insert(0);
        *entry += 1;
        *entry
    })
}

fn is_latest(tab_id: i32, generation: u64) -> bool {
    GENERATION.with(|g| g.borrow().get(&tab_id) == Some(&generation))
}

/// The icon state for a classified page.
pub fn state_for(page: &PageKind) -> IconState {
    if page.is_candidate() {
        IconState::Active
    } else {
        IconState::Inactive
    }
}

/// Applies the state for `page` at `url` to `tab_id`, with a localised tooltip (abandoned when a newer request
/// for the tab comes in). Callers store the tab's state first, then call this.
pub async fn apply(tab_id: i32, page: &PageKind, url: &str) -> webext::ExtResult<()> {
    let generation = next_generation(tab_id);
    issue(tab_id, generation, page, url).await
}

/// Re-applies the icon of `tab_id` from its stored state (a lookup changed what is known). The generation is
/// taken before the state is read: a navigation stored after that read takes a newer one and wins.
pub async fn refresh(tab_id: i32) -> webext::ExtResult<()> {
    let generation = next_generation(tab_id);
    let Some(state) = crate::tab_state::load(tab_id).await? else {
        return Ok(());
    };
    issue(tab_id, generation, &state.page, &state.url).await
}

async fn issue(tab_id: i32, generation: u64, page: &PageKind, url: &str) -> webext::ExtResult<()> {
    let state = state_for(page);
    let known = state == IconState::Active && crate::lookup::profile_known(url).await?;
    if !is_latest(tab_id, generation) {
        return Ok(());
    }
    let title = match state {
        IconState::Active if known => webext::i18n::t("actionTitleKnown"),
        IconState::Active => webext::i18n::t("actionTitleActive"),
        IconState::Inactive => webext::i18n::t("actionTitleInactive"),
    };
    webext::action::apply(tab_id, state, &title, known, || {
        is_latest(tab_id, generation)
    })
    .await
}

/// Forgets a closed tab's generation counter.
pub fn forget(tab_id: i32) {
    GENERATION.with(|g| {
        g.borrow_mut().remove(&tab_id);
    });
}
