//! Job positions for the "Position" dropdown: v2 `GET /v2/recruiting/jobs` with cursor paging,
//! falling back to the public career-site XML feed (`/xml?language=…`, published positions only).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{unexpected, Auth, Call, PersonioClient};
use super::encode::{form_urlencode, query_param};
use super::error::{Family, PersonioError};
use super::http::{HttpRequest, Transport};

/// Where a position list came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionSource {
    /// v2 jobs API.
    V2Jobs,
    /// Career-site XML feed.
    XmlFeed,
}

/// One open position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The integer `job_position_id` to apply with.
    pub id: i64,
    /// Title.
    pub name: String,
    /// Department name.
    pub department: Option<String>,
    /// Office name.
    pub office: Option<String>,
    /// Subcompany name.
    pub subcompany: Option<String>,
    /// Recruiting category.
    pub category: Option<String>,
}

/// Positions plus their source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionList {
    /// Published positions.
    pub positions: Vec<Position>,
    /// Where they came from.
    pub source: PositionSource,
}

/// Page size used for v2 jobs (the documented maximum).
pub const JOBS_PAGE_LIMIT: u32 = 200;
const MAX_PAGES: usize = 50;
/// Languages the XML feed serves.
pub const FEED_LANGUAGES: &[&str] = &["de", "en", "fr", "es", "nl", "it", "pt"];

impl<T: Transport> PersonioClient<T> {
    /// Published positions: v2 jobs when OAuth credentials exist, else (or when v2 fails) the XML
    /// feed in `language` (unknown languages fall back to `en`). When both fail, the v2 error wins.
    pub async fn list_positions(
        &mut self,
        language: &str,
        now_ms: u64,
    ) -> Result<PositionList, PersonioError> {
        let mut v2_error = None;
        if self.credentials().has_oauth() {
            match self.list_jobs_v2(now_ms).await {
                Ok(positions) => {
                    return Ok(PositionList {
                        positions,
                        source: PositionSource::V2Jobs,
                    })
                }
                Err(e) => v2_error = Some(e),
            }
        }
        match self.list_positions_feed(language, now_ms).await {
            Ok(positions) => Ok(PositionList {
                positions,
                source: PositionSource::XmlFeed,
            }),
            Err(e) => Err(v2_error.unwrap_or(e)),
        }
    }

    /// All jobs from `GET /v2/recruiting/jobs`, following `_meta.links.next` cursors; jobs whose
    /// `status` says they are not published are left out (no status = published).
    pub async fn list_jobs_v2(&mut self, now_ms: u64) -> Result<Vec<Position>, PersonioError> {
        let call = Call {
            family: Family::Recruiting,
            auth: Auth::Bearer,
            budgeted: false,
        };
        let mut cursor: Option<String> = None;
        let mut out = Vec::new();
        for _ in 0..MAX_PAGES {
            let limit = self.page_limit().to_string();
            let mut q = vec![("limit", limit.as_str())];
            if let Some(c) = cursor.as_deref() {
                q.push(("cursor", c));
            }
            let url = format!(
                "{}?{}",
                self.api_url("/v2/recruiting/jobs"),
                form_urlencode(&q)
            );
            let resp = self.execute(HttpRequest::get(url), call, now_ms).await?;
            let v: Value = resp.json().map_err(|e| unexpected(&resp, e))?;
            let data = v
                .get("_data")
                .and_then(Value::as_array)
                .ok_or_else(|| unexpected(&resp, "no _data"))?;
            for job in data {
                if let Some(p) = job_from_v2(job) {
                    out.push(p);
                }
            }
            let next = v
                .pointer("/_meta/links/next/href")
                .and_then(Value::as_str)
                .and_then(|h| query_param(h, "cursor"));
            match next {
                Some(c) if !c.is_empty() && Some(&c) != cursor.as_ref() => cursor = Some(c),
                _ => break,
            }
        }
        Ok(out)
    }

    /// Published positions from `{careers_base}/xml?language=…` (no credentials).
    pub async fn list_positions_feed(
        &mut self,
        language: &str,
        now_ms: u64,
    ) -> Result<Vec<Position>, PersonioError> {
        let lang = if FEED_LANGUAGES.contains(&language) {
            language
        } else {
            "en"
        };
        let url = format!("{}?language={lang}", self.careers_url("/xml"));
        let call = Call {
            family: Family::Feed,
            auth: Auth::None,
            budgeted: false,
        };
        let resp = self.execute(HttpRequest::get(url), call, now_ms).await?;
        parse_feed(&resp.text()).map_err(|e| unexpected(&resp, e))
    }
}

fn name_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn job_from_v2(job: &Value) -> Option<Position> {
    let id = match job.get("id")? {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    if let Some(status) = job.get("status").and_then(Value::as_str) {
        if !matches!(
            status.to_ascii_lowercase().as_str(),
            "published" | "open" | "active"
        ) {
            return None;
        }
    }
    Some(Position {
        id,
        name: job
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        department: name_of(job.get("department")),
        office: name_of(job.get("office")),
        subcompany: name_of(job.get("subcompany")).or_else(|| name_of(job.get("company"))),
        category: name_of(job.get("category")),
    })
}

/// Parses the `<workzag-jobs>` feed.
pub fn parse_feed(xml: &str) -> Result<Vec<Position>, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if root.tag_name().name() != "workzag-jobs" {
        return Err(format!("unexpected root <{}>", root.tag_name().name()));
    }
    let text = |pos: roxmltree::Node, tag: &str| {
        pos.children()
            .find(|c| c.is_element() && c.tag_name().name() == tag)
            .and_then(|c| c.text())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let mut out = Vec::new();
    for pos in root
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "position")
    {
        let Some(id) = text(pos, "id").and_then(|s| s.parse().ok()) else {
            continue;
        };
        out.push(Position {
            id,
            name: text(pos, "name").unwrap_or_default(),
            department: text(pos, "department"),
            office: text(pos, "office"),
            subcompany: text(pos, "subcompany"),
            category: text(pos, "recruitingCategory"),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn feed() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?><workzag-jobs><position><id>12</id><subcompany></subcompany><office>Munich</office><name>Dev &amp; Ops</name><jobDescriptions><jobDescription><name>A</name><value><![CDATA[<b>x</b>]]></value></jobDescription></jobDescriptions></position><position><name>no id</name></position></workzag-jobs>"#;
        let p = super::parse_feed(xml).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Dev & Ops");
        assert_eq!(p[0].subcompany, None);
        assert!(super::parse_feed("<html/>").is_err());
    }
}
