//! The candidate form, prefilled from the extracted profile. Every input's `name` is the Personio API field it
//! fills (`first_name`, `last_name`, `email`, `phone`, `location`, `message`, …).

use crate::components::field_error::{error_id, FieldError, FieldMessage};
use crate::components::source_badge::SourceBadge;
use leptos::prelude::*;
use sourcing_core::profile::{Field, FieldSource, Profile, YearMonth};
use sourcing_core::validation::{self, Problem};
use webext::i18n::t;

/// An inline validation rule of `sourcing_core::validation`.
type Rule = fn(&str) -> Result<(), Problem>;

/// The source of a field usually typed by hand: shown only when the page did show a value.
fn found(source: FieldSource) -> Option<FieldSource> {
    (source != FieldSource::None).then_some(source)
}

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
    #[prop(default = None)]
    source: Option<FieldSource>,
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
    /// Personio's message for this field after a refused send (cleared when the value changes).
    #[prop(optional, into)]
    server: Signal<Option<FieldMessage>>,
    /// The input, for a parent that moves the focus to it.
    #[prop(optional)]
    input_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let touched = RwSignal::new(false);
    let sent_value = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if server.get().is_some() {
            sent_value.set(Some(value.get_untracked()));
        }
    });
    let problem = move || {
        let local = check.and_then(|rule| {
            value.with(|v| {
                if touched.get() || !v.is_empty() {
                    rule(v).err().map(|p| FieldMessage::Key(p.key()))
                } else {
                    None
                }
            })
        });
        local.or_else(|| {
            let unchanged = sent_value
                .get()
                .is_some_and(|sent| value.with(|v| *v == sent));
            server.get().filter(|_| unchanged)
        })
    };
    view! {
        <div class="field">
            <label for=name>{t(label)}</label>
            <input
                id=name
                name=name
                node_ref=input_ref
                type=input_type
                bind:value=value
                aria-required=required.then_some("true")
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=error_id(name)
                on:blur=move |_| touched.set(true)
            />
            {source.map(|source| view! { <SourceBadge source=source /> })}
            <FieldError input_id=name message=Signal::derive(problem) />
        </div>
    }
}

/// The localised label of a field the page did not show (names as in `Profile::missing`).
fn missing_label(name: &str) -> String {
    let key = match name {
        "first_name" => "fieldFirstName",
        "last_name" => "fieldLastName",
        "location" => "fieldLocation",
        "contact.emails" => "fieldEmail",
        "contact.phones" => "fieldPhone",
        "contact.websites" => "profWebsites",
        "headline" => "profHeadline",
        "current_title" => "profCurrentTitle",
        "current_company" => "profCurrentCompany",
        "photo_url" => "profPhoto",
        "about" => "profAbout",
        "experience" => "profExperience",
        "education" => "profEducation",
        "skills" => "profSkills",
        "languages" => "profLanguages",
        other => return other.to_string(),
    };
    t(key)
}

/// The person the form is about: name as displayed, headline and current position, each with its source.
#[component]
pub fn ProfileHeader(
    /// The extracted profile.
    profile: Profile,
) -> impl IntoView {
    let headline = profile.headline.value.clone().unwrap_or_default();
    let headline_source = profile.headline.source;
    let current = match (&profile.current_title.value, &profile.current_company.value) {
        (Some(title), Some(company)) => Some(format!("{title} · {company}")),
        (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    let current_source = profile.current_title.source;
    view! {
        <div class="profile-header">
            <p class="display-name" data-field="display_name">{value_of(&profile.display_name)}</p>
            <p class="headline" data-field="headline">{headline} " " <SourceBadge source=headline_source /></p>
            {current.map(|current| view! {
                <p class="current" data-field="current_position">{current} " " <SourceBadge source=current_source /></p>
            })}
        </div>
    }
}

/// One line of the profile details: a label, a source badge and the values.
#[component]
fn DetailRow(
    /// i18n key of the label.
    label: &'static str,
    /// Where the values came from.
    source: FieldSource,
    /// The values, one per line (empty: the row is not shown).
    values: Vec<String>,
    /// Data attribute naming the profile field (for tests and QA).
    field: &'static str,
) -> impl IntoView {
    (!values.is_empty()).then(|| {
        view! {
            <div class="detail" data-field=field>
                <dt>{t(label)} " " <SourceBadge source=source /></dt>
                <dd>
                    <ul>{values.into_iter().map(|v| view! { <li>{v}</li> }).collect_view()}</ul>
                </dd>
            </div>
        }
    })
}

fn span(start: Option<YearMonth>, end: Option<YearMonth>, current: bool) -> String {
    let from = start.map(|s| s.iso()).unwrap_or_default();
    let to = if current {
        t("profPresent")
    } else {
        end.map(|e| e.iso()).unwrap_or_default()
    };
    match (from.is_empty(), to.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!(" ({from})"),
        _ => format!(" ({from} – {to})"),
    }
}

/// Everything else the page showed (about, experience, education, skills, languages, websites, photo), each
/// with its source, collapsed by default: for the recruiter to check, not sent to Personio.
#[component]
pub fn ProfileDetails(
    /// The extracted profile.
    profile: Profile,
) -> impl IntoView {
    let list = |field: &Field<Vec<String>>| field.value.clone().unwrap_or_default();
    let experience = profile
        .experience
        .value
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|e| {
            let company = e.company.map(|c| format!(" · {c}")).unwrap_or_default();
            format!("{}{company}{}", e.title, span(e.start, e.end, e.current))
        })
        .collect();
    let education = profile
        .education
        .value
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|e| {
            let degree = e.degree.map(|d| format!(" · {d}")).unwrap_or_default();
            format!("{}{degree}{}", e.school, span(e.start, e.end, false))
        })
        .collect();
    let languages = profile
        .languages
        .value
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|l| match l.proficiency {
            Some(p) => format!("{} ({p})", l.name),
            None => l.name,
        })
        .collect();
    let about = profile.about.value.clone().into_iter().collect();
    let photo = profile.photo_url.value.clone().into_iter().collect();
    view! {
        <details class="profile-details">
            <summary>{t("profDetails")}</summary>
            <dl>
                <DetailRow label="profAbout" field="about" source=profile.about.source values=about />
                <DetailRow label="profExperience" field="experience" source=profile.experience.source values=experience />
                <DetailRow label="profEducation" field="education" source=profile.education.source values=education />
                <DetailRow label="profSkills" field="skills" source=profile.skills.source values=list(&profile.skills) />
                <DetailRow label="profLanguages" field="languages" source=profile.languages.source values=languages />
                <DetailRow label="profWebsites" field="websites" source=profile.contact.websites.source values=list(&profile.contact.websites) />
                <DetailRow label="profPhoto" field="photo_url" source=profile.photo_url.source values=photo />
            </dl>
        </details>
    }
}

