//! The candidate form: inline validation as the recruiter types, what goes with the comment, and axe.

use super::common::{
    attr, axe_violations, dispatch, document, find, find_all, input, mount, type_into,
};
use leptos::prelude::*;
use popup::components::tags_input::TagsInput;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

/// Mounts the candidate form with its fields prefilled from `profile`, as the form page does.
fn mount_candidate_form(profile: sourcing_core::profile::Profile) -> HtmlElement {
    use popup::components::candidate_form::{CandidateFields, CandidateForm};
    let text = |field: &sourcing_core::profile::Field<String>| {
        RwSignal::new(field.value.clone().unwrap_or_default())
    };
    let fields = CandidateFields {
        first_name: text(&profile.first_name),
        last_name: text(&profile.last_name),
        email: RwSignal::new(String::new()),
        phone: RwSignal::new(String::new()),
        location: text(&profile.location),
        message: RwSignal::new(String::new()),
    };
    let server_errors = Signal::stored(Vec::<(String, String)>::new());
    mount(move || {
        view! { <CandidateForm profile=profile fields=fields server_errors=server_errors /> }
    })
}

#[wasm_bindgen_test]
async fn the_candidate_form_validates_as_the_recruiter_types() {
    use sourcing_core::profile::{Field, Profile};
    let profile = Profile {
        first_name: Field::visible("Inès".into()),
        last_name: Field::visible("Duval".into()),
        ..Profile::default()
    };
    let root = mount_candidate_form(profile);
    leptos::task::tick().await;
    let email = input(&root, "input[name='email']");
    let email_error = find(&root, "#email-error");
    assert_eq!(
        attr(&email, "aria-describedby").as_deref(),
        Some("email-error")
    );
    assert_eq!(attr(&email, "aria-required").as_deref(), Some("true"));
    assert_eq!(
        attr(&email_error, "data-key"),
        None,
        "an untouched empty field shows nothing"
    );

    type_into(&email, "ines.duval");
    leptos::task::tick().await;
    assert_eq!(
        attr(&email_error, "data-key").as_deref(),
        Some("valEmailMissingAt")
    );
    assert_eq!(attr(&email, "aria-invalid").as_deref(), Some("true"));
    type_into(&email, "ines.duval@example");
    leptos::task::tick().await;
    assert_eq!(
        attr(&email_error, "data-key").as_deref(),
        Some("valEmailDomainNoDot")
    );
    type_into(&email, "ines.duval@example.fr");
    leptos::task::tick().await;
    assert_eq!(attr(&email_error, "data-key"), None);
    assert_eq!(attr(&email, "aria-invalid"), None);

    // Emptied and left: the required message.
    type_into(&email, "");
    dispatch(&email, "blur");
    leptos::task::tick().await;
    assert_eq!(
        attr(&email_error, "data-key").as_deref(),
        Some("valEmailRequired")
    );

    let first = input(&root, "input[name='first_name']");
    type_into(&first, "  ");
    leptos::task::tick().await;
    assert_eq!(
        attr(&find(&root, "#first_name-error"), "data-key").as_deref(),
        Some("valFirstNameRequired")
    );

    let phone = input(&root, "input[name='phone']");
    type_into(&phone, "+49 170");
    leptos::task::tick().await;
    assert_eq!(
        attr(&find(&root, "#phone-error"), "data-key").as_deref(),
        Some("valPhoneTooShort")
    );
    assert_eq!(attr(&phone, "aria-required"), None, "the phone is optional");
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_candidate_form_with_inline_errors_and_flags_an_unlabelled_input()
{
    let root = mount_candidate_form(sourcing_core::profile::Profile::default());
    leptos::task::tick().await;
    type_into(&input(&root, "input[name='email']"), "x@y");
    type_into(&input(&root, "input[name='phone']"), "12");
    leptos::task::tick().await;
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
    // The scan does find problems: an input without a label.
    root.append_child(&document().create_element("input").unwrap())
        .unwrap();
    let violations = axe_violations(&root).await;
    assert!(
        violations.iter().any(|v| v.contains(r#""id":"label""#)),
        "{violations:#?}"
    );
}

#[wasm_bindgen_test]
async fn what_goes_with_the_comment_follows_it() {
    use popup::components::candidate_form::{CandidateFields, CandidateForm};
    let text = || RwSignal::new(String::new());
    let fields = CandidateFields {
        first_name: text(),
        last_name: text(),
        email: text(),
        phone: text(),
        location: text(),
        message: text(),
    };
    let tags = RwSignal::new(Vec::<String>::new());
    let root = mount(move || {
        view! {
            <CandidateForm profile=sourcing_core::profile::Profile::default() fields=fields
                server_errors=Signal::stored(Vec::new())>
                <TagsInput tags=tags />
            </CandidateForm>
        }
    });
    leptos::task::tick().await;
    let names: Vec<String> = find_all(&root, "input[name], textarea[name]")
        .iter()
        .filter_map(|e| attr(e, "name"))
        .collect();
    assert_eq!(
        names,
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "location",
            "message",
            "tags"
        ]
    );
}
