//! Read-only v2 recruiting lookups in the shapes live tenants answer (see the stand-in README for the
//! source of each field): applications (`current_stage`, `candidate`, `job`), candidates (e-mail
//! filter, `linkedin_profile`, `applications[]`), one application by id, its stage transitions and the
//! tenant's stage vocabulary (`/v2/recruiting/categories`).
//!
//! Nothing here trusts a query filter: every list is filtered again on our side, so an ignored filter
//! (the whole company's list) gives the same answer, only slower; a refused one (`400`) surfaces as
//! [`LookupGap::FilterRefused`]. Every list is paged within a page budget; a list cut short is
//! reported as [`LookupGap::Incomplete`], an answer lacking a needed field as
//! [`LookupGap::MissingField`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sourcing_tagged::TaggedDeserialize;

use super::client::{unexpected, Auth, Call, PersonioClient};
use super::date::PersonioDateTime;
use super::encode::{form_urlencode, query_param, url_encode};
use super::error::{Family, PersonioError};
use super::http::{HttpRequest, Transport};
use super::ids::{PositionId, V2Id};
use super::wire::{self, One, Page};

/// Page size for applications, stage transitions and categories. Public clients disagree on the
/// maximum (100 vs 200); 100 is accepted by both readings.
pub const APPLICATIONS_PAGE_LIMIT: u32 = 100;
/// Page size for candidates (the reference page documents 1–200).
pub const CANDIDATES_PAGE_LIMIT: u32 = 200;

/// What a stage means for the application in it, from its `kind` / `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageOutcome {
    /// Any stage that is not one of the others (unassigned, interviews, offer, custom stages).
    InProcess,
    /// The accepted / hired stage.
    Hired,
    /// Rejected.
    Rejected,
    /// Withdrawn by the candidate.
    Withdrawn,
    /// The answer said nothing about the stage's meaning.
    Unknown,
}

/// A stage as Personio reports it. Any field may be missing (public clients show `id` and `name`
/// as nullable); the tenant's vocabulary ([`StageVocabulary`]) fills in what it knows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Stage id (`null` for some stages in live answers).
    #[serde(default)]
    pub id: Option<String>,
    /// Display name as the tenant configured it.
    #[serde(default)]
    pub name: Option<String>,
    /// `kind` as Personio sends it (its values are not documented).
    #[serde(default)]
    pub kind: Option<String>,
    /// `type` as Personio sends it (its values are not documented).
    #[serde(rename = "type", default)]
    pub stage_type: Option<String>,
}

fn normalise(word: &str) -> String {
    word.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

impl Stage {
    fn from_wire(w: wire::WireStage) -> Option<Stage> {
        let stage = Stage {
            id: w.id.map(|i| i.0),
            name: w.name,
            kind: w.kind,
            stage_type: w.stage_type,
        };
        (stage != Stage::default()).then_some(stage)
    }

    /// The outcome its `kind` or `type` names: `accepted` / `hired` → hired, `rejected`,
    /// `withdrawn`; any other value → in process; neither present → unknown.
    pub fn outcome(&self) -> StageOutcome {
        let words: Vec<String> = [&self.kind, &self.stage_type]
            .into_iter()
            .flatten()
            .map(|w| normalise(w))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return StageOutcome::Unknown;
        }
        let any = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
        if any(&["accepted", "hired"]) {
            StageOutcome::Hired
        } else if any(&["rejected"]) {
            StageOutcome::Rejected
        } else if any(&["withdrawn"]) {
            StageOutcome::Withdrawn
        } else {
            StageOutcome::InProcess
        }
    }

    /// A key that identifies the stage within a tenant: its id, else its kind and type.
    pub fn key(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!(
                "{}:{}",
                self.kind.as_deref().map(normalise).unwrap_or_default(),
                self.stage_type
                    .as_deref()
                    .map(normalise)
                    .unwrap_or_default()
            ),
        }
    }

    /// True when `other` is the same stage: equal ids when both have one, else equal kind and type.
    pub fn same_as(&self, other: &Stage) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a == b,
            _ => {
                let known = self.kind.is_some() || self.stage_type.is_some();
                known
                    && self.kind.as_deref().map(normalise) == other.kind.as_deref().map(normalise)
                    && self.stage_type.as_deref().map(normalise)
                        == other.stage_type.as_deref().map(normalise)
            }
        }
    }
}

