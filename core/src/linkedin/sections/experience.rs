//! Experience entries: single positions and grouped positions (several roles at one company, where the
//! company heads the entry and each role carries its own date range). Lines are read in order and
//! recognised by shape, not by class: the date line is the one that parses as a range
//! ([`dates::parse_range`]); the title precedes it, the company line ("Company · Full-time") sits between
//! them, the location line follows it. The roles of a group are its nested entries; where they carry no
//! entry marker, the smallest blocks holding one date line each (so a group is never read as one position
//! titled with the company's name).

use super::super::dates;
use super::super::markup::Element;
use super::super::text;
use super::{header_lines, nested_entries};
use crate::profile::Experience;

/// Parses every entry of the experience section (grouped roles flattened, in page order).
pub fn parse(entries: &[Element<'_>]) -> Vec<Experience> {
    let mut out = Vec::new();
    for entry in entries {
        let mut subs: Vec<Element<'_>> = nested_entries(*entry)
            .into_iter()
            .filter(|s| date_lines(*s) > 0)
            .collect();
        if subs.is_empty() && date_lines(*entry) > 1 {
            role_blocks(*entry, &mut subs);
        }
        if subs.is_empty() {
            out.extend(single(*entry, None));
            continue;
        }
        let header = header_lines(*entry, &|e| subs.iter().any(|s| s.id() == e.id()));
        let company = header.first().map(|c| first_part(c));
        for sub in subs {
            out.extend(single(sub, company.clone()));
        }
    }
    out
}

fn date_lines(el: Element<'_>) -> usize {
    header_lines(el, &|_| false)
        .iter()
        .filter(|l| dates::parse_range(l).is_some())
        .count()
}

/// The outermost blocks under `el` that hold exactly one date line after some other line: the roles of a
/// group whose roles are not marked as entries.
fn role_blocks<'a>(el: Element<'a>, out: &mut Vec<Element<'a>>) {
    for child in el.child_elements() {
        match date_lines(child) {
            0 => {}
            1 => {
                let lines = header_lines(child, &|_| false);
                if lines
                    .first()
                    .is_some_and(|l| dates::parse_range(l).is_none())
                {
                    out.push(child);
                }
            }
            _ => role_blocks(child, out),
        }
    }
}

/// "Fjordlight Analytics · Full-time" → "Fjordlight Analytics".
fn first_part(line: &str) -> String {
    line.split(" · ").next().unwrap_or(line).trim().to_string()
}

/// A plausible location line (short, no sentence, no date, no label).
pub fn looks_like_location(line: &str) -> bool {
    let l = line.trim();
    !l.is_empty()
        && l.chars().count() <= 80
        && !l.ends_with('.')
        && !l.contains(':')
        && dates::parse_range(l).is_none()
        && !dates::is_duration(l)
}

fn single(entry: Element<'_>, group_company: Option<String>) -> Option<Experience> {
    let lines = header_lines(entry, &|_| false);
    let d = lines.iter().position(|l| dates::parse_range(l).is_some())?;
    if d == 0 {
        return None;
    }
    let range = dates::parse_range(&lines[d])?;
    let title = text::value(&lines[0])?;
    let company = match group_company {
        Some(c) => Some(c),
        None => lines[1..d]
            .first()
            .map(|l| first_part(l))
            .filter(|c| !c.is_empty()),
    };
    let location = lines
        .get(d + 1)
        .filter(|l| looks_like_location(l))
        .map(|l| first_part(l));
    Some(Experience {
        title,
        company,
        location,
        start: range.start,
        end: range.end,
        current: range.current,
    })
}
