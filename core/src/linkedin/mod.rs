//! LinkedIn: page classification and profile extraction over the page's markup, in pure Rust, so the
//! same code runs in the extension (on the snapshot the content script hands over) and natively on saved
//! pages (the `extract` tool and the fixture tests).
//!
//! Layers (research `linkedin-scraping.md` §5): the visible page first, through language-independent
//! anchors kept as versioned data ([`selectors`]), with LinkedIn's doubled a11y texts de-duplicated
//! ([`text`]); the embedded page data (Voyager `bpr-guid` blocks, [`embedded`]; the 2026 React Server
//! Components payload, [`rsc`]) only for the profile of the URL and only to fill gaps. Nothing is reported
//! before the page is shown to belong to the URL ([`identity`]); a page in none of the known layouts
//! ([`layout`]) is [`Extraction::Unrecognised`], with [`diagnostics`] that carry no page content.
//!
//! Modules, one job each: [`url`] classification, [`selectors`] the table, [`layout`] recognition,
//! [`markup`] (the parser) and [`dom`] / [`text`] helpers, [`dates`], [`names`] (the name policy),
//! [`top_card`] (2024/2025), [`cards`] (2026), [`sections`] (experience with grouped roles, education,
//! skills, languages, about), [`contact`], [`embedded`], [`rsc`], [`sales_navigator`], [`recruiter`],
//! [`identity`], [`diagnostics`], and [`orchestrate`] which layers them.

pub mod anchored;
pub mod cards;
pub mod contact;
pub mod dates;
pub mod diagnostics;
pub mod dom;
pub mod embedded;
pub mod identity;
pub mod layout;
pub mod names;
pub mod orchestrate;
pub mod recruiter;
pub mod rsc;
pub mod sales_navigator;
pub mod sections;
pub mod selectors;
pub mod surface;
pub mod text;
pub mod top_card;
pub mod url;

/// The parsed markup (arena tree, CSS-subset selectors): the `sourcing-markup` crate.
pub use markup;

use crate::page::PageSnapshot;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

/// What kind of LinkedIn page a URL points to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PageKind {
    /// A member profile `/in/<slug>/` (any sub-route).
    Profile {
        /// Percent-decoded public identifier.
        slug: String,
        /// `https://www.linkedin.com/in/<slug>/` (slug percent-encoded).
        #[serde(default)]
        canonical_url: String,
    },
    /// A Sales Navigator lead.
    SalesLead {
        /// Sales Navigator profile id (`ACwAA…`).
        id: String,
        /// `https://www.linkedin.com/sales/lead/<id>,<authType>,<token>` without query.
        #[serde(default)]
        canonical_url: String,
    },
    /// A LinkedIn Recruiter candidate profile.
    RecruiterProfile {
        /// Recruiter profile id (`AEMAA…`).
        id: String,
        /// `https://www.linkedin.com/talent/profile/<id>`.
        #[serde(default)]
        canonical_url: String,
    },
    /// Anything else.
    NotProfile,
}

impl PageKind {
    /// True for pages that show a candidate.
    pub fn is_candidate(&self) -> bool {
        !matches!(self, PageKind::NotProfile)
    }

    /// The canonical URL of a candidate page.
    pub fn canonical_url(&self) -> Option<&str> {
        match self {
            PageKind::Profile { canonical_url, .. }
            | PageKind::SalesLead { canonical_url, .. }
            | PageKind::RecruiterProfile { canonical_url, .. } => Some(canonical_url),
            PageKind::NotProfile => None,
        }
    }
}

/// Why a page is not a profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotProfileReason {
    /// The URL is not a candidate page (feed, company page, `/in/me/`, another site, …).
    #[default]
    OtherPage,
    /// LinkedIn's anti-bot / security-check page is shown (also at a profile URL).
    AntiBot,
}

/// The page layout the extraction recognised, i.e. which reading applied (research `linkedin-scraping.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// The 2024 "Ember" member profile (§2.1): `section[data-member-id]`, `#experience`-style anchors,
    /// utility classes, doubled `aria-hidden` / `visually-hidden` texts.
    #[serde(rename = "ember_2024")]
    Ember2024,
    /// The 2025 member profile with hashed classes (§2.1, vana-com#9): name in `<h1>`, doubled texts with
    /// a hashed a11y class, sections by heading and structure.
    #[serde(rename = "hashed_2025")]
    Hashed2025,
    /// The 2026 server-driven member profile (§2.1b): cards keyed by `componentkey`, name in the top
    /// card's `<h2>`, plain texts.
    #[serde(rename = "cards_2026")]
    Cards2026,
    /// A Sales Navigator lead page (§2.4, `data-anonymize`).
    #[serde(rename = "sales_navigator")]
    SalesNavigator,
    /// A Recruiter candidate page (§2.4, `data-test-*`).
    #[serde(rename = "recruiter")]
    Recruiter,
    /// None of the known layouts.
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

impl Layout {
    /// The layout's name as serialised (`"cards_2026"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Ember2024 => "ember_2024",
            Layout::Hashed2025 => "hashed_2025",
            Layout::Cards2026 => "cards_2026",
            Layout::SalesNavigator => "sales_navigator",
            Layout::Recruiter => "recruiter",
            Layout::Unknown => "unknown",
        }
    }
}

/// The result of reading one page snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Extraction {
    /// The page shows the candidate of its URL.
    Profile {
        /// The classified page.
        page: PageKind,
        /// The layout it was read in.
        #[serde(default)]
        layout: Layout,
        /// Extracted fields.
        profile: Box<Profile>,
    },
    /// Not a candidate page.
    NotAProfile {
        /// The classified page.
        page: PageKind,
        /// Why.
        #[serde(default)]
        reason: NotProfileReason,
    },
    /// A candidate URL whose page, in a known layout, does not (yet) show that candidate: still rendering
    /// or stale (another person's page after in-app navigation).
    Pending {
        /// The classified page.
        page: PageKind,
        /// The layout recognised.
        #[serde(default)]
        layout: Layout,
    },
    /// A candidate URL whose page shows none of the known layouts: still blank, or a layout LinkedIn
    /// rolled out after this selector table. Nothing is read from it; the popup re-reads, then offers the
    /// empty form and these diagnostics (which carry no text, URL or attribute value of the page).
    Unrecognised {
        /// The classified page.
        page: PageKind,
        /// What the selector table found on the page.
        diagnostics: Box<diagnostics::Diagnostics>,
    },
}

/// Classifies a LinkedIn URL (see [`url`]).
pub fn classify_url(url: &str) -> PageKind {
    url::classify(url)
}

/// The profile of a candidate page nothing could be read from (an unrecognised layout): only its canonical
/// URL, every other field missing, so the form opens empty and the rest of the flow works.
pub fn unread_profile(page: &PageKind) -> Profile {
    let mut profile = Profile {
        profile_url: page
            .canonical_url()
            .map(|u| crate::profile::Field::visible(u.to_string()))
            .unwrap_or_default(),
        ..Profile::default()
    };
    profile.missing = orchestrate::missing(&profile);
    profile
}

/// Extracts the candidate from a snapshot (see [`orchestrate`]). Never panics on any input.
pub fn extract(snapshot: &PageSnapshot) -> Extraction {
    orchestrate::extract(snapshot)
}

/// [`extract`] on the snapshot's markup parsed already ([`markup::Document::parse`]), for callers that
/// time the two steps apart.
pub fn extract_parsed(snapshot: &PageSnapshot, markup: &markup::Document) -> Extraction {
    orchestrate::extract_parsed(snapshot, markup)
}