/// The stages a tenant configured, per recruiting category (`/v2/recruiting/categories`), in the
/// order Personio lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageVocabulary {
    /// Every stage of every category.
    pub stages: Vec<Stage>,
}

impl StageVocabulary {
    fn entry(&self, stage: &Stage) -> Option<(usize, &Stage)> {
        self.stages
            .iter()
            .enumerate()
            .find(|(_, known)| known.same_as(stage))
    }

    /// `stage` with what the vocabulary knows filled in (name, kind, type).
    pub fn resolve(&self, stage: &Stage) -> Stage {
        let Some((_, known)) = self.entry(stage) else {
            return stage.clone();
        };
        Stage {
            id: stage.id.clone().or_else(|| known.id.clone()),
            name: stage.name.clone().or_else(|| known.name.clone()),
            kind: stage.kind.clone().or_else(|| known.kind.clone()),
            stage_type: stage
                .stage_type
                .clone()
                .or_else(|| known.stage_type.clone()),
        }
    }

    /// The position of `stage` in the tenant's order, if known.
    pub fn rank(&self, stage: &Stage) -> Option<usize> {
        self.entry(stage).map(|(i, _)| i)
    }
}

/// A candidate (person) in recruiting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Candidate id.
    pub id: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// The LinkedIn profile URL Personio holds for the person.
    pub linkedin_profile: Option<String>,
    /// False when the answer had no `linkedin_profile` field at all (unknown, not "none").
    pub linkedin_shown: bool,
    /// Custom attributes as `(id, value)`, when the answer carried any.
    pub attributes: Vec<(String, String)>,
    /// Ids of the person's applications; `None` when the answer had no `applications` field.
    pub application_ids: Option<Vec<String>>,
}

impl Candidate {
    fn from_wire(w: wire::WireCandidate) -> Option<Candidate> {
        let attributes = w
            .custom_attributes
            .map(|list| wire::split(list).0)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|a| {
                let value = match a.value {
                    Some(wire::AttributeValue::Text(t)) => Some(t),
                    Some(wire::AttributeValue::List(l)) => l.into_iter().next(),
                    _ => None,
                };
                [a.id, a.global_id]
                    .into_iter()
                    .flatten()
                    .filter_map(move |id| value.clone().map(|v| (id.0, v)))
                    .collect::<Vec<_>>()
            })
            .collect();
        Some(Candidate {
            id: w.id?.0,
            first_name: w.first_name,
            last_name: w.last_name,
            email: w.email,
            linkedin_shown: w.linkedin_profile.is_some(),
            linkedin_profile: w.linkedin_profile.flatten(),
            attributes,
            application_ids: w.applications.map(|list| {
                wire::split(list)
                    .0
                    .into_iter()
                    .filter_map(|a| a.id.map(|i| i.0))
                    .collect()
            }),
        })
    }
}

/// An application as the v2 reads give it. Everything but the id may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    /// Application id.
    pub id: String,
    /// Candidate id.
    #[serde(default)]
    pub candidate_id: Option<String>,
    /// The candidate's e-mail (`candidate.email`).
    #[serde(default)]
    pub candidate_email: Option<String>,
    /// The candidate's first name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// The candidate's last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// The position (`job.id`; stored by earlier versions as `job_id`).
    #[serde(default, alias = "job_id")]
    pub position_id: Option<PositionId>,
    /// The position's name (`job.name`; earlier: `job_name`).
    #[serde(default, alias = "job_name")]
    pub position_name: Option<String>,
    /// The current stage (`current_stage`).
    #[serde(default)]
    pub stage: Option<Stage>,
    /// `application_date` (`yyyy-mm-dd`).
    #[serde(default)]
    pub application_date: Option<String>,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<PersonioDateTime>,
}

