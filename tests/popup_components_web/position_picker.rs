//! The position combobox: folding search, options from Personio positions, keyboard and mouse picks,
//! loading and load errors, Escape only while the list is open, and axe.

use super::common::{
    attr, axe_violations, click, find, find_all, input, load_axe, mount, press, texts, type_into,
};
use leptos::prelude::*;
use popup::components::position_picker::{filter, fold, PositionOption, PositionPicker};
use sourcing_core::personio::PositionId;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

fn positions() -> Vec<PositionOption> {
    vec![
        PositionOption {
            id: PositionId(11),
            name: "Backend Engineer (Rust)".into(),
            detail: "Engineering · Berlin".into(),
        },
        PositionOption {
            id: PositionId(22),
            name: "Ingénieure logiciel".into(),
            detail: "R&D · Lyon".into(),
        },
        PositionOption {
            id: PositionId(33),
            name: "Office Manager".into(),
            detail: "Operations · München".into(),
        },
    ]
}

fn mount_picker(selected: RwSignal<Option<PositionId>>) -> HtmlElement {
    mount(
        move || view! { <PositionPicker positions=Signal::stored(positions()) selected=selected /> },
    )
}

fn option_values(root: &Element) -> Vec<String> {
    find_all(root, "[role='option']")
        .iter()
        .filter_map(|o| attr(o, "data-value"))
        .collect()
}

#[wasm_bindgen_test]
fn search_folds_case_and_accents() {
    assert_eq!(
        fold("Ingénieure MÜNCHEN Straße"),
        "ingenieure munchen strasse"
    );
    let ids = |q: &str| {
        filter(&positions(), q)
            .iter()
            .map(|p| p.id.get())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(""), vec![11, 22, 33]);
    assert_eq!(ids("INGENIEURE"), vec![22]);
    assert_eq!(ids("munchen"), vec![33], "matches the detail");
    assert_eq!(ids("engineer berlin"), vec![11], "every word must match");
    assert_eq!(ids("lyon backend"), Vec::<i64>::new());
}

#[wasm_bindgen_test]
fn options_are_built_from_personio_positions() {
    use sourcing_core::personio::Position;
    let position = |id: i64, name: &str, department: Option<&str>, office: Option<&str>| Position {
        id: PositionId(id),
        name: name.into(),
        department: department.map(Into::into),
        office: office.map(Into::into),
        subcompany: None,
        category: None,
    };
    let options = PositionOption::from_positions(&[
        position(7, "Backend Engineer", Some("Engineering"), Some("Berlin")),
        position(8, "Recruiter", None, Some(" München ")),
        position(-1, "Broken", None, None),
    ]);
    assert_eq!(
        options,
        vec![
            PositionOption {
                id: PositionId(7),
                name: "Backend Engineer".into(),
                detail: "Engineering · Berlin".into()
            },
            PositionOption {
                id: PositionId(8),
                name: "Recruiter".into(),
                detail: "München".into()
            },
        ]
    );
}

#[wasm_bindgen_test]
async fn the_combobox_is_labelled_and_filters_as_the_recruiter_types() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    let label = find(&root, "label");
    assert_eq!(attr(&label, "for").as_deref(), Some(combo.id().as_str()));
    let listbox = find(&root, "[role='listbox']");
    assert_eq!(attr(&combo, "aria-controls"), Some(listbox.id()));
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    assert!(root
        .query_selector("input[type='hidden'][name='job_position_id']")
        .unwrap()
        .is_some());

    type_into(&combo, "ingenieure");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(option_values(&root), vec!["22"]);
    assert_eq!(
        attr(&combo, "aria-activedescendant"),
        Some("position-option-22".into())
    );

    type_into(&combo, "MÜNCHEN");
    leptos::task::tick().await;
    assert_eq!(option_values(&root), vec!["33"]);

    type_into(&combo, "Sales Paris");
    leptos::task::tick().await;
    assert!(option_values(&root).is_empty());
    assert!(find(&root, "[role='status']")
        .text_content()
        .unwrap()
        .contains("posNoMatch"));
    assert_eq!(attr(&combo, "aria-activedescendant"), None);
    assert_eq!(selected.get_untracked(), None, "typing alone picks nothing");
}

