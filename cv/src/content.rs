//! The CV's texts prepared for its fonts (see [`crate::text::show`]), and the report of the items whose text
//! the fonts could not show.

use crate::font::FontFace;
use crate::text::show;
use sourcing_core::cv::{CvEntry, CvField, CvInput, NotShown};

/// The two weights the CV is set in.
pub struct Fonts<'a> {
    /// Body text.
    pub regular: FontFace<'a>,
    /// Name, headings, entry titles.
    pub bold: FontFace<'a>,
}

/// A font weight of the CV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    /// [`Fonts::regular`].
    Regular,
    /// [`Fonts::bold`].
    Bold,
}

impl<'a> Fonts<'a> {
    /// The face of a weight.
    pub fn face(&self, weight: Weight) -> &FontFace<'a> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// One entry, prepared.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// In bold.
    pub title: String,
    /// Under the title.
    pub subtitle: String,
    /// Right of the title.
    pub period: String,
    /// Paragraphs.
    pub description: String,
}

/// Every text of the CV, as it will be printed (empty: not shown).
#[derive(Clone, Debug, Default)]
pub struct Content {
    /// In bold, large.
    pub name: String,
    /// Under the name.
    pub headline: String,
    /// On the contact line.
    pub location: String,
    /// On the contact line, linked.
    pub profile_url: String,
    /// Paragraphs.
    pub about: String,
    /// Positions.
    pub experience: Vec<Entry>,
    /// Schools.
    pub education: Vec<Entry>,
    /// Skills.
    pub skills: Vec<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// What could not be shown, in the order of the CV.
    pub not_shown: Vec<NotShown>,
}

struct Preparer<'f, 'a> {
    fonts: &'f Fonts<'a>,
    not_shown: Vec<NotShown>,
}

impl Preparer<'_, '_> {
    /// The text for `weight`; `Some(field)` reports a marked text as that field.
    fn text(
        &mut self,
        field: Option<CvField>,
        weight: Weight,
        text: &str,
        paragraphs: bool,
    ) -> String {
        let shown = show(self.fonts.face(weight), text, paragraphs);
        if shown.marked {
            if let Some(field) = field {
                self.report(field, text.trim().to_string());
            }
        }
        shown.text
    }

    fn report(&mut self, field: CvField, text: String) {
        let report = NotShown { field, text };
        if !self.not_shown.contains(&report) {
            self.not_shown.push(report);
        }
    }

    fn entry(&mut self, field: CvField, entry: &CvEntry) -> Entry {
        let opt = |t: &Option<String>| t.clone().unwrap_or_default();
        let parts = [
            (Weight::Bold, entry.title.clone(), false),
            (Weight::Regular, opt(&entry.subtitle), false),
            (Weight::Regular, opt(&entry.period), false),
            (Weight::Regular, opt(&entry.description), true),
        ];
        let mut marked = false;
        let shown: Vec<String> = parts
            .iter()
            .map(|(weight, text, paragraphs)| {
                let s = show(self.fonts.face(*weight), text, *paragraphs);
                marked |= s.marked;
                s.text
            })
            .collect();
        if marked {
            let original: Vec<&str> = parts
                .iter()
                .map(|p| p.1.trim())
                .filter(|t| !t.is_empty())
                .collect();
            self.report(field, original.join(" · "));
        }
        let [title, subtitle, period, description] =
            <[String; 4]>::try_from(shown).unwrap_or_default();
        Entry {
            title,
            subtitle,
            period,
            description,
        }
    }
}

/// Prepares every text of `input`.
pub fn prepare(input: &CvInput, fonts: &Fonts) -> Content {
    let mut p = Preparer {
        fonts,
        not_shown: Vec::new(),
    };
    let opt = |t: &Option<String>| t.clone().unwrap_or_default();
    let name = p.text(Some(CvField::Name), Weight::Bold, &input.name, false);
    let headline = p.text(
        Some(CvField::Headline),
        Weight::Regular,
        &opt(&input.headline),
        false,
    );
    let location = p.text(
        Some(CvField::Location),
        Weight::Regular,
        &opt(&input.location),
        false,
    );
    let profile_url = p.text(None, Weight::Regular, &opt(&input.profile_url), false);
    let about = p.text(
        Some(CvField::About),
        Weight::Regular,
        &opt(&input.about),
        true,
    );
    let experience = input
        .experience
        .iter()
        .map(|e| p.entry(CvField::Experience, e))
        .filter(|e| !e.title.is_empty() || !e.subtitle.is_empty())
        .collect();
    let education = input
        .education
        .iter()
        .map(|e| p.entry(CvField::Education, e))
        .filter(|e| !e.title.is_empty() || !e.subtitle.is_empty())
        .collect();
    let skills = input
        .skills
        .iter()
        .map(|s| p.text(Some(CvField::Skills), Weight::Regular, s, false))
        .filter(|s| !s.is_empty())
        .collect();
    let languages = input
        .languages
        .iter()
        .map(|l| p.text(Some(CvField::Languages), Weight::Regular, l, false))
        .filter(|l| !l.is_empty())
        .collect();
    Content {
        name,
        headline,
        location,
        profile_url,
        about,
        experience,
        education,
        skills,
        languages,
        not_shown: p.not_shown,
    }
}
