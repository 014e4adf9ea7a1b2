//! "Has this person already applied to this position?": the applications of a person on one job,
//! found by e-mail (`candidate.email` on applications; the documented e-mail filter on candidates as
//! the fallback) and by LinkedIn profile (a candidate's `linkedin_profile`, or our custom attribute
//! when an answer carries it), the job always compared on our side.
//!
//! A match is only reported when the answer shows both the person (e-mail or LinkedIn profile) and
//! the job: a missing field, a refused filter or an unknown shape never turns into "already applied";
//! it makes the e-mail lookup incomplete ([`DuplicateCheck::Unavailable`]) and the form says so.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

use super::client::PersonioClient;
use super::http::Transport;
use super::ids::PositionId;
use super::lookups::{ApplicationSummary, Candidate, LookupGap};
use super::PersonioError;

/// Pages of `applications?candidate.email=` read (one when the filter works; 500 applications when
/// Personio ignores it).
pub const EMAIL_PAGES: usize = 5;
/// Pages of `candidates?email=` read in the fallback.
pub const CANDIDATE_EMAIL_PAGES: usize = 2;
/// Pages of the company's candidates scanned for the LinkedIn profile (400 most recently updated).
pub const LINKEDIN_PAGES: usize = 2;
/// Applications read one by one (`GET /v2/recruiting/applications/{id}`) per lookup at most.
pub const APPLICATION_READS: usize = 10;

/// Who is being looked up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonQuery {
    /// The e-mail typed in the form.
    pub email: String,
    /// The LinkedIn profile URL the form was opened on.
    #[serde(default)]
    pub linkedin_url: Option<String>,
    /// Our custom attribute holding the LinkedIn URL (`custom_attribute_<n>`), when configured.
    #[serde(default)]
    pub linkedin_attribute: Option<String>,
}

/// The LinkedIn slug of a profile URL, lower-cased (`https://de.linkedin.com/in/Ada-L/?x` → `ada-l`).
pub fn linkedin_slug(url: &str) -> Option<String> {
    let url = url.trim();
    let absolute;
    let url = if url.starts_with("http") || url.starts_with('/') {
        url
    } else {
        absolute = format!("https://{url}");
        &absolute
    };
    crate::linkedin::url::profile_link(url).map(|(slug, _)| slug.to_lowercase())
}

impl PersonQuery {
    fn slug(&self) -> Option<String> {
        self.linkedin_url.as_deref().and_then(linkedin_slug)
    }

    fn is_email(&self, email: Option<&str>) -> Option<bool> {
        email.map(|e| e.trim().eq_ignore_ascii_case(self.email.trim()))
    }

    /// True when `candidate` holds the profile `slug` (`linkedin_profile` or our custom attribute).
    pub(crate) fn linkedin_matches(&self, candidate: &Candidate, slug: &str) -> bool {
        let by_field = candidate
            .linkedin_profile
            .as_deref()
            .and_then(linkedin_slug)
            .is_some_and(|s| s == slug);
        let by_attribute = self.linkedin_attribute.as_deref().is_some_and(|attr| {
            candidate
                .attributes
                .iter()
                .any(|(id, value)| id == attr && linkedin_slug(value).is_some_and(|s| s == slug))
        });
        by_field || by_attribute
    }
}

/// How an existing application was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The candidate's e-mail.
    Email,
    /// The candidate's LinkedIn profile.
    Linkedin,
}

/// How far the LinkedIn profile was checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkedinCoverage {
    /// No profile URL to look for.
    NotAsked,
    /// Every candidate of the company was compared.
    Complete,
    /// Only the most recently updated candidates were compared (or the list could not be read).
    Partial {
        /// Candidates compared.
        candidates_scanned: usize,
    },
    /// Personio's answers did not include `linkedin_profile`: nothing could be compared.
    NotShown,
}

/// The applications of one person on one job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobApplications {
    /// Applications proven to be this person's on this job (e-mail matches first).
    pub found: Vec<(ApplicationSummary, MatchedBy)>,
    /// Why the e-mail lookup is not conclusive; `None` when it is.
    pub email_gap: Option<LookupGap>,
    /// How far the LinkedIn profile was checked.
    pub linkedin: LinkedinCoverage,
}

/// The answer of the duplicate check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum DuplicateCheck {
    /// The person already applied to this position.
    Found {
        /// That application.
        existing: Box<ApplicationSummary>,
        /// How it was recognised.
        matched_by: MatchedBy,
    },
    /// No application of this e-mail on this position (the e-mail lookup was complete).
    Clear {
        /// How far the LinkedIn profile was checked.
        linkedin: LinkedinCoverage,
    },
    /// The lookup could not tell; Personio still refuses a second application of the same e-mail.
    Unavailable {
        /// Why.
        gap: LookupGap,
    },
}