/// The candidate's editable fields, owned by the form page (which saves them as the draft and sends them).
#[derive(Clone, Copy, Debug)]
pub struct CandidateFields {
    /// `first_name`.
    pub first_name: RwSignal<String>,
    /// `last_name`.
    pub last_name: RwSignal<String>,
    /// `email` (typed by hand unless the page showed one).
    pub email: RwSignal<String>,
    /// `phone` attribute.
    pub phone: RwSignal<String>,
    /// `location` attribute.
    pub location: RwSignal<String>,
    /// `message`: the recruiter's comment.
    pub message: RwSignal<String>,
}

/// Server-side messages per Personio field name (e.g. `email` → "already used"), shown under the field.
pub type ServerErrors = Signal<Vec<(String, String)>>;

fn server_error_for(errors: ServerErrors, field: &'static str) -> Signal<Option<FieldMessage>> {
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|(f, _)| f == field)
                .map(|(_, m)| FieldMessage::Text(m.clone()))
        })
    })
}

/// The candidate section of the form: the extracted fields (editable, each with its source), the fields
/// typed by hand, the comment, what goes with the comment (`children`: the form page puts the tags there, so
/// the form reads in the order it is sent), and the list of what the page did not show.
#[component]
pub fn CandidateForm(
    /// The extracted profile (sources, headline, missing fields).
    profile: Profile,
    /// The editable values.
    fields: CandidateFields,
    /// Messages from Personio per field, after a refused send.
    #[prop(into)]
    server_errors: ServerErrors,
    /// Shown right after the comment.
    #[prop(optional)]
    children: Option<Children>,
    /// The e-mail input, for a parent that moves the focus to it.
    #[prop(optional)]
    email_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let missing = profile.missing.clone();
    view! {
        <div class="candidate">
            <TextField
                name="first_name"
                label="fieldFirstName"
                value=fields.first_name
                source=Some(profile.first_name.source)
                check=validation::first_name
                required=true
                server=server_error_for(server_errors, "first_name")
            />
            <TextField
                name="last_name"
                label="fieldLastName"
                value=fields.last_name
                source=Some(profile.last_name.source)
                check=validation::last_name
                required=true
                server=server_error_for(server_errors, "last_name")
            />
            <TextField
                name="email"
                label="fieldEmail"
                value=fields.email
                input_type="email"
                source=found(profile.contact.emails.source)
                check=validation::email
                required=true
                server=server_error_for(server_errors, "email")
                input_ref=email_ref
            />
            <TextField
                name="phone"
                label="fieldPhone"
                value=fields.phone
                input_type="tel"
                source=found(profile.contact.phones.source)
                check=validation::phone
                server=server_error_for(server_errors, "attributes.phone")
            />
            <TextField
                name="location"
                label="fieldLocation"
                value=fields.location
                source=Some(profile.location.source)
                server=server_error_for(server_errors, "attributes.location")
            />
            <div class="field">
                <label for="message">{t("fieldComment")}</label>
                <textarea id="message" name="message" bind:value=fields.message></textarea>
            </div>
            {children.map(|children| children())}
            {(!missing.is_empty())
                .then(|| {
                    view! {
                        <p class="missing" data-field="missing">
                            {t("missingFields")} " "
                            {missing.iter().map(|name| missing_label(name)).collect::<Vec<_>>().join(", ")}
                        </p>
                    }
                })}
        </div>
    }
}
