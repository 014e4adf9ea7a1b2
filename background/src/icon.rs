//! The toolbar icon's state for a page: blue and enabled on a candidate profile, gray and disabled elsewhere.
//!
//! Several events can ask for a tab's icon at once (the document starting to load, the content script's
//! report, a tab switch). Each request takes a new generation number and stops issuing Chrome calls as soon
//! as a newer request for the same tab exists, so the calls of the latest request are always the last ones
//! Chrome receives: icon, title and enabled state never disagree.

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

/// Applies the state for `page` to `tab_id`, with a localised tooltip (abandoned when a newer request for
/// the tab comes in).
pub async fn apply(tab_id: i32, page: &PageKind) -> webext::ExtResult<()> {
    let generation = next_generation(tab_id);
    let state = state_for(page);
    let title = match state {
        IconState::Active => webext::i18n::t("actionTitleActive"),
        IconState::Inactive => webext::i18n::t("actionTitleInactive"),
    };
    webext::action::apply(tab_id, state, &title, || is_latest(tab_id, generation)).await
}

/// Forgets a closed tab's generation counter.
pub fn forget(tab_id: i32) {
    GENERATION.with(|g| {
        g.borrow_mut().remove(&tab_id);
    });
}
