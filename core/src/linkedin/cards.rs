//! The 2026 server-driven profile (research `linkedin-scraping.md` §2.1b): every card carries a key
//! `com.linkedin.sdui.profile.card.ref<MEMBER_ID><Suffix>` (`componentkey`, or `id` where it sits there), on
//! whatever element renders the card. Cards are found by the key's suffix and scoped to the person's own
//! cards through the member id in the key: the suggestion cards inside `<main>` ("More profiles for you",
//! …) share the prefix and hold other people's names, so "the first card with the prefix" is never taken.

use super::dom;
use super::markup::Element;
use super::selectors::{Selectors, TABLE};

/// One keyed card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Card<'a> {
    /// The element carrying the key.
    pub element: Element<'a>,
    /// The member id inside the key (`None` when the key does not have the documented prefix).
    pub member_id: Option<&'a str>,
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The key of `el` that ends with `suffix` (ASCII case-insensitive), if any.
pub fn key_with_suffix<'a>(el: Element<'a>, suffix: &str) -> Option<&'a str> {
    TABLE
        .cards
        .key_attrs
        .iter()
        .filter_map(|a| el.attr(a))
        .find(|k| ends_with_ignore_case(k, suffix))
}

/// The member id of a key `…ref<ID><suffix>`.
pub fn member_id<'a>(key: &'a str, suffix: &str) -> Option<&'a str> {
    let rest = key.strip_prefix(TABLE.cards.key_prefix)?;
    let id = &rest[..rest.len().checked_sub(suffix.len())?];
    (!id.is_empty() && rest.is_char_boundary(id.len())).then_some(id)
}

/// Every card matching `css` whose key ends with `suffix`, outermost only (an element nested in a card
/// with the same key suffix belongs to that card), in document order.
pub fn all<'a>(root: Element<'a>, css: Selectors, suffix: &str) -> Vec<Card<'a>> {
    let mut out: Vec<Card<'a>> = Vec::new();
    for el in dom::all_of_any(root, css) {
        let Some(key) = key_with_suffix(el, suffix) else {
            continue;
        };
        if out.iter().any(|c| c.element.contains(el)) {
            continue;
        }
        out.push(Card {
            element: el,
            member_id: member_id(key, suffix),
        });
    }
    out
}

/// The person's own card with `suffix`: the first whose member id is the top card's (when both are known);
/// a card keyed for another member is never taken.
pub fn own<'a>(
    root: Element<'a>,
    css: Selectors,
    suffix: &str,
    member: Option<&str>,
) -> Option<Card<'a>> {
    all(root, css, suffix)
        .into_iter()
        .find(|c| match (c.member_id, member) {
            (Some(theirs), Some(ours)) => theirs == ours,
            _ => true,
        })
}

/// Every element under `root` keyed for `member` (any suffix): the person's own cards, where the links
/// that tie the page to the URL's profile are looked for when the top card carries none.
pub fn of_member<'a>(root: Element<'a>, member: &str) -> Vec<Element<'a>> {
    let prefix_len = TABLE.cards.key_prefix.len();
    root.descendant_elements()
        .filter(|el| {
            TABLE
                .cards
                .key_attrs
                .iter()
                .filter_map(|a| el.attr(a))
                .any(|k| {
                    k.starts_with(TABLE.cards.key_prefix)
                        && k.get(prefix_len..)
                            .is_some_and(|rest| rest.starts_with(member))
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;

    const PAGE: &str = r#"<main>
        <div componentkey="com.linkedin.sdui.profile.card.refACoAA1Topcard"><div componentkey="com.linkedin.sdui.profile.card.refACoAA1Topcard"><h2>Ada</h2></div></div>
        <div componentkey="com.linkedin.sdui.profile.card.refACoAA1SuggestedForYou"><h2>Bo</h2>
            <div componentkey="com.linkedin.sdui.profile.card.refACoBB2About"><p>Bo's about</p></div></div>
        <section id="com.linkedin.sdui.profile.card.refACoAA1About"><p>Ada's about</p></section>
    </main>"#;

    #[test]
    fn finds_cards_by_suffix_and_member_id() {
        let doc = Document::parse(PAGE);
        let root = doc.root();
        let tops = all(root, TABLE.cards.top_card, "Topcard");
        assert_eq!(tops.len(), 1, "a card nested in itself is one card");
        assert_eq!(tops[0].member_id, Some("ACoAA1"));
        let about = TABLE.section(crate::linkedin::selectors::SectionKey::About);
        let own_about = own(root, about.card, about.card_suffix, Some("ACoAA1")).unwrap();
        assert_eq!(own_about.element.name(), "section");
        assert_eq!(own_about.member_id, Some("ACoAA1"));
        assert_eq!(of_member(root, "ACoAA1").len(), 4);
        assert_eq!(
            member_id("com.linkedin.sdui.profile.card.refTopcard", "Topcard"),
            None
        );
        assert_eq!(member_id("x.refA1Topcard", "Topcard"), None);
    }
}
