//! Profile sections: finding each section (language-independent anchors first, localised headings last)
//! and the entries of its list. The parsers of each section's entries live in the sub-modules.

pub mod education;
pub mod experience;
pub mod lists;

use super::dates;
use super::dom;
use super::markup::{Element, Name, NodeId};
use super::selectors::{SectionKey, TABLE};
use super::text;
use std::cell::OnceCell;

/// The elements section finding looks at, collected in one traversal of `main` (a large page is walked
/// once instead of once per section and rule).
pub struct Index<'a> {
    main: Element<'a>,
    ids: Vec<(&'a str, Element<'a>)>,
    keyed: Vec<Element<'a>>,
    sections: Vec<Element<'a>>,
}

const KEY_ATTRS: [&str; 3] = ["componentkey", "data-view-name", "data-section"];

impl<'a> Index<'a> {
    /// Walks `main` once (the names looked for resolved first, so no attribute name is compared as text).
    pub fn new(main: Element<'a>) -> Self {
        let mut index = Index {
            main,
            ids: Vec::new(),
            keyed: Vec::new(),
            sections: Vec::new(),
        };
        let doc = main.document();
        let id = doc.name("id");
        let keys: Vec<Name> = KEY_ATTRS.iter().filter_map(|k| doc.name(k)).collect();
        let section = doc.name("section");
        for el in main.descendant_elements() {
            let mut keyed = false;
            for (name, value) in el.named_attrs() {
                if Some(name) == id {
                    index.ids.push((value, el));
                } else if keys.contains(&name) {
                    keyed = true;
                }
            }
            if keyed {
                index.keyed.push(el);
            }
            if Some(el.tag()) == section {
                index.sections.push(el);
            }
        }
        index
    }
}

/// Finds a section inside `main` (see [`find_in`]).
pub fn find<'a>(main: Element<'a>, key: SectionKey, route: &str) -> Option<Element<'a>> {
    find_in(&Index::new(main), key, route)
}

/// Finds a section in an [`Index`] of `main`. `route` is the profile sub-route of the URL
/// (`"details/experience"`): on a details page the whole page is that section.
pub fn find_in<'a>(index: &Index<'a>, key: SectionKey, route: &str) -> Option<Element<'a>> {
    let main = index.main;
    let anchors = TABLE.section(key);
    if !anchors.details_route.is_empty()
        && route.trim_matches('/') == format!("details/{}", anchors.details_route)
    {
        return Some(main);
    }
    // 1. 2024: <div id="experience" class="pv-profile-card__anchor"> inside the section
    if let Some((_, anchor)) = index.ids.iter().find(|(id, _)| *id == anchors.anchor_id) {
        if let Some(section) = dom::closest(*anchor, "section") {
            return Some(section);
        }
        if let Some(parent) = anchor.parent() {
            return Some(parent);
        }
    }
    // 2. 2025–26: component keys / view names
    for el in &index.keyed {
        if KEY_ATTRS
            .iter()
            .filter_map(|a| el.attr(a))
            .any(|v| anchors.attr_keys.iter().any(|k| v.contains(k)))
        {
            return Some(*el);
        }
    }
    // 3. localised heading
    for section in index.sections.iter().copied() {
        if let Some(h) = dom::first(section, &["h2", "h3"]) {
            if let Some(t) = text::text(h) {
                if anchors
                    .headings
                    .iter()
                    .any(|w| w.to_lowercase() == t.to_lowercase())
                {
                    return Some(section);
                }
            }
        }
    }
    // 4. structure: a section with `/company/` (or `/school/`) links and a date line
    let link = anchors.link_marker?;
    index.sections.iter().copied().find(|section| {
        dom::first(*section, &["h1"]).is_none()
            && dom::any(*section, link)
            && text::line_texts(*section)
                .iter()
                .any(|l| dates::parse_range(l).is_some())
    })
}

/// The outermost of `all` (in document order): those not inside another one.
fn outermost(all: Vec<Element<'_>>) -> Vec<Element<'_>> {
    let mut top: Vec<Element<'_>> = Vec::with_capacity(all.len());
    for e in all {
        if !top.last().is_some_and(|t| t.contains(e)) {
            top.push(e);
        }
    }
    top
}

/// The top-level entries of a section list (entries nested in another entry, such as the roles of a
/// grouped position, are left to their parent). Uses the first entry selector that matches.
pub fn entries<'a>(section: Element<'a>) -> Vec<Element<'a>> {
    EntryScan::of(section).top()
}

/// The entries of one section, each entry selector's matches in it scanned at most once. A selector
/// matches the same elements whichever element a scan starts from, so the entries nested in an entry are
/// the section's matches inside the entry's range: found by binary search instead of one scan of the
/// entry per selector.
pub struct EntryScan<'a> {
    section: Element<'a>,
    /// Per selector of `TABLE.entity`, its matches in the section in document order (scanned on first use).
    matches: Vec<OnceCell<Vec<Element<'a>>>>,
}

