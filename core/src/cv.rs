//! What goes into the CV made from a profile: [`CvInput`], every text already in the recruiter's UI language,
//! built from what the form shows ([`CvInput::from_form`]); and what the CV engine (the `cv` crate, its own
//! wasm module) reports back about text its font could not show ([`NotShown`]).
//!
//! Pure and shared: the popup builds the input (it has `chrome.i18n`, see [`CvLabels::localized`]) and hands
//! it to the engine as JSON; the engine lays it out. Nothing here links the PDF code.

use crate::draft::ApplicationDraft;
use crate::profile::{NameFlag, Profile, YearMonth};
use serde::{Deserialize, Serialize};

/// The UI strings of the CV, in the recruiter's language (the caller has `chrome.i18n`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CvLabels {
    /// BCP 47 language of these labels (`en`, `de`, …): the PDF's `/Lang`.
    pub language: String,
    /// What the document is ("CV", "Lebenslauf"): the PDF title is "<name> – <document>".
    pub document: String,
    /// Section heading of the about text.
    pub about: String,
    /// Section heading of the positions.
    pub experience: String,
    /// Section heading of the schools.
    pub education: String,
    /// Section heading of the skills.
    pub skills: String,
    /// Section heading of the spoken languages.
    pub languages: String,
    /// The footer: "Made from LinkedIn on 3 March 2026", the date already written in.
    pub made_from: String,
    /// Page numbers, with the placeholders `{page}` and `{pages}`: "Page {page} of {pages}".
    pub page: String,
    /// The one sentence shown when some text uses a script the font cannot show (it is marked `…`).
    pub not_shown: String,
}

/// The message keys of the labels (`static/_locales/*/messages.json`).
pub mod keys {
    /// [`super::CvLabels::document`].
    pub const DOCUMENT: &str = "cvDocument";
    /// [`super::CvLabels::about`].
    pub const ABOUT: &str = "cvAbout";
    /// [`super::CvLabels::experience`].
    pub const EXPERIENCE: &str = "cvExperience";
    /// [`super::CvLabels::education`].
    pub const EDUCATION: &str = "cvEducation";
    /// [`super::CvLabels::skills`].
    pub const SKILLS: &str = "cvSkills";
    /// [`super::CvLabels::languages`].
    pub const LANGUAGES: &str = "cvLanguages";
    /// [`super::CvLabels::made_from`]; `$1` is the date.
    pub const MADE_FROM: &str = "cvMadeFrom";
    /// [`super::CvLabels::page`]; `$1` the page, `$2` the page count.
    pub const PAGE: &str = "cvPage";
    /// [`super::CvLabels::not_shown`].
    pub const NOT_SHOWN: &str = "cvNotShown";
    /// The twelve short month names, separated by spaces ("Jan Feb …", "janv. févr. …").
    pub const MONTHS: &str = "cvMonths";
    /// The end of an ongoing period ("present", "heute").
    pub const PRESENT: &str = "cvPresent";
}

impl CvLabels {
    /// The labels in the UI language, through the caller's message lookup (`t_with` over `chrome.i18n`:
    /// key and substitutions → text). `made_on` is the creation date as the recruiter writes dates.
    pub fn localized(
        language: &str,
        made_on: &str,
        t_with: impl Fn(&str, &[&str]) -> String,
    ) -> Self {
        CvLabels {
            language: language.to_string(),
            document: t_with(keys::DOCUMENT, &[]),
            about: t_with(keys::ABOUT, &[]),
            experience: t_with(keys::EXPERIENCE, &[]),
            education: t_with(keys::EDUCATION, &[]),
            skills: t_with(keys::SKILLS, &[]),
            languages: t_with(keys::LANGUAGES, &[]),
            made_from: t_with(keys::MADE_FROM, &[made_on]),
            // chrome.i18n substitutes `$1`/`$2` now; the engine fills these placeholders per page.
            page: t_with(keys::PAGE, &["{page}", "{pages}"]),
            not_shown: t_with(keys::NOT_SHOWN, &[]),
        }
    }
}

