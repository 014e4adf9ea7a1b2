//! Entries anchored by data attributes (Sales Navigator `data-anonymize`, Recruiter `data-test-*`): the
//! anchor names one field of an entry; the entry is the anchor's nearest list item, and its date range is
//! the line of that item that parses as one.

use super::dates::{self, DateRange};
use super::dom;
use super::markup::Element;
use super::selectors::Selectors;
use super::surface::Visible;
use super::text;
use super::top_card::largest_photo_by;
use super::url;

/// The entry around an anchor: nearest `li`, else the anchor's grand-parent.
pub fn entry_of(anchor: Element<'_>) -> Element<'_> {
    dom::closest(anchor, "li")
        .or_else(|| anchor.parent().and_then(|p| p.parent()))
        .unwrap_or(anchor)
}

/// The text of the first `css` match inside `entry`.
pub fn field(entry: Element<'_>, css: Selectors) -> Option<String> {
    dom::first(entry, css).and_then(text::text)
}

/// The date range of an entry: the first match of `css` if given and parseable, else any line.
pub fn range(entry: Element<'_>, css: Selectors) -> Option<DateRange> {
    if let Some(r) = field(entry, css).and_then(|t| dates::parse_range(&t)) {
        return Some(r);
    }
    text::line_texts(entry)
        .iter()
        .find_map(|l| dates::parse_range(l))
}

/// The selectors of the person-level fields of an anchored page (Sales Navigator, Recruiter).
pub struct PersonSelectors {
    /// The display name.
    pub name: Selectors,
    /// The headline.
    pub headline: Selectors,
    /// The location line.
    pub location: Selectors,
    /// The photo.
    pub photo: Selectors,
    /// The summary.
    pub about: Selectors,
    /// Links to the member's public `/in/` profile.
    pub profile_link: Selectors,
}

/// Reads the person-level fields (name, headline, location, photo, about, public profile URL) of an
/// anchored page; the lists (experience, …) are left for the caller to fill.
pub fn person(root: Element<'_>, s: &PersonSelectors) -> Visible {
    Visible {
        name: dom::first(root, s.name).and_then(text::text),
        headline: dom::first(root, s.headline).and_then(text::text),
        location: dom::first(root, s.location).and_then(text::text),
        photo_url: largest_photo_by(root, s.photo),
        about: dom::first(root, s.about).and_then(text::multiline_text),
        public_profile_url: dom::select_all(root, s.profile_link)
            .into_iter()
            .filter_map(|a| url::profile_link(a.attr("href")?))
            .map(|(slug, _)| url::canonical_profile_url(&slug))
            .next(),
        ..Visible::default()
    }
}
