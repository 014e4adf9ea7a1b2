//! Orchestration: classify the URL, recognise the layout (none: unrecognised, with diagnostics), check that
//! the page belongs to the URL (else: the anti-bot page, or pending), read the visible page in its layout,
//! layer the embedded data of the same profile under it, apply the name policy and list the missing fields.

use super::cards;
use super::embedded::{self, EmbeddedProfile};
use super::identity::{self, Verdict};
use super::markup::{Document, Element};
use super::selectors::{SectionKey, TABLE};
use super::surface::Visible;
use super::{contact, diagnostics, dom, layout, names, recruiter, rsc, sales_navigator, sections};
use super::{top_card, url};
use super::{Extraction, Layout, NotProfileReason, PageKind};
use crate::page::PageSnapshot;
use crate::profile::{ContactInfo, Experience, Field, IdentityEvidence, Profile};

/// What a surface reader found: the visible values, the embedded data of the same profile, and how the
/// page was tied to the URL.
type Read = (Visible, Option<EmbeddedProfile>, IdentityEvidence);

/// See [`super::extract`].
pub fn extract(snapshot: &PageSnapshot) -> Extraction {
    if !url::classify(&snapshot.url).is_candidate() {
        return extract_parsed(snapshot, &Document::default());
    }
    extract_parsed(snapshot, &Document::parse(&snapshot.markup))
}

/// See [`super::extract_parsed`].
pub fn extract_parsed(snapshot: &PageSnapshot, doc: &Document) -> Extraction {
    let page = url::classify(&snapshot.url);
    if !page.is_candidate() {
        return Extraction::NotAProfile {
            page,
            reason: NotProfileReason::OtherPage,
        };
    }
    let root = doc.root();
    let main = dom::first(root, &["main"]).unwrap_or(root);
    let layout = layout::detect(&page, root);
    let read = match (&page, layout) {
        (_, Layout::Unknown) => None,
        (PageKind::Profile { slug, .. }, Layout::Cards2026) => member_cards(snapshot, main, slug),
        (PageKind::Profile { slug, .. }, _) => member(snapshot, root, main, slug),
        (PageKind::SalesLead { id, .. }, _) => match identity::sales_lead(root, id) {
            Verdict::Verified(by) => Some((sales_navigator::read(main), None, by)),
            _ => None,
        },
        (PageKind::RecruiterProfile { id, .. }, _) => match identity::recruiter(root, id) {
            Verdict::Verified(by) => Some((recruiter::read(main), None, by)),
            _ => None,
        },
        (PageKind::NotProfile, _) => None,
    };
    let Some((mut visible, embedded, verified_by)) = read else {
        // Only a page that shows no verified profile can be the anti-bot page (checked here, not first,
        // to spare normal pages a walk of the whole markup).
        if dom::first_of_any(root, TABLE.anti_bot).is_some() {
            return Extraction::NotAProfile {
                page,
                reason: NotProfileReason::AntiBot,
            };
        }
        if layout == Layout::Unknown {
            let diagnostics = diagnostics::of(&page, root, snapshot);
            return Extraction::Unrecognised {
                page,
                diagnostics: Box::new(diagnostics),
            };
        }
        return Extraction::Pending { page, layout };
    };
    let slug = match &page {
        PageKind::Profile { slug, .. } => Some(slug.as_str()),
        _ => None,
    };
    if let Some(dialog) = contact::dialog(root, main, slug) {
        visible.contact = contact::read(dialog);
    }
    let mut profile = layer(&page, visible, embedded);
    profile.verified_by = Some(verified_by);
    Extraction::Profile {
        page,
        layout,
        profile: Box::new(profile),
    }
}

/// The embedded data of `slug`: the Voyager blocks, with first and last name from the RSC payload where
/// the Voyager data has none.
fn embedded_for(snapshot: &PageSnapshot, slug: &str) -> Option<EmbeddedProfile> {
    let voyager = embedded::for_slug(&snapshot.embedded, slug);
    let rsc = rsc::for_slug(&snapshot.embedded, slug);
    match (voyager, rsc) {
        (Some(mut v), Some(r)) => {
            if v.first_name.is_none() && v.last_name.is_none() {
                v.first_name = r.first_name;
                v.last_name = r.last_name;
            }
            v.member_id = v.member_id.or(r.member_id);
            Some(v)
        }
        (v, r) => v.or(r),
    }
}