impl ApplicationSummary {
    pub(crate) fn from_wire(w: wire::WireApplication) -> Option<ApplicationSummary> {
        let candidate = w.candidate.unwrap_or_default();
        let job = w.job.unwrap_or_default();
        Some(ApplicationSummary {
            id: w.id?.0,
            candidate_id: candidate.id.map(|i| i.0),
            candidate_email: candidate.email,
            first_name: candidate.first_name,
            last_name: candidate.last_name,
            position_id: job.id.as_ref().and_then(V2Id::position_id),
            position_name: job.name,
            stage: w.current_stage.and_then(Stage::from_wire),
            application_date: w.application_date,
            created_at: w.created_at,
        })
    }

    /// True when the application's e-mail is `email` (case-insensitive); `None` when it has none.
    pub fn email_is(&self, email: &str) -> Option<bool> {
        self.candidate_email
            .as_deref()
            .map(|e| e.trim().eq_ignore_ascii_case(email.trim()))
    }

    /// "First Last", when the answer named the candidate.
    pub fn candidate_name(&self) -> Option<String> {
        let name = [&self.first_name, &self.last_name]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        (!name.is_empty()).then_some(name)
    }

    /// For ordering: when it was created (epoch ms), if known.
    pub fn created_ms(&self) -> Option<i64> {
        self.created_at
            .as_ref()
            .and_then(PersonioDateTime::epoch_ms)
    }
}

/// One entry of an application's stage history: the stage it entered and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTransition {
    /// The stage entered.
    pub stage: Option<Stage>,
    /// When.
    pub entered_at: Option<PersonioDateTime>,
}

/// Why a lookup could not give a definite answer. Shown to the recruiter in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TaggedDeserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LookupGap {
    /// Only v1 credentials: the recruiting reads need API v2 (OAuth client id + secret).
    NeedsV2,
    /// Personio refused a query filter (`400`).
    FilterRefused {
        /// The filter, e.g. `candidate.email`.
        filter: String,
    },
    /// Personio's answer lacked a field the decision needs.
    MissingField {
        /// The field, e.g. `candidate.email`, `job.id`, `current_stage`.
        field: String,
    },
    /// An answer in a shape we do not know.
    UnexpectedAnswer,
    /// More items than the page budget covers; the first `scanned` were checked.
    Incomplete {
        /// Items checked.
        scanned: usize,
    },
    /// Personio refused the read or could not be reached.
    Failed {
        /// The error.
        error: PersonioError,
    },
}

impl LookupGap {
    /// The gap for an error of a read (a `400` on a filtered list is a refused filter).
    pub fn from_error(error: PersonioError, filter: Option<&str>) -> LookupGap {
        match (&error, filter) {
            (PersonioError::InvalidRequest { .. } | PersonioError::Validation { .. }, Some(f)) => {
                LookupGap::FilterRefused { filter: f.into() }
            }
            (PersonioError::UnsupportedAuth { .. }, _) => LookupGap::NeedsV2,
            (PersonioError::Unexpected { .. }, _) => LookupGap::UnexpectedAnswer,
            _ => LookupGap::Failed { error },
        }
    }
}

/// A v2 list read within a page budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed<T> {
    /// The readable items of every page read.
    pub items: Vec<T>,
    /// Items that were not in a shape we know (or lacked their id).
    pub unreadable: usize,
    /// True when the last page was reached (no `next` link).
    pub complete: bool,
}

impl<T> Listed<T> {
    /// The gap this listing leaves, if any.
    pub fn gap(&self) -> Option<LookupGap> {
        if self.unreadable > 0 {
            Some(LookupGap::UnexpectedAnswer)
        } else if !self.complete {
            Some(LookupGap::Incomplete {
                scanned: self.items.len(),
            })
        } else {
            None
        }
    }
}

