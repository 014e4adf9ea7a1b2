//! Contact info from the contact-info overlay (a `[role=dialog]` LinkedIn renders at body level when the
//! recruiter opens "Contact info"; the snapshot carries it after `<main>`). Language-independent: e-mails
//! from `mailto:` links, phones from `tel:` links or phone-shaped lines, websites from external links.
//! Usually empty: LinkedIn shows contact info to first-degree connections only.

use super::dom;
use super::markup::Element;
use super::selectors::TABLE;
use super::text;

/// What the overlay shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// Phone numbers.
    pub phones: Vec<String>,
    /// Websites (not LinkedIn itself).
    pub websites: Vec<String>,
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// True for `+49 30 1234 5678`, `(555) 010-0199`: at least 6 digits and only phone punctuation.
pub fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    (6..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

/// The external site a link points to: itself, or the `url` parameter of LinkedIn's
/// `/redir/redirect?url=…` wrapper; `None` for LinkedIn's own pages.
fn external_target(href: &str) -> Option<String> {
    let Some(path) = super::url::linkedin_path(href) else {
        return Some(href.to_string());
    };
    if !path.starts_with("/redir/") {
        return None;
    }
    let query = href.split_once('?')?.1.split('#').next()?;
    let value = query.split('&').find_map(|kv| kv.strip_prefix("url="))?;
    let decoded = percent_encoding::percent_decode_str(&value.replace('+', " "))
        .decode_utf8_lossy()
        .to_string();
    super::url::linkedin_path(&decoded)
        .is_none()
        .then_some(decoded)
}

/// The overlay root, if open. The snapshot carries dialogs after `<main>` (they live at body level), so
/// only the markup outside `main` is searched; without a `<main>` (`main == root`) the whole markup is.
pub fn dialog<'a>(root: Element<'a>, main: Element<'a>) -> Option<Element<'a>> {
    let has_content = |d: &Element<'_>| {
        dom::first(
            *d,
            &[
                "a[href^=\"mailto:\"]",
                "a[href^=\"tel:\"]",
                "a[href*=\"/in/\"]",
                "section",
            ],
        )
        .is_some()
    };
    let scopes: Vec<Element<'a>> = if main.id() == root.id() {
        vec![root]
    } else {
        root.child_elements()
            .filter(|c| c.id() != main.id())
            .collect()
    };
    scopes.into_iter().find_map(|scope| {
        let own = TABLE
            .contact_dialog
            .iter()
            .any(|css| dom::matches(scope, css));
        std::iter::once(scope)
            .filter(|_| own)
            .chain(dom::all_of_any(scope, TABLE.contact_dialog))
            .find(has_content)
    })
}

/// Reads the overlay.
pub fn read(dialog: Element<'_>) -> Contact {
    let mut c = Contact::default();
    for a in dom::select_all(dialog, &["a[href]"]) {
        let href = a.attr("href").unwrap_or("").trim();
        let lower = href.to_ascii_lowercase();
        if let Some(mail) = lower.strip_prefix("mailto:").map(|_| &href[7..]) {
            let mail = mail.split('?').next().unwrap_or("");
            push_unique(
                &mut c.emails,
                percent_encoding::percent_decode_str(mail)
                    .decode_utf8_lossy()
                    .trim()
                    .to_string(),
            );
        } else if lower.starts_with("tel:") {
            push_unique(
                &mut c.phones,
                text::text(a).unwrap_or_else(|| href[4..].to_string()),
            );
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            if let Some(site) = external_target(href) {
                push_unique(&mut c.websites, site);
            }
        }
    }
    if c.phones.is_empty() {
        for line in text::line_texts(dialog) {
            if looks_like_phone(&line) {
                push_unique(&mut c.phones, line);
            }
        }
    }
    c
}
