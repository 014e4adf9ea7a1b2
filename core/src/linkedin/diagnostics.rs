//! Diagnostics of a page the selector table does not recognise, for the recruiter's **Copy diagnostics**
//! and the per-fixture selector-health test: the table version, the layout markers found, every selector
//! chain with how many elements each of its selectors matched, and a structure signature (tag and attribute
//! names with counts).
//!
//! Privacy: nothing the page says goes in. No text, no URL, no attribute value: only the table's own
//! selectors, counts, and names of tags and attributes — and of those only plain lower-case ASCII names
//! (runs of three or more digits folded to `#`, anything else counted as `(other)`), so a name built from
//! data cannot carry it out either.

use super::dom;
use super::markup::{Document, Element};
use super::selectors::TABLE;
use super::PageKind;
use crate::page::PageSnapshot;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// At most this many distinct tag or attribute names are listed; the rest count as `(other)`.
const MAX_NAMES: usize = 160;
/// The bucket of names left out.
const OTHER: &str = "(other)";

/// How many elements one selector matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectorCount {
    /// The selector, from the table.
    pub selector: String,
    /// Elements matched in the snapshot.
    pub matches: u32,
}

/// One selector chain of the table and its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainCount {
    /// The chain's name ([`super::selectors::SelectorTable::chains`]).
    pub chain: String,
    /// Its selectors in order, each with its count.
    pub selectors: Vec<SelectorCount>,
}

/// The shape of the snapshot without its content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Structure {
    /// Bytes of markup handed over.
    pub markup_bytes: usize,
    /// Embedded page-data blocks handed over.
    pub embedded_blocks: usize,
    /// Elements in the markup.
    pub elements: u32,
    /// Text nodes in the markup.
    pub texts: u32,
    /// Deepest element nesting.
    pub max_depth: u32,
    /// Tag names with their counts.
    pub tags: BTreeMap<String, u32>,
    /// Attribute names with their counts.
    pub attributes: BTreeMap<String, u32>,
}

/// What the selector table found on a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics {
    /// The selector table's version.
    pub selector_table: String,
    /// The surface the URL names (`profile`, `sales_lead`, `recruiter_profile`).
    pub surface: String,
    /// The layout markers (`layout.<name>` chains) that matched at least one element.
    pub markers_found: Vec<String>,
    /// Every selector chain with its counts.
    pub chains: Vec<ChainCount>,
    /// The structure signature.
    pub structure: Structure,
}

/// The name of a page surface, without its id.
fn surface(page: &PageKind) -> &'static str {
    match page {
        PageKind::Profile { .. } => "profile",
        PageKind::SalesLead { .. } => "sales_lead",
        PageKind::RecruiterProfile { .. } => "recruiter_profile",
        PageKind::NotProfile => "not_profile",
    }
}

/// `name` if it is a plain structural name (`[a-z0-9_:.-]`, 1–40 bytes, starting with a letter), with runs
/// of three or more digits folded to `#`.
pub fn structural_name(name: &str) -> Option<String> {
    let ok = !name.is_empty()
        && name.len() <= 40
        && name.as_bytes()[0].is_ascii_lowercase()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_:.-".contains(&b));
    if !ok {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut digits = String::new();
    for c in name.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if digits.len() >= 3 {
            out.push('#');
        } else {
            out.push_str(&digits);
        }
        digits.clear();
        if c != ' ' {
            out.push(c);
        }
    }
    Some(out)
}

fn bump(map: &mut BTreeMap<String, u32>, name: &str) {
    let key = match structural_name(name) {
        Some(n) if map.contains_key(&n) || map.len() < MAX_NAMES => n,
        _ => OTHER.to_string(),
    };
    *map.entry(key).or_insert(0) += 1;
}

/// The structure signature of `root`'s subtree.
pub fn structure(root: Element<'_>, markup_bytes: usize, embedded_blocks: usize) -> Structure {
    let mut s = Structure {
        markup_bytes,
        embedded_blocks,
        texts: root.descendant_texts().count() as u32,
        ..Structure::default()
    };
    for el in root.descendant_elements() {
        s.elements += 1;
        s.max_depth = s.max_depth.max(el.ancestors().count() as u32);
        bump(&mut s.tags, el.name());
        for (name, _) in el.attrs() {
            bump(&mut s.attributes, name);
        }
    }
    s
}

/// Every selector chain of the table with the counts of its selectors under `root` (the markup), the
/// `embedded.*` chains under `embedded` (the embedded blocks).
pub fn chain_counts(root: Element<'_>, embedded: Element<'_>) -> Vec<ChainCount> {
    TABLE
        .chains()
        .into_iter()
        .map(|(chain, list)| {
            let scope = if chain.starts_with("embedded.") {
                embedded
            } else {
                root
            };
            ChainCount {
                selectors: list
                    .iter()
                    .map(|css| SelectorCount {
                        selector: css.to_string(),
                        matches: dom::selector(css)
                            .map_or(0, |sel| scope.select(&sel).count() as u32),
                    })
                    .collect(),
                chain,
            }
        })
        .collect()
}

/// The diagnostics of `snapshot`, whose markup parsed to `root`.
pub fn of(page: &PageKind, root: Element<'_>, snapshot: &PageSnapshot) -> Diagnostics {
    let embedded = Document::parse(&snapshot.embedded.concat());
    let chains = chain_counts(root, embedded.root());
    let markers_found = chains
        .iter()
        .filter(|c| c.chain.starts_with("layout.") && c.selectors.iter().any(|s| s.matches > 0))
        .map(|c| c.chain.clone())
        .collect();
    Diagnostics {
        selector_table: TABLE.version.to_string(),
        surface: surface(page).to_string(),
        markers_found,
        chains,
        structure: structure(root, snapshot.markup.len(), snapshot.embedded.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;

    #[test]
    fn structural_names_only() {
        assert_eq!(structural_name("div").as_deref(), Some("div"));
        assert_eq!(structural_name("h2").as_deref(), Some("h2"));
        assert_eq!(
            structural_name("data-ember-12345").as_deref(),
            Some("data-ember-#")
        );
        assert_eq!(structural_name("aria-level").as_deref(), Some("aria-level"));
        assert_eq!(structural_name("Ada"), None);
        assert_eq!(structural_name("data-name=\"x\""), None);
        assert_eq!(structural_name("über"), None);
        assert_eq!(structural_name(""), None);
    }

    #[test]
    fn counts_names_never_values() {
        let doc = Document::parse(
            r#"<main><p title="Ada Quist" data-x-0123456="ada@example.com">Ada Quist</p><p data-ünïcode="1"></p></main>"#,
        );
        let s = structure(doc.root(), 10, 0);
        assert_eq!(s.elements, 3);
        assert_eq!(s.texts, 1);
        assert_eq!(s.tags.get("p"), Some(&2));
        assert_eq!(s.attributes.get("data-x-#"), Some(&1));
        assert_eq!(s.attributes.get(OTHER), Some(&1));
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("Ada") && !json.contains("example"), "{json}");
    }
}