impl DuplicateCheck {
    /// The existing application, when found.
    pub fn existing(&self) -> Option<&ApplicationSummary> {
        match self {
            DuplicateCheck::Found { existing, .. } => Some(existing),
            _ => None,
        }
    }
}

fn note(gap: &mut Option<LookupGap>, new: LookupGap) {
    gap.get_or_insert(new);
}

impl<T: Transport> PersonioClient<T> {
    /// Every application of `person` on `position` that the v2 reads can prove, with what
    /// could not be checked. `Err` only when Personio refused or could not be reached at all.
    pub async fn applications_on_position(
        &mut self,
        person: &PersonQuery,
        position: PositionId,
        now_ms: u64,
    ) -> Result<JobApplications, PersonioError> {
        self.require_v2()?;
        let mut found: Vec<(ApplicationSummary, MatchedBy)> = Vec::new();
        let mut email_gap: Option<LookupGap>;
        let mut seen: HashSet<String> = HashSet::new();
        let mut to_read: Vec<(String, MatchedBy)> = Vec::new();

        // 1. Applications by e-mail, the job compared here.
        match self
            .applications_by_email(&person.email, EMAIL_PAGES, now_ms)
            .await
        {
            Ok(listed) => {
                email_gap = listed.gap();
                for a in listed.items {
                    seen.insert(a.id.clone());
                    if a.email_is(&person.email).is_none() {
                        note(&mut email_gap, missing("candidate.email"));
                        continue;
                    }
                    match a.position_id {
                        Some(on) if on == position => found.push((a, MatchedBy::Email)),
                        Some(_) => {}
                        None => note(&mut email_gap, missing("job.id")),
                    }
                }
            }
            Err(e) => match LookupGap::from_error(e, Some("candidate.email")) {
                LookupGap::Failed { error } => return Err(error),
                gap => email_gap = Some(gap),
            },
        }

        // 2. The e-mail path was not conclusive: the documented candidates filter, then each of the
        //    person's applications by id.
        if found.is_empty() && email_gap.is_some() {
            if let Ok(listed) = self
                .candidates_by_email(&person.email, CANDIDATE_EMAIL_PAGES, now_ms)
                .await
            {
                let mut gap = listed.gap();
                for c in &listed.items {
                    match person.is_email(c.email.as_deref()) {
                        None => note(&mut gap, missing("email")),
                        Some(false) => {}
                        Some(true) => match &c.application_ids {
                            None => note(&mut gap, missing("applications")),
                            Some(ids) => to_read.extend(
                                ids.iter()
                                    .filter(|id| !seen.contains(*id))
                                    .map(|id| (id.clone(), MatchedBy::Email)),
                            ),
                        },
                    }
                }
                // The candidates answer is complete: the e-mail lookup now rests on the reads below.
                if gap.is_none() {
                    email_gap = None;
                }
            }
        }

        // 3. The LinkedIn profile among the company's most recently updated candidates.
        // (Not needed once the e-mail found the application.)
        let linkedin = match person.slug().filter(|_| found.is_empty()) {
            None => LinkedinCoverage::NotAsked,
            Some(slug) => match self.company_candidates(LINKEDIN_PAGES, now_ms).await {
                Ok(listed) => {
                    for c in &listed.items {
                        if person.linkedin_matches(c, &slug) {
                            for id in c.application_ids.iter().flatten() {
                                if !seen.contains(id) && !to_read.iter().any(|(r, _)| r == id) {
                                    to_read.push((id.clone(), MatchedBy::Linkedin));
                                }
                            }
                        }
                    }
                    let shown = listed.items.iter().any(|c| c.linkedin_shown)
                        || linkedin_attribute_shown(&listed.items, person);
                    if !listed.items.is_empty() && !shown {
                        LinkedinCoverage::NotShown
                    } else if listed.complete && listed.unreadable == 0 {
                        LinkedinCoverage::Complete
                    } else {
                        LinkedinCoverage::Partial {
                            candidates_scanned: listed.items.len(),
                        }
                    }
                }
                Err(_) => LinkedinCoverage::Partial {
                    candidates_scanned: 0,
                },
            },
        };

        // 4. Applications known only by id: read them, compare the job.
        if to_read.len() > APPLICATION_READS
            && to_read[APPLICATION_READS..]
                .iter()
                .any(|(_, by)| *by == MatchedBy::Email)
        {
            note(
                &mut email_gap,
                LookupGap::Incomplete {
                    scanned: APPLICATION_READS,
                },
            );
        }
        for (id, by) in to_read.into_iter().take(APPLICATION_READS) {
            match self.application(&id, now_ms).await {
                Ok(Some(a)) => match a.position_id {
                    Some(on) if on == position => found.push((a, by)),
                    Some(_) => {}
                    None if by == MatchedBy::Email => note(&mut email_gap, missing("job.id")),
                    None => {}
                },
                Ok(None) => {}
                Err(e) if by == MatchedBy::Email => {
                    note(&mut email_gap, LookupGap::from_error(e, None))
                }
                Err(_) => {}
            }
        }
        found.sort_by_key(|(_, by)| *by != MatchedBy::Email);
        Ok(JobApplications {
            found,
            email_gap,
            linkedin,
        })
    }

