//! Tags as chips: type and press Enter (or a comma) to add one, Backspace in the empty input removes the last
//! one, each chip has a labelled remove button. New tags are allowed (Personio creates them); known tags are
//! suggested through a `<datalist>`. Tags are cleaned and de-duplicated by [`sourcing_core::validation::tag`].

use crate::components::field_error::{error_id, FieldError, FieldMessage};
use leptos::prelude::*;
use sourcing_core::validation;
use webext::i18n::{t, t_with};

/// Adds the comma-separated tags in `raw` to `tags`; returns the first problem met, if any.
fn add_all(tags: RwSignal<Vec<String>>, raw: &str) -> Option<validation::Problem> {
    let mut first_problem = None;
    for part in raw.split(',') {
        if part.trim().is_empty() {
            continue;
        }
        match tags.with_untracked(|existing| validation::tag(part, existing)) {
            Ok(tag) => tags.update(|t| t.push(tag)),
            Err(problem) => {
                first_problem.get_or_insert(problem);
            }
        }
    }
    first_problem
}

/// The tag chips and their input.
#[component]
pub fn TagsInput(
    /// The tags, in the order added.
    tags: RwSignal<Vec<String>>,
    /// Known tags offered while typing (those already present are left out).
    #[prop(optional, into)]
    suggestions: Signal<Vec<String>>,
    /// The input's id (the label's `for`).
    #[prop(default = "tags")]
    id: &'static str,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<validation::Problem>);
    // Announces additions and removals to screen readers (the chips list itself is not a live region).
    let announcement = RwSignal::new(String::new());
    let list_id = format!("{id}-suggestions");
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let commit = move |raw: &str| {
        let before = tags.with_untracked(Vec::len);
        problem.set(add_all(tags, raw));
        let added: Vec<String> = tags.with_untracked(|t| t[before..].to_vec());
        if !added.is_empty() {
            announcement.set(t_with("tagsAdded", &[&added.join(", ")]));
        }
        draft.set(String::new());
    };
    let remove = move |index: usize| {
        let mut removed = None;
        tags.update(|t| {
            if index < t.len() {
                removed = Some(t.remove(index));
            }
        });
        if let Some(tag) = removed {
            announcement.set(t_with("tagsRemoved", &[&tag]));
        }
        problem.set(None);
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" | "," => {
            ev.prevent_default();
            let raw = draft.get_untracked();
            if raw.trim().is_empty() {
                problem.set(None);
            } else {
                commit(&raw);
            }
        }
        "Backspace" if draft.with_untracked(String::is_empty) => {
            let len = tags.with_untracked(Vec::len);
            if len > 0 {
                ev.prevent_default();
                remove(len - 1);
            }
        }
        _ => {}
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        problem.set(None);
        // A pasted "a, b, c": add the complete ones, keep what follows the last comma.
        match value.rsplit_once(',') {
            Some((complete, rest)) => {
                commit(complete);
                draft.set(rest.trim_start().to_string());
            }
            None => draft.set(value),
        }
    };
    // A typed tag is not lost when the recruiter moves on.
    let on_blur = move |_| {
        let raw = draft.get_untracked();
        if !raw.trim().is_empty() {
            commit(&raw);
        }
    };

    let offered = move || {
        let present: Vec<String> = tags.with(|t| t.iter().map(|t| t.to_lowercase()).collect());
        suggestions
            .get()
            .into_iter()
            .filter(|s| !present.contains(&s.to_lowercase()))
            .collect::<Vec<_>>()
    };
    let input_id = id.to_string();
    let message = Signal::derive(move || problem.get().map(|p| FieldMessage::Key(p.key())));

    view! {
        <div class="field tags-input">
            <label for=id>{t("tagsLabel")}</label>
            <ul class="chips" aria-label=t("tagsListLabel")>
                {move || {
                    tags.get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, tag)| {
                            view! {
                                <li class="chip" data-tag=tag.clone()>
                                    <span class="chip-text">{tag.clone()}</span>
                                    <button
                                        type="button"
                                        class="chip-remove"
                                        aria-label=t_with("tagsRemove", &[&tag])
                                        on:click=move |_| {
                                            remove(index);
                                            if let Some(input) = input_ref.get_untracked() {
                                                let _ = input.focus();
                                            }
                                        }
                                    >
                                        <span aria-hidden="true">"×"</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <input
                id=id
                name="tags"
                type="text"
                node_ref=input_ref
                list=list_id.clone()
                autocomplete="off"
                placeholder=t("tagsPlaceholder")
                aria-describedby=format!("{id}-hint {}", error_id(id))
                aria-invalid=move || problem.get().is_some().then_some("true")
                prop:value=move || draft.get()
                on:input=on_input
                on:keydown=on_keydown
                on:blur=on_blur
            />
            <datalist id=list_id>
                {move || offered().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
            </datalist>
            <p id=format!("{id}-hint") class="hint">{t("tagsHint")}</p>
            <FieldError input_id=input_id message=message />
            <p class="sr-only" role="status">{move || announcement.get()}</p>
        </div>
    }
}
