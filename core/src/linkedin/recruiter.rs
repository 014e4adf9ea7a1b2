//! LinkedIn Recruiter candidate profiles (`/talent/profile/…`): fields anchored by the Recruiter app's
//! `data-test-*` attributes.

use super::anchored::{field, person as person_fields, range, PersonSelectors};
use super::dom;
use super::markup::Element;
use super::selectors::TABLE;
use super::surface::Visible;
use super::text;
use crate::profile::{Education, Experience, Language};

/// Reads a Recruiter profile page.
pub fn read(root: Element<'_>) -> Visible {
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
    let person = PersonSelectors {
        name: t.name,
        headline: t.headline,
        location: t.location,
        photo: t.photo,
        about: t.about,
        profile_link: t.public_profile_link,
    };
    Visible {
        experience,
        education,
        skills,
        languages,
        ..person_fields(root, &person)
    }
}
