//! What the visible page of one surface (member profile, Sales Navigator lead, Recruiter profile) shows,
//! before it is layered with embedded data into a [`crate::profile::Profile`].

use super::contact::Contact;
use crate::profile::{Education, Experience, Language};

/// Visible values of one page; empty lists mean "not shown".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visible {
    /// Display name.
    pub name: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Largest photo URL.
    pub photo_url: Option<String>,
    /// About text.
    pub about: Option<String>,
    /// Experience entries.
    pub experience: Vec<Experience>,
    /// Education entries.
    pub education: Vec<Education>,
    /// Skills.
    pub skills: Vec<String>,
    /// Languages.
    pub languages: Vec<Language>,
    /// The member's public `/in/` URL when the page links to it (Sales Navigator, Recruiter).
    pub public_profile_url: Option<String>,
    /// Contact overlay.
    pub contact: Contact,
}
