//! Profile sections: finding each section (language-independent anchors first, localised headings last)
//! and the entries of its list. The parsers of each section's entries live in the sub-modules.

pub mod education;
pub mod experience;
pub mod lists;

use super::dates;
use super::dom;
use super::markup::{Element, NodeId};
use super::selectors::{SectionKey, TABLE};
use super::text;

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
    /// Walks `main` once.
    pub fn new(main: Element<'a>) -> Self {
        let mut index = Index {
            main,
            ids: Vec::new(),
            keyed: Vec::new(),
            sections: Vec::new(),
        };
        for el in main.descendant_elements() {
            let mut keyed = false;
            for (name, value) in el.attrs() {
                if name == "id" {
                    index.ids.push((value, el));
                } else if KEY_ATTRS.contains(&name) {
                    keyed = true;
                }
            }
            if keyed {
                index.keyed.push(el);
            }
            if el.name() == "section" {
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
    TABLE
        .entity
        .iter()
        .map(|css| dom::select(section, css))
        .find(|all| !all.is_empty())
        .map(outermost)
        .unwrap_or_default()
}

/// Entries nested inside `entry` (same selector family as [`entries`]).
pub fn nested_entries<'a>(entry: Element<'a>) -> Vec<Element<'a>> {
    entries(entry)
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
}
