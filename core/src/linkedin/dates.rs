//! Dates as LinkedIn prints them, in the UI languages en, de, fr, es (plus it, pt, nl month names):
//! `"Jul 2021 - Present · 3 yrs 1 mo"`, `"Juli 2021 – Heute · 3 J. 1 Mon."`,
//! `"juil. 2021 - aujourd’hui · 3 ans 1 mois"`, `"ene. 2020 - actualidad · 4 años"`, `"2015 - 2019"`.
//! A range is recognised only when every word is a month name, a year or a "present" word, so headlines
//! and locations are never mistaken for dates.

use crate::profile::YearMonth;

/// A parsed date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    /// Start (year-month precision).
    pub start: Option<YearMonth>,
    /// End; `None` when current or absent.
    pub end: Option<YearMonth>,
    /// True when the end is "Present" (or a translation).
    pub current: bool,
}

/// Month names and abbreviations (lower case, without trailing dot) → month number.
#[rustfmt::skip]
const MONTHS: &[(&str, u8)] = &[
    // en
    ("jan", 1), ("january", 1), ("feb", 2), ("february", 2), ("mar", 3), ("march", 3), ("apr", 4),
    ("april", 4), ("may", 5), ("jun", 6), ("june", 6), ("jul", 7), ("july", 7), ("aug", 8),
    ("august", 8), ("sep", 9), ("sept", 9), ("september", 9), ("oct", 10), ("october", 10), ("nov", 11),
    ("november", 11), ("dec", 12), ("december", 12),
    // de
    ("januar", 1), ("jän", 1), ("jänner", 1), ("februar", 2), ("mär", 3), ("märz", 3), ("mrz", 3),
    ("mai", 5), ("juni", 6), ("juli", 7), ("okt", 10), ("oktober", 10), ("dez", 12), ("dezember", 12),
    // fr
    ("janv", 1), ("janvier", 1), ("févr", 2), ("fevr", 2), ("février", 2), ("fév", 2), ("mars", 3),
    ("avr", 4), ("avril", 4), ("juin", 6), ("juil", 7), ("juillet", 7), ("août", 8), ("aout", 8),
    ("septembre", 9), ("octobre", 10), ("novembre", 11), ("déc", 12), ("décembre", 12),
    // es
    ("ene", 1), ("enero", 1), ("febrero", 2), ("marzo", 3), ("abr", 4), ("abril", 4), ("mayo", 5),
    ("junio", 6), ("julio", 7), ("ago", 8), ("agosto", 8), ("set", 9), ("septiembre", 9),
    ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("dic", 12), ("diciembre", 12),
    // it, pt, nl (common extras)
    ("gen", 1), ("gennaio", 1), ("febbraio", 2), ("mag", 5), ("maggio", 5), ("giu", 6), ("giugno", 6),
    ("lug", 7), ("luglio", 7), ("ott", 10), ("ottobre", 10), ("janeiro", 1), ("fev", 2),
    ("fevereiro", 2), ("março", 3), ("mai", 5), ("maio", 5), ("out", 10), ("outubro", 10),
    ("dez", 12), ("dezembro", 12), ("mrt", 3), ("maart", 3), ("mei", 5), ("okt", 10),
];

/// Words meaning "present / ongoing" (lower case; multi-word phrases are matched on the joined text).
#[rustfmt::skip]
const PRESENT: &[&str] = &[
    "present", "current", "now", "heute", "aktuell", "bis heute", "aujourd’hui", "aujourd'hui",
    "actuellement", "présent", "actualidad", "la actualidad", "presente", "actual", "hoy", "oggi",
    "attuale", "o momento", "atual", "heden",
];

/// The month number of a month word (`"Juli"`, `"janv."`, `"Sept"`), case-insensitive.
pub fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
}

fn is_present(phrase: &str) -> bool {
    let p = phrase.trim().trim_end_matches('.').to_lowercase();
    PRESENT.contains(&p.as_str())
}

