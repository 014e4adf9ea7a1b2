//! The toolbar icon's state for a page: blue and enabled on a candidate profile, gray and disabled elsewhere.

use sourcing_core::linkedin::PageKind;
use webext::action::IconState;

/// The icon state for a classified page.
pub fn state_for(page: &PageKind) -> IconState {
    if page.is_candidate() {
        IconState::Active
    } else {
        IconState::Inactive
    }
}

/// Applies the state for `page` to `tab_id`, with a localised tooltip.
pub async fn apply(tab_id: i32, page: &PageKind) -> webext::ExtResult<()> {
    let state = state_for(page);
    let title = match state {
        IconState::Active => webext::i18n::t("actionTitleActive"),
        IconState::Inactive => webext::i18n::t("actionTitleInactive"),
    };
    webext::action::apply(tab_id, state, &title).await
}
