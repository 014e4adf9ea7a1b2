//! Reading text out of LinkedIn markup: whitespace normalisation and de-duplication of LinkedIn's doubled
//! texts. LinkedIn renders most strings twice, a visible copy in `<span aria-hidden="true">` and an
//! accessible copy (2024: `<span class="visually-hidden">`; 2025–26: a hashed class). The copies are not
//! always identical ("Jul 2021 - Present" vs "Jul 2021 to Present"), so a plain `textContent` yields
//! doubled strings ("RTCKRTCK"). Rules, in order:
//! 1. skip elements with an a11y-copy class ([`TABLE`]`.hidden_copy_classes`) and never-text tags;
//! 2. skip an element that sits right beside an `aria-hidden="true"` sibling carrying a similar text
//!    (the hashed-class a11y copy);
//! 3. as a last guard, collapse a string made of the same half twice ([`compact_repeated`]).

use super::dom;
use super::markup::{Child, Element};
use super::selectors::TABLE;

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Cleans each line of a multi-line text, keeping single line breaks and at most one empty line.
pub fn clean_multiline(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in s.lines().map(clean) {
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// `"RTCKRTCK"` → `"RTCK"`, `"Berlin, Germany Berlin, Germany"` → `"Berlin, Germany"`. Only halves of at
/// least four characters are collapsed, so real names such as "Li Li" stay intact. A string that is not
/// doubled is returned as it is, without a copy.
pub fn compact_repeated(s: String) -> String {
    match repeated_half(&s) {
        Some(half) => half.to_string(),
        None => s,
    }
}

/// The first half of `s` when `s` is that half twice, directly or with one whitespace character between
/// the copies (halves of at least four characters). Compared in place: a line is read without collecting
/// its characters.
fn repeated_half(s: &str) -> Option<&str> {
    let n = s.chars().count();
    for sep in [0usize, 1] {
        if n < 8 + sep || !(n - sep).is_multiple_of(2) {
            continue;
        }
        let half = (n - sep) / 2;
        let (mid, _) = s.char_indices().nth(half)?;
        let (a, rest) = s.split_at(mid);
        let b = if sep == 0 {
            rest
        } else {
            let mut chars = rest.chars();
            if !chars.next().is_some_and(char::is_whitespace) {
                continue;
            }
            chars.as_str()
        };
        if a == b {
            return Some(a);
        }
    }
    None
}

/// Cleans and de-duplicates one text value; `None` when empty.
pub fn value(s: &str) -> Option<String> {
    let v = compact_repeated(clean(s));
    (!v.is_empty()).then_some(v)
}

fn is_skipped_tag(name: &str) -> bool {
    TABLE.skipped_tags.contains(&name)
}

/// What an element's attributes say about its text, read in one pass over them.
#[derive(Clone, Copy, Default)]
struct Visibility {
    /// `hidden`, or a class of an a11y copy ([`TABLE`]`.hidden_copy_classes`).
    hidden_copy: bool,
    /// `aria-hidden="true"`.
    aria_hidden: bool,
}

fn visibility(el: Element<'_>) -> Visibility {
    let mut v = Visibility::default();
    for (name, value) in el.attrs() {
        match name {
            "hidden" => v.hidden_copy = true,
            "class" => {
                v.hidden_copy |= value
                    .split_ascii_whitespace()
                    .any(|w| TABLE.hidden_copy_classes.contains(&w))
            }
            "aria-hidden" => v.aria_hidden = value.eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    v
}

/// Raw (non de-duplicated) text of an element, skipping never-text tags.
fn raw_text(el: Element<'_>) -> String {
    fn collect(el: Element<'_>, out: &mut String) {
        for child in el.children() {
            match child {
                Child::Text(t) => {
                    out.push_str(t);
                    out.push(' ');
                }
                Child::Element(e) if !is_skipped_tag(e.name()) => collect(e, out),
                Child::Element(_) => {}
            }
        }
    }
    let mut s = String::new();
    collect(el, &mut s);
    clean(&s)
}

fn tokens(s: &str) -> Vec<String> {
    const CONNECTORS: &[&str] = &[
        "-", "–", "—", "to", "bis", "à", "a", "al", "au", "hasta", "·",
    ];
    s.split(|c: char| c.is_whitespace())
        .map(|w| w.to_lowercase())
        .filter(|w| !w.is_empty() && !CONNECTORS.contains(&w.as_str()))
        .collect()
}

/// True when two strings are copies of one text (same words up to range connectors, or one is a
/// prefix-sharing variant of the other).
pub fn similar(a: &str, b: &str) -> bool {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    if ta == tb {
        return true;
    }
    let common = ta.iter().filter(|t| tb.contains(t)).count();
    let total = ta.len().max(tb.len());
    common * 10 >= total * 7
}

/// True when `el` is an a11y copy of a visible sibling text and must not be read.
pub fn is_hidden_copy(el: Element<'_>) -> bool {
    let v = visibility(el);
    if v.hidden_copy {
        return true;
    }
    if v.aria_hidden {
        return false;
    }
    let [prev, next] = dom::adjacent_elements(el);
    let prev = prev.filter(|s| dom::is_aria_hidden(*s));
    let next = next.filter(|s| dom::is_aria_hidden(*s));
    if prev.is_none() && next.is_none() {
        return false;
    }
    let mine = raw_text(el);
    !mine.is_empty()
        && [prev, next]
            .into_iter()
            .flatten()
            .any(|sib| similar(&raw_text(sib), &mine))
}

/// One line of text with the element it came from.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// Cleaned, de-duplicated text.
    pub text: String,
    /// The element whose direct text this is.
    pub element: Element<'a>,
}

/// The de-duplicated text lines of `root`: one line per element that directly holds text (consecutive
/// text nodes of one element joined; `<br>` becomes a line break inside the line). Subtrees for which
/// `skip` returns true are left out.
pub fn lines_filtered<'a>(root: Element<'a>, skip: &dyn Fn(Element<'a>) -> bool) -> Vec<Line<'a>> {
    let mut out: Vec<Line<'a>> = Vec::new();
    let mut current: Option<(Element<'a>, String)> = None;
    walk(root, skip, &mut out, &mut current);
    flush(&mut out, &mut current);
    out
}

/// [`lines_filtered`] without extra filter.
pub fn lines(root: Element<'_>) -> Vec<Line<'_>> {
    lines_filtered(root, &|_| false)
}

/// The texts of [`lines`].
pub fn line_texts(root: Element<'_>) -> Vec<String> {
    lines(root).into_iter().map(|l| l.text).collect()
}

/// De-duplicated text of an element on one line.
pub fn text(root: Element<'_>) -> Option<String> {
    value(&line_texts(root).join(" "))
}

/// De-duplicated text of an element keeping line breaks (for the About text and descriptions).
pub fn multiline_text(root: Element<'_>) -> Option<String> {
    let joined = lines(root)
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    let v = clean_multiline(&joined);
    (!v.is_empty()).then_some(v)
}

fn flush<'a>(out: &mut Vec<Line<'a>>, current: &mut Option<(Element<'a>, String)>) {
    if let Some((element, raw)) = current.take() {
        // Most lines hold no line break: cleaned as one line, that is what `clean_multiline` makes of them.
        let cleaned = if raw.contains('\n') {
            clean_multiline(&raw)
        } else {
            clean(&raw)
        };
        let text = if cleaned.contains('\n') {
            cleaned
        } else {
            compact_repeated(cleaned)
        };
        if !text.is_empty() {
            out.push(Line { text, element });
        }
    }
}

fn walk<'a>(
    el: Element<'a>,
    skip: &dyn Fn(Element<'a>) -> bool,
    out: &mut Vec<Line<'a>>,
    current: &mut Option<(Element<'a>, String)>,
) {
    for child in el.children() {
        match child {
            Child::Text(t) => append(el, t, out, current),
            Child::Element(child_el) => {
                let name = child_el.name();
                if name == "br" {
                    append(el, "\n", out, current);
                    continue;
                }
                if is_skipped_tag(name) || skip(child_el) || is_hidden_copy(child_el) {
                    continue;
                }
                if is_inline_format(name) && direct_text_only(child_el) {
                    // <strong>, <em>, … inside a line stay part of that line.
                    let t = raw_text(child_el);
                    append(el, &format!(" {t} "), out, current);
                    continue;
                }
                walk(child_el, skip, out, current);
            }
        }
    }
}

fn is_inline_format(name: &str) -> bool {
    matches!(
        name,
        "b" | "strong" | "i" | "em" | "u" | "mark" | "small" | "sup" | "sub"
    )
}

fn direct_text_only(el: Element<'_>) -> bool {
    el.children().all(|c| matches!(c, Child::Text(_)))
}

fn append<'a>(
    owner: Element<'a>,
    t: &str,
    out: &mut Vec<Line<'a>>,
    current: &mut Option<(Element<'a>, String)>,
) {
    if t.trim().is_empty() && t != "\n" {
        if let Some((_, s)) = current.as_mut() {
            s.push(' ');
        }
        return;
    }
    match current {
        Some((e, s)) if e.id() == owner.id() => s.push_str(t),
        _ => {
            flush(out, current);
            *current = Some((owner, t.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;

    fn first_div(html: &str) -> Vec<String> {
        let doc = Document::parse(html);
        let div = doc.elements().find(|e| e.name() == "div").unwrap();
        line_texts(div)
    }

    #[test]
    fn cleans_whitespace() {
        assert_eq!(clean("  a \u{a0} b\n c "), "a b c");
    }

    #[test]
    fn compacts_doubled_strings_but_not_short_names() {
        assert_eq!(compact_repeated("RTCKRTCK".into()), "RTCK");
        assert_eq!(
            compact_repeated("Berlin, Germany Berlin, Germany".into()),
            "Berlin, Germany"
        );
        assert_eq!(compact_repeated("Li Li".into()), "Li Li");
        assert_eq!(
            compact_repeated("Zoë MüllerZoë Müller".into()),
            "Zoë Müller"
        );
        assert_eq!(
            compact_repeated("Oslo, NorwayXOslo, Norway".into()),
            "Oslo, NorwayXOslo, Norway"
        );
        assert_eq!(compact_repeated("Köln Köln  ".into()), "Köln Köln  ");
        assert_eq!(compact_repeated("Anna".into()), "Anna");
    }

    #[test]
    fn skips_visually_hidden_copies() {
        let lines = first_div(
            r#"<div><span aria-hidden="true">Jul 2021 - Present</span><span class="visually-hidden">Jul 2021 to Present</span></div>"#,
        );
        assert_eq!(lines, vec!["Jul 2021 - Present"]);
    }

    #[test]
    fn skips_hashed_class_copies_beside_aria_hidden() {
        let lines = first_div(
            r#"<div><p class="_x1"><span aria-hidden="true">Jul 2021 - Present</span><span class="_q9">Jul 2021 to Present</span></p><p>Berlin</p></div>"#,
        );
        assert_eq!(lines, vec!["Jul 2021 - Present", "Berlin"]);
    }

    #[test]
    fn keeps_separate_texts_beside_aria_hidden_separators() {
        let lines = first_div(r#"<div><span aria-hidden="true">·</span><span>Berlin</span></div>"#);
        assert_eq!(lines, vec!["·", "Berlin"]);
    }

    #[test]
    fn br_becomes_a_line_break() {
        let doc = Document::parse("<div><span>One<br>Two <b>bold</b></span></div>");
        let div = doc.elements().find(|e| e.name() == "div").unwrap();
        assert_eq!(multiline_text(div).unwrap(), "One\nTwo bold");
    }
}
