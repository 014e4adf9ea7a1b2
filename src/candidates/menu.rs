//! An accessible menu button (WAI-ARIA menu button pattern): a `<button aria-haspopup="menu">` that opens a
//! `role="menu"` list of `role="menuitem"` entries. Enter, Space or ArrowDown open it on the first item,
//! ArrowUp on the last; ArrowUp / ArrowDown / Home / End move between items; Escape closes it and returns the
//! focus to the button; Tab or a click elsewhere closes it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a menu item does.
#[derive(Clone)]
pub enum MenuAction {
    /// Navigates to a URL (a link).
    Link(String),
    /// Runs a callback with the id of the menu button (so a dialog can return the focus to it).
    Run(Callback<String>),
}

/// One entry of an [`ActionMenu`].
#[derive(Clone)]
pub struct MenuItem {
    /// Stable name of the action (`data-action`), e.g. `export`.
    pub action: &'static str,
    /// Visible label.
    pub label: String,
    /// What it does.
    pub on_select: MenuAction,
}

fn items_of(menu: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=\"menuitem\"]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn focus_button(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A menu button with its menu.
#[component]
pub fn ActionMenu(
    /// Unique id prefix: the button is `{id}-button`, the menu `{id}-menu`.
    #[prop(into)]
    id: String,
    /// Visible text of the button.
    #[prop(into)]
    label: String,
    /// Accessible name of the button (e.g. "Actions for Maren Okafor").
    #[prop(into)]
    aria_label: String,
    /// The entries, in order.
    items: Vec<MenuItem>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let menu_ref = NodeRef::<leptos::html::Ul>::new();
    let container = NodeRef::<leptos::html::Div>::new();
    let button_id = format!("{id}-button");
    let menu_id = format!("{id}-menu");

    let focus_item = move |index: Option<usize>, from_end: bool| {
        if let Some(menu) = menu_ref.get_untracked() {
            let items = items_of(&menu);
            if items.is_empty() {
                return;
            }
            let i = index.unwrap_or(if from_end { items.len() - 1 } else { 0 });
            let _ = items[i.min(items.len() - 1)].focus();
        }
    };
    let open_at = move |from_end: bool| {
        open.set(true);
        // The menu is shown in this tick; focus once it is rendered.
        request_animation_frame(move || focus_item(None, from_end));
    };
    let close = {
        let button_id = button_id.clone();
        move |refocus: bool| {
            open.set(false);
            if refocus {
                focus_button(&button_id);
            }
        }
    };

    let on_button_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            open_at(false);
        }
        "ArrowUp" => {
            ev.prevent_default();
            open_at(true);
        }
        "Escape" if open.get_untracked() => {
            ev.prevent_default();
            open.set(false);
        }
        _ => {}
    };
    let on_menu_key = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let Some(menu) = menu_ref.get_untracked() else {
                return;
            };
            let items = items_of(&menu);
            let current = document().active_element().and_then(|a| {
                items
                    .iter()
                    .position(|i| *i.unchecked_ref::<web_sys::Element>() == a)
            });
            let len = items.len();
            match ev.key().as_str() {
                "ArrowDown" => focus_item(Some(current.map_or(0, |c| (c + 1) % len)), false),
                "ArrowUp" => {
                    focus_item(Some(current.map_or(len - 1, |c| (c + len - 1) % len)), true)
                }
                "Home" => focus_item(Some(0), false),
                "End" => focus_item(None, true),
                "Escape" => close(true),
                "Tab" => {
                    close(false);
                    return;
                }
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        let inside = match (container.get_untracked(), ev.related_target()) {
            (Some(c), Some(target)) => target
                .dyn_ref::<web_sys::Node>()
                .is_some_and(|n| c.contains(Some(n))),
            _ => false,
        };
        if !inside {
            open.set(false);
        }
    };

    let entries = items
        .into_iter()
        .map(|item| {
            let close = close.clone();
            let button_id = button_id.clone();
            match item.on_select {
                MenuAction::Link(href) => view! {
                    <li role="none">
                        <a role="menuitem" tabindex="-1" href=href data-action=item.action>{item.label}</a>
                    </li>
                }
                .into_any(),
                MenuAction::Run(callback) => view! {
                    <li role="none">
                        <button
                            type="button"
                            role="menuitem"
                            tabindex="-1"
                            data-action=item.action
                            on:click=move |_| {
                                close(false);
                                callback.run(button_id.clone());
                            }
                        >
                            {item.label}
                        </button>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();

    view! {
        <div class="menu" node_ref=container on:focusout=on_focus_out>
            <button
                type="button"
                class="menu-button"
                id=button_id.clone()
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=menu_id.clone()
                aria-label=aria_label
                on:click=move |_| {
                    if open.get_untracked() {
                        open.set(false);
                    } else {
                        open_at(false);
                    }
                }
                on:keydown=on_button_key
            >
                {label}
                <span aria-hidden="true">" ▾"</span>
            </button>
            <ul
                id=menu_id.clone()
                role="menu"
                class="menu-list"
                aria-labelledby=button_id.clone()
                hidden=move || !open.get()
                node_ref=menu_ref
                on:keydown=on_menu_key
            >
                {entries}
            </ul>
        </div>
    }
}
