//! Thin helpers over the parsed markup ([`super::markup`]): the selector table's CSS strings compiled once
//! and cached, selector lists tried in order, ancestors, attributes. No LinkedIn knowledge lives here.

use super::markup::{Element, Selector};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// Hashes the (address, length) keys of the caches: the CSS strings are `'static`, so their address
/// identifies their text and a lookup costs a multiplication instead of hashing the text.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type Cache = HashMap<(usize, usize), Option<Rc<Selector>>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// Compiled selectors by the address of their CSS text.
    static ONE: RefCell<Cache> = RefCell::new(Cache::default());
    /// Compiled selector lists (the union of a table entry) by the address of the list.
    static LISTS: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Compiles one CSS selector of the table (cached); `None` when it does not compile (the selector table
/// is tested to compile).
pub fn selector(css: &'static str) -> Option<Rc<Selector>> {
    let key = (css.as_ptr() as usize, css.len());
    ONE.with(|cache| {
        if let Some(hit) = cache.borrow().get(&key) {
            return hit.clone();
        }
        let compiled = Selector::parse(css).ok().map(Rc::new);
        cache.borrow_mut().insert(key, compiled.clone());
        compiled
    })
}

/// The selectors of `css` as one list (matches any of them), cached.
pub fn list(css: &'static [&'static str]) -> Option<Rc<Selector>> {
    let key = (css.as_ptr() as usize, css.len());
    LISTS.with(|cache| {
        if let Some(hit) = cache.borrow().get(&key) {
            return hit.clone();
        }
        let parts: Vec<Rc<Selector>> = css.iter().filter_map(|c| selector(c)).collect();
        let compiled =
            (!parts.is_empty()).then(|| Rc::new(Selector::union(parts.iter().map(|p| &**p))));
        cache.borrow_mut().insert(key, compiled.clone());
        compiled
    })
}

/// Every element under `root` (root excluded) matching any of `css` (a list tried in order), in
/// document order per selector, without duplicates.
pub fn select_all<'a>(root: Element<'a>, css: &'static [&'static str]) -> Vec<Element<'a>> {
    let mut out: Vec<Element<'a>> = Vec::new();
    for (i, sel) in css.iter().filter_map(|c| selector(c)).enumerate() {
        for el in root.select(&sel) {
            if i == 0 || !out.contains(&el) {
                out.push(el);
            }
        }
    }
    out
}

/// Every element under `root` matching the one selector `css`, in document order.
pub fn select<'a>(root: Element<'a>, css: &'static str) -> Vec<Element<'a>> {
    match selector(css) {
        Some(sel) => root.select(&sel).collect(),
        None => Vec::new(),
    }
}

/// True when some element under `root` matches the one selector `css` (stops at the first).
pub fn any(root: Element<'_>, css: &'static str) -> bool {
    selector(css).is_some_and(|sel| root.select(&sel).next().is_some())
}

/// The first element under `root` matching the first selector of `css` that matches anything.
pub fn first<'a>(root: Element<'a>, css: &'static [&'static str]) -> Option<Element<'a>> {
    css.iter()
        .filter_map(|c| selector(c))
        .find_map(|sel| root.select(&sel).next())
}

/// The first element under `root`, in document order, matching any of `css` (one traversal; use when
/// the list's order carries no priority).
pub fn first_of_any<'a>(root: Element<'a>, css: &'static [&'static str]) -> Option<Element<'a>> {
    let sel = list(css)?;
    let found = root.select(&sel).next();
    found
}

/// Every element under `root`, in document order, matching any of `css` (one traversal).
pub fn all_of_any<'a>(root: Element<'a>, css: &'static [&'static str]) -> Vec<Element<'a>> {
    match list(css) {
        Some(sel) => root.select(&sel).collect(),
        None => Vec::new(),
    }
}

/// True when `el` matches `css`.
pub fn matches(el: Element<'_>, css: &'static str) -> bool {
    selector(css).is_some_and(|s| s.matches(el))
}

/// True when `el` matches any of `css`.
pub fn matches_any(el: Element<'_>, css: &'static [&'static str]) -> bool {
    list(css).is_some_and(|s| s.matches(el))
}

/// The nearest ancestor (or `el` itself) with tag `tag`.
pub fn closest<'a>(el: Element<'a>, tag: &str) -> Option<Element<'a>> {
    std::iter::once(el)
        .chain(el.ancestors())
        .find(|e| e.name() == tag)
}

/// True when `inner` is `outer` or lies inside it.
pub fn is_within(inner: Element<'_>, outer: Element<'_>) -> bool {
    outer.contains(inner)
}

/// True when `aria-hidden="true"`.
pub fn is_aria_hidden(el: Element<'_>) -> bool {
    el.attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// The element's previous and next element siblings.
pub fn adjacent_elements<'a>(el: Element<'a>) -> [Option<Element<'a>>; 2] {
    [el.prev_sibling_element(), el.next_sibling_element()]
}
