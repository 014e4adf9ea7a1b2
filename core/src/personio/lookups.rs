//! Read-only v2 recruiting lookups: candidates and applications by e-mail (duplicate check) and an
//! application's status, stage and stage transitions (HRIS export). Shapes assumed where Personio's
//! v2 reference is silent are listed in `tests/personio-standin/README.md`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{unexpected, Auth, Call, PersonioClient};
use super::encode::{form_urlencode, query_param};
use super::error::{Family, PersonioError};
use super::http::{HttpRequest, Transport};

/// A candidate (person) in recruiting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Candidate id.
    pub id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail.
    pub email: String,
}

/// A stage of the hiring process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Stage id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// An application as the v2 list returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    /// Application id.
    pub id: String,
    /// Candidate id.
    pub candidate_id: Option<String>,
    /// Job (position) id.
    pub job_id: Option<i64>,
    /// Status (`active`, `hired`, `rejected`, `withdrawn`, …).
    pub status: String,
    /// Current stage.
    pub stage: Option<Stage>,
    /// Creation time (ISO).
    pub created_at: Option<String>,
}

/// One stage change of an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTransition {
    /// Stage before (none for the first).
    pub from_stage: Option<Stage>,
    /// Stage after.
    pub to_stage: Stage,
    /// When (ISO).
    pub created_at: Option<String>,
}

const MAX_PAGES: usize = 20;

fn string_id(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => string_id(o.get("id")),
        _ => None,
    }
}

fn stage(v: Option<&Value>) -> Option<Stage> {
    let v = v?;
    Some(Stage {
        id: string_id(v.get("id"))?,
        name: v
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .into(),
    })
}

fn s(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

impl<T: Transport> PersonioClient<T> {
    fn require_v2(&self) -> Result<(), PersonioError> {
        if self.credentials().has_oauth() {
            Ok(())
        } else {
            Err(PersonioError::UnsupportedAuth {
                needed: "OAuth client id + secret (v2 recruiting lookups)".into(),
            })
        }
    }

    /// GETs every page of a v2 list endpoint and returns the `_data` items.
    async fn get_all(
        &mut self,
        path: &str,
        params: &[(&str, &str)],
        now_ms: u64,
    ) -> Result<Vec<Value>, PersonioError> {
        self.require_v2()?;
        let call = Call {
            family: Family::Recruiting,
            auth: Auth::Bearer,
            budgeted: false,
        };
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let limit = self.page_limit().to_string();
            let mut q: Vec<(&str, &str)> = params.to_vec();
            q.push(("limit", &limit));
            if let Some(c) = cursor.as_deref() {
                q.push(("cursor", c));
            }
            let url = format!("{}?{}", self.api_url(path), form_urlencode(&q));
            let resp = self.execute(HttpRequest::get(url), call, now_ms).await?;
            let v: Value = resp.json().map_err(|e| unexpected(&resp, e))?;
            out.extend(
                v.get("_data")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
            );
            match v
                .pointer("/_meta/links/next/href")
                .and_then(Value::as_str)
                .and_then(|h| query_param(h, "cursor"))
            {
                Some(c) if !c.is_empty() && Some(&c) != cursor.as_ref() => cursor = Some(c),
                _ => break,
            }
        }
        Ok(out)
    }

    /// Candidates with this e-mail (`GET /v2/recruiting/candidates?email=`).
    pub async fn find_candidates_by_email(
        &mut self,
        email: &str,
        now_ms: u64,
    ) -> Result<Vec<Candidate>, PersonioError> {
        let items = self
            .get_all(
                "/v2/recruiting/candidates",
                &[("email", email.trim())],
                now_ms,
            )
            .await?;
        Ok(items
            .iter()
            .filter_map(|c| {
                Some(Candidate {
                    id: string_id(c.get("id"))?,
                    first_name: s(c, "first_name"),
                    last_name: s(c, "last_name"),
                    email: s(c, "email"),
                })
            })
            .collect())
    }

    /// Applications of one candidate, optionally only for one job
    /// (`GET /v2/recruiting/applications?candidate_id=&job_id=`).
    pub async fn list_applications(
        &mut self,
        candidate_id: &str,
        job_id: Option<i64>,
        now_ms: u64,
    ) -> Result<Vec<ApplicationSummary>, PersonioError> {
        let job = job_id.map(|j| j.to_string());
        let mut params = vec![("candidate_id", candidate_id)];
        if let Some(j) = job.as_deref() {
            params.push(("job_id", j));
        }
        let items = self
            .get_all("/v2/recruiting/applications", &params, now_ms)
            .await?;
        Ok(items
            .iter()
            .filter_map(|a| {
                Some(ApplicationSummary {
                    id: string_id(a.get("id"))?,
                    candidate_id: string_id(a.get("candidate"))
                        .or_else(|| string_id(a.get("candidate_id"))),
                    job_id: string_id(a.get("job"))
                        .or_else(|| string_id(a.get("job_id")))
                        .and_then(|j| j.parse().ok()),
                    status: s(a, "status"),
                    stage: stage(a.get("stage")),
                    created_at: a
                        .get("created_at")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                })
            })
            .collect())
    }

    /// All applications of every candidate with this e-mail.
    pub async fn find_applications_by_email(
        &mut self,
        email: &str,
        now_ms: u64,
    ) -> Result<Vec<ApplicationSummary>, PersonioError> {
        let mut out = Vec::new();
        for c in self.find_candidates_by_email(email, now_ms).await? {
            out.extend(self.list_applications(&c.id, None, now_ms).await?);
        }
        Ok(out)
    }

    /// The application of this e-mail on this position, if one exists (duplicate check).
    pub async fn find_existing_application(
        &mut self,
        email: &str,
        job_position_id: i64,
        now_ms: u64,
    ) -> Result<Option<ApplicationSummary>, PersonioError> {
        for c in self.find_candidates_by_email(email, now_ms).await? {
            if let Some(a) = self
                .list_applications(&c.id, Some(job_position_id), now_ms)
                .await?
                .into_iter()
                .next()
            {
                return Ok(Some(a));
            }
        }
        Ok(None)
    }

    /// Stage history of an application (`GET /v2/recruiting/applications/{id}/stage-transitions`).
    pub async fn stage_transitions(
        &mut self,
        application_id: &str,
        now_ms: u64,
    ) -> Result<Vec<StageTransition>, PersonioError> {
        let path = format!(
            "/v2/recruiting/applications/{}/stage-transitions",
            super::encode::url_encode(application_id)
        );
        let items = self.get_all(&path, &[], now_ms).await?;
        Ok(items
            .iter()
            .filter_map(|t| {
                Some(StageTransition {
                    from_stage: stage(t.get("from_stage")),
                    to_stage: stage(t.get("to_stage"))?,
                    created_at: t
                        .get("created_at")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                })
            })
            .collect())
    }
}
