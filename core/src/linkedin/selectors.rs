//! Selectors and anchors as versioned data: every CSS selector, section anchor, attribute key and
//! localised heading the extraction relies on lives in [`TABLE`], so a LinkedIn layout change is a data
//! change here (plus a fixture), not a hunt through the parsers.
//!
//! Each entry is a list tried in order, newest layout first (a *selector chain*: [`SelectorTable::chains`]
//! names every one of them for the diagnostics and the per-fixture selector-health test). Anchors never
//! depend on hashed class names; LinkedIn's stable keys (`componentkey` of the 2026 cards), utility
//! classes (`text-heading-xlarge`, `visually-hidden`, …) and ids (`#experience`) are used where they
//! exist, with language-independent structural fallbacks (links to `/company/`, `/school/`,
//! `/in/<slug>/overlay/…`, `data-*` attributes) behind them.
//!
//! Sources (research `linkedin-scraping.md`): the 2024 layout §2.1 (scoutr fixture), the 2025 hashed layout
//! §2.1 (vana-com#7/#9, OpenCLI), the 2026 server-driven cards §2.1b, Sales Navigator and Recruiter §2.4.

use super::Layout;

/// One layout-aware list of CSS selectors, tried in order.
pub type Selectors = &'static [&'static str];

/// What recognises one layout: any marker matching anywhere in the snapshot.
#[derive(Debug)]
pub struct LayoutMarkers {
    /// The layout.
    pub layout: Layout,
    /// Its markers.
    pub markers: Selectors,
}

/// The 2026 server-driven profile (§2.1b): every card carries a stable key
/// `com.linkedin.sdui.profile.card.ref<MEMBER_ID><Suffix>` in `componentkey` (or `id`), on a `div` today and
/// a `section` before. Cards are found by the key's **suffix** (ASCII case-insensitive), never as "the
/// first card with the prefix": suggestion cards share the prefix and hold other people's names.
#[derive(Debug)]
pub struct CardSelectors {
    /// Prefix of a card key, before the member id.
    pub key_prefix: &'static str,
    /// Attributes that carry a card key.
    pub key_attrs: &'static [&'static str],
    /// Suffix of the top card's key.
    pub top_card_suffix: &'static str,
    /// The top card.
    pub top_card: Selectors,
    /// The person's name inside the top card (there is no `<h1>`).
    pub name: Selectors,
    /// The contact overlay: its screen, or its detail card.
    pub contact_overlay: Selectors,
}

/// Where the page data LinkedIn embeds is found in a snapshot's `embedded` blocks.
#[derive(Debug)]
pub struct EmbeddedSelectors {
    /// Voyager JSON blocks (`<code id="bpr-guid-N">` and `datalet-bpr-guid-N`, §2.2).
    pub voyager: &'static str,
    /// The React Server Components payload of the 2026 layout (§2.1b).
    pub rsc_script: &'static str,
    /// The assignment that starts the payload's script.
    pub rsc_marker: &'static str,
}

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
    /// Suffix of the section's 2026 card key (`ExperienceTopLevelSection`, …).
    pub card_suffix: &'static str,
    /// The section's 2026 card (the key suffix, on `componentkey` or `id`).
    pub card: Selectors,
}

