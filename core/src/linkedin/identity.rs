//! Does the rendered page belong to the profile in the URL? LinkedIn is a single-page app: after in-app
//! navigation the previous person's markup (and embedded data) can stay in the DOM for a while. Nothing is
//! reported unless the page positively names the URL's profile:
//! - member profiles: links to the profile's own sub-routes (`/in/<slug>/overlay/contact-info/`,
//!   `/details/experience/`, …; the top card's first), else the embedded data of the URL's slug agreeing
//!   with the top card (`data-member-id` = `objectUrn`, or the displayed name);
//! - 2026 cards (no `<h1>`): the top card whose own links name the URL's profile; without such links, the
//!   person's other cards (same member id in their keys), then embedded data of the slug whose profile id
//!   is the one in the card's key, or whose name is the card's;
//! - Sales Navigator / Recruiter: the lead / candidate id in links or URN attributes.
//!
//! A page that names another profile is stale; one that names none is not rendered yet. Both are
//! `Pending` for the caller, which re-reads.

use super::cards::{self, Card};
use super::dom;
use super::embedded::EmbeddedProfile;
use super::markup::Element;
use super::url;
use crate::profile::IdentityEvidence;

/// The outcome of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The page shows the URL's profile.
    Verified(IdentityEvidence),
    /// The page shows another profile (stale markup after in-app navigation).
    Stale,
    /// Nothing on the page names a profile yet.
    Unknown,
}

/// Slugs of links under `root` to a profile's sub-routes (`/in/<slug>/<something>`); with `plain`, links to
/// the bare profile count too.
fn linked_slugs(root: Element<'_>, plain: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in dom::select_all(root, &["a[href*=\"/in/\"]"]) {
        if let Some((slug, sub)) = a.attr("href").and_then(url::profile_link) {
            if (plain || !sub.is_empty()) && !out.iter().any(|s| s.eq_ignore_ascii_case(&slug)) {
                out.push(slug);
            }
        }
    }
    out
}

fn verdict_from(slugs: &[String], slug: &str) -> Option<Verdict> {
    if slugs.is_empty() {
        return None;
    }
    Some(if slugs.iter().any(|s| s.eq_ignore_ascii_case(slug)) {
        Verdict::Verified(IdentityEvidence::ProfileLinks)
    } else {
        Verdict::Stale
    })
}

fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Checks a member profile page. `card` is the top-card root, `route` the URL's sub-route.
pub fn member(
    main: Element<'_>,
    card: Option<Element<'_>>,
    slug: &str,
    route: &str,
    shown_name: Option<&str>,
    shown_member_id: Option<&str>,
    embedded: Option<&EmbeddedProfile>,
) -> Verdict {
    if let Some(v) = card.and_then(|c| verdict_from(&linked_slugs(c, false), slug)) {
        return v;
    }
    if let Some(v) = verdict_from(&linked_slugs(main, false), slug) {
        return v;
    }
    if route.starts_with("details/") {
        if let Some(v) = verdict_from(&linked_slugs(main, true), slug) {
            return v;
        }
    }
    if let Some(e) = embedded {
        if let (Some(shown), Some(theirs)) = (shown_member_id, e.member_id.as_deref()) {
            return if shown == theirs {
                Verdict::Verified(IdentityEvidence::EmbeddedData)
            } else {
                Verdict::Stale
            };
        }
        if let Some(agree) = shown_name.and_then(|shown| names_agree(shown, e)) {
            return if agree {
                Verdict::Verified(IdentityEvidence::EmbeddedData)
            } else {
                Verdict::Stale
            };
        }
    }
    Verdict::Unknown
}

fn names_agree(shown: &str, e: &EmbeddedProfile) -> Option<bool> {
    let shown = fold(shown);
    let parts: Vec<String> = [&e.first_name, &e.last_name]
        .iter()
        .filter_map(|p| p.as_deref())
        .map(fold)
        .collect();
    (!parts.is_empty()).then(|| parts.iter().all(|p| shown.contains(p.as_str())))
}

