//! LinkedIn: page classification and profile extraction over the page's markup, in pure Rust, so the
//! same code runs in the extension (on the snapshot the content script hands over) and natively on saved
//! pages (the `extract` tool and the fixture tests).
//!
//! Layers (research `linkedin-scraping.md` §5): the visible page first, through language-independent
//! anchors kept as versioned data ([`selectors`]), with LinkedIn's doubled a11y texts de-duplicated
//! ([`text`]); the embedded `bpr-guid` page data ([`embedded`]) only for the profile of the URL and only to
//! fill gaps. Nothing is reported before the page is shown to belong to the URL ([`identity`]).
//!
//! Modules, one job each: [`url`] classification, [`selectors`] the table, [`dom`] / [`text`] markup
//! helpers, [`dates`], [`names`] (the name policy), [`top_card`], [`sections`] (experience with grouped
//! roles, education, skills, languages, about), [`contact`], [`embedded`], [`sales_navigator`],
//! [`recruiter`], [`identity`], and [`orchestrate`] which layers them.

pub mod anchored;
pub mod contact;
pub mod dates;
pub mod dom;
pub mod embedded;
pub mod identity;
pub mod names;
pub mod orchestrate;
pub mod recruiter;
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

/// What kind of LinkedIn page a URL points to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// The result of reading one page snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Extraction {
    /// The page shows the candidate of its URL.
    Profile {
        /// The classified page.
        page: PageKind,
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
    /// A candidate URL whose page does not (yet) show that candidate: still rendering or stale.
    Pending {
        /// The classified page.
        page: PageKind,
    },
}

/// Classifies a LinkedIn URL (see [`url`]).
pub fn classify_url(url: &str) -> PageKind {
    url::classify(url)
}

/// Extracts the candidate from a snapshot (see [`orchestrate`]). Never panics on any input.
pub fn extract(snapshot: &PageSnapshot) -> Extraction {
    orchestrate::extract(snapshot)
}
