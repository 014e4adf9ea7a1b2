//! Education entries: school (first line; the entry links to `/school/…`), degree and field of study
//! (the next line when it is not the date line), and the date range.

use super::super::dates;
use super::super::markup::Element;
use super::super::text;
use super::{header_lines, Descriptions};
use crate::profile::Education;

/// Parses the entries of the education section.
pub fn parse(entries: &[Element<'_>], descriptions: &Descriptions) -> Vec<Education> {
    entries
        .iter()
        .filter_map(|e| one(*e, descriptions))
        .collect()
}

fn one(entry: Element<'_>, descriptions: &Descriptions) -> Option<Education> {
    let lines = header_lines(entry, descriptions, &|_| false);
    let school = text::value(lines.first()?)?;
    let date_at = lines.iter().position(|l| dates::parse_range(l).is_some());
    let range = date_at.and_then(|i| dates::parse_range(&lines[i]));
    let degree = lines.get(1).filter(|_| date_at != Some(1)).cloned();
    if date_at == Some(0) {
        return None;
    }
    Some(Education {
        school,
        degree,
        start: range.and_then(|r| r.start),
        end: range.and_then(|r| r.end),
    })
}