/// The URL's profile sub-route (`"details/experience"`, `""`).
fn route_of(snapshot: &PageSnapshot) -> String {
    url::profile_link(&snapshot.url)
        .map(|(_, r)| r)
        .unwrap_or_default()
}

/// True when a member page shows something of the person (else it is still rendering).
fn rendered(visible: &Visible) -> bool {
    visible.name.is_some() || !visible.experience.is_empty() || !visible.education.is_empty()
}

/// Reads a 2024 / 2025 member profile after the identity check; `None` while pending.
fn member(
    snapshot: &PageSnapshot,
    root: Element<'_>,
    main: Element<'_>,
    slug: &str,
) -> Option<Read> {
    let route = route_of(snapshot);
    let details = route.starts_with("details/");
    let card = if details {
        top_card::TopCard::default()
    } else {
        top_card::read(main)
    };
    let card_root = (!details)
        .then(|| top_card::root(main))
        .filter(|c| c.id() != main.id());
    let embedded = embedded_for(snapshot, slug);
    let verdict = identity::member(
        root,
        card_root,
        slug,
        &route,
        card.name.as_deref(),
        card.member_id.as_deref(),
        embedded.as_ref(),
    );
    let Verdict::Verified(by) = verdict else {
        return None;
    };

    let index = sections::Index::new(main);
    let section = |key| sections::find_in(&index, key, &route);
    let visible = Visible {
        name: card.name,
        headline: card.headline,
        location: card.location,
        photo_url: card.photo_url,
        ..read_sections(&section, details)
    };
    rendered(&visible).then_some((visible, embedded, by))
}

/// The sections of a member profile, each found by `section`.
fn read_sections<'a>(
    section: &dyn Fn(SectionKey) -> Option<Element<'a>>,
    details: bool,
) -> Visible {
    // Each section's entries, with its descriptions found in one scan of the section.
    let entries = |key| match section(key) {
        Some(s) => (sections::entries(s), sections::Descriptions::of(s)),
        None => Default::default(),
    };
    // Experience reads the entries nested in its entries (the roles of a group) too.
    let experience_section = section(SectionKey::Experience);
    let experience = experience_section.map(sections::EntryScan::of);
    let d_experience = experience_section
        .map(sections::Descriptions::of)
        .unwrap_or_default();
    let (education, d_education) = entries(SectionKey::Education);
    let (skills, d_skills) = entries(SectionKey::Skills);
    let (languages, d_languages) = entries(SectionKey::Languages);
    Visible {
        about: (!details)
            .then(|| section(SectionKey::About).and_then(sections::lists::about))
            .flatten(),
        experience: experience
            .map(|scan| sections::experience::parse(&scan, &d_experience))
            .unwrap_or_default(),
        education: sections::education::parse(&education, &d_education),
        skills: sections::lists::skills(&skills, &d_skills),
        languages: sections::lists::languages(&languages, &d_languages),
        ..Visible::default()
    }
}

/// Reads a 2026 member profile (server-driven cards): the top card tied to the URL, then only the
/// person's own cards; `None` while pending.
fn member_cards(snapshot: &PageSnapshot, main: Element<'_>, slug: &str) -> Option<Read> {
    let route = route_of(snapshot);
    let details = route.starts_with("details/");
    let c = &TABLE.cards;
    let candidates = cards::all(main, c.top_card, c.top_card_suffix);
    let embedded = embedded_for(snapshot, slug);
    let name_of =
        |card: cards::Card<'_>| dom::first(card.element, c.name).and_then(super::text::text);
    let (verdict, card) = identity::top_card(main, &candidates, slug, embedded.as_ref(), &name_of);
    let Verdict::Verified(by) = verdict else {
        return None;
    };
    let card = card?;
    let top = if details {
        top_card::TopCard::default()
    } else {
        top_card::read_at(card.element, c.name)
    };
    let section = |key: SectionKey| {
        let anchors = TABLE.section(key);
        if details {
            let wanted = format!("details/{}", anchors.details_route);
            return (!anchors.details_route.is_empty() && route.trim_matches('/') == wanted)
                .then_some(main);
        }
        cards::own(main, anchors.card, anchors.card_suffix, card.member_id).map(|c| c.element)
    };
    let visible = Visible {
        name: top.name,
        headline: top.headline,
        location: top.location,
        photo_url: top.photo_url,
        ..read_sections(&section, details)
    };
    rendered(&visible).then_some((visible, embedded, by))
}

