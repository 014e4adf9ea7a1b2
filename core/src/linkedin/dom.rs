//! Thin helpers over the parsed markup (`scraper`): compiling the selector table's CSS strings, trying
//! selector lists in order, walking ancestors and reading attributes. No LinkedIn knowledge lives here.

use scraper::{ElementRef, Html, Selector};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Compiled selectors by CSS text: the same few dozen selectors are used thousands of times per page.
    static COMPILED: RefCell<HashMap<String, Option<Selector>>> = RefCell::new(HashMap::new());
}

/// Compiles one CSS selector (cached; a clone is a reference-count increment); `None` when it does not
/// parse (the selector table is tested to compile).
pub fn selector(css: &str) -> Option<Selector> {
    COMPILED.with(|cache| {
        if let Some(hit) = cache.borrow().get(css) {
            return hit.clone();
        }
        let compiled = Selector::parse(css).ok();
        cache.borrow_mut().insert(css.to_string(), compiled.clone());
        compiled
    })
}

/// Every element under `root` (root excluded) matching any of `css` (a list tried in order), in
/// document order per selector, without duplicates.
pub fn select_all<'a>(root: ElementRef<'a>, css: &[&str]) -> Vec<ElementRef<'a>> {
    let mut out: Vec<ElementRef<'a>> = Vec::new();
    for sel in css.iter().filter_map(|c| selector(c)) {
        for el in root.select(&sel) {
            if !out.iter().any(|e| e.id() == el.id()) {
                out.push(el);
            }
        }
    }
    out
}

/// The first element under `root` matching the first selector of `css` that matches anything.
pub fn first<'a>(root: ElementRef<'a>, css: &[&str]) -> Option<ElementRef<'a>> {
    css.iter()
        .filter_map(|c| selector(c))
        .find_map(|sel| root.select(&sel).next())
}

/// The first element under `root`, in document order, matching any of `css` (one traversal; use when
/// the list's order carries no priority).
pub fn first_of_any<'a>(root: ElementRef<'a>, css: &[&str]) -> Option<ElementRef<'a>> {
    let sel = selector(&css.join(", "))?;
    root.select(&sel).next()
}

/// Every element under `root`, in document order, matching any of `css` (one traversal).
pub fn all_of_any<'a>(root: ElementRef<'a>, css: &[&str]) -> Vec<ElementRef<'a>> {
    match selector(&css.join(", ")) {
        Some(sel) => root.select(&sel).collect(),
        None => Vec::new(),
    }
}

/// Every element of the whole document matching `css`.
pub fn select_doc<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    match selector(css) {
        Some(sel) => doc.select(&sel).collect(),
        None => Vec::new(),
    }
}

/// True when `el` matches `css`.
pub fn matches(el: ElementRef<'_>, css: &str) -> bool {
    selector(css).is_some_and(|s| s.matches(&el))
}

/// The element ancestors of `el` (nearest first), excluding `el`.
pub fn ancestors<'a>(el: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    el.ancestors().filter_map(ElementRef::wrap)
}

/// The nearest ancestor (or `el` itself) with tag `tag`.
pub fn closest<'a>(el: ElementRef<'a>, tag: &str) -> Option<ElementRef<'a>> {
    std::iter::once(el)
        .chain(ancestors(el))
        .find(|e| e.value().name() == tag)
}

/// True when `inner` is `outer` or lies inside it.
pub fn is_within(inner: ElementRef<'_>, outer: ElementRef<'_>) -> bool {
    inner.id() == outer.id() || ancestors(inner).any(|a| a.id() == outer.id())
}

/// True when the element's `class` attribute contains `class` as a whole word.
pub fn has_class(el: ElementRef<'_>, class: &str) -> bool {
    el.value()
        .attr("class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == class))
}

/// True when `aria-hidden="true"`.
pub fn is_aria_hidden(el: ElementRef<'_>) -> bool {
    el.value()
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// The element's previous and next element siblings.
pub fn adjacent_elements<'a>(el: ElementRef<'a>) -> [Option<ElementRef<'a>>; 2] {
    let prev = el.prev_siblings().find_map(ElementRef::wrap);
    let next = el.next_siblings().find_map(ElementRef::wrap);
    [prev, next]
}
