//! The form's two tabs (Candidate, Documents) as WAI-ARIA tabs, and its keyboard shortcuts. The selected tab
//! is shared through context ([`Tabs`]); focus moves to a tab's button through its `NodeRef`.

use leptos::html;
use leptos::prelude::*;
use webext::i18n::t;

/// The selected tab and the tab buttons, provided as context by the form.
#[derive(Clone, Copy)]
pub struct Tabs {
    /// 0: Candidate, 1: Documents.
    pub selected: RwSignal<u8>,
    buttons: [NodeRef<html::Button>; 2],
}

impl Tabs {
    /// The Candidate tab selected.
    pub fn new() -> Self {
        Tabs {
            selected: RwSignal::new(0),
            buttons: [NodeRef::new(), NodeRef::new()],
        }
    }

    /// Shows tab `index` and moves the focus to its tab button.
    pub fn select(self, index: u8) {
        self.selected.set(index);
        if let Some(button) = self
            .buttons
            .get(usize::from(index))
            .and_then(|b| b.get_untracked())
        {
            let _ = button.focus();
        }
    }

    /// True while tab `index` is shown.
    pub fn shows(self, index: u8) -> bool {
        self.selected.get() == index
    }
}

impl Default for Tabs {
    fn default() -> Self {
        Tabs::new()
    }
}

/// A keyboard shortcut of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Ctrl+Enter, Cmd+Enter on macOS: "Create application".
    Create,
    /// Alt+1 / Alt+2: that tab.
    Tab(u8),
}

impl Shortcut {
    /// The shortcut of a key press, if any. Alt+digit is read from the key's position (`code`), since on
    /// macOS Option+1 types "¡".
    pub fn of(ev: &web_sys::KeyboardEvent) -> Option<Shortcut> {
        let (ctrl, meta, alt, shift) = (ev.ctrl_key(), ev.meta_key(), ev.alt_key(), ev.shift_key());
        if ev.key() == "Enter" && (ctrl || meta) && !alt && !shift {
            return Some(Shortcut::Create);
        }
        if alt && !ctrl && !meta && !shift {
            return match ev.code().as_str() {
                "Digit1" | "Numpad1" => Some(Shortcut::Tab(0)),
                "Digit2" | "Numpad2" => Some(Shortcut::Tab(1)),
                _ => None,
            };
        }
        None
    }
}

/// The tab list; the Documents tab counts the attached files. Reads [`Tabs`] from context.
#[component]
pub fn TabList(
    /// How many files are attached.
    #[prop(into)]
    documents: Signal<usize>,
) -> impl IntoView {
    let tabs = expect_context::<Tabs>();
    let [candidate, files] = tabs.buttons;
    view! {
        <div class="tabs" role="tablist" aria-label=t("formSections") on:keydown=move |ev: web_sys::KeyboardEvent| {
            // WAI-ARIA tabs: arrows move between tabs (only the selected tab is in the Tab order).
            let next = match ev.key().as_str() {
                "ArrowRight" | "ArrowLeft" => 1 - tabs.selected.get_untracked(),
                "Home" => 0,
                "End" => 1,
                _ => return,
            };
            ev.prevent_default();
            tabs.select(next);
        }>
            <button type="button" role="tab" id="tab-candidate" aria-controls="panel-candidate" node_ref=candidate
                aria-selected=move || tabs.shows(0).to_string()
                tabindex=move || if tabs.shows(0) { "0" } else { "-1" }
                on:click=move |_| tabs.selected.set(0)>{t("tabCandidate")}</button>
            <button type="button" role="tab" id="tab-documents" aria-controls="panel-documents" node_ref=files
                aria-selected=move || tabs.shows(1).to_string()
                tabindex=move || if tabs.shows(1) { "0" } else { "-1" }
                on:click=move |_| tabs.selected.set(1)>
                {t("tabDocuments")} {move || {
                    let n = documents.get();
                    (n > 0).then(|| format!(" ({n})"))
                }}
            </button>
        </div>
    }
}
