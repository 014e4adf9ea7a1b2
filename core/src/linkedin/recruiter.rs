//! LinkedIn Recruiter candidate profiles (`/talent/profile/…`): fields anchored by the Recruiter app's
//! `data-test-*` attributes.

use super::anchored::{field, range};
use super::dom;
use super::selectors::TABLE;
use super::surface::Visible;
use super::text;
use super::top_card::largest_photo_by;
use super::url;
use crate::profile::{Education, Experience, Language};
use scraper::ElementRef;

/// Reads a Recruiter profile page.
pub fn read(root: ElementRef<'_>) -> Visible {
    let t = &TABLE.recruiter;
    let experience = dom::select_all(root, t.position)
        .into_iter()
        .filter_map(|entry| {
            let r = range(entry, t.date_range);
            Some(Experience {
                title: field(entry, t.position_title)?,
                company: field(entry, t.position_company),
                location: field(entry, t.position_location),
                start: r.and_then(|r| r.start),
                end: r.and_then(|r| r.end),
                current: r.is_some_and(|r| r.current),
            })
        })
        .collect();
    let education = dom::select_all(root, t.education)
        .into_iter()
        .filter_map(|entry| {
            let r = range(entry, t.date_range);
            Some(Education {
                school: field(entry, t.school)?,
                degree: field(entry, t.degree),
                start: r.and_then(|r| r.start),
                end: r.and_then(|r| r.end),
            })
        })
        .collect();
    let skills = dom::select_all(root, t.skill)
        .into_iter()
        .filter_map(text::text)
        .collect();
    let languages = dom::select_all(root, t.language)
        .into_iter()
        .filter_map(|entry| {
            let lines = text::line_texts(entry);
            Some(Language {
                name: lines.first()?.clone(),
                proficiency: lines.get(1).cloned(),
            })
        })
        .collect();
    let public_profile_url = dom::select_all(root, t.public_profile_link)
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
        skills,
        languages,
        public_profile_url,
        ..Visible::default()
    }
}
