//! Selectors and anchors as versioned data: every CSS selector, section anchor, attribute key and
//! localised heading the extraction relies on lives in [`TABLE`], so a LinkedIn layout change is a data
//! change here (plus a fixture), not a hunt through the parsers.
//!
//! Each entry is a list tried in order, newest layout first. Anchors never depend on hashed class names;
//! LinkedIn's stable utility classes (`text-heading-xlarge`, `visually-hidden`, …) and ids (`#experience`)
//! are used where they exist, with language-independent structural fallbacks (links to `/company/`,
//! `/school/`, `/in/<slug>/overlay/…`, `data-*` attributes) behind them.

/// One layout-aware list of CSS selectors, tried in order.
pub type Selectors = &'static [&'static str];

/// The sections of a member profile the extraction reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKey {
    /// "About".
    About,
    /// "Experience".
    Experience,
    /// "Education".
    Education,
    /// "Skills".
    Skills,
    /// "Languages".
    Languages,
}

/// How to find one profile section.
#[derive(Debug)]
pub struct SectionAnchors {
    /// The section.
    pub key: SectionKey,
    /// Anchor element id of the 2024 layout (`<div id="experience" class="pv-profile-card__anchor">`).
    pub anchor_id: &'static str,
    /// Substrings of `componentkey` / `data-view-name` / `data-section` attributes (2025–26 layout).
    pub attr_keys: &'static [&'static str],
    /// `/in/<slug>/details/<route>/` sub-route that shows this section alone.
    pub details_route: &'static str,
    /// Localised section headings (fallback only; compared case-insensitively).
    pub headings: &'static [&'static str],
    /// Last, language-independent fallback: a `section` (not the top card) holding a link matching this
    /// selector and a date-range line (links to `/company/` for experience, `/school/` for education).
    pub link_marker: Option<&'static str>,
}

/// The whole selector table.
#[derive(Debug)]
pub struct SelectorTable {
    /// Date of the layouts this table was checked against (bump with every change).
    pub version: &'static str,
    /// Top card root (2024: `section[data-member-id]`).
    pub top_card: Selectors,
    /// The display name inside the top card (or the page, as a fallback).
    pub name: Selectors,
    /// The headline (2024 utility classes; positional fallback in `top_card`).
    pub headline: Selectors,
    /// The location line (2024 utility classes; positional fallback next to the contact-info link).
    pub location: Selectors,
    /// Profile photo candidates.
    pub photo: Selectors,
    /// Substrings that mark a real profile photo URL.
    pub photo_url_markers: &'static [&'static str],
    /// The contact-info link of the top card.
    pub contact_link: Selectors,
    /// Profile sections.
    pub sections: &'static [SectionAnchors],
    /// One entry of a section list (top-level entries are those not nested in another entry).
    pub entity: Selectors,
    /// Containers whose text is an entry's description, not its header lines.
    pub entity_description: Selectors,
    /// The About text.
    pub about_text: Selectors,
    /// Elements holding an a11y copy of a visible text (skipped when reading text).
    pub hidden_copy_classes: &'static [&'static str],
    /// Elements never read as text.
    pub skipped_tags: &'static [&'static str],
    /// The contact-info overlay (dialog) root.
    pub contact_dialog: Selectors,
    /// Markers of LinkedIn's anti-bot / security-check page.
    pub anti_bot: Selectors,
    /// Sales Navigator `data-anonymize` values.
    pub sales: SalesSelectors,
    /// Recruiter (`/talent/`) `data-test-*` anchors.
    pub recruiter: RecruiterSelectors,
}

/// Sales Navigator lead page anchors (`data-anonymize` attributes are stable across redesigns).
#[derive(Debug)]
pub struct SalesSelectors {
    /// Lead name.
    pub name: Selectors,
    /// Headline.
    pub headline: Selectors,
    /// Location.
    pub location: Selectors,
    /// About.
    pub about: Selectors,
    /// Photo.
    pub photo: Selectors,
    /// Position title (one per experience entry).
    pub job_title: Selectors,
    /// Company name inside an entry.
    pub company: Selectors,
    /// School name (one per education entry).
    pub school: Selectors,
    /// Degree inside an education entry.
    pub degree: Selectors,
}