/// How the periods of the entries are written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodStyle {
    /// Twelve short month names; fewer than twelve: months are written as ISO `2021-07`.
    pub months: Vec<String>,
    /// The end of an ongoing period.
    pub present: String,
}

impl PeriodStyle {
    /// The style in the UI language, through the caller's message lookup (see [`CvLabels::localized`]).
    pub fn localized(t_with: impl Fn(&str, &[&str]) -> String) -> Self {
        PeriodStyle {
            months: t_with(keys::MONTHS, &[])
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            present: t_with(keys::PRESENT, &[]),
        }
    }

    fn month(&self, date: YearMonth) -> String {
        match date.month {
            Some(m) if self.months.len() == 12 => {
                format!("{} {}", self.months[usize::from(m) - 1], date.year)
            }
            _ => date.iso(),
        }
    }

    /// "Jan 2021 – present", "2019 – 2021", "2020"; `None` when nothing is known.
    pub fn period(
        &self,
        start: Option<YearMonth>,
        end: Option<YearMonth>,
        current: bool,
    ) -> Option<String> {
        let from = start.map(|s| self.month(s));
        let to = if current {
            Some(self.present.clone())
        } else {
            end.map(|e| self.month(e))
        };
        match (from, to) {
            (Some(from), Some(to)) if from == to => Some(from),
            (Some(from), Some(to)) => Some(format!("{from} – {to}")),
            (Some(one), None) | (None, Some(one)) => Some(one),
            (None, None) => None,
        }
    }
}

/// One position or school of the CV.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CvEntry {
    /// The bold line: job title, or school.
    pub title: String,
    /// The line under it: "company · location", or the degree.
    pub subtitle: Option<String>,
    /// "Jan 2021 – present", right-aligned on the title line.
    pub period: Option<String>,
    /// Free text under the entry, wrapped to the page width (paragraphs separated by line breaks).
    pub description: Option<String>,
}

/// Everything the CV shows, as display text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CvInput {
    /// The candidate's name.
    pub name: String,
    /// The headline under the name.
    pub headline: Option<String>,
    /// Where the candidate is.
    pub location: Option<String>,
    /// The LinkedIn profile URL (shown and linked).
    pub profile_url: Option<String>,
    /// The about text (paragraphs separated by line breaks).
    pub about: Option<String>,
    /// Positions, most recent first (as the profile lists them).
    pub experience: Vec<CvEntry>,
    /// Schools.
    pub education: Vec<CvEntry>,
    /// Skills.
    pub skills: Vec<String>,
    /// Spoken languages, one line each ("English (Native or bilingual)").
    pub languages: Vec<String>,
    /// The UI strings.
    pub labels: CvLabels,
    /// When the CV is made (milliseconds since the Unix epoch): the PDF's creation date. Given by the
    /// caller, so the same input always gives the same bytes.
    pub created_at_ms: u64,
}

