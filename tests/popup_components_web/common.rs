//! Helpers shared by the component tests: mounting, finding, typing and pressing keys, waiting for the
//! view to settle, and axe-core with the popup stylesheet.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn mount<F, V>(view: F) -> HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), view).forget();
    root
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    find_all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

pub fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

pub fn input(root: &Element, selector: &str) -> HtmlInputElement {
    find(root, selector).unchecked_into()
}

pub fn dispatch(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

pub fn type_into(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    dispatch(field, "input");
}

pub fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

pub fn click(target: &Element) {
    target.unchecked_ref::<HtmlElement>().click();
}

/// Lets effects run and pending promises (file reads) settle until `done` holds (at most about 2 s).
pub async fn settle(done: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if done() {
            return;
        }
        webext::timer::sleep(10).await;
    }
    panic!("the condition never held");
}

//
// axe-core comes from `node_modules/` (`cargo xtask` installs it, see package.json) and runs against each
// component in its busiest state, styled with the popup's stylesheet (so colour contrast is checked too).
// The page-level `region` rule is off: components are mounted outside the popup's landmarks here.

pub const AXE_SOURCE: &str = include_str!("../../node_modules/axe-core/axe.min.js");

pub fn axe() -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &"axe".into())
        .ok()
        .filter(|a| !a.is_undefined())
}

/// Injects axe-core and the popup stylesheet once per page.
pub fn load_axe() -> wasm_bindgen::JsValue {
    if let Some(axe) = axe() {
        return axe;
    }
    let doc = document();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../../static/popup.css")));
    doc.head().unwrap().append_child(&style).unwrap();
    let script = doc.create_element("script").unwrap();
    script.set_text_content(Some(AXE_SOURCE));
    doc.head().unwrap().append_child(&script).unwrap();
    axe().expect("axe-core did not load")
}

/// The axe violations inside `root`, each as `rule id: html of the first node`.
pub async fn axe_violations(root: &Element) -> Vec<String> {
    let axe = load_axe();
    let run: js_sys::Function = js_sys::Reflect::get(&axe, &"run".into())
        .unwrap()
        .unchecked_into();
    let options = js_sys::JSON::parse(r#"{"rules":{"region":{"enabled":false}}}"#).unwrap();
    let promise: js_sys::Promise = run.call2(&axe, root, &options).unwrap().unchecked_into();
    let result = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let violations: js_sys::Array = js_sys::Reflect::get(&result, &"violations".into())
        .unwrap()
        .unchecked_into();
    violations
        .iter()
        .map(|v| {
            let text = js_sys::JSON::stringify(&v)
                .unwrap()
                .as_string()
                .unwrap_or_default();
            text.chars().take(1200).collect()
        })
        .collect()
}
