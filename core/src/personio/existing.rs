//! "Already in Personio?": the candidate a LinkedIn profile (or a typed e-mail) belongs to, with every
//! application Personio holds for them (position and current stage), before anything is typed.
//!
//! By LinkedIn profile: the company's most recently updated candidates ([`LINKEDIN_PAGES`] pages; no
//! source shows a LinkedIn filter), compared by slug with `linkedin_profile` or our custom attribute, so
//! `linkedin.com/in/x`, `https://de.linkedin.com/in/X/` and `http://www.linkedin.com/in/x?trk=…` are the
//! same person. By e-mail: the documented `email` filter on candidates, checked again here. The person's
//! applications are read one by one by id (`GET /v2/recruiting/applications/{id}`, documented), so no
//! filter Personio may ignore or refuse is needed; stage names come from the tenant's vocabulary.
//!
//! A missing read right (`403`) or v1-only credentials is [`CandidateLookup::Hidden`]: the form hides the
//! panel with one line saying why. What could not be told otherwise is [`CandidateLookup::Unavailable`].

use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

use super::client::PersonioClient;
use super::config::CompanySubdomain;
use super::duplicates::{
    linkedin_slug, LinkedinCoverage, MatchedBy, PersonQuery, CANDIDATE_EMAIL_PAGES, LINKEDIN_PAGES,
};
use super::http::Transport;
use super::lookups::{ApplicationSummary, Candidate, Listed, LookupGap};
use super::PersonioError;

/// Applications of one candidate read by id at most (one call each).
pub const CANDIDATE_APPLICATION_READS: usize = 10;

/// Why the panel is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupHidden {
    /// Only v1 credentials: candidates can be read with API v2 credentials only.
    NeedsV2,
    /// The API credentials may not read candidates (`403`).
    NoReadRight,
}

/// A candidate Personio already holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistingCandidate {
    /// Candidate id.
    pub id: String,
    /// "First Last", when Personio's answer named them.
    #[serde(default)]
    pub name: Option<String>,
    /// Their e-mail in Personio (the one "Add to another position" applies with).
    #[serde(default)]
    pub email: Option<String>,
    /// How they were recognised.
    pub matched_by: Option<MatchedBy>,
    /// Their applications that could be read, newest first, stages resolved with the tenant's names.
    #[serde(default)]
    pub applications: Vec<ApplicationSummary>,
    /// Applications Personio lists for them that could not be read (over the read budget or refused).
    #[serde(default)]
    pub unread_applications: usize,
    /// Where the candidate opens in Personio's web app (see [`candidate_web_url`]).
    #[serde(default)]
    pub personio_url: Option<String>,
}

/// The answer of the lookup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum CandidateLookup {
    /// Personio holds this person.
    Found {
        /// Who, with their applications.
        candidate: Box<ExistingCandidate>,
    },
    /// Not found by what was looked for.
    NotFound {
        /// How far the LinkedIn profile was compared.
        linkedin: LinkedinCoverage,
        /// True when an e-mail was looked for too (the documented filter, complete).
        email_checked: bool,
    },
    /// The lookup could not tell (Personio unreachable, rate limit, an unknown answer).
    Unavailable {
        /// Why.
        gap: LookupGap,
    },
    /// The panel is hidden: the credentials cannot read candidates.
    Hidden {
        /// Why.
        reason: LookupHidden,
    },
}

impl CandidateLookup {
    /// The candidate, when found.
    pub fn found(&self) -> Option<&ExistingCandidate> {
        match self {
            CandidateLookup::Found { candidate } => Some(candidate),
            _ => None,
        }
    }

    /// True when the answer is worth keeping for the session: what Personio said, not a passing
    /// failure (a network error or a rate limit is asked again next time).
    pub fn is_cacheable(&self) -> bool {
        !matches!(
            self,
            CandidateLookup::Unavailable {
                gap: LookupGap::Failed { .. }
            }
        )
    }

    fn from_error(error: PersonioError) -> CandidateLookup {
        match error {
            PersonioError::Forbidden { .. } => CandidateLookup::Hidden {
                reason: LookupHidden::NoReadRight,
            },
            PersonioError::UnsupportedAuth { .. } => CandidateLookup::Hidden {
                reason: LookupHidden::NeedsV2,
            },
            error => CandidateLookup::Unavailable {
                gap: LookupGap::from_error(error, None),
            },
        }
    }
}

