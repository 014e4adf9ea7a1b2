//! Contact info from the contact-info overlay the recruiter opened: a `[role=dialog]` (2024) or `<dialog>`
//! LinkedIn renders at body level (the snapshot carries it after `<main>`), or, in the 2026 layout, the
//! screen `[data-sdui-screen$="ProfileContactDetailsOverlay"]` / the `…ContactInfoDetailSection` card
//! wherever it is. Language-independent: e-mails from `mailto:` links, phones from `tel:` links or
//! phone-shaped lines, websites from external links (LinkedIn's `/redir/redirect?url=` and `/safety/go?url=`
//! wrappers unwrapped). An overlay whose profile link names another person is stale and never read.
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
    if !(path.starts_with("/redir/") || path.starts_with("/safety/go")) {
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

fn has_content(d: Element<'_>) -> bool {
    dom::first(
        d,
        &[
            "a[href^=\"mailto:\"]",
            "a[href^=\"tel:\"]",
            "a[href*=\"/in/\"]",
            "section",
        ],
    )
    .is_some()
}

/// False when the overlay links to profiles and none of them is `slug` (an overlay left over from the
/// previous person after in-app navigation).
fn belongs_to(overlay: Element<'_>, slug: Option<&str>) -> bool {
    let Some(slug) = slug else {
        return true;
    };
    let linked: Vec<String> = dom::select(overlay, "a[href*=\"/in/\"]")
        .into_iter()
        .filter_map(|a| super::url::profile_link(a.attr("href")?).map(|(s, _)| s))
        .collect();
    linked.is_empty() || linked.iter().any(|s| s.eq_ignore_ascii_case(slug))
}

/// The overlay root, if open. The 2026 overlay is found by its keys anywhere; the older dialogs live at
/// body level, so only the markup outside `main` is searched for them (without a `<main>`,
/// `main == root`, the whole markup is). `slug`: the member profile of the URL, if it is one.
pub fn dialog<'a>(root: Element<'a>, main: Element<'a>, slug: Option<&str>) -> Option<Element<'a>> {
    if let Some(screen) = dom::all_of_any(root, TABLE.cards.contact_overlay)
        .into_iter()
        .find(|d| has_content(*d))
    {
        return belongs_to(screen, slug).then_some(screen);
    }
    let scopes: Vec<Element<'a>> = if main.id() == root.id() {
        vec![root]
    } else {
        root.child_elements()
            .filter(|c| c.id() != main.id())
            .collect()
    };
    let found = scopes.into_iter().find_map(|scope| {
        let own = dom::matches_any(scope, TABLE.contact_dialog);
        std::iter::once(scope)
            .filter(|_| own)
            .chain(dom::all_of_any(scope, TABLE.contact_dialog))
            .find(|d| has_content(*d))
    })?;
    belongs_to(found, slug).then_some(found)
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