impl<'a> EntryScan<'a> {
    /// Nothing is scanned yet.
    pub fn of(section: Element<'a>) -> Self {
        EntryScan {
            section,
            matches: TABLE.entity.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    fn matches(&self, i: usize) -> &[Element<'a>] {
        self.matches[i].get_or_init(|| dom::select(self.section, TABLE.entity[i]))
    }

    /// The section's top-level entries ([`entries`]).
    pub fn top(&self) -> Vec<Element<'a>> {
        (0..self.matches.len())
            .map(|i| self.matches(i))
            .find(|all| !all.is_empty())
            .map(|all| outermost(all.to_vec()))
            .unwrap_or_default()
    }

    /// The entries nested inside `entry`, an element of the section (as [`entries`] of `entry` would
    /// find them).
    pub fn nested(&self, entry: Element<'a>) -> Vec<Element<'a>> {
        for i in 0..self.matches.len() {
            let all = self.matches(i);
            let from = all.partition_point(|e| e.id() <= entry.id());
            let to = from + all[from..].partition_point(|e| entry.contains(*e));
            if to > from {
                return outermost(all[from..to].to_vec());
            }
        }
        Vec::new()
    }
}

/// True for subtrees that hold an entry's free-text description (not its header lines).
pub fn is_description(el: Element<'_>) -> bool {
    dom::matches_any(el, TABLE.entity_description)
}

/// The header lines of an entry: its de-duplicated lines without descriptions and without the subtrees
/// for which `also_skip` is true.
pub fn header_lines<'a>(
    entry: Element<'a>,
    descriptions: &Descriptions,
    also_skip: &dyn Fn(Element<'a>) -> bool,
) -> Vec<String> {
    text::lines_filtered(entry, &|e| descriptions.contains(e) || also_skip(e))
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// The description subtrees of a page ([`is_description`]), found in one scan of it rather than one
/// selector test per element of every entry read.
#[derive(Clone, Debug, Default)]
pub struct Descriptions(Vec<NodeId>);

impl Descriptions {
    /// The descriptions under `root`.
    pub fn of(root: Element<'_>) -> Self {
        Descriptions(
            dom::all_of_any(root, TABLE.entity_description)
                .iter()
                .map(Element::id)
                .collect(),
        )
    }

    /// True when `el` is a description.
    pub fn contains(&self, el: Element<'_>) -> bool {
        self.0.binary_search(&el.id()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;

    #[test]
    fn finds_experience_and_education_by_links_and_dates_in_an_unknown_language() {
        let html = r#"<main><section><h1>Ada Quist</h1><a href="/company/1/">x</a></section>
            <section><h2>Esperienza</h2><ul><li><a href="https://www.linkedin.com/company/9/">Fjordlight</a>
            <p>Analista</p><p>Fjordlight</p><p>gen 2020 - Present</p></li></ul></section>
            <section><h2>Formazione</h2><ul><li><a href="/school/3/">Scuola</a><p>2010 - 2014</p></li></ul></section></main>"#;
        let doc = Document::parse(html);
        let main = dom::first(doc.root(), &["main"]).unwrap();
        let exp = find(main, SectionKey::Experience, "").unwrap();
        assert_eq!(
            text::text(dom::first(exp, &["h2"]).unwrap()).as_deref(),
            Some("Esperienza")
        );
        let edu = find(main, SectionKey::Education, "").unwrap();
        assert_eq!(
            text::text(dom::first(edu, &["h2"]).unwrap()).as_deref(),
            Some("Formazione")
        );
        assert!(find(main, SectionKey::Skills, "").is_none());
    }

    #[test]
    fn nested_entries_from_the_section_scan_are_those_a_scan_of_the_entry_finds() {
        // A grouped position (roles marked as entries), a single one whose description is a list (its `li`
        // is found by the last selector), and an entry with nothing nested.
        let html = r#"<main><section><ul>
            <li class="artdeco-list__item"><div data-view-name="profile-component-entity"><p>Fjordlight</p>
              <ul><li><div data-view-name="profile-component-entity"><p>Lead</p><p>2021 - Present</p></div></li>
              <li><div data-view-name="profile-component-entity"><p>Analyst</p><p>2019 - 2021</p></div></li></ul></div></li>
            <li class="artdeco-list__item"><div data-view-name="profile-component-entity"><p>Engineer</p>
              <p>2015 - 2019</p><div class="inline-show-more-text"><ul><li>Shipped</li><li>Led</li></ul></div></div></li>
            <li class="artdeco-list__item"><div data-view-name="profile-component-entity"><p>Intern</p><p>2014</p></div></li>
            </ul></section></main>"#;
        let doc = Document::parse(html);
        let section = dom::first(doc.root(), &["section"]).unwrap();
        let scan = EntryScan::of(section);
        let top = scan.top();
        assert_eq!(top, entries(section));
        assert_eq!(top.len(), 3);
        let counts: Vec<usize> = top.iter().map(|e| scan.nested(*e).len()).collect();
        assert_eq!(counts, [2, 2, 0]);
        for el in section.descendant_elements() {
            assert_eq!(scan.nested(el), entries(el), "nested entries of {el:?}");
        }
    }
}