fn present(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn joined(parts: &[Option<String>]) -> Option<String> {
    let parts: Vec<String> = parts.iter().filter_map(present).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The name as the form has it: "first last", or family name first when the profile writes it so (East
/// Asian names, without a space when neither part is in Latin letters); the displayed name when both fields
/// are empty.
fn form_name(profile: &Profile, draft: &ApplicationDraft) -> String {
    let (first, last) = (draft.first_name.trim(), draft.last_name.trim());
    if first.is_empty() && last.is_empty() {
        return profile.display_name.value.clone().unwrap_or_default();
    }
    if profile.name_flags.contains(&NameFlag::FamilyNameFirst) {
        let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
        let gap = if latin(first) || latin(last) { " " } else { "" };
        return format!("{last}{gap}{first}").trim().to_string();
    }
    format!("{first} {last}").trim().to_string()
}

impl CvInput {
    /// The CV of what the form shows: the name, location and URL as the recruiter confirmed them in the
    /// draft (the displayed name when both name fields are empty), the rest from the profile.
    pub fn from_form(
        profile: &Profile,
        draft: &ApplicationDraft,
        labels: CvLabels,
        periods: &PeriodStyle,
        created_at_ms: u64,
    ) -> Self {
        let name = form_name(profile, draft);
        let location = present(&Some(draft.location.clone())).or(present(&profile.location.value));
        let profile_url = present(&Some(draft.profile_url.clone()))
            .or_else(|| present(&profile.profile_url.value));
        let experience = profile
            .experience
            .value
            .iter()
            .flatten()
            .map(|e| CvEntry {
                title: e.title.trim().to_string(),
                subtitle: joined(&[e.company.clone(), e.location.clone()]),
                period: periods.period(e.start, e.end, e.current),
                description: None,
            })
            .collect();
        let education = profile
            .education
            .value
            .iter()
            .flatten()
            .map(|e| CvEntry {
                title: e.school.trim().to_string(),
                subtitle: present(&e.degree),
                period: periods.period(e.start, e.end, false),
                description: None,
            })
            .collect();
        let languages = profile
            .languages
            .value
            .iter()
            .flatten()
            .map(|l| match present(&l.proficiency) {
                Some(p) => format!("{} ({p})", l.name.trim()),
                None => l.name.trim().to_string(),
            })
            .collect();
        CvInput {
            name: name.trim().to_string(),
            headline: present(&profile.headline.value),
            location,
            profile_url,
            about: present(&profile.about.value),
            experience,
            education,
            skills: profile.skills.value.clone().unwrap_or_default(),
            languages,
            labels,
            created_at_ms,
        }
    }
}

/// A part of the CV, as the engine reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CvField {
    /// [`CvInput::name`].
    Name,
    /// [`CvInput::headline`].
    Headline,
    /// [`CvInput::location`].
    Location,
    /// [`CvInput::about`].
    About,
    /// An entry of [`CvInput::experience`].
    Experience,
    /// An entry of [`CvInput::education`].
    Education,
    /// [`CvInput::skills`].
    Skills,
    /// [`CvInput::languages`].
    Languages,
}

/// Text the CV could not show (a script its font lacks, e.g. Han or Arabic; marked `…` in the PDF): the
/// caller puts it into the application's comment so it still reaches Personio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotShown {
    /// Where it was.
    pub field: CvField,
    /// The whole original text of that item (the name, one entry's line, one skill, …).
    pub text: String,
}

/// The file name of the made CV, e.g. "Inès Duval-Okoye – LinkedIn CV.pdf": `named` is the translated
/// template (`cvFileName`, `$1` = the name) applied to the name with the characters file systems refuse
/// (`/ \ : * ? " < > |`, control characters) removed; an empty name gives the template of `fallback`
/// (the translated "CV"). Always ends in `.pdf`, so Personio and the checks of
/// [`crate::validation::precheck_document`] see a PDF.
pub fn file_name(name: &str, fallback: &str, named: impl Fn(&str) -> String) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let stem = named(if clean.is_empty() { fallback } else { &clean });
    format!("{}.pdf", stem.trim().trim_end_matches(".pdf"))
}