#[wasm_bindgen_test]
async fn arrows_home_end_and_enter_pick_a_position() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo: Element = find(&root, "[role='combobox']");
    let active = || attr(&combo, "aria-activedescendant").unwrap_or_default();

    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(option_values(&root), vec!["11", "22", "33"]);
    assert_eq!(active(), "position-option-11");
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-22");
    press(&combo, "End");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-33");
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-33", "stays on the last option");
    press(&combo, "Home");
    leptos::task::tick().await;
    assert_eq!(active(), "position-option-11");
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    let option = find(&root, "#position-option-22");
    assert!(option.class_list().contains("active"));

    press(&combo, "Enter");
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), Some(PositionId(22)));
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        combo.unchecked_ref::<HtmlInputElement>().value(),
        "Ingénieure logiciel"
    );
    assert_eq!(attr(&combo, "data-value").as_deref(), Some("22"));
    assert_eq!(input(&root, "[name='job_position_id']").value(), "22");

    // Reopening shows every position again, starting at the one picked; Escape closes without changing it.
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(option_values(&root).len(), 3);
    assert_eq!(active(), "position-option-22");
    assert_eq!(
        attr(&find(&root, "#position-option-22"), "aria-selected").as_deref(),
        Some("true")
    );
    press(&combo, "Escape");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(selected.get_untracked(), Some(PositionId(22)));
}

#[wasm_bindgen_test]
async fn a_click_picks_and_emptying_the_input_clears_the_pick() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    type_into(&combo, "office");
    leptos::task::tick().await;
    click(&find(&root, "#position-option-33"));
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), Some(PositionId(33)));
    assert_eq!(combo.value(), "Office Manager");
    type_into(&combo, "");
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked(), None);
    assert_eq!(input(&root, "[name='job_position_id']").value(), "");
}

#[wasm_bindgen_test]
async fn loading_and_load_errors_are_shown() {
    let loading = RwSignal::new(true);
    let load_error = RwSignal::new(None::<String>);
    let list = RwSignal::new(Vec::<PositionOption>::new());
    let selected = RwSignal::new(Some(PositionId(22)));
    let root = mount(move || {
        view! { <PositionPicker positions=list selected=selected loading=loading load_error=load_error /> }
    });
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    assert!(find(&root, "[role='status']")
        .text_content()
        .unwrap()
        .contains("posLoading"));
    assert_eq!(attr(&combo, "aria-busy").as_deref(), Some("true"));

    // The positions arrive after the restored selection: its name shows up.
    list.set(positions());
    loading.set(false);
    leptos::task::tick().await;
    assert_eq!(combo.value(), "Ingénieure logiciel");
    assert_eq!(attr(&combo, "aria-busy"), None);

    load_error.set(Some("Personio did not answer".into()));
    leptos::task::tick().await;
    assert!(texts(&root, "[role='alert']")
        .iter()
        .any(|t| t == "Personio did not answer"));
}

#[wasm_bindgen_test]
async fn axe_finds_nothing_in_the_open_position_picker_with_an_error() {
    load_axe();
    let selected = RwSignal::new(Some(PositionId(22)));
    let error = popup::components::field_error::FieldMessage::Key("valPositionRequired");
    let root = mount(move || {
        view! { <PositionPicker positions=Signal::stored(positions()) selected=selected error=error /> }
    });
    leptos::task::tick().await;
    let combo = find(&root, "[role='combobox']");
    combo.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    let violations = axe_violations(&root).await;
    assert!(violations.is_empty(), "{violations:#?}");
}

#[wasm_bindgen_test]
async fn escape_is_handled_only_while_the_list_is_open() {
    let selected = RwSignal::new(None);
    let root = mount_picker(selected);
    leptos::task::tick().await;
    let combo = input(&root, "[role='combobox']");
    let escape = || {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init.set_cancelable(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    press(&combo, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("true"));
    // Chrome closes an extension popup on an Escape whose default is not prevented.
    let open_escape = escape();
    combo.dispatch_event(&open_escape).unwrap();
    leptos::task::tick().await;
    assert!(
        open_escape.default_prevented(),
        "an open list takes the Escape"
    );
    assert_eq!(attr(&combo, "aria-expanded").as_deref(), Some("false"));
    let closed_escape = escape();
    combo.dispatch_event(&closed_escape).unwrap();
    assert!(
        !closed_escape.default_prevented(),
        "with the list closed, Escape is left to the browser (it closes the popup)"
    );
}
