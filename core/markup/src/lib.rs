//! The markup LinkedIn extraction reads: a compact arena tree of one HTML fragment, built by a small parser
//! for exactly what the extraction is handed (Chromium's `outerHTML`, i.e. the HTML fragment serialisation
//! algorithm), and a matcher for the CSS subset the selector table uses ([`select`]). The same code runs in
//! the worker and natively, so the fixture tests test the shipped path; it never panics on any input.
//!
//! A crate of its own so that it alone is built for speed (`opt-level = 3` in the release profile) while
//! the rest of the extension is built for size: parsing is most of an extraction's time.
//!
//! Nodes are stored in document order (pre-order), so "is inside" is a range check and the descendants of
//! an element are a contiguous slice: a selector scan over the whole page is a linear pass over an array.
//! No LinkedIn knowledge lives here.

mod parse;
pub mod select;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub use select::{Selector, SelectorError};

/// Index of a node in its [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

const NONE: u32 = u32::MAX;

/// A tag or attribute name as one document spells it ([`Document::name`]): compared as a number, so a walk
/// that looks for a few names in every element compares no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name(u32);

/// A byte range of the document's string buffer.
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    start: u32,
    len: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Element,
    Text,
}

#[derive(Clone, Debug)]
struct NodeData {
    kind: Kind,
    parent: u32,
    prev: u32,
    next: u32,
    first_child: u32,
    /// One past the last descendant (pre-order), so descendants are `id + 1 .. end`.
    end: u32,
    /// Text: the decoded text.
    span: Span,
    /// Element: index of its lower-case tag name in `Document::names`.
    name: u32,
    /// Element: its attributes in `Document::attrs[attr_start .. attr_start + attr_len]`.
    attr_start: u32,
    attr_len: u32,
}

#[derive(Clone, Copy, Debug)]
struct AttrData {
    /// Index of the lower-case name in `Document::names`.
    name: u32,
    value: Span,
}

/// One parsed fragment. Its root is a nameless element holding the fragment's top-level nodes.
#[derive(Clone, Debug)]
pub struct Document {
    nodes: Vec<NodeData>,
    attrs: Vec<AttrData>,
    /// Texts and attribute values.
    buf: String,
    /// Tag and attribute names, each once (a page uses a few hundred distinct names).
    names: Vec<Box<str>>,
    /// Index of each name in `names`.
    name_ids: HashMap<Box<str>, u32, BuildHasherDefault<NameHasher>>,
}

/// FNV-1a: names are a few bytes long, where it beats the default hasher several times over.
pub(crate) struct NameHasher(u64);

impl Default for NameHasher {
    fn default() -> Self {
        NameHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

impl Default for Document {
    /// The empty fragment (only its root).
    fn default() -> Self {
        Document::parse("")
    }
}

impl Document {
    /// Parses an HTML fragment (tolerant: unknown or broken markup never fails, it only parses loosely).
    pub fn parse(html: &str) -> Document {
        parse::parse(html)
    }

    /// The root element (nameless; its children are the fragment's top-level nodes).
    pub fn root(&self) -> Element<'_> {
        Element { doc: self, id: 0 }
    }

    /// Number of nodes (elements and texts), root included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document holds only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    fn str(&self, span: Span) -> &str {
        &self.buf[span.start as usize..(span.start + span.len) as usize]
    }

    /// The (lower-case) tag or attribute name `name`; `None` when no element of the document uses it.
    pub fn name(&self, name: &str) -> Option<Name> {
        self.name_id(name).map(Name)
    }

    /// The id of a (lower-case) tag or attribute name, if the document uses it at all.
    fn name_id(&self, name: &str) -> Option<u32> {
        self.name_ids.get(name).copied()
    }

    fn node(&self, id: u32) -> &NodeData {
        &self.nodes[id as usize]
    }

