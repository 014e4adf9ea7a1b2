//! The candidate form, prefilled from the extracted profile. Every input's `name` is the Personio API field it
//! fills (`first_name`, `last_name`, `email`, `phone`, `location`, `message`, …).

use crate::components::field_error::{error_id, FieldError, FieldMessage};
use crate::components::source_badge::SourceBadge;
use leptos::prelude::*;
use sourcing_core::profile::{Field, Profile};
use sourcing_core::validation::{self, Problem};
use webext::i18n::t;

/// An inline validation rule of `sourcing_core::validation`.
type Rule = fn(&str) -> Result<(), Problem>;

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
    /// Inline validation rule (from `sourcing_core::validation`); its message shows once the field was left or
    /// holds text.
    #[prop(optional)]
    check: Option<Rule>,
    /// Whether Personio requires the field.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let touched = RwSignal::new(false);
    let problem = move || {
        let rule = check?;
        value.with(|v| {
            if touched.get() || !v.is_empty() {
                rule(v).err()
            } else {
                None
            }
        })
    };
    view! {
        <div class="field">
            <label for=name>{t(label)}</label>
            <input
                id=name
                name=name
                type=input_type
                bind:value=value
                aria-required=required.then_some("true")
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=check.map(|_| error_id(name))
                on:blur=move |_| touched.set(true)
            />
            {source.map(|source| view! { <SourceBadge source=source /> })}
            {check
                .map(|_| {
                    let message = Signal::derive(move || problem().map(|p| FieldMessage::Key(p.key())));
                    view! { <FieldError input_id=name message=message /> }
                })}
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
            <TextField
                name="first_name"
                label="fieldFirstName"
                value=first_name
                source=profile.first_name.source
                check=validation::first_name
                required=true
            />
            <TextField
                name="last_name"
                label="fieldLastName"
                value=last_name
                source=profile.last_name.source
                check=validation::last_name
                required=true
            />
            <TextField
                name="email"
                label="fieldEmail"
                value=email
                input_type="email"
                check=validation::email
                required=true
            />
            <TextField name="phone" label="fieldPhone" value=phone input_type="tel" check=validation::phone />
            <TextField name="location" label="fieldLocation" value=location source=profile.location.source />
            <div class="field">
                <label for="message">{t("fieldComment")}</label>
                <textarea id="message" name="message" bind:value=message></textarea>
            </div>
        </form>
    }
}
