//! The candidate profile read from a LinkedIn page: every field with the source it came from.

use serde::{Deserialize, Serialize};

/// Where a field's value was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldSource {
    /// Read from what the recruiter sees on the page.
    VisiblePage,
    /// Read from the page data LinkedIn embeds (`bpr-guid` blocks) for this same profile.
    EmbeddedData,
    /// Not found anywhere.
    #[default]
    None,
}

/// One extracted value together with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field<T> {
    /// The value, `None` when the page did not show it.
    pub value: Option<T>,
    /// Where the value came from ([`FieldSource::None`] when missing).
    pub source: FieldSource,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self::missing()
    }
}

impl<T> Field<T> {
    /// A field that was not found.
    pub fn missing() -> Self {
        Self {
            value: None,
            source: FieldSource::None,
        }
    }
    /// A value read from the visible page.
    pub fn visible(value: T) -> Self {
        Self {
            value: Some(value),
            source: FieldSource::VisiblePage,
        }
    }
    /// A value read from embedded page data.
    pub fn embedded(value: T) -> Self {
        Self {
            value: Some(value),
            source: FieldSource::EmbeddedData,
        }
    }
    /// True when the field holds a value.
    pub fn is_present(&self) -> bool {
        self.value.is_some()
    }
    /// Keeps `self` when present, otherwise takes `other` (used to layer sources).
    pub fn or(self, other: Field<T>) -> Field<T> {
        if self.is_present() {
            self
        } else {
            other
        }
    }
}

/// A year and optional month, printed as ISO `YYYY-MM` (or `YYYY`). Serialised as that ISO string;
/// deserialised from the string or from `{"year": 2021, "month": 7}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// 1–12 when known.
    pub month: Option<u8>,
}

impl YearMonth {
    /// ISO form: `2021-07` or `2021`.
    pub fn iso(&self) -> String {
        match self.month {
            Some(m) => format!("{:04}-{:02}", self.year, m),
            None => format!("{:04}", self.year),
        }
    }
}

impl YearMonth {
    /// Parses `2021-07` or `2021`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        let year = y.parse().ok().filter(|_| y.len() == 4)?;
        let month = match m {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        Some(Self { year, month })
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The earlier shape.
        #[derive(Deserialize)]
        struct Parts {
            year: u16,
            month: Option<u8>,
        }
        // Read through `serde_json::Value`, not an `untagged` enum: see the size note in
        // `personio/wire.rs`.
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => YearMonth::parse_iso(&s)
                .ok_or_else(|| serde::de::Error::custom(format!("not an ISO year-month: {s}"))),
            parts @ serde_json::Value::Object(_) => serde_json::from_value::<Parts>(parts)
                .map(|Parts { year, month }| YearMonth { year, month })
                .map_err(serde::de::Error::custom),
            _ => Err(serde::de::Error::custom(
                "a year-month is an ISO string or {year, month}",
            )),
        }
    }
}

/// One position in the experience section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Experience {
    /// Job title.
    pub title: String,
    /// Company name, if shown.
    pub company: Option<String>,
    /// Location line, if shown.
    pub location: Option<String>,
    /// Start, year-month precision.
    pub start: Option<YearMonth>,
    /// End; `None` for a current position or when unknown.
    pub end: Option<YearMonth>,
    /// True when the position is ongoing ("Present", "heute", "aujourd’hui", "actualidad", …).
    pub current: bool,
}

/// One entry of the education section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    /// School name.
    pub school: String,
    /// Degree and field of study line, if shown.
    pub degree: Option<String>,
    /// Start year-month.
    pub start: Option<YearMonth>,
    /// End year-month.
    pub end: Option<YearMonth>,
}

/// A spoken language with the proficiency line LinkedIn shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// Language name as shown.
    pub name: String,
    /// Proficiency as shown (localised text or the LinkedIn enum), if any.
    pub proficiency: Option<String>,
}

/// Contact details the viewer can see (usually only on first-degree connections).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactInfo {
    /// E-mail addresses.
    pub emails: Field<Vec<String>>,
    /// Phone numbers.
    pub phones: Field<Vec<String>>,
    /// Websites (excluding the LinkedIn profile itself).
    pub websites: Field<Vec<String>>,
}

/// Everything extracted from one profile page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Canonical `https://www.linkedin.com/in/<slug>/` (or the Sales Navigator / Recruiter URL).
    pub profile_url: Field<String>,
    /// The name exactly as displayed (emoji, credentials and all).
    pub display_name: Field<String>,
    /// First name after the name policy (see `linkedin::names`).
    pub first_name: Field<String>,
    /// Last name after the name policy.
    pub last_name: Field<String>,
    /// Headline under the name.
    pub headline: Field<String>,
    /// Title of the current position.
    pub current_title: Field<String>,
    /// Company of the current position.
    pub current_company: Field<String>,
    /// Location line of the top card.
    pub location: Field<String>,
    /// Largest profile photo URL.
    pub photo_url: Field<String>,
    /// The "About" text.
    pub about: Field<String>,
    /// Experience entries in page order.
    pub experience: Field<Vec<Experience>>,
    /// Education entries in page order.
    pub education: Field<Vec<Education>>,
    /// Skills in page order.
    pub skills: Field<Vec<String>>,
    /// Languages in page order.
    pub languages: Field<Vec<Language>>,
    /// Visible contact info.
    pub contact: ContactInfo,
    /// Names of the fields that were not found (e.g. `"location"`, `"contact.emails"`).
    pub missing: Vec<String>,
    /// Rules of the name policy that fired while deriving first and last name (see `linkedin::names`);
    /// the popup asks for confirmation when this is not empty.
    #[serde(default)]
    pub name_flags: Vec<NameFlag>,
    /// How the page was matched to the profile in the URL before anything was read.
    #[serde(default)]
    pub verified_by: Option<IdentityEvidence>,
    /// The language the member wrote the profile in (`primaryLocale` of LinkedIn's embedded data for this
    /// profile, ISO 639-1), when the page carries it; the candidate notice defaults to it. Not the viewer's
    /// UI language (`<html lang>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// A rule of the name policy that changed or qualified the first / last name split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameFlag {
    /// Emoji or decorative symbols (and text after a `|` separator) were removed.
    EmojiRemoved,
    /// Credentials (", PhD", "MBA") or honorifics ("Dr.", "Prof.") were removed.
    CredentialsRemoved,
    /// A nickname or alternate name in parentheses or quotes was removed.
    NicknameRemoved,
    /// The "LinkedIn Member" placeholder of a private profile: no name.
    PrivateMember,
    /// The last name is an initial only.
    LastInitialOnly,
    /// Only one word: first name only.
    SingleName,
    /// Three or more words without a particle (or an unspaced East Asian name): the split is a guess.
    AmbiguousSplit,
    /// East Asian order: the family name is written first.
    FamilyNameFirst,
}

/// What showed that a rendered page belongs to the profile in its URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityEvidence {
    /// Links of the page to the profile's own sub-routes (`/in/<slug>/overlay/…`, `/details/…`).
    ProfileLinks,
    /// Embedded page data for the URL's profile names the person shown.
    EmbeddedData,
    /// The page's id attributes / links carry the Sales Navigator or Recruiter id of the URL.
    PageIds,
}