    fn element(&self, id: u32) -> Option<Element<'_>> {
        (id != NONE && self.node(id).kind == Kind::Element).then_some(Element { doc: self, id })
    }

    /// Every element (root excluded), in document order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'_>> {
        self.root().descendant_elements()
    }
}

/// A child of an element: an element or a text.
#[derive(Clone, Copy, Debug)]
pub enum Child<'a> {
    /// An element.
    Element(Element<'a>),
    /// A text (entities decoded).
    Text(&'a str),
}

/// A handle on one element of a [`Document`] (cheap to copy).
#[derive(Clone, Copy)]
pub struct Element<'a> {
    doc: &'a Document,
    id: u32,
}

impl std::fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}#{}>", self.name(), self.id)
    }
}

impl PartialEq for Element<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && std::ptr::eq(self.doc, other.doc)
    }
}

impl Eq for Element<'_> {}

impl<'a> Element<'a> {
    fn data(&self) -> &'a NodeData {
        self.doc.node(self.id)
    }

    /// The element's identity in its document.
    pub fn id(&self) -> NodeId {
        NodeId(self.id)
    }

    /// The document the element belongs to.
    pub fn document(&self) -> &'a Document {
        self.doc
    }

    /// The lower-case tag name (`""` for the root).
    pub fn name(&self) -> &'a str {
        &self.doc.names[self.data().name as usize]
    }

    /// The value of attribute `name` (lower case), entities decoded.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        let d = self.data();
        let doc = self.doc;
        for a in &doc.attrs[d.attr_start as usize..(d.attr_start + d.attr_len) as usize] {
            if *doc.names[a.name as usize] == *name {
                return Some(doc.str(a.value));
            }
        }
        None
    }

    /// The value of the attribute whose name has id `name` in the document.
    fn attr_by_id(&self, name: u32) -> Option<&'a str> {
        let d = self.data();
        let doc = self.doc;
        doc.attrs[d.attr_start as usize..(d.attr_start + d.attr_len) as usize]
            .iter()
            .find(|a| a.name == name)
            .map(|a| doc.str(a.value))
    }

    /// The attributes as (lower-case name, value), in source order.
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let doc = self.doc;
        self.named_attrs()
            .map(move |(name, value)| (&*doc.names[name.0 as usize], value))
    }

    /// The tag name as a [`Name`] of the document.
    pub fn tag(&self) -> Name {
        Name(self.data().name)
    }

    /// The attributes as ([`Name`], value), in source order.
    pub fn named_attrs(&self) -> impl Iterator<Item = (Name, &'a str)> + 'a {
        let d = self.data();
        let doc = self.doc;
        doc.attrs[d.attr_start as usize..(d.attr_start + d.attr_len) as usize]
            .iter()
            .map(move |a| (Name(a.name), doc.str(a.value)))
    }

    /// True when the `class` attribute holds `class` as a whole word.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == class))
    }

    /// The parent element (`None` for the root).
    pub fn parent(&self) -> Option<Element<'a>> {
        self.doc.element(self.data().parent)
    }

    /// The element ancestors, nearest first (the root included, `self` excluded).
    pub fn ancestors(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        std::iter::successors(self.parent(), |e| e.parent())
    }

    /// The child nodes in order.
    pub fn children(&self) -> impl Iterator<Item = Child<'a>> + 'a {
        let doc = self.doc;
        let first = self.data().first_child;
        std::iter::successors((first != NONE).then_some(first), move |&i| {
            let next = doc.node(i).next;
            (next != NONE).then_some(next)
        })
        .map(move |i| match doc.node(i).kind {
            Kind::Element => Child::Element(Element { doc, id: i }),
            Kind::Text => Child::Text(doc.str(doc.node(i).span)),
        })
    }

    /// The child elements in order.
    pub fn child_elements(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        self.children().filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    /// Every element inside `self` (`self` excluded), in document order.
    pub fn descendant_elements(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        let doc = self.doc;
        (self.id + 1..self.data().end).filter_map(move |i| doc.element(i))
    }

    /// Every text inside `self`, in document order (texts inside any element included).
    pub fn descendant_texts(&self) -> impl Iterator<Item = &'a str> + 'a {
        let doc = self.doc;
        (self.id + 1..self.data().end).filter_map(move |i| {
            let n = doc.node(i);
            (n.kind == Kind::Text).then(|| doc.str(n.span))
        })
    }

    /// The previous element sibling.
    pub fn prev_sibling_element(&self) -> Option<Element<'a>> {
        let mut i = self.data().prev;
        while i != NONE {
            if let Some(e) = self.doc.element(i) {
                return Some(e);
            }
            i = self.doc.node(i).prev;
        }
        None
    }

    /// The next element sibling.
    pub fn next_sibling_element(&self) -> Option<Element<'a>> {
        let mut i = self.data().next;
        while i != NONE {
            if let Some(e) = self.doc.element(i) {
                return Some(e);
            }
            i = self.doc.node(i).next;
        }
        None
    }

    /// True when `other` is `self` or lies inside it.
    pub fn contains(&self, other: Element<'_>) -> bool {
        other.id >= self.id && other.id < self.data().end
    }

    /// True when `self` starts after `other` and its whole subtree (document order).
    pub fn follows(&self, other: Element<'_>) -> bool {
        self.id >= other.data_end()
    }

    fn data_end(&self) -> u32 {
        self.data().end
    }

    /// Every element inside `self` matching `selector`, in document order. The selector is first bound to
    /// the document (names compared as numbers; an alternative naming what the document never uses is
    /// dropped before the scan).
    pub fn select<'s>(&self, selector: &'s Selector) -> impl Iterator<Item = Element<'a>> + 's
    where
        'a: 's,
    {
        let bound = selector.bind(self.doc);
        let range = if bound.is_empty() {
            0..0
        } else {
            self.id + 1..self.data().end
        };
        let doc = self.doc;
        range
            .filter_map(move |i| doc.element(i))
            .filter(move |e| bound.matches(*e))
    }

    /// True when `self` matches `selector`.
    pub fn matches(&self, selector: &Selector) -> bool {
        selector.matches(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(doc: &Document) -> Vec<&str> {
        doc.elements().map(|e| e.name()).collect()
    }

    #[test]
    fn the_empty_document_has_its_root() {
        let doc = Document::default();
        assert_eq!(doc.root().name(), "");
        assert!(doc.is_empty() && doc.elements().next().is_none());
    }

    #[test]
    fn builds_the_tree_in_document_order() {
        let doc = Document::parse(
            r#"<main id="m"><section class="a b"><h1>Ada &amp; Bo</h1><br><p>x<b>y</b>z</p></section><!-- c --><div hidden></div></main>"#,
        );
        assert_eq!(
            names(&doc),
            ["main", "section", "h1", "br", "p", "b", "div"]
        );
        let main = doc.root().child_elements().next().unwrap();
        assert_eq!(main.attr("id"), Some("m"));
        let section = main.child_elements().next().unwrap();
        assert!(section.has_class("b") && !section.has_class("a b"));
        let h1 = section.child_elements().next().unwrap();
        assert_eq!(h1.descendant_texts().collect::<String>(), "Ada & Bo");
        let p = h1
            .next_sibling_element()
            .unwrap()
            .next_sibling_element()
            .unwrap();
        assert_eq!(p.descendant_texts().collect::<String>(), "xyz");
        assert_eq!(p.prev_sibling_element().unwrap().name(), "br");
        assert!(main.contains(p) && !p.contains(main) && section.contains(section));
        let div = section.next_sibling_element().unwrap();
        assert_eq!(div.attr("hidden"), Some(""));
        assert!(div.follows(section) && !p.follows(section));
        assert_eq!(
            p.ancestors().map(|a| a.name()).collect::<Vec<_>>(),
            ["section", "main", ""]
        );
    }
}