fn year(word: &str) -> Option<u16> {
    let w = word.trim_end_matches([',', '.']);
    if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
        let y: u16 = w.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

/// One date: `"Jul 2021"`, `"2021"`, `"07/2021"`, `"2021-07"`, `"juil. 2021"`, `"März 2020"`.
pub fn parse_date(s: &str) -> Option<YearMonth> {
    // At most two words count ("de", "del", "of" skipped); a third makes it no date. No allocation: this
    // runs on every header line of every entry.
    let mut words = s
        .split_whitespace()
        .filter(|w| !matches!(*w, "de" | "del" | "of"));
    let parts = (words.next(), words.next(), words.next());
    let words: &[&str] = match parts {
        (Some(a), None, None) => &[a],
        (Some(a), Some(b), None) => &[a, b],
        _ => return None,
    };
    match words {
        [y] => {
            if let Some(year) = year(y) {
                return Some(YearMonth { year, month: None });
            }
            let (a, b) = y.split_once(['/', '-', '.'])?;
            let (m, yy) = if a.len() == 4 { (b, a) } else { (a, b) };
            let year = year(yy)?;
            let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some(YearMonth {
                year,
                month: Some(month),
            })
        }
        [m, y] => Some(YearMonth {
            year: year(y)?,
            month: Some(month(m)?),
        }),
        _ => None,
    }
}

/// The words joining two dates of a range, lower case.
const CONNECTORS: [&str; 7] = ["to", "bis", "à", "a", "al", "au", "hasta"];

/// True when `word` lower-cased is `lower`, without allocating the lower-cased copy.
fn eq_lowercase(word: &str, lower: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// True when `s` holds four ASCII digits in a row: every date has a four-digit year ([`year`]), so a line
/// without them is no date (a cheap test that spares headlines, durations and counts the parse).
fn has_year_digits(s: &str) -> bool {
    s.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4)
}

/// Splits a range at its dash (`-`, `–`, `—`) or at a spelled-out connector (`to`, `bis`, `à`, `a`).
fn split_range(s: &str) -> Option<(String, String)> {
    for dash in [" - ", " – ", " — ", "–", "—"] {
        if let Some((a, b)) = s.split_once(dash) {
            return Some((a.to_string(), b.to_string()));
        }
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if i > 0 && CONNECTORS.iter().any(|c| eq_lowercase(w, c)) {
            return Some((words[..i].join(" "), words[i + 1..].join(" ")));
        }
    }
    // "2019-2021" without spaces
    if let Some((a, b)) = s.split_once('-') {
        if year(a.trim()).is_some() && (year(b.trim()).is_some() || is_present(b)) {
            return Some((a.to_string(), b.to_string()));
        }
    }
    None
}

/// Parses a date-range line. The duration after `·` ("3 yrs 1 mo") is ignored. Returns `None` unless the
/// whole line (before `·`) is a date or a range of dates.
pub fn parse_range(line: &str) -> Option<DateRange> {
    let head = line.split(['·', '•']).next()?.trim();
    if !has_year_digits(head) {
        return None;
    }
    if let Some((a, b)) = split_range(head) {
        let start = parse_date(a.trim())?;
        if is_present(&b) {
            return Some(DateRange {
                start: Some(start),
                end: None,
                current: true,
            });
        }
        let end = parse_date(b.trim())?;
        return Some(DateRange {
            start: Some(start),
            end: Some(end),
            current: false,
        });
    }
    let only = parse_date(head)?;
    Some(DateRange {
        start: Some(only),
        end: None,
        current: false,
    })
}

/// True when the line is a duration only ("3 yrs 1 mo", "5 J. 2 Mon.", "2 ans", "1 año 3 meses"): digits
/// followed by short unit words, no year. Used to skip group summary lines.
pub fn is_duration(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let digits = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    digits >= 1
        && digits * 2 >= words.len()
        && words.iter().all(|w| w.chars().count() <= 8)
        && year(words[0]).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> Option<YearMonth> {
        Some(YearMonth {
            year,
            month: Some(month),
        })
    }

    #[test]
    fn english() {
        let r = parse_range("Jul 2021 - Present · 3 yrs 1 mo").unwrap();
        assert_eq!((r.start, r.end, r.current), (ym(2021, 7), None, true));
        let r = parse_range("Jan 2018 - Jun 2021 · 3 yrs 6 mos").unwrap();
        assert_eq!(
            (r.start, r.end, r.current),
            (ym(2018, 1), ym(2021, 6), false)
        );
        let r = parse_range("Jul 2021 to Present").unwrap();
        assert!(r.current);
    }

    #[test]
    fn german_french_spanish() {
        let r = parse_range("März 2020 – Heute · 4 J. 8 Mon.").unwrap();
        assert_eq!((r.start, r.current), (ym(2020, 3), true));
        let r = parse_range("Okt. 2016 – Feb. 2020 · 3 J. 5 Mon.").unwrap();
        assert_eq!((r.start, r.end), (ym(2016, 10), ym(2020, 2)));
        let r = parse_range("juil. 2021 - aujourd’hui · 3 ans 4 mois").unwrap();
        assert_eq!((r.start, r.current), (ym(2021, 7), true));
        let r = parse_range("févr. 2017 - déc. 2019").unwrap();
        assert_eq!((r.start, r.end), (ym(2017, 2), ym(2019, 12)));
        let r = parse_range("ene. 2020 - actualidad · 4 años 10 meses").unwrap();
        assert_eq!((r.start, r.current), (ym(2020, 1), true));
        let r = parse_range("sept. 2014 - ago. 2019").unwrap();
        assert_eq!((r.start, r.end), (ym(2014, 9), ym(2019, 8)));
    }

    #[test]
    fn years_only_and_rejections() {
        let r = parse_range("2015 - 2019").unwrap();
        assert_eq!(
            r.end,
            Some(YearMonth {
                year: 2019,
                month: None
            })
        );
        assert!(parse_range("Berlin, Germany").is_none());
        assert!(parse_range("Full-time · 5 yrs 2 mos").is_none());
        assert!(parse_range("Senior Engineer at Fjordlight 2020").is_none());
        assert!(parse_range("500+ connections").is_none());
        assert!(parse_range("Jul 21 - Present").is_none());
        assert!(parse_range("Juli 2021 BIS Heute").is_some_and(|r| r.current));
        assert!(parse_date("Jul 2021 2022").is_none());
        assert!(parse_date("julio de 2021").is_some());
        assert!(is_duration("5 yrs 2 mos"));
        assert!(is_duration("3 J. 5 Mon."));
        assert!(!is_duration("2019"));
        assert!(!is_duration("Berlin"));
    }
}