impl<T: Transport> PersonioClient<T> {
    pub(crate) fn require_v2(&self) -> Result<(), PersonioError> {
        if self.credentials().has_oauth() {
            Ok(())
        } else {
            Err(PersonioError::UnsupportedAuth {
                needed: "OAuth client id + secret (v2 recruiting lookups)".into(),
            })
        }
    }

    fn read_call() -> Call {
        Call {
            family: Family::Recruiting,
            auth: Auth::Bearer,
            budgeted: false,
        }
    }

    /// GETs up to `max_pages` pages of a v2 list, following `_meta.links.next` cursors.
    pub(crate) async fn list_v2<W: DeserializeOwned>(
        &mut self,
        path: &str,
        params: &[(&str, &str)],
        limit: u32,
        max_pages: usize,
        now_ms: u64,
    ) -> Result<Listed<W>, PersonioError> {
        self.require_v2()?;
        let mut out = Listed {
            items: Vec::new(),
            unreadable: 0,
            complete: false,
        };
        let mut cursor: Option<String> = None;
        let limit = limit.min(self.page_limit()).to_string();
        for _ in 0..max_pages.max(1) {
            let mut q: Vec<(&str, &str)> = params.to_vec();
            q.push(("limit", &limit));
            if let Some(c) = cursor.as_deref() {
                q.push(("cursor", c));
            }
            let url = format!("{}?{}", self.api_url(path), form_urlencode(&q));
            let resp = self
                .execute(HttpRequest::get(url), Self::read_call(), now_ms)
                .await?;
            let page: Page<W> = resp.json().map_err(|e| unexpected(&resp, e))?;
            let Some(data) = page.data else {
                return Err(unexpected(&resp, "no _data list"));
            };
            let (items, unreadable) = wire::split(data);
            out.items.extend(items);
            out.unreadable += unreadable;
            let next = page
                .meta
                .and_then(|m| m.links)
                .and_then(|l| l.next)
                .and_then(|n| n.href);
            match next {
                None => {
                    out.complete = true;
                    return Ok(out);
                }
                Some(href) => match query_param(&href, "cursor") {
                    Some(c) if !c.is_empty() && Some(&c) != cursor.as_ref() => cursor = Some(c),
                    // A next link we cannot follow: the list stays incomplete.
                    _ => return Ok(out),
                },
            }
        }
        Ok(out)
    }

    /// `GET /v2/recruiting/applications` with `params`, as summaries passing `keep`.
    async fn read_applications(
        &mut self,
        params: &[(&str, &str)],
        max_pages: usize,
        now_ms: u64,
        keep: impl Fn(&ApplicationSummary) -> bool,
    ) -> Result<Listed<ApplicationSummary>, PersonioError> {
        let listed = self
            .list_v2::<wire::WireApplication>(
                "/v2/recruiting/applications",
                params,
                APPLICATIONS_PAGE_LIMIT,
                max_pages,
                now_ms,
            )
            .await?;
        Ok(convert(listed, ApplicationSummary::from_wire, keep))
    }

    /// `GET /v2/recruiting/candidates` with `params`, as candidates passing `keep`.
    async fn read_candidates(
        &mut self,
        params: &[(&str, &str)],
        max_pages: usize,
        now_ms: u64,
        keep: impl Fn(&Candidate) -> bool,
    ) -> Result<Listed<Candidate>, PersonioError> {
        let listed = self
            .list_v2::<wire::WireCandidate>(
                "/v2/recruiting/candidates",
                params,
                CANDIDATES_PAGE_LIMIT,
                max_pages,
                now_ms,
            )
            .await?;
        Ok(convert(listed, Candidate::from_wire, keep))
    }

    /// Applications with `candidate.email` = `email` (the filter public clients use), filtered again
    /// on our side by e-mail; items without `candidate.email` are kept (the caller decides).
    pub async fn applications_by_email(
        &mut self,
        email: &str,
        max_pages: usize,
        now_ms: u64,
    ) -> Result<Listed<ApplicationSummary>, PersonioError> {
        let filter = [("candidate.email", email.trim())];
        self.read_applications(&filter, max_pages, now_ms, |a| {
            a.email_is(email) != Some(false)
        })
        .await
    }