/// The candidate's page in Personio's web app, for the recruiter to open:
/// `https://<subdomain>.personio.de/recruiting/applications/<application id>`.
///
/// **Assumption** (no source names the web app's URLs): Personio's help pages say each application has
/// its own profile page, reached from Recruiting › Applications; we link the newest application's page
/// on the company's `.personio.de` host. `None` without a subdomain or an application.
pub fn candidate_web_url(subdomain: &CompanySubdomain, application_id: &str) -> Option<String> {
    let sub = subdomain.as_str();
    let id_ok = !application_id.is_empty()
        && application_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (!sub.is_empty() && id_ok)
        .then(|| format!("https://{sub}.personio.de/recruiting/applications/{application_id}"))
}

fn full_name(c: &Candidate) -> Option<String> {
    let name = [&c.first_name, &c.last_name]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// The first candidate of `listed` that is the person, by LinkedIn profile.
fn by_linkedin(listed: &Listed<Candidate>, person: &PersonQuery, slug: &str) -> Option<Candidate> {
    listed
        .items
        .iter()
        .find(|c| person.linkedin_matches(c, slug))
        .cloned()
}

fn coverage(listed: &Listed<Candidate>, person: &PersonQuery) -> LinkedinCoverage {
    let shown = listed.items.iter().any(|c| c.linkedin_shown)
        || person.linkedin_attribute.as_deref().is_some_and(|attr| {
            listed
                .items
                .iter()
                .any(|c| c.attributes.iter().any(|(id, _)| id == attr))
        });
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

impl<T: Transport> PersonioClient<T> {
    /// Looks the person up: by LinkedIn profile when `person.linkedin_url` is set, then by e-mail
    /// when `person.email` is not empty and the profile found no one. Never fails: see
    /// [`CandidateLookup`].
    pub async fn find_candidate(&mut self, person: &PersonQuery, now_ms: u64) -> CandidateLookup {
        if !self.credentials().has_oauth() {
            return CandidateLookup::Hidden {
                reason: LookupHidden::NeedsV2,
            };
        }
        // After a 429 the optional lookups wait with the writes: they spend nothing of the cool-down.
        let cooldown = self.state().budget.cooldown_until_ms;
        if now_ms < cooldown {
            return CandidateLookup::Unavailable {
                gap: LookupGap::Failed {
                    error: PersonioError::RateLimited {
                        retry_at_ms: cooldown,
                    },
                },
            };
        }
        let mut linkedin = LinkedinCoverage::NotAsked;
        let mut found: Option<(Candidate, MatchedBy)> = None;
        if let Some(slug) = person.linkedin_url.as_deref().and_then(linkedin_slug) {
            match self.company_candidates(LINKEDIN_PAGES, now_ms).await {
                Ok(listed) => {
                    linkedin = coverage(&listed, person);
                    found = by_linkedin(&listed, person, &slug).map(|c| (c, MatchedBy::Linkedin));
                }
                Err(e) => return CandidateLookup::from_error(e),
            }
        }
        let email = person.email.trim();
        let mut email_checked = false;
        if found.is_none() && !email.is_empty() {
            match self
                .candidates_by_email(email, CANDIDATE_EMAIL_PAGES, now_ms)
                .await
            {
                Ok(listed) => {
                    // Items without an e-mail cannot be told apart: not a definite "not found".
                    let gap = listed.gap().or_else(|| {
                        listed.items.iter().any(|c| c.email.is_none()).then(|| {
                            LookupGap::MissingField {
                                field: "email".into(),
                            }
                        })
                    });
                    email_checked = gap.is_none();
                    found = listed
                        .items
                        .into_iter()
                        .find(|c| {
                            c.email
                                .as_deref()
                                .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
                        })
                        .map(|c| (c, MatchedBy::Email));
                    if let (None, Some(gap)) = (&found, gap) {
                        return CandidateLookup::Unavailable { gap };
                    }
                }
                Err(e) => {
                    return match LookupGap::from_error(e, Some("email")) {
                        LookupGap::Failed { error } => CandidateLookup::from_error(error),
                        gap => CandidateLookup::Unavailable { gap },
                    }
                }
            }
        }
        let Some((candidate, matched_by)) = found else {
            return CandidateLookup::NotFound {
                linkedin,
                email_checked,
            };
        };
        match self.existing(candidate, matched_by, now_ms).await {
            Ok(existing) => CandidateLookup::Found {
                candidate: Box::new(existing),
            },
            Err(e) => CandidateLookup::from_error(e),
        }
    }

    /// The found candidate with their applications read by id (newest first) and stage names.
    async fn existing(
        &mut self,
        candidate: Candidate,
        matched_by: MatchedBy,
        now_ms: u64,
    ) -> Result<ExistingCandidate, PersonioError> {
        let ids = candidate.application_ids.clone().unwrap_or_default();
        let mut applications = Vec::new();
        let mut unread = ids.len().saturating_sub(CANDIDATE_APPLICATION_READS);
        for id in ids.iter().take(CANDIDATE_APPLICATION_READS) {
            match self.application(id, now_ms).await {
                Ok(Some(a)) => applications.push(a),
                Ok(None) => {}
                // The candidate is known; one unreadable application does not hide them.
                Err(PersonioError::Forbidden { .. }) | Err(PersonioError::Unexpected { .. }) => {
                    unread += 1
                }
                Err(e) => return Err(e),
            }
        }
        if applications
            .iter()
            .any(|a| a.stage.as_ref().is_some_and(|s| s.name.is_none()))
        {
            if let Ok(vocabulary) = self.stage_vocabulary(now_ms).await {
                for a in &mut applications {
                    a.stage = a.stage.take().map(|s| vocabulary.resolve(&s));
                }
            }
        }
        applications.sort_by_key(|a| std::cmp::Reverse(a.created_ms().unwrap_or(0)));
        let personio_url = applications
            .first()
            .map(|a| a.id.clone())
            .or_else(|| ids.first().cloned())
            .and_then(|id| candidate_web_url(&self.credentials().subdomain, &id));
        Ok(ExistingCandidate {
            name: full_name(&candidate),
            email: candidate.email.clone(),
            id: candidate.id,
            matched_by: Some(matched_by),
            applications,
            unread_applications: unread,
            personio_url,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_web_link_is_built_only_from_safe_parts() {
        let acme: CompanySubdomain = "acme".parse().unwrap();
        assert_eq!(
            candidate_web_url(&acme, "400002").as_deref(),
            Some("https://acme.personio.de/recruiting/applications/400002")
        );
        assert_eq!(candidate_web_url(&acme, "../x"), None);
        assert_eq!(candidate_web_url(&acme, ""), None);
        assert_eq!(candidate_web_url(&CompanySubdomain::default(), "1"), None);
    }

    #[test]
    fn stored_linkedin_urls_in_other_forms_are_the_same_profile() {
        let person = PersonQuery {
            linkedin_url: Some("https://www.linkedin.com/in/ravi-castellano-9e21f0/".into()),
            ..PersonQuery::default()
        };
        let slug = linkedin_slug(person.linkedin_url.as_deref().unwrap()).unwrap();
        for stored in [
            "linkedin.com/in/ravi-castellano-9e21f0",
            "http://de.linkedin.com/in/Ravi-Castellano-9e21f0",
            "https://www.linkedin.com/in/ravi-castellano-9e21f0?trk=public_profile",
        ] {
            let candidate = Candidate {
                linkedin_profile: Some(stored.into()),
                linkedin_shown: true,
                ..Candidate::default()
            };
            assert!(person.linkedin_matches(&candidate, &slug), "{stored}");
        }
        let other = Candidate {
            linkedin_profile: Some("linkedin.com/in/ravi-castellano-9e21f".into()),
            ..Candidate::default()
        };
        assert!(!person.linkedin_matches(&other, &slug));
    }

    #[test]
    fn passing_failures_are_not_cached() {
        let failed = CandidateLookup::Unavailable {
            gap: LookupGap::Failed {
                error: PersonioError::RateLimited { retry_at_ms: 1 },
            },
        };
        assert!(!failed.is_cacheable());
        let hidden = CandidateLookup::from_error(PersonioError::Forbidden {
            right: super::super::MissingRight::RecruitingScope,
            trace_id: None,
        });
        assert_eq!(
            hidden,
            CandidateLookup::Hidden {
                reason: LookupHidden::NoReadRight
            }
        );
        assert!(hidden.is_cacheable());
    }
}
