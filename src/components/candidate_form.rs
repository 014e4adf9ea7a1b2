//! The candidate form, prefilled from the extracted profile. Every input's `name` is the Personio API field it
//! fills (`first_name`, `last_name`, `email`, `phone`, `location`, `message`, …).

use crate::components::source_badge::SourceBadge;
use leptos::prelude::*;
use sourcing_core::profile::{Field, Profile};
use webext::i18n::t;

fn value_of(field: &Field<String>) -> String {
    field.value.clone().unwrap_or_default()
}

/// One labelled text input bound to `value`, with the source badge of its prefill.
#[component]
fn TextField(
    /// Personio field name, also the input's `name` and `id`.
    name: &'static str,
    /// i18n key of the label.
    label: &'static str,
    /// Bound value.
    value: RwSignal<String>,
    /// Where the prefill came from; `None` for fields typed by hand.
    #[prop(optional)]
    source: Option<sourcing_core::profile::FieldSource>,
    /// HTML input type.
    #[prop(default = "text")]
    input_type: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=name>{t(label)}</label>
            <input id=name name=name type=input_type bind:value=value />
            {source.map(|source| view! { <SourceBadge source=source /> })}
        </div>
    }
}

/// The candidate section of the form.
#[component]
pub fn CandidateForm(profile: Profile) -> impl IntoView {
    let first_name = RwSignal::new(value_of(&profile.first_name));
    let last_name = RwSignal::new(value_of(&profile.last_name));
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let location = RwSignal::new(value_of(&profile.location));
    let message = RwSignal::new(String::new());
    let headline = profile.headline.value.clone().unwrap_or_default();
    let headline_source = profile.headline.source;
    view! {
        <form class="candidate" on:submit=|ev| ev.prevent_default()>
            <p class="display-name" data-field="display_name">{value_of(&profile.display_name)}</p>
            <p class="headline" data-field="headline">
                {headline} " " <SourceBadge source=headline_source />
            </p>
            <TextField name="first_name" label="fieldFirstName" value=first_name source=profile.first_name.source />
            <TextField name="last_name" label="fieldLastName" value=last_name source=profile.last_name.source />
            <TextField name="email" label="fieldEmail" value=email input_type="email" />
            <TextField name="phone" label="fieldPhone" value=phone input_type="tel" />
            <TextField name="location" label="fieldLocation" value=location source=profile.location.source />
            <div class="field">
                <label for="message">{t("fieldComment")}</label>
                <textarea id="message" name="message" bind:value=message></textarea>
            </div>
        </form>
    }
}
