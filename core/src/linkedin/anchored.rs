//! Entries anchored by data attributes (Sales Navigator `data-anonymize`, Recruiter `data-test-*`): the
//! anchor names one field of an entry; the entry is the anchor's nearest list item, and its date range is
//! the line of that item that parses as one.

use super::dates::{self, DateRange};
use super::dom;
use super::text;
use scraper::ElementRef;

/// The entry around an anchor: nearest `li`, else the anchor's grand-parent.
pub fn entry_of(anchor: ElementRef<'_>) -> ElementRef<'_> {
    dom::closest(anchor, "li")
        .or_else(|| {
            anchor
                .parent()
                .and_then(ElementRef::wrap)
                .and_then(|p| p.parent().and_then(ElementRef::wrap))
        })
        .unwrap_or(anchor)
}

/// The text of the first `css` match inside `entry`.
pub fn field(entry: ElementRef<'_>, css: &[&str]) -> Option<String> {
    dom::first(entry, css).and_then(text::text)
}

/// The date range of an entry: the first match of `css` if given and parseable, else any line.
pub fn range(entry: ElementRef<'_>, css: &[&str]) -> Option<DateRange> {
    if let Some(r) = field(entry, css).and_then(|t| dates::parse_range(&t)) {
        return Some(r);
    }
    text::line_texts(entry)
        .iter()
        .find_map(|l| dates::parse_range(l))
}