    /// The company's applications, newest update first, within `max_pages` pages (no filter: Personio
    /// documents none for the position).
    pub async fn company_applications(
        &mut self,
        max_pages: usize,
        now_ms: u64,
    ) -> Result<Listed<ApplicationSummary>, PersonioError> {
        self.read_applications(&[], max_pages, now_ms, |_| true)
            .await
    }

    /// Candidates with this e-mail (`GET /v2/recruiting/candidates?email=`, documented), filtered again
    /// on our side; candidates without an e-mail are kept (the caller decides).
    pub async fn candidates_by_email(
        &mut self,
        email: &str,
        max_pages: usize,
        now_ms: u64,
    ) -> Result<Listed<Candidate>, PersonioError> {
        let filter = [("email", email.trim())];
        self.read_candidates(&filter, max_pages, now_ms, |c| {
            c.email
                .as_deref()
                .is_none_or(|e| e.trim().eq_ignore_ascii_case(email.trim()))
        })
        .await
    }

    /// The company's candidates, newest update first, within `max_pages` pages.
    pub async fn company_candidates(
        &mut self,
        max_pages: usize,
        now_ms: u64,
    ) -> Result<Listed<Candidate>, PersonioError> {
        self.read_candidates(&[], max_pages, now_ms, |_| true).await
    }

