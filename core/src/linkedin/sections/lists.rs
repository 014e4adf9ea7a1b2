//! The simple sections: About (free text), Skills (one name per entry) and Languages (name and
//! proficiency line per entry).

use super::super::dom;
use super::super::markup::Element;
use super::super::selectors::TABLE;
use super::super::text;
use super::{header_lines, Descriptions};
use crate::profile::Language;

/// The About text of its section, keeping line breaks.
pub fn about(section: Element<'_>) -> Option<String> {
    if let Some(el) = dom::first(section, TABLE.about_text) {
        if let Some(t) = text::multiline_text(el) {
            return Some(t);
        }
    }
    let lines = text::lines_filtered(section, &|e| matches!(e.name(), "h2" | "h3" | "a"));
    let joined = lines
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    let t = text::clean_multiline(&joined);
    (!t.is_empty()).then_some(t)
}

/// Skill names, de-duplicated, in page order.
pub fn skills(entries: &[Element<'_>], descriptions: &Descriptions) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in entries {
        if let Some(name) = header_lines(*e, descriptions, &|_| false)
            .into_iter()
            .next()
        {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Languages with their proficiency line.
pub fn languages(entries: &[Element<'_>], descriptions: &Descriptions) -> Vec<Language> {
    entries
        .iter()
        .filter_map(|e| {
            let lines = header_lines(*e, descriptions, &|_| false);
            let name = lines.first()?.clone();
            Some(Language {
                name,
                proficiency: lines.get(1).cloned(),
            })
        })
        .collect()
}
