//! LinkedIn: page classification and profile extraction over the page's markup.
//!
//! Placeholder implementation (foundation); replaced by the full layered extraction.

use crate::page::PageSnapshot;
use crate::profile::{Field, Profile};
use serde::{Deserialize, Serialize};

/// What kind of LinkedIn page a URL points to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PageKind {
    /// A member profile `/in/<slug>/` (any sub-route).
    Profile {
        /// Percent-decoded public identifier.
        slug: String,
    },
    /// A Sales Navigator lead.
    SalesLead {
        /// Sales Navigator profile id.
        id: String,
    },
    /// A LinkedIn Recruiter candidate profile.
    RecruiterProfile {
        /// Recruiter profile id.
        id: String,
    },
    /// Anything else.
    NotProfile,
}

impl PageKind {
    /// True for pages that show a candidate.
    pub fn is_candidate(&self) -> bool {
        !matches!(self, PageKind::NotProfile)
    }
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
    },
    /// A candidate URL whose page does not (yet) show that candidate: still rendering or stale.
    Pending {
        /// The classified page.
        page: PageKind,
    },
}

/// Classifies a LinkedIn URL.
pub fn classify_url(url: &str) -> PageKind {
    let path = url.split("linkedin.com").nth(1).unwrap_or("");
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut parts = path.split('/').filter(|s| !s.is_empty());
    match (parts.next(), parts.next()) {
        (Some("in"), Some(slug)) if slug != "me" => PageKind::Profile { slug: slug.to_string() },
        _ => PageKind::NotProfile,
    }
}

/// Extracts the profile from a snapshot.
pub fn extract(snapshot: &PageSnapshot) -> Extraction {
    let page = classify_url(&snapshot.url);
    if !page.is_candidate() {
        return Extraction::NotAProfile { page };
    }
    let doc = scraper::Html::parse_fragment(&snapshot.markup);
    let text = |sel: &str| {
        let selector = scraper::Selector::parse(sel).ok()?;
        let el = doc.select(&selector).next()?;
        let t = el.text().collect::<String>().trim().to_string();
        (!t.is_empty()).then_some(t)
    };
    let Some(name) = text("h1") else {
        return Extraction::Pending { page };
    };
    let mut profile = Profile { display_name: Field::visible(name.clone()), ..Profile::default() };
    if let Some((first, last)) = name.split_once(' ') {
        profile.first_name = Field::visible(first.to_string());
        profile.last_name = Field::visible(last.to_string());
    }
    if let Some(h) = text(".text-body-medium") {
        profile.headline = Field::visible(h);
    }
    Extraction::Profile { page, profile: Box::new(profile) }
}