    /// One application (`GET /v2/recruiting/applications/{id}`); `None` for a `404`.
    pub async fn application(
        &mut self,
        id: &str,
        now_ms: u64,
    ) -> Result<Option<ApplicationSummary>, PersonioError> {
        self.require_v2()?;
        let url = self.api_url(&format!("/v2/recruiting/applications/{}", url_encode(id)));
        let resp = match self
            .execute(HttpRequest::get(url), Self::read_call(), now_ms)
            .await
        {
            Ok(r) => r,
            Err(PersonioError::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let one: One<wire::WireApplication> = resp.json().map_err(|e| unexpected(&resp, e))?;
        ApplicationSummary::from_wire(one.into_inner())
            .map(Some)
            .ok_or_else(|| unexpected(&resp, "application without id"))
    }

    /// Stage history of an application, latest first as Personio orders it.
    pub async fn stage_transitions(
        &mut self,
        application_id: &str,
        now_ms: u64,
    ) -> Result<Listed<StageTransition>, PersonioError> {
        let path = format!(
            "/v2/recruiting/applications/{}/stage-transitions",
            url_encode(application_id)
        );
        let listed = self
            .list_v2::<wire::WireStageTransition>(&path, &[], APPLICATIONS_PAGE_LIMIT, 5, now_ms)
            .await?;
        Ok(Listed {
            items: listed
                .items
                .into_iter()
                .map(|t| StageTransition {
                    stage: t.stage.and_then(Stage::from_wire),
                    entered_at: t.entered_at,
                })
                .collect(),
            unreadable: listed.unreadable,
            complete: listed.complete,
        })
    }

    /// The tenant's stages from `GET /v2/recruiting/categories`.
    pub async fn stage_vocabulary(
        &mut self,
        now_ms: u64,
    ) -> Result<StageVocabulary, PersonioError> {
        let listed = self
            .list_v2::<wire::WireCategory>(
                "/v2/recruiting/categories",
                &[],
                APPLICATIONS_PAGE_LIMIT,
                3,
                now_ms,
            )
            .await?;
        let mut stages = Vec::new();
        for category in listed.items {
            for stage in category
                .stages
                .map(|s| wire::split(s).0)
                .unwrap_or_default()
            {
                if let Some(stage) = Stage::from_wire(stage) {
                    if !stages.iter().any(|s: &Stage| s.same_as(&stage)) {
                        stages.push(stage);
                    }
                }
            }
        }
        Ok(StageVocabulary { stages })
    }
}

/// The domain items of a wire listing that pass `keep`; items without an id count as unreadable.
fn convert<W, D>(
    listed: Listed<W>,
    from_wire: impl Fn(W) -> Option<D>,
    keep: impl Fn(&D) -> bool,
) -> Listed<D> {
    let mut unreadable = listed.unreadable;
    let items = listed
        .items
        .into_iter()
        .filter_map(|w| {
            let item = from_wire(w);
            unreadable += usize::from(item.is_none());
            item
        })
        .filter(keep)
        .collect();
    Listed {
        items,
        unreadable,
        complete: listed.complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(id: Option<&str>, kind: Option<&str>, ty: Option<&str>) -> Stage {
        Stage {
            id: id.map(str::to_string),
            name: None,
            kind: kind.map(str::to_string),
            stage_type: ty.map(str::to_string),
        }
    }

    #[test]
    fn outcomes_come_from_kind_or_type() {
        assert_eq!(
            stage(None, Some("ACCEPTED"), Some("system")).outcome(),
            StageOutcome::Hired
        );
        assert_eq!(
            stage(None, Some("system"), Some("hired")).outcome(),
            StageOutcome::Hired
        );
        assert_eq!(
            stage(None, Some("Rejected"), None).outcome(),
            StageOutcome::Rejected
        );
        assert_eq!(
            stage(None, None, Some("withdrawn")).outcome(),
            StageOutcome::Withdrawn
        );
        assert_eq!(
            stage(None, Some("OFFER"), Some("system")).outcome(),
            StageOutcome::InProcess
        );
        assert_eq!(
            stage(Some("9"), None, None).outcome(),
            StageOutcome::Unknown
        );
        let old: Stage = serde_json::from_str(r#"{"id":"accepted","name":"Accepted"}"#).unwrap();
        assert_eq!(
            old.outcome(),
            StageOutcome::Unknown,
            "an id alone says nothing"
        );
    }

    #[test]
    fn the_vocabulary_fills_in_and_orders() {
        let vocab = StageVocabulary {
            stages: vec![
                Stage {
                    name: Some("Neu".into()),
                    ..stage(None, Some("UNASSIGNED"), Some("system"))
                },
                Stage {
                    name: Some("Telefoninterview".into()),
                    ..stage(Some("2101"), Some("CUSTOM"), Some("custom"))
                },
                Stage {
                    name: Some("Eingestellt".into()),
                    ..stage(None, Some("ACCEPTED"), Some("system"))
                },
            ],
        };
        let hired = vocab.resolve(&stage(None, Some("accepted"), Some("SYSTEM")));
        assert_eq!(hired.name.as_deref(), Some("Eingestellt"));
        let by_id = vocab.resolve(&stage(Some("2101"), None, None));
        assert_eq!(by_id.kind.as_deref(), Some("CUSTOM"));
        assert_eq!(by_id.outcome(), StageOutcome::InProcess);
        assert_eq!(vocab.rank(&hired), Some(2));
        assert_eq!(vocab.rank(&stage(Some("x"), None, None)), None);
        assert!(!stage(None, None, None).same_as(&stage(None, None, None)));
    }

    #[test]
    fn a_summary_needs_only_an_id_and_old_records_still_read() {
        let sparse = ApplicationSummary::from_wire(
            serde_json::from_str::<wire::WireApplication>(r#"{"id":"5"}"#).unwrap(),
        )
        .unwrap();
        assert_eq!(sparse.email_is("a@b.de"), None);
        assert_eq!(sparse.candidate_name(), None);
        assert!(ApplicationSummary::from_wire(wire::WireApplication::default()).is_none());
        // What an earlier version stored in the outbox.
        let old: ApplicationSummary = serde_json::from_str(
            r#"{"id":"400001","candidate_id":"300001","job_id":1001,"status":"active","stage":{"id":"unassigned","name":"Unassigned"},"created_at":"2026-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(old.position_id, Some(PositionId(1001)));
        assert!(old.created_ms().is_some());
    }
}
