//! The job position picker: a searchable dropdown following the WAI-ARIA combobox pattern (an editable
//! `role="combobox"` input controlling a `role="listbox"`, the active option given by
//! `aria-activedescendant`, focus staying in the input).
//!
//! Typing filters by name, department and office, ignoring case and accents; ArrowDown / ArrowUp / Home / End
//! move through the open list, Enter picks, Escape closes, a click picks. The committed id is in a hidden input
//! `name="job_position_id"` (and in the combobox's `data-value`). Positions the candidate already applied to
//! are marked in the list ("already applied · <stage>", `data-applied`).

use crate::components::field_error::{error_id, FieldError, FieldMessage};
use leptos::prelude::*;
use sourcing_core::personio::{Position, PositionId};
use webext::i18n::{t, t_with};

/// One job position offered in the picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionOption {
    /// The Personio position (`job_position_id`).
    pub id: PositionId,
    /// The position's name.
    pub name: String,
    /// Department, office, … shown under the name and searched too.
    pub detail: String,
}

impl PositionOption {
    /// The options for Personio's published positions: detail is "department · office · subcompany" (what is
    /// known); positions with an id that is not a valid `job_position_id` (not positive) are left out.
    pub fn from_positions(positions: &[Position]) -> Vec<PositionOption> {
        positions
            .iter()
            .filter(|p| p.id.is_valid())
            .map(|p| {
                let detail = [&p.department, &p.office, &p.subcompany]
                    .into_iter()
                    .flatten()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                PositionOption {
                    id: p.id,
                    name: p.name.clone(),
                    detail,
                }
            })
            .collect()
    }
}

/// Lower-cases `text` and strips accents from Latin letters (`É` → `e`, `ß` → `ss`), for searching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            // Combining marks (text typed in decomposed form).
            '\u{300}'..='\u{36f}' => "",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(base);
    }
    out
}