    /// The duplicate check before creating an application. Never fails: what cannot be checked is
    /// [`DuplicateCheck::Unavailable`].
    pub async fn check_duplicate(
        &mut self,
        person: &PersonQuery,
        position: PositionId,
        now_ms: u64,
    ) -> DuplicateCheck {
        if !self.credentials().has_oauth() {
            return DuplicateCheck::Unavailable {
                gap: LookupGap::NeedsV2,
            };
        }
        match self
            .applications_on_position(person, position, now_ms)
            .await
        {
            Err(error) => DuplicateCheck::Unavailable {
                gap: LookupGap::from_error(error, None),
            },
            Ok(mut result) if !result.found.is_empty() => {
                let (mut existing, matched_by) = result.found.remove(0);
                // Stages often come without a name (system stages): the tenant's vocabulary has it.
                if existing.stage.as_ref().is_some_and(|s| s.name.is_none()) {
                    if let Ok(vocabulary) = self.stage_vocabulary(now_ms).await {
                        existing.stage = existing.stage.map(|s| vocabulary.resolve(&s));
                    }
                }
                DuplicateCheck::Found {
                    existing: Box::new(existing),
                    matched_by,
                }
            }
            Ok(JobApplications {
                email_gap: Some(gap),
                ..
            }) => DuplicateCheck::Unavailable { gap },
            Ok(JobApplications { linkedin, .. }) => DuplicateCheck::Clear { linkedin },
        }
    }
}

/// True when some candidate of the answer carries our LinkedIn custom attribute.
fn linkedin_attribute_shown(candidates: &[Candidate], person: &PersonQuery) -> bool {
    person.linkedin_attribute.as_deref().is_some_and(|attr| {
        candidates
            .iter()
            .any(|c| c.attributes.iter().any(|(id, _)| id == attr))
    })
}

fn missing(field: &str) -> LookupGap {
    LookupGap::MissingField {
        field: field.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_urls_compare_by_slug() {
        assert_eq!(
            linkedin_slug("https://de.linkedin.com/in/Maren-Okafor-4b2a1c/?trk=x").as_deref(),
            Some("maren-okafor-4b2a1c")
        );
        assert_eq!(
            linkedin_slug("linkedin.com/in/maren-okafor-4b2a1c").as_deref(),
            Some("maren-okafor-4b2a1c")
        );
        assert_eq!(linkedin_slug("https://example.com/in/x"), None);
        let person = PersonQuery {
            email: "a@b.de".into(),
            linkedin_url: Some("https://www.linkedin.com/in/maren-okafor-4b2a1c/".into()),
            linkedin_attribute: Some("custom_attribute_1001".into()),
        };
        let slug = person.slug().unwrap();
        let by_attribute = Candidate {
            id: "1".into(),
            attributes: vec![(
                "custom_attribute_1001".into(),
                "https://www.linkedin.com/in/MAREN-okafor-4b2a1c".into(),
            )],
            ..Default::default()
        };
        assert!(person.linkedin_matches(&by_attribute, &slug));
        let other_attribute = Candidate {
            attributes: vec![(
                "custom_attribute_7".into(),
                "https://www.linkedin.com/in/maren-okafor-4b2a1c".into(),
            )],
            ..by_attribute.clone()
        };
        assert!(!person.linkedin_matches(&other_attribute, &slug));
        let by_field = Candidate {
            linkedin_profile: Some("https://linkedin.com/in/maren-okafor-4b2a1c/".into()),
            ..Default::default()
        };
        assert!(person.linkedin_matches(&by_field, &slug));
    }
}