/// Recruiter profile anchors.
#[derive(Debug)]
pub struct RecruiterSelectors {
    /// Candidate name.
    pub name: Selectors,
    /// Headline.
    pub headline: Selectors,
    /// Location.
    pub location: Selectors,
    /// About / summary.
    pub about: Selectors,
    /// Photo.
    pub photo: Selectors,
    /// Position entry root.
    pub position: Selectors,
    /// Position title inside an entry.
    pub position_title: Selectors,
    /// Company inside a position entry.
    pub position_company: Selectors,
    /// Date range inside an entry.
    pub date_range: Selectors,
    /// Location inside a position entry.
    pub position_location: Selectors,
    /// Education entry root.
    pub education: Selectors,
    /// School inside an education entry.
    pub school: Selectors,
    /// Degree inside an education entry.
    pub degree: Selectors,
    /// One skill.
    pub skill: Selectors,
    /// One language entry.
    pub language: Selectors,
    /// The public `/in/` profile link.
    pub public_profile_link: Selectors,
}

/// The selector table in force.
pub static TABLE: SelectorTable = SelectorTable {
    version: "2026-11-24",
    top_card: &[
        "section[data-member-id]",
        "[data-view-name=\"profile-top-card\"]",
        "[componentkey*=\"TopCard\"]",
    ],
    name: &["h1", "[data-anonymize=\"person-name\"]", "h2"],
    headline: &[
        ".text-body-medium.break-words",
        "[data-generated-suggestion-target]",
    ],
    location: &["span.text-body-small.inline.t-black--light.break-words"],
    photo: &[
        "img.pv-top-card-profile-picture__image--show",
        "img.pv-top-card-profile-picture__image",
        ".pv-top-card-profile-picture img",
        "img[src*=\"profile-displayphoto\"]",
        "img[data-delayed-url*=\"profile-displayphoto\"]",
        "img[srcset*=\"profile-displayphoto\"]",
    ],
    photo_url_markers: &["profile-displayphoto", "profile-framedphoto", "/dms/image/"],
    contact_link: &[
        "a#top-card-text-details-contact-info",
        "a[href*=\"/overlay/contact-info\"]",
    ],
    sections: &[
        SectionAnchors {
            key: SectionKey::About,
            anchor_id: "about",
            attr_keys: &["AboutSection", "profile-card-about"],
            details_route: "",
            headings: &[
                "About",
                "Info",
                "Infos",
                "Zusammenfassung",
                "À propos",
                "Acerca de",
                "Extracto",
            ],
            link_marker: None,
        },
        SectionAnchors {
            key: SectionKey::Experience,
            anchor_id: "experience",
            attr_keys: &["ExperienceTopLevelSection", "profile-card-experience"],
            details_route: "experience",
            headings: &[
                "Experience",
                "Berufserfahrung",
                "Erfahrung",
                "Expérience",
                "Experiencia",
            ],
            link_marker: Some("a[href*=\"/company/\"]"),
        },
        SectionAnchors {
            key: SectionKey::Education,
            anchor_id: "education",
            attr_keys: &["EducationTopLevelSection", "profile-card-education"],
            details_route: "education",
            headings: &[
                "Education",
                "Ausbildung",
                "Formation",
                "Educación",
                "Formación",
            ],
            link_marker: Some("a[href*=\"/school/\"]"),
        },
        SectionAnchors {
            key: SectionKey::Skills,
            anchor_id: "skills",
            attr_keys: &["SkillsTopLevelSection", "profile-card-skills"],
            details_route: "skills",
            headings: &[
                "Skills",
                "Kenntnisse",
                "Kenntnisse & Fähigkeiten",
                "Compétences",
                "Aptitudes",
                "Conocimientos",
            ],
            link_marker: None,
        },
        SectionAnchors {
            key: SectionKey::Languages,
            anchor_id: "languages",
            attr_keys: &["LanguagesTopLevelSection", "profile-card-languages"],
            details_route: "languages",
            headings: &[
                "Languages",
                "Sprachen",
                "Sprachkenntnisse",
                "Langues",
                "Idiomas",
            ],
            link_marker: None,
        },
    ],
    entity: &[
        "[data-view-name=\"profile-component-entity\"]",
        "[componentkey*=\"Entity\"]",
        "li.artdeco-list__item",
        "li.pvs-list__paged-list-item",
        "li",
    ],
    entity_description: &[
        ".pvs-entity__sub-components .inline-show-more-text",
        ".inline-show-more-text",
        "[data-field=\"description\"]",
        "[data-testid=\"expandable-text-box\"]",
    ],
    about_text: &[
        ".inline-show-more-text span[aria-hidden=\"true\"]",
        "[data-testid=\"expandable-text-box\"]",
        ".inline-show-more-text",
    ],
    hidden_copy_classes: &[
        "visually-hidden",
        "sr-only",
        "a11y-text",
        "artdeco-visually-hidden",
    ],
    skipped_tags: &[
        "script", "style", "template", "noscript", "code", "svg", "button", "img", "iframe",
        "select",
    ],
    contact_dialog: &[
        "[role=\"dialog\"]",
        "#artdeco-modal-outlet",
        ".pv-profile-section__section-info",
        "section.pv-contact-info",
    ],
    anti_bot: &[
        "#captcha-internal",
        "iframe[src*=\"captcha\"]",
        "form[action*=\"/checkpoint/\"]",
        "[data-id=\"challenge\"]",
        "#challenge-form",
    ],
    sales: SalesSelectors {
        name: &["[data-anonymize=\"person-name\"]"],
        headline: &["[data-anonymize=\"headline\"]"],
        location: &["[data-anonymize=\"location\"]"],
        about: &["[data-anonymize=\"person-blurb\"]"],
        photo: &["img[data-anonymize=\"headshot-photo\"]"],
        job_title: &[
            "[data-anonymize=\"job-title\"]",
            "[data-anonymize=\"title\"]",
        ],
        company: &["[data-anonymize=\"company-name\"]"],
        school: &["[data-anonymize=\"education-name\"]"],
        degree: &["[data-anonymize=\"degree-name\"]"],
    },
    recruiter: RecruiterSelectors {
        name: &["[data-test-row-lockup-full-name]", "h1"],
        headline: &["[data-test-row-lockup-headline]"],
        location: &["[data-test-row-lockup-location]"],
        about: &["[data-test-summary-card-text]"],
        photo: &[
            "img[data-test-row-lockup-profile-image]",
            "img[src*=\"profile-displayphoto\"]",
        ],
        position: &["[data-test-position-entity]"],
        position_title: &["[data-test-position-entity-title]"],
        position_company: &["[data-test-position-entity-company-name]"],
        date_range: &[
            "[data-test-position-entity-date-range]",
            "[data-test-education-entity-dates]",
        ],
        position_location: &["[data-test-position-entity-location]"],
        education: &["[data-test-education-entity]"],
        school: &["[data-test-education-entity-school-name]"],
        degree: &["[data-test-education-entity-degree-name]"],
        skill: &["[data-test-skill-entity-skill-name]"],
        language: &["[data-test-language-entity]"],
        public_profile_link: &[
            "a[data-test-public-profile-link]",
            "a[href*=\"linkedin.com/in/\"]",
        ],
    },
};