/// True when every word of `query` occurs in the option's name or detail (ignoring case and accents).
pub fn matches(option: &PositionOption, query: &str) -> bool {
    let haystack = fold(&format!("{} {}", option.name, option.detail));
    fold(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// The options matching `query`, in their original order (all of them for an empty query).
pub fn filter(options: &[PositionOption], query: &str) -> Vec<PositionOption> {
    options
        .iter()
        .filter(|o| matches(o, query))
        .cloned()
        .collect()
}

/// The searchable job position dropdown.
///
/// Renders a labelled combobox input, its listbox, a hidden `job_position_id` input with the committed id, and
/// status lines for loading, errors and "no positions match".
#[component]
pub fn PositionPicker(
    /// The positions to offer.
    #[prop(into)]
    positions: Signal<Vec<PositionOption>>,
    /// The committed position id; written when the recruiter picks, cleared when the input is emptied.
    selected: RwSignal<Option<PositionId>>,
    /// Positions the candidate already applied to, with the stage label of each: marked in the list.
    #[prop(optional, into)]
    applied: Signal<Vec<(PositionId, String)>>,
    /// True while the positions are being loaded.
    #[prop(optional, into)]
    loading: Signal<bool>,
    /// Why the positions could not be loaded, already localised.
    #[prop(optional, into)]
    load_error: MaybeProp<String>,
    /// A validation or server message for the field (e.g. `valPositionRequired`).
    #[prop(optional, into)]
    error: MaybeProp<FieldMessage>,
    /// Prefix of the element ids (change it when two pickers share a page).
    #[prop(default = "position")]
    id: &'static str,
    /// The combobox input, for a parent that moves the focus to it.
    #[prop(optional)]
    input_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let input_id = format!("{id}-input");
    let listbox_id = format!("{id}-listbox");
    let option_id = move |position: PositionId| format!("{id}-option-{position}");

    let name_of = move |position: Option<PositionId>| {
        position.and_then(|p| {
            positions.with(|all| all.iter().find(|o| o.id == p).map(|o| o.name.clone()))
        })
    };
    // What the recruiter typed since the last pick; `None` shows the picked position's name (which also appears
    // when the positions arrive after a restored selection). The filter only follows typing, so reopening after
    // a pick shows every position again.
    let typed = RwSignal::new(None::<String>);
    let text = move || {
        typed
            .get()
            .or_else(|| name_of(selected.get()))
            .unwrap_or_default()
    };
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let shown = Memo::new(move |_| positions.with(|all| filter(all, &query.get())));

    let active_option = move || {
        active
            .get()
            .and_then(|i| shown.with(|s| s.get(i).map(|o| o.id)))
    };
    // Keep the active option visible in a scrolled list.
    Effect::new(move |_| {
        if let Some(element) =
            active_option().and_then(|p| document().get_element_by_id(&option_id(p)))
        {
            element.scroll_into_view_with_bool(false);
        }
    });

    let open_list = move |at_end: bool| {
        let len = shown.with_untracked(Vec::len);
        let current = selected
            .get_untracked()
            .and_then(|p| shown.with_untracked(|s| s.iter().position(|o| o.id == p)));
        open.set(true);
        active.set(if len == 0 {
            None
        } else if at_end {
            Some(len - 1)
        } else {
            Some(current.unwrap_or(0))
        });
    };
    let close = move || {
        open.set(false);
        active.set(None);
    };
    let pick = move |option: PositionOption| {
        selected.set(Some(option.id));
        typed.set(None);
        query.set(String::new());
        close();
    };

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if value.trim().is_empty() {
            selected.set(None);
        }
        typed.set(Some(value.clone()));
        query.set(value);
        open.set(true);
        active.set(if shown.with_untracked(Vec::is_empty) {
            None
        } else {
            Some(0)
        });
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let len = shown.with_untracked(Vec::len);
        let is_open = open.get_untracked();
        let last = len.saturating_sub(1);
        match ev.key().as_str() {
            "ArrowDown" if !is_open || ev.alt_key() => open_list(false),
            "ArrowDown" => {
                active.update(|a| *a = (len > 0).then(|| a.map_or(0, |i| (i + 1).min(last))))
            }
            "ArrowUp" if !is_open => open_list(true),
            "ArrowUp" => {
                active.update(|a| *a = (len > 0).then(|| a.map_or(last, |i| i.saturating_sub(1))))
            }
            "Home" if is_open && len > 0 => active.set(Some(0)),
            "End" if is_open && len > 0 => active.set(Some(last)),
            "Enter" if is_open => {
                if let Some(option) = active
                    .get_untracked()
                    .and_then(|i| shown.with_untracked(|s| s.get(i).cloned()))
                {
                    pick(option);
                }
            }
            // Handled here only: Chrome closes an extension popup on an Escape the page leaves unhandled
            // (default not prevented), so an open list closes and the popup stays; with the list closed,
            // Escape closes the popup as usual.
            "Escape" if is_open => {
                close();
                ev.stop_propagation();
            }
            _ => return,
        }
        ev.prevent_default();
    };
    let on_blur = move |_| {
        close();
        query.set(String::new());
        typed.set(None);
    };

    let described_by = {
        let input_id = input_id.clone();
        move || {
            let mut ids = vec![format!("{id}-status")];
            if error.get().is_some() {
                ids.push(error_id(&input_id));
            }
            ids.join(" ")
        }
    };

    view! {
        <div class="field position-picker">
            <label for=input_id.clone() id=format!("{id}-label")>{t("posLabel")}</label>
            <div class="combobox">
                <input
                    id=input_id.clone()
                    node_ref=input_ref
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-required="true"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=listbox_id.clone()
                    aria-activedescendant=move || active_option().map(option_id)
                    aria-describedby=described_by
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-busy=move || loading.get().then_some("true")
                    placeholder=t("posPlaceholder")
                    data-value=move || selected.get().map(|p| p.to_string())
                    prop:value=text
                    on:input=on_input
                    on:keydown=on_keydown
                    on:blur=on_blur
                    on:click=move |_| {
                        if !open.get_untracked() {
                            open_list(false)
                        }
                    }
                />
                <ul
                    id=listbox_id.clone()
                    role="listbox"
                    class="listbox"
                    aria-labelledby=format!("{id}-label")
                    hidden=move || !open.get() || shown.with(Vec::is_empty)
                >
                    {move || {
                        shown
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, option)| {
                                let position = option.id;
                                let picked = option.clone();
                                let applied_stage = applied.with(|a| {
                                    a.iter().find(|(p, _)| *p == position).map(|(_, stage)| stage.clone())
                                });
                                let is_applied = applied_stage.is_some();
                                view! {
                                    <li
                                        id=option_id(position)
                                        role="option"
                                        class="option"
                                        class:active=move || active.get() == Some(index)
                                        aria-selected=move || (selected.get() == Some(position)).to_string()
                                        data-value=position.to_string()
                                        data-applied=is_applied.then_some("true")
                                        // Keep the focus in the input: the click below picks.
                                        on:mousedown=|ev| ev.prevent_default()
                                        on:click=move |_| pick(picked.clone())
                                    >
                                        <span class="option-name">{option.name}</span>
                                        <span class="option-detail">{option.detail}</span>
                                        {applied_stage.map(|stage| view! {
                                            <span class="option-applied">{t_with("posApplied", &[&stage])}</span>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
            <input
                type="hidden"
                name="job_position_id"
                prop:value=move || selected.get().map(|p| p.to_string()).unwrap_or_default()
            />
            <p id=format!("{id}-status") class="position-status" role="status">
                {move || {
                    if loading.get() {
                        Some(t("posLoading"))
                    } else if open.get() && shown.with(Vec::is_empty) && !positions.with(Vec::is_empty) {
                        Some(t("posNoMatch"))
                    } else if !loading.get() && load_error.get().is_none() && positions.with(Vec::is_empty) {
                        Some(t("posNone"))
                    } else if open.get() {
                        Some(t_with("posCount", &[&shown.with(Vec::len).to_string()]))
                    } else {
                        None
                    }
                }}
            </p>
            {move || load_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <FieldError input_id=input_id.clone() message=Signal::derive(move || error.get()) />
        </div>
    }
}
