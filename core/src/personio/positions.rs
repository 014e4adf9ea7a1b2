//! Job positions for the "Position" dropdown. Only published positions may be offered, and only the
//! public career-site XML feed (`/xml?language=…`) says what is published: v2 `GET
//! /v2/recruiting/jobs` lists every job without a published flag, so it only enriches positions the
//! feed lists (never adds one). The feed is read from `<sub>.jobs.personio.de`, else `.com`; the host
//! that answered is remembered in [`super::ClientState::feed_base`].

use serde::{Deserialize, Serialize};

use super::client::{Auth, Call, PersonioClient};
use super::error::{Family, PersonioError};
use super::http::{HttpRequest, Transport};
use super::ids::{parse_integer_id, PositionId};
use super::wire::WireJob;

/// Where a position list came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionSource {
    /// The career-site XML feed alone.
    XmlFeed,
    /// The XML feed, enriched from the v2 jobs.
    XmlFeedWithV2Jobs,
}

/// One open position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The position to apply to.
    pub id: PositionId,
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
const MAX_JOB_PAGES: usize = 50;
/// Languages the XML feed serves.
pub const FEED_LANGUAGES: &[&str] = &["de", "en", "fr", "es", "nl", "it", "pt"];

/// The host of a base URL, for messages (`https://acme.jobs.personio.de` → `acme.jobs.personio.de`).
fn host_of(base: &str) -> String {
    base.split("://")
        .nth(1)
        .unwrap_or(base)
        .trim_end_matches('/')
        .to_string()
}

impl<T: Transport> PersonioClient<T> {
    /// Published positions: the XML feed in `language` (unknown languages fall back to `en`),
    /// enriched from the v2 jobs when OAuth credentials exist (a failing v2 read is ignored).
    pub async fn list_positions(
        &mut self,
        language: &str,
        now_ms: u64,
    ) -> Result<PositionList, PersonioError> {
        let mut positions = self.list_positions_feed(language, now_ms).await?;
        let mut source = PositionSource::XmlFeed;
        if self.credentials().has_oauth() {
            if let Ok(jobs) = self.list_jobs_v2(now_ms).await {
                for p in &mut positions {
                    if let Some(job) = jobs.iter().find(|j| j.id == p.id) {
                        p.department = p.department.take().or_else(|| job.department.clone());
                        p.category = p.category.take().or_else(|| job.category.clone());
                    }
                }
                source = PositionSource::XmlFeedWithV2Jobs;
            }
        }
        Ok(PositionList { positions, source })
    }

    /// Every job from `GET /v2/recruiting/jobs` (published or not: v2 does not say), following
    /// `_meta.links.next` cursors. Jobs whose id is not an integer `job_position_id` are left out.
    pub async fn list_jobs_v2(&mut self, now_ms: u64) -> Result<Vec<Position>, PersonioError> {
        let listed = self
            .list_v2::<WireJob>(
                "/v2/recruiting/jobs",
                &[],
                self.page_limit(),
                MAX_JOB_PAGES,
                now_ms,
            )
            .await?;
        Ok(listed
            .items
            .into_iter()
            .filter_map(|job| {
                Some(Position {
                    id: job.id?.position_id()?,
                    name: job.name.unwrap_or_default(),
                    department: job.department.and_then(|d| d.name()),
                    office: None,
                    subcompany: None,
                    category: job.category.and_then(|c| c.name()),
                })
            })
            .collect())
    }

    /// Published positions from `{careers_base}/xml?language=…` (no credentials): the remembered
    /// host first, then each configured one until one answers with the feed.
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
        let mut bases = self.endpoints().careers_bases.clone();
        if let Some(known) = self.state().feed_base.clone() {
            if let Some(i) = bases.iter().position(|b| *b == known) {
                let first = bases.remove(i);
                bases.insert(0, first);
            }
        }
        let call = Call {
            family: Family::Feed,
            auth: Auth::None,
            budgeted: false,
        };
        for base in &bases {
            let url = format!("{}/xml?language={lang}", base.trim_end_matches('/'));
            let Ok(resp) = self.execute(HttpRequest::get(url), call, now_ms).await else {
                continue;
            };
            if let Ok(positions) = parse_feed(&resp.text()) {
                self.state_mut().feed_base = Some(base.clone());
                return Ok(positions);
            }
        }
        Err(PersonioError::FeedUnavailable {
            tried: bases.iter().map(|b| host_of(b)).collect(),
        })
    }
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
        let Some(id) = text(pos, "id").and_then(|s| parse_integer_id(&s).map(PositionId)) else {
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
