//! A small badge saying where a prefilled value came from (page, page data, or not found).

use leptos::prelude::*;
use sourcing_core::profile::FieldSource;
use webext::i18n::t;

/// Shows the source of a field.
#[component]
pub fn SourceBadge(source: FieldSource) -> impl IntoView {
    let (class, key) = match source {
        FieldSource::VisiblePage => ("source source-page", "sourceVisiblePage"),
        FieldSource::EmbeddedData => ("source source-data", "sourceEmbeddedData"),
        FieldSource::None => ("source source-none", "sourceNone"),
    };
    view! { <span class=class data-source=format!("{source:?}")>{t(key)}</span> }
}
