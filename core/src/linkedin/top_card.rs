//! The top card of a member profile: display name, headline, location, photo and the contact-info link.
//! The name is the card's `h1` (2024 and 2025 layouts; `h2` in an older variant and in the 2026 cards,
//! where [`super::cards`] finds the card). Headline and location use LinkedIn's stable utility classes
//! when present, else position: the headline is the first text after the name that is not a pronoun,
//! connection degree or count; the location is the text right before the contact-info link (an
//! `/in/<slug>/overlay/contact-info/` href, language-independent).

use super::dom;
use super::markup::Element;
use super::selectors::{Selectors, TABLE};
use super::text;

/// What the top card shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopCard {
    /// Display name, de-duplicated, otherwise as shown.
    pub name: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// Location line.
    pub location: Option<String>,
    /// Largest photo URL.
    pub photo_url: Option<String>,
    /// `data-member-id` of the top card (2024 layout).
    pub member_id: Option<String>,
}

/// The top-card root inside `main`: the selector table's card, else the `section` holding the first
/// `h1`, else `main` itself.
pub fn root<'a>(main: Element<'a>) -> Element<'a> {
    if let Some(card) = dom::first(main, TABLE.top_card) {
        return card;
    }
    if let Some(h1) = dom::first(main, &["h1"]) {
        if let Some(section) = dom::closest(h1, "section") {
            return section;
        }
    }
    main
}

/// Reads the top card.
pub fn read(main: Element<'_>) -> TopCard {
    let card = root(main);
    // The `h2` fallback of the name list only applies inside an explicitly marked top card; elsewhere the
    // first `h2` is a section heading.
    let explicit = dom::first(main, TABLE.top_card).is_some();
    let names = if explicit {
        TABLE.name
    } else {
        &TABLE.name[..TABLE.name.len() - 1]
    };
    read_at(card, names)
}

/// Reads the top card rooted at `card`, its name being the first match of `names`.
pub fn read_at(card: Element<'_>, names: Selectors) -> TopCard {
    let name_el = dom::first(card, names);
    let name = name_el.and_then(text::text);
    let location = dom::first(card, TABLE.location)
        .and_then(text::text)
        .or_else(|| location_before_contact_link(card, name_el));
    // By position, the first line after the name is the location when there is no headline.
    let headline = dom::first(card, TABLE.headline)
        .and_then(text::text)
        .or_else(|| positional_headline(card, name_el).filter(|h| Some(h) != location.as_ref()));
    TopCard {
        name,
        headline,
        location,
        photo_url: largest_photo(card),
        member_id: card.attr("data-member-id").map(str::to_string),
    }
}

/// True for lines that are not the headline: connection degree, pronouns, separators, counts.
fn is_noise(line: &str) -> bool {
    let l = line.trim_start_matches(['·', '•', ' ']).trim();
    if l.is_empty() || l.chars().all(|c| !c.is_alphanumeric()) {
        return true;
    }
    let lower = l.to_lowercase();
    const DEGREES: &[&str] = &[
        "1st", "2nd", "3rd", "3rd+", "1er", "2e", "3e", "3e+", "1.", "2.", "3.", "3.+", "1º", "2º",
        "3º", "3º+", "1°", "2°", "3°",
    ];
    if DEGREES.contains(&lower.as_str()) {
        return true;
    }
    // a11y copies of the degree: "2nd degree connection", "Kontakt 2. Grades", "Contacto de 2.º grado"
    const DEGREE_WORDS: &[&str] = &["degree", "grades", "niveau", "grado"];
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() <= 6
        && DEGREE_WORDS.iter().any(|w| words.contains(w))
        && l.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    // pronouns: "She/Her", "er/ihm", "il/lui", "ella/ella"
    if l.contains('/') && l.chars().count() <= 16 && !l.contains(' ') {
        return true;
    }
    const COUNTS: &[&str] = &[
        "connection",
        "follower",
        "kontakt",
        "relation",
        "abonné",
        "contacto",
        "seguidor",
    ];
    l.chars().any(|c| c.is_ascii_digit()) && COUNTS.iter().any(|w| lower.contains(w))
}

fn positional_headline(card: Element<'_>, name_el: Option<Element<'_>>) -> Option<String> {
    let name_el = name_el?;
    // Links to a company, a school or an overlay are not the headline, but the link wrapping the name
    // (`/in/<slug>/overlay/about-this-profile/`) must stay, or nothing is "after the name".
    let links_out = |e: Element<'_>| {
        e.name() == "a"
            && !e.contains(name_el)
            && e.attr("href").is_some_and(|h| {
                h.contains("/company/") || h.contains("/school/") || h.contains("/overlay/")
            })
    };
    let lines = text::lines_filtered(card, &links_out);
    let after = lines
        .iter()
        .position(|l| dom::is_within(l.element, name_el))?;
    lines
        .iter()
        .skip(after + 1)
        .filter(|l| !dom::is_within(l.element, name_el))
        .map(|l| l.text.as_str())
        .find(|t| !is_noise(t))
        .map(str::to_string)
}

