//! Experience entries: single positions and grouped positions (several roles at one company, where the
//! company heads the entry and each role carries its own date range). Lines are read in order and
//! recognised by shape, not by class: the date line is the one that parses as a range
//! ([`dates::parse_range`]); the title precedes it, the company line ("Company · Full-time") sits between
//! them, the location line follows it. The roles of a group are its nested entries; where they carry no
//! entry marker, the smallest blocks holding one date line each (so a group is never read as one position
//! titled with the company's name).

use super::super::dates::{self, DateRange};
use super::super::markup::Element;
use super::super::text;
use super::{header_lines, Descriptions, EntryScan};
use crate::profile::Experience;

/// The header lines of an entry with the date range each one is (read and parsed once).
struct Header {
    lines: Vec<String>,
    ranges: Vec<Option<DateRange>>,
}

impl Header {
    fn of(el: Element<'_>, d: &Descriptions, also_skip: &dyn Fn(Element<'_>) -> bool) -> Header {
        let lines = header_lines(el, d, also_skip);
        let ranges = lines.iter().map(|l| dates::parse_range(l)).collect();
        Header { lines, ranges }
    }

    fn date_lines(&self) -> usize {
        self.ranges.iter().filter(|r| r.is_some()).count()
    }
}

/// Parses every entry of the experience section (grouped roles flattened, in page order).
pub fn parse(scan: &EntryScan<'_>, d: &Descriptions) -> Vec<Experience> {
    let mut out = Vec::new();
    for entry in &scan.top() {
        // The roles of a group, with their header lines.
        let mut subs: Vec<(Element<'_>, Header)> = scan
            .nested(*entry)
            .into_iter()
            .map(|s| (s, Header::of(s, d, &|_| false)))
            .filter(|(_, h)| h.date_lines() > 0)
            .collect();
        if subs.is_empty() {
            let header = Header::of(*entry, d, &|_| false);
            if header.date_lines() <= 1 {
                out.extend(single(&header, None));
                continue;
            }
            let mut blocks = Vec::new();
            role_blocks(*entry, d, &mut blocks);
            subs = blocks
                .into_iter()
                .map(|b| (b, Header::of(b, d, &|_| false)))
                .collect();
            if subs.is_empty() {
                out.extend(single(&header, None));
                continue;
            }
        }
        let group = header_lines(*entry, d, &|e| subs.iter().any(|(s, _)| s.id() == e.id()));
        let company = group.first().map(|c| first_part(c));
        for (_, header) in subs {
            out.extend(single(&header, company.clone()));
        }
    }
    out
}

/// The outermost blocks under `el` that hold exactly one date line after some other line: the roles of a
/// group whose roles are not marked as entries.
fn role_blocks<'a>(el: Element<'a>, d: &Descriptions, out: &mut Vec<Element<'a>>) {
    for child in el.child_elements() {
        let header = Header::of(child, d, &|_| false);
        match header.date_lines() {
            0 => {}
            1 => {
                if header.ranges.first().is_some_and(Option::is_none) {
                    out.push(child);
                }
            }
            _ => role_blocks(child, d, out),
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

fn single(header: &Header, group_company: Option<String>) -> Option<Experience> {
    let lines = &header.lines;
    let d = header.ranges.iter().position(Option::is_some)?;
    if d == 0 {
        return None;
    }
    let range = header.ranges[d]?;
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