/// The whole selector table.
#[derive(Debug)]
pub struct SelectorTable {
    /// Date of the layouts this table was checked against (bump with every change).
    pub version: &'static str,
    /// How each layout is recognised, newest first (a profile URL showing none of them is unrecognised).
    pub layouts: &'static [LayoutMarkers],
    /// The 2026 server-driven cards.
    pub cards: CardSelectors,
    /// Embedded page data.
    pub embedded: EmbeddedSelectors,
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
    /// One entry of a section list (top-level entries are those not nested in another entry; 2026:
    /// `entity-collection-item-…` keys).
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
    version: "2026-12-02",
    layouts: &[
        LayoutMarkers {
            layout: Layout::Cards2026,
            markers: &["[componentkey$=\"Topcard\" i]", "[id$=\"Topcard\" i]"],
        },
        LayoutMarkers {
            layout: Layout::Ember2024,
            markers: &[
                "section[data-member-id]",
                ".pv-profile-card__anchor",
                "[data-view-name=\"profile-component-entity\"]",
                "h1.text-heading-xlarge",
            ],
        },
        LayoutMarkers {
            layout: Layout::Hashed2025,
            markers: &["section h1"],
        },
        LayoutMarkers {
            layout: Layout::SalesNavigator,
            markers: &["[data-anonymize=\"person-name\"]"],
        },
        LayoutMarkers {
            layout: Layout::Recruiter,
            markers: &[
                "[data-test-row-lockup-full-name]",
                "[data-test-profile-container]",
            ],
        },
    ],
    cards: CardSelectors {
        key_prefix: "com.linkedin.sdui.profile.card.ref",
        key_attrs: &["componentkey", "id"],
        top_card_suffix: "Topcard",
        top_card: &["[componentkey$=\"Topcard\" i]", "[id$=\"Topcard\" i]"],
        name: &["h2", "h1"],
        contact_overlay: &[
            "[data-sdui-screen$=\"ProfileContactDetailsOverlay\"]",
            "[componentkey$=\"ContactInfoDetailSection\" i]",
            "[id$=\"ContactInfoDetailSection\" i]",
        ],
    },
    embedded: EmbeddedSelectors {
        voyager: "code[id]",
        rsc_script: "script#rehydrate-data",
        rsc_marker: "window.__como_rehydration__",
    },
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
            card_suffix: "About",
            card: &["[componentkey$=\"About\" i]", "[id$=\"About\" i]"],
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
            card_suffix: "ExperienceTopLevelSection",
            card: &[
                "[componentkey$=\"ExperienceTopLevelSection\" i]",
                "[id$=\"ExperienceTopLevelSection\" i]",
            ],
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
            card_suffix: "EducationTopLevelSection",
            card: &[
                "[componentkey$=\"EducationTopLevelSection\" i]",
                "[id$=\"EducationTopLevelSection\" i]",
            ],
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
            card_suffix: "SkillsTopLevelSection",
            card: &[
                "[componentkey$=\"SkillsTopLevelSection\" i]",
                "[id$=\"SkillsTopLevelSection\" i]",
            ],
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
            card_suffix: "LanguagesTopLevelSection",
            card: &[
                "[componentkey$=\"LanguagesTopLevelSection\" i]",
                "[id$=\"LanguagesTopLevelSection\" i]",
            ],
        },
    ],
    entity: &[
        "[componentkey^=\"entity-collection-item\"]",
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
        "dialog",
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

    /// Every selector chain of the table with its name, in table order (layout markers first): what the
    /// diagnostics count and the selector-health test pins per fixture.
    pub fn chains(&'static self) -> Vec<(String, Selectors)> {
        let mut out: Vec<(String, Selectors)> = self
            .layouts
            .iter()
            .map(|l| (format!("layout.{}", l.layout.name()), l.markers))
            .collect();
        let c = &self.cards;
        let s = &self.sales;
        let r = &self.recruiter;
        let named: [(&str, Selectors); 45] = [
            ("cards.top_card", c.top_card),
            ("cards.name", c.name),
            ("cards.contact_overlay", c.contact_overlay),
            ("top_card", self.top_card),
            ("name", self.name),
            ("headline", self.headline),
            ("location", self.location),
            ("photo", self.photo),
            ("contact_link", self.contact_link),
            ("entity", self.entity),
            ("entity_description", self.entity_description),
            ("about_text", self.about_text),
            ("contact_dialog", self.contact_dialog),
            ("anti_bot", self.anti_bot),
            ("sections.about.card", self.section(SectionKey::About).card),
            (
                "sections.experience.card",
                self.section(SectionKey::Experience).card,
            ),
            (
                "sections.education.card",
                self.section(SectionKey::Education).card,
            ),
            (
                "sections.skills.card",
                self.section(SectionKey::Skills).card,
            ),
            (
                "sections.languages.card",
                self.section(SectionKey::Languages).card,
            ),
            (
                "sections.experience.link",
                link(self.section(SectionKey::Experience)),
            ),
            (
                "sections.education.link",
                link(self.section(SectionKey::Education)),
            ),
            (
                "embedded.voyager",
                std::slice::from_ref(&self.embedded.voyager),
            ),
            (
                "embedded.rsc_script",
                std::slice::from_ref(&self.embedded.rsc_script),
            ),
            ("sales.name", s.name),
            ("sales.headline", s.headline),
            ("sales.location", s.location),
            ("sales.about", s.about),
            ("sales.photo", s.photo),
            ("sales.job_title", s.job_title),
            ("sales.company", s.company),
            ("sales.school", s.school),
            ("sales.degree", s.degree),
            ("recruiter.name", r.name),
            ("recruiter.headline", r.headline),
            ("recruiter.location", r.location),
            ("recruiter.about", r.about),
            ("recruiter.photo", r.photo),
            ("recruiter.position", r.position),
            ("recruiter.position_title", r.position_title),
            ("recruiter.position_company", r.position_company),
            ("recruiter.date_range", r.date_range),
            ("recruiter.education", r.education),
            ("recruiter.school", r.school),
            ("recruiter.degree", r.degree),
            ("recruiter.public_profile_link", r.public_profile_link),
        ];
        out.extend(named.into_iter().map(|(n, l)| (n.to_string(), l)));
        out.extend([
            ("recruiter.skill".to_string(), r.skill),
            ("recruiter.language".to_string(), r.language),
            (
                "recruiter.position_location".to_string(),
                r.position_location,
            ),
        ]);
        out
    }

    /// Every CSS selector in the table (for the compile test).
    pub fn all_css(&'static self) -> Vec<&'static str> {
        self.chains()
            .into_iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect()
    }
}

/// The structural link selector of a section, as a chain.
fn link(anchors: &'static SectionAnchors) -> Selectors {
    match &anchors.link_marker {
        Some(css) => std::slice::from_ref(css),
        None => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_compiles() {
        for css in TABLE.all_css() {
            if let Err(e) = crate::linkedin::markup::Selector::parse(css) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn chains_have_unique_names_and_cover_every_section_card() {
        let chains = TABLE.chains();
        let mut names: Vec<&str> = chains.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), chains.len());
        for s in TABLE.sections {
            assert!(
                s.card.iter().all(|css| css.contains(s.card_suffix)),
                "{:?}",
                s.key
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