fn location_before_contact_link(card: Element<'_>, name: Option<Element<'_>>) -> Option<String> {
    let link = dom::first(card, TABLE.contact_link)?;
    // The location shares a small container with the link; climb at most three levels and never into the
    // container of the name (whose lines would include the headline).
    for container in link.ancestors().take(3) {
        if name.is_some_and(|n| dom::is_within(n, container)) || container.id() == card.id() {
            break;
        }
        let lines = text::lines(container);
        let Some(at) = lines.iter().position(|l| dom::is_within(l.element, link)) else {
            continue;
        };
        if let Some(found) = lines[..at]
            .iter()
            .rev()
            .map(|l| l.text.as_str())
            .find(|t| !is_noise(t))
        {
            return Some(found.to_string());
        }
    }
    None
}

/// Width hint of a LinkedIn image URL (`…/profile-displayphoto-shrink_800_800/…` → 800).
fn width_from_url(url: &str) -> u32 {
    for key in ["shrink_", "scale_", "crop_"] {
        if let Some(i) = url.find(key) {
            let digits: String = url[i + key.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(w) = digits.parse() {
                return w;
            }
        }
    }
    0
}

/// Candidate `(url, width)` pairs of one `<img>` (src, `data-delayed-url`, `srcset`).
pub fn image_candidates(img: Element<'_>) -> Vec<(String, u32)> {
    let attr_w = img
        .attr("width")
        .and_then(|w| w.parse::<u32>().ok())
        .unwrap_or(0);
    let mut out = Vec::new();
    for attr in ["src", "data-delayed-url", "data-src"] {
        if let Some(u) = img.attr(attr) {
            out.push((u.trim().to_string(), width_from_url(u).max(attr_w)));
        }
    }
    if let Some(srcset) = img.attr("srcset") {
        for part in srcset.split(", ") {
            let mut it = part.split_whitespace();
            let (Some(u), d) = (it.next(), it.next()) else {
                continue;
            };
            let w = d
                .and_then(|d| d.strip_suffix('w'))
                .and_then(|d| d.parse().ok())
                .unwrap_or_else(|| width_from_url(u));
            out.push((u.to_string(), w));
        }
    }
    out.retain(|(u, _)| {
        u.starts_with("https://") && TABLE.photo_url_markers.iter().any(|m| u.contains(m))
    });
    out
}

/// The largest profile photo URL among `css` matches under `root`.
pub fn largest_photo_by(root: Element<'_>, css: Selectors) -> Option<String> {
    let mut best: Option<(String, u32)> = None;
    for img in dom::select_all(root, css) {
        for (u, w) in image_candidates(img) {
            if best.as_ref().is_none_or(|(_, bw)| w > *bw) {
                best = Some((u, w));
            }
        }
    }
    best.map(|(u, _)| u)
}

fn largest_photo(card: Element<'_>) -> Option<String> {
    largest_photo_by(card, TABLE.photo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;

    #[test]
    fn reads_a_hashed_top_card_by_position() {
        let html = r#"<main><section class="_a1"><div><h1 class="_x">Maren Okafor</h1><span>She/Her</span><span>· 2nd</span></div>
            <div class="_b2"><span aria-hidden="true">Data Engineer at Fjordlight</span><span class="_c3">Data Engineer at Fjordlight</span></div>
            <div><span>Bergen, Norway</span><span>·</span><a href="/in/maren-okafor-4b2a1c/overlay/contact-info/">Contact info</a></div>
            <img src="https://media.licdn.com/dms/image/v2/X/profile-displayphoto-shrink_100_100/0/1?e=1" srcset="https://media.licdn.com/dms/image/v2/X/profile-displayphoto-shrink_800_800/0/1?e=1 800w, https://media.licdn.com/dms/image/v2/X/profile-displayphoto-shrink_200_200/0/1?e=1 200w">
            <p>500+ connections</p></section></main>"#;
        let doc = Document::parse(html);
        let main = dom::first(doc.root(), &["main"]).unwrap();
        let card = read(main);
        assert_eq!(card.name.as_deref(), Some("Maren Okafor"));
        assert_eq!(
            card.headline.as_deref(),
            Some("Data Engineer at Fjordlight")
        );
        assert_eq!(card.location.as_deref(), Some("Bergen, Norway"));
        assert!(card.photo_url.unwrap().contains("shrink_800_800"));
    }
}