/// The recruiter's comment (the application's `message`) with the text the CV could not show appended, so it still reaches Personio: a
/// blank line, `heading`, then one line per item, `<label>: <text>` (the label of its field through
/// `label`), each text once. Unchanged when nothing is missing. The result stays within
/// [`crate::validation::MAX_MESSAGE_CHARS`]: the appended part is cut (ending in `…`), never the recruiter's
/// own text.
pub fn message_with_not_shown(
    message: &str,
    not_shown: &[NotShown],
    heading: &str,
    label: impl Fn(CvField) -> String,
) -> String {
    let mut lines: Vec<String> = Vec::new();
    for item in not_shown {
        let line = format!("{}: {}", label(item.field), item.text.trim());
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        return message.to_string();
    }
    let own = message.trim_end();
    let separator = if own.is_empty() { "" } else { "\n\n" };
    let appended = format!("{separator}{heading}\n{}", lines.join("\n"));
    let room = crate::validation::MAX_MESSAGE_CHARS.saturating_sub(own.chars().count());
    let appended = if appended.chars().count() <= room {
        appended
    } else if room > 1 {
        let cut: String = appended.chars().take(room - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        String::new()
    };
    format!("{own}{appended}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Education, Experience, Field, Language};

    fn ym(year: u16, month: Option<u8>) -> Option<YearMonth> {
        Some(YearMonth { year, month })
    }

    fn english() -> PeriodStyle {
        PeriodStyle {
            months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
                .split(' ')
                .map(String::from)
                .collect(),
            present: "present".into(),
        }
    }

    #[test]
    fn periods_use_the_month_names_and_the_present_label() {
        let style = english();
        assert_eq!(
            style.period(ym(2021, Some(7)), None, true).as_deref(),
            Some("Jul 2021 – present")
        );
        assert_eq!(
            style
                .period(ym(2019, None), ym(2021, Some(12)), false)
                .as_deref(),
            Some("2019 – Dec 2021")
        );
        assert_eq!(
            style
                .period(ym(2020, None), ym(2020, None), false)
                .as_deref(),
            Some("2020")
        );
        assert_eq!(style.period(None, None, false), None);
        let iso = PeriodStyle {
            months: vec![],
            present: "heute".into(),
        };
        assert_eq!(
            iso.period(ym(2021, Some(7)), None, true).as_deref(),
            Some("2021-07 – heute")
        );
    }

    #[test]
    fn labels_come_from_the_lookup_with_placeholders_left_for_the_engine() {
        let labels = CvLabels::localized("de", "3. März 2026", |key, args| {
            format!("{key}[{}]", args.join(","))
        });
        assert_eq!(labels.language, "de");
        assert_eq!(labels.made_from, "cvMadeFrom[3. März 2026]");
        assert_eq!(labels.page, "cvPage[{page},{pages}]");
        assert_eq!(labels.experience, "cvExperience[]");
    }

    #[test]
    fn the_input_is_what_the_form_shows() {
        let profile = Profile {
            display_name: Field::visible("Dr. Inès Duval-Okoye, PhD 🚀".into()),
            headline: Field::visible("Backend engineer".into()),
            location: Field::visible("Lyon, France".into()),
            about: Field::visible("  Builds things.  ".into()),
            experience: Field::visible(vec![Experience {
                title: "Staff Engineer".into(),
                company: Some("Calder Labs".into()),
                location: Some("Lyon".into()),
                start: ym(2021, Some(3)),
                end: None,
                current: true,
            }]),
            education: Field::visible(vec![Education {
                school: "INSA Lyon".into(),
                degree: Some("MSc, Computer Science".into()),
                start: ym(2010, None),
                end: ym(2015, None),
            }]),
            skills: Field::visible(vec!["Rust".into(), "PostgreSQL".into()]),
            languages: Field::visible(vec![
                Language {
                    name: "French".into(),
                    proficiency: Some("Native or bilingual".into()),
                },
                Language {
                    name: "German".into(),
                    proficiency: None,
                },
            ]),
            ..Profile::default()
        };
        let draft = ApplicationDraft {
            profile_url: "https://www.linkedin.com/in/ines-duval/".into(),
            first_name: "Inès".into(),
            last_name: "Duval-Okoye".into(),
            location: "Villeurbanne".into(),
            ..ApplicationDraft::default()
        };
        let input = CvInput::from_form(&profile, &draft, CvLabels::default(), &english(), 7);
        assert_eq!(input.name, "Inès Duval-Okoye");
        assert_eq!(input.location.as_deref(), Some("Villeurbanne"));
        assert_eq!(
            input.profile_url.as_deref(),
            Some("https://www.linkedin.com/in/ines-duval/")
        );
        assert_eq!(input.about.as_deref(), Some("Builds things."));
        assert_eq!(
            input.experience,
            vec![CvEntry {
                title: "Staff Engineer".into(),
                subtitle: Some("Calder Labs · Lyon".into()),
                period: Some("Mar 2021 – present".into()),
                description: None,
            }]
        );
        assert_eq!(
            input.education[0].subtitle.as_deref(),
            Some("MSc, Computer Science")
        );
        assert_eq!(input.education[0].period.as_deref(), Some("2010 – 2015"));
        assert_eq!(
            input.languages,
            vec!["French (Native or bilingual)", "German"]
        );
        assert_eq!(input.created_at_ms, 7);

        let east_asian = Profile {
            display_name: Field::visible("王小明".into()),
            name_flags: vec![NameFlag::FamilyNameFirst],
            ..Profile::default()
        };
        let draft = ApplicationDraft::from_profile(
            &Profile {
                first_name: Field::visible("小明".into()),
                last_name: Field::visible("王".into()),
                ..east_asian.clone()
            },
            "",
        );
        let input = CvInput::from_form(&east_asian, &draft, CvLabels::default(), &english(), 7);
        assert_eq!(input.name, "王小明");
        let romanised = ApplicationDraft {
            first_name: "Xiaoming".into(),
            last_name: "Wang".into(),
            ..ApplicationDraft::default()
        };
        let input = CvInput::from_form(&east_asian, &romanised, CvLabels::default(), &english(), 7);
        assert_eq!(input.name, "Wang Xiaoming");

        let unnamed = ApplicationDraft::default();
        let input = CvInput::from_form(&profile, &unnamed, CvLabels::default(), &english(), 7);
        assert_eq!(input.name, "Dr. Inès Duval-Okoye, PhD 🚀");
        assert_eq!(input.location.as_deref(), Some("Lyon, France"));
    }

    #[test]
    fn the_report_names_fields_in_snake_case() {
        let report = NotShown {
            field: CvField::Experience,
            text: "软件工程师".into(),
        };
        assert_eq!(
            serde_json::to_string(&report).unwrap(),
            r#"{"field":"experience","text":"软件工程师"}"#
        );
    }

    #[test]
    fn the_file_name_is_the_name_without_path_characters() {
        let named = |n: &str| format!("{n} – LinkedIn CV");
        assert_eq!(
            file_name("Inès Duval-Okoye", "CV", named),
            "Inès Duval-Okoye – LinkedIn CV.pdf"
        );
        assert_eq!(
            file_name(" a/b\\c: \"d\"\n", "CV", named),
            "a b c d – LinkedIn CV.pdf"
        );
        assert_eq!(file_name("  ", "CV", named), "CV – LinkedIn CV.pdf");
        assert_eq!(file_name("X", "CV", |n: &str| format!("{n}.pdf")), "X.pdf");
        assert!(
            crate::validation::precheck_document(&file_name("王小明", "CV", named), 10).is_ok()
        );
    }

    #[test]
    fn what_the_cv_cannot_show_is_appended_to_the_comment_once_and_bounded() {
        let label = |f: CvField| format!("{f:?}");
        let items = [
            NotShown {
                field: CvField::Name,
                text: "王小明".into(),
            },
            NotShown {
                field: CvField::Experience,
                text: "软件工程师 · 北京".into(),
            },
            NotShown {
                field: CvField::Name,
                text: "王小明".into(),
            },
        ];
        assert_eq!(
            message_with_not_shown("Met at RustConf.\n", &items, "Not in the CV:", label),
            "Met at RustConf.\n\nNot in the CV:\nName: 王小明\nExperience: 软件工程师 · 北京"
        );
        assert_eq!(
            message_with_not_shown("", &items[..1], "Not in the CV:", label),
            "Not in the CV:\nName: 王小明"
        );
        assert_eq!(
            message_with_not_shown("Hi", &[], "Not in the CV:", label),
            "Hi"
        );
        let long = "x".repeat(crate::validation::MAX_MESSAGE_CHARS - 20);
        let bounded = message_with_not_shown(&long, &items, "Not in the CV:", label);
        assert_eq!(
            bounded.chars().count(),
            crate::validation::MAX_MESSAGE_CHARS
        );
        assert!(bounded.starts_with(&long) && bounded.ends_with('…'));
        assert!(crate::validation::message(&bounded).is_ok());
        let full = "x".repeat(crate::validation::MAX_MESSAGE_CHARS);
        assert_eq!(message_with_not_shown(&full, &items, "h", label), full);
    }
}
