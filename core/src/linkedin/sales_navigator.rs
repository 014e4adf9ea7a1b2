//! Sales Navigator lead pages (`/sales/lead/…`): fields anchored by the stable `data-anonymize`
//! attributes LinkedIn puts on personal data.

use super::anchored::{entry_of, field, person as person_fields, range, PersonSelectors};
use super::dom;
use super::markup::Element;
use super::selectors::TABLE;
use super::surface::Visible;
use super::text;
use crate::profile::{Education, Experience};

/// Reads a lead page.
pub fn read(root: Element<'_>) -> Visible {
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
    let person = PersonSelectors {
        name: t.name,
        headline: t.headline,
        location: t.location,
        photo: t.photo,
        about: t.about,
        profile_link: &["a[href*=\"linkedin.com/in/\"]"],
    };
    Visible {
        experience,
        education,
        ..person_fields(root, &person)
    }
}