impl SelectorTable {
    /// The anchors of one section.
    pub fn section(&self, key: SectionKey) -> &SectionAnchors {
        self.sections
            .iter()
            .find(|s| s.key == key)
            .unwrap_or(&self.sections[0])
    }

    /// Every CSS selector in the table (for the compile test).
    pub fn all_css(&self) -> Vec<&'static str> {
        let s = &self.sales;
        let r = &self.recruiter;
        let lists: [Selectors; 33] = [
            self.top_card,
            self.name,
            self.headline,
            self.location,
            self.photo,
            self.contact_link,
            self.entity,
            self.entity_description,
            self.about_text,
            self.contact_dialog,
            self.anti_bot,
            s.name,
            s.headline,
            s.location,
            s.about,
            s.photo,
            s.job_title,
            s.company,
            s.school,
            s.degree,
            r.name,
            r.headline,
            r.location,
            r.about,
            r.photo,
            r.position,
            r.position_title,
            r.position_company,
            r.date_range,
            r.education,
            r.school,
            r.degree,
            r.public_profile_link,
        ];
        let mut all: Vec<&'static str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        all.extend(r.skill.iter().chain(r.language).chain(r.position_location));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_compiles() {
        for css in TABLE.all_css() {
            assert!(
                crate::linkedin::dom::selector(css).is_some(),
                "selector does not compile: {css}"
            );
        }
    }

    #[test]
    fn every_section_has_anchors_and_headings_in_four_languages() {
        for s in TABLE.sections {
            assert!(!s.anchor_id.is_empty());
            assert!(s.headings.len() >= 4, "{:?}", s.key);
        }
    }
}
