//! Sales Navigator lead pages (`/sales/lead/…`): fields anchored by the stable `data-anonymize`
//! attributes LinkedIn puts on personal data.

use super::anchored::{entry_of, field, range};
use super::dom;
use super::selectors::TABLE;
use super::surface::Visible;
use super::text;
use super::top_card::largest_photo_by;
use super::url;
use crate::profile::{Education, Experience};
use scraper::ElementRef;

/// Reads a lead page.
pub fn read(root: ElementRef<'_>) -> Visible {
    let t = &TABLE.sales;
    let experience = dom::select_all(root, t.job_title)
        .into_iter()
        .filter_map(|title_el| {
            let entry = entry_of(title_el);
            let r = range(entry, &[]);
            Some(Experience {
                title: text::text(title_el)?,
                company: field(entry, t.company),
                location: None,
                start: r.and_then(|r| r.start),
                end: r.and_then(|r| r.end),
                current: r.is_some_and(|r| r.current),
            })
        })
        .collect();
    let education = dom::select_all(root, t.school)
        .into_iter()
        .filter_map(|school_el| {
            let entry = entry_of(school_el);
            let r = range(entry, &[]);
            Some(Education {
                school: text::text(school_el)?,
                degree: field(entry, t.degree),
                start: r.and_then(|r| r.start),
                end: r.and_then(|r| r.end),
            })
        })
        .collect();
    let public_profile_url = dom::select_all(root, &["a[href*=\"linkedin.com/in/\"]"])
        .into_iter()
        .filter_map(|a| url::profile_link(a.value().attr("href")?))
        .map(|(slug, _)| url::canonical_profile_url(&slug))
        .next();
    Visible {
        name: dom::first(root, t.name).and_then(text::text),
        headline: dom::first(root, t.headline).and_then(text::text),
        location: dom::first(root, t.location).and_then(text::text),
        photo_url: largest_photo_by(root, t.photo),
        about: dom::first(root, t.about).and_then(text::multiline_text),
        experience,
        education,
        public_profile_url,
        ..Visible::default()
    }
}