fn field<T>(visible: Option<T>, embedded: Option<T>) -> Field<T> {
    match (visible, embedded) {
        (Some(v), _) => Field::visible(v),
        (None, Some(e)) => Field::embedded(e),
        (None, None) => Field::missing(),
    }
}

fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    (!v.is_empty()).then_some(v)
}

fn current(list: &Field<Vec<Experience>>) -> (Field<String>, Field<String>) {
    let Some(e) = list
        .value
        .as_ref()
        .and_then(|l| l.iter().find(|e| e.current))
    else {
        return (Field::missing(), Field::missing());
    };
    let source = list.source;
    let title = Field {
        value: Some(e.title.clone()),
        source,
    };
    let company = match &e.company {
        Some(c) => Field {
            value: Some(c.clone()),
            source,
        },
        None => Field::missing(),
    };
    (title, company)
}

/// Layers visible values over embedded ones and applies the name policy.
fn layer(page: &PageKind, visible: Visible, embedded: Option<EmbeddedProfile>) -> Profile {
    let e = embedded.unwrap_or_default();
    let embedded_name = match (&e.first_name, &e.last_name) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (f, l) => f.clone().or(l.clone()),
    };
    let display_name = field(visible.name.clone(), embedded_name);
    let mut name_flags = Vec::new();
    let (first_name, last_name) = if e.first_name.is_some() || e.last_name.is_some() {
        let f = e
            .first_name
            .as_deref()
            .and_then(|f| names::clean_part(f, &mut name_flags));
        let l = e
            .last_name
            .as_deref()
            .and_then(|l| names::clean_part(l, &mut name_flags));
        (field(None, f), field(None, l))
    } else if let Some(display) = display_name.value.as_deref() {
        let split = names::split_display_name(display);
        name_flags = split.flags;
        let wrap = |v: Option<String>| Field {
            source: if v.is_some() {
                display_name.source
            } else {
                Default::default()
            },
            value: v,
        };
        (wrap(split.first), wrap(split.last))
    } else {
        (Field::missing(), Field::missing())
    };
    let profile_url = match (&visible.public_profile_url, page) {
        (Some(u), _) => Field::visible(u.clone()),
        (None, PageKind::Profile { canonical_url, .. }) => Field::visible(canonical_url.clone()),
        (None, p) => p
            .canonical_url()
            .map(|u| Field::visible(u.to_string()))
            .unwrap_or_default(),
    };
    let experience = field(non_empty(visible.experience), non_empty(e.experience));
    let (current_title, current_company) = current(&experience);
    let mut profile = Profile {
        profile_url,
        display_name,
        first_name,
        last_name,
        headline: field(visible.headline, e.headline),
        current_title,
        current_company,
        location: field(visible.location, e.location),
        photo_url: field(visible.photo_url, e.photo_url),
        about: field(visible.about, e.summary),
        experience,
        education: field(non_empty(visible.education), non_empty(e.education)),
        skills: field(non_empty(visible.skills), non_empty(e.skills)),
        languages: field(non_empty(visible.languages), non_empty(e.languages)),
        contact: ContactInfo {
            emails: field(non_empty(visible.contact.emails), None),
            phones: field(non_empty(visible.contact.phones), None),
            websites: field(non_empty(visible.contact.websites), None),
        },
        missing: Vec::new(),
        name_flags,
        verified_by: None,
        language: e.primary_language.clone(),
    };
    profile.missing = missing(&profile);
    profile
}

/// Names of the fields without a value.
pub fn missing(p: &Profile) -> Vec<String> {
    let present = [
        ("profile_url", p.profile_url.is_present()),
        ("display_name", p.display_name.is_present()),
        ("first_name", p.first_name.is_present()),
        ("last_name", p.last_name.is_present()),
        ("headline", p.headline.is_present()),
        ("current_title", p.current_title.is_present()),
        ("current_company", p.current_company.is_present()),
        ("location", p.location.is_present()),
        ("photo_url", p.photo_url.is_present()),
        ("about", p.about.is_present()),
        ("experience", p.experience.is_present()),
        ("education", p.education.is_present()),
        ("skills", p.skills.is_present()),
        ("languages", p.languages.is_present()),
        ("contact.emails", p.contact.emails.is_present()),
        ("contact.phones", p.contact.phones.is_present()),
        ("contact.websites", p.contact.websites.is_present()),
    ];
    present
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(n, _)| n.to_string())
        .collect()
}