/// Checks a 2026 member profile: which of the top cards (`candidates`, in document order) is the URL's
/// profile. `name_of` reads a card's displayed name.
pub fn top_card<'a>(
    main: Element<'a>,
    candidates: &[Card<'a>],
    slug: &str,
    embedded: Option<&EmbeddedProfile>,
    name_of: &dyn Fn(Card<'a>) -> Option<String>,
) -> (Verdict, Option<Card<'a>>) {
    // 1. the card's own links (`/in/<slug>/overlay/contact-info/`, …)
    let mut stale = false;
    for card in candidates {
        match verdict_from(&linked_slugs(card.element, false), slug) {
            Some(Verdict::Verified(by)) => return (Verdict::Verified(by), Some(*card)),
            Some(_) => stale = true,
            None => {}
        }
    }
    if stale {
        return (Verdict::Stale, None);
    }
    // 2. links in the person's other cards ("Show all experiences" → `/in/<slug>/details/experience/`)
    for card in candidates {
        let Some(member) = card.member_id else {
            continue;
        };
        let mut slugs: Vec<String> = Vec::new();
        for own in cards::of_member(main, member) {
            for s in linked_slugs(own, false) {
                if !slugs.iter().any(|x| x.eq_ignore_ascii_case(&s)) {
                    slugs.push(s);
                }
            }
        }
        if let Some(v) = verdict_from(&slugs, slug) {
            return (v, matches!(v, Verdict::Verified(_)).then_some(*card));
        }
    }
    // 3. embedded data of the URL's slug: the profile id in the card's key, else the displayed name
    let Some(e) = embedded else {
        return (Verdict::Unknown, None);
    };
    for card in candidates {
        if let (Some(ours), Some(theirs)) = (card.member_id, e.member_id.as_deref()) {
            if ours == theirs {
                return (
                    Verdict::Verified(IdentityEvidence::EmbeddedData),
                    Some(*card),
                );
            }
            continue;
        }
        if let Some(agree) = name_of(*card).and_then(|n| names_agree(&n, e)) {
            if agree {
                return (
                    Verdict::Verified(IdentityEvidence::EmbeddedData),
                    Some(*card),
                );
            }
            stale = true;
        }
    }
    if stale
        || candidates
            .iter()
            .any(|c| c.member_id.is_some() && e.member_id.is_some())
    {
        return (Verdict::Stale, None);
    }
    (Verdict::Unknown, None)
}

/// Ids found after `marker` in any attribute value (`urn:li:fs_salesProfile:(ID,…`, `/sales/lead/ID,…`).
fn ids_after(root: Element<'_>, markers: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for el in std::iter::once(root).chain(root.descendant_elements()) {
        for (_, value) in el.attrs() {
            for m in markers {
                let mut rest = value;
                while let Some(i) = rest.find(m) {
                    rest = &rest[i + m.len()..];
                    let id: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if !id.is_empty() && !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
    }
    out
}

fn by_ids(ids: &[String], id: &str) -> Verdict {
    if ids.is_empty() {
        Verdict::Unknown
    } else if ids.iter().any(|x| x == id) {
        Verdict::Verified(IdentityEvidence::PageIds)
    } else {
        Verdict::Stale
    }
}

/// Checks a Sales Navigator lead page.
pub fn sales_lead(root: Element<'_>, id: &str) -> Verdict {
    by_ids(
        &ids_after(
            root,
            &["fs_salesProfile:(", "/sales/lead/", "/sales/people/"],
        ),
        id,
    )
}

/// Checks a Recruiter profile page.
pub fn recruiter(root: Element<'_>, id: &str) -> Verdict {
    by_ids(
        &ids_after(
            root,
            &[
                "ts_linkedin_member_profile:(",
                "/talent/profile/",
                "/profile/",
            ],
        ),
        id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;

    fn verdict(html: &str, slug: &str, embedded: Option<&EmbeddedProfile>) -> Verdict {
        let doc = Document::parse(html);
        let main = dom::first(doc.root(), &["main"]).unwrap();
        let card = dom::first(main, &["section"]);
        let name = card
            .and_then(|c| dom::first(c, &["h1"]))
            .and_then(super::super::text::text);
        let member = card.and_then(|c| c.attr("data-member-id"));
        member_check(main, card, slug, name.as_deref(), member, embedded)
    }

    fn member_check(
        main: Element<'_>,
        card: Option<Element<'_>>,
        slug: &str,
        name: Option<&str>,
        member_id: Option<&str>,
        embedded: Option<&EmbeddedProfile>,
    ) -> Verdict {
        member(main, card, slug, "", name, member_id, embedded)
    }

    #[test]
    fn own_sub_route_links_verify_and_foreign_ones_are_stale() {
        let html = r#"<main><section><h1>A</h1><a href="/in/a-1/overlay/contact-info/">c</a></section></main>"#;
        assert_eq!(
            verdict(html, "a-1", None),
            Verdict::Verified(IdentityEvidence::ProfileLinks)
        );
        assert_eq!(
            verdict(html, "A-1", None),
            Verdict::Verified(IdentityEvidence::ProfileLinks)
        );
        assert_eq!(verdict(html, "b-2", None), Verdict::Stale);
    }

    #[test]
    fn plain_links_to_other_people_are_not_evidence() {
        let html = r#"<main><section><h1>A</h1></section><a href="/in/someone-else/">x</a></main>"#;
        assert_eq!(verdict(html, "a-1", None), Verdict::Unknown);
    }

    #[test]
    fn embedded_data_decides_by_member_id_then_name() {
        let e = EmbeddedProfile {
            public_identifier: "a-1".into(),
            member_id: Some("42".into()),
            first_name: Some("Ada".into()),
            last_name: Some("Quist".into()),
            ..EmbeddedProfile::default()
        };
        let same = r#"<main><section data-member-id="42"><h1>Ada Quist</h1></section></main>"#;
        let other = r#"<main><section data-member-id="7"><h1>Ada Quist</h1></section></main>"#;
        let no_id = r#"<main><section><h1>Bo Lind</h1></section></main>"#;
        assert_eq!(
            verdict(same, "a-1", Some(&e)),
            Verdict::Verified(IdentityEvidence::EmbeddedData)
        );
        assert_eq!(verdict(other, "a-1", Some(&e)), Verdict::Stale);
        assert_eq!(verdict(no_id, "a-1", Some(&e)), Verdict::Stale);
    }

    #[test]
    fn sales_and_recruiter_ids() {
        let doc = Document::parse(
            r#"<div data-lead-urn="urn:li:fs_salesProfile:(ACwAA1,NAME_SEARCH,x)"></div>"#,
        );
        assert_eq!(
            sales_lead(doc.root(), "ACwAA1"),
            Verdict::Verified(IdentityEvidence::PageIds)
        );
        assert_eq!(sales_lead(doc.root(), "ACwAA2"), Verdict::Stale);
        let doc = Document::parse(r#"<a href="/talent/hire/1/discover/profile/AEMAA9?x=1">p</a>"#);
        assert_eq!(
            recruiter(doc.root(), "AEMAA9"),
            Verdict::Verified(IdentityEvidence::PageIds)
        );
        assert_eq!(
            recruiter(Document::parse("<p>x</p>").root(), "AEMAA9"),
            Verdict::Unknown
        );
    }
}
