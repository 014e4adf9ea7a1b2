//! LinkedIn's embedded page data: `<code id="bpr-guid-N">` blocks holding HTML-escaped Voyager JSON,
//! joined to `<code id="datalet-bpr-guid-N">` blocks naming the request. Only a `Profile` entity whose
//! `publicIdentifier` equals the URL's slug is used: after in-app navigation the blocks of the first
//! loaded profile (or the viewer's own `/me`) stay in the page.
//!
//! Graph traversal keeps the displayed order: `Profile.*profilePositionGroups → CollectionResponse
//! .*elements → PositionGroup.*profilePositionInPositionGroup → … → Position` (likewise educations, skills,
//! languages), with the denormalised nested shape and a `$type` scan as fallbacks.

use super::dates::DateRange;
use crate::profile::{Education, Experience, Language, YearMonth};
use serde_json::Value;
use std::collections::HashMap;

/// What the embedded data says about one profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbeddedProfile {
    /// `publicIdentifier`.
    pub public_identifier: String,
    /// `objectUrn` member id (`urn:li:member:N` → `N`), compared with the top card's `data-member-id`.
    pub member_id: Option<String>,
    /// `firstName`.
    pub first_name: Option<String>,
    /// `lastName`.
    pub last_name: Option<String>,
    /// `headline` (or `occupation` of a mini profile).
    pub headline: Option<String>,
    /// `summary` (About).
    pub summary: Option<String>,
    /// Resolved geo name, else `geoLocationName` / `locationName`.
    pub location: Option<String>,
    /// Largest photo artifact URL.
    pub photo_url: Option<String>,
    /// Positions in displayed order.
    pub experience: Vec<Experience>,
    /// Educations.
    pub education: Vec<Education>,
    /// Skill names.
    pub skills: Vec<String>,
    /// Languages.
    pub languages: Vec<Language>,
    /// `primaryLocale.language`: the language the member wrote the profile in (ISO 639-1, e.g. `de`).
    pub primary_language: Option<String>,
}

/// One parsed `bpr-guid` body with the request that produced it.
struct Block {
    request: String,
    body: Value,
}

fn code_blocks(embedded: &[String]) -> Vec<Block> {
    let mut bodies: Vec<(String, Value)> = Vec::new();
    let mut requests: HashMap<String, String> = HashMap::new();
    for html in embedded {
        // only `<code>` blocks carry Voyager JSON (the RSC payload's script is read by `rsc`)
        if !html.trim_start().starts_with("<code") {
            continue;
        }
        let doc = super::markup::Document::parse(html);
        for code in super::dom::select(doc.root(), "code[id]") {
            let id = code.attr("id").unwrap_or("");
            let raw: String = code.descendant_texts().collect();
            let Ok(json) = serde_json::from_str::<Value>(raw.trim()) else {
                continue;
            };
            if let Some(guid) = id.strip_prefix("datalet-") {
                if let Some(req) = json.get("request").and_then(Value::as_str) {
                    let body_id = json
                        .get("body")
                        .and_then(Value::as_str)
                        .unwrap_or(guid)
                        .to_string();
                    requests.insert(body_id, req.to_string());
                }
            } else if id.starts_with("bpr-guid-") {
                bodies.push((id.to_string(), json));
            }
        }
    }
    bodies
        .into_iter()
        .map(|(id, body)| Block {
            request: requests.get(&id).cloned().unwrap_or_default(),
            body,
        })
        .collect()
}

fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(super::text::clean)
        .filter(|x| !x.is_empty())
}

fn entities(body: &Value) -> Vec<&Value> {
    let mut out: Vec<&Value> = body
        .get("included")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if out.is_empty() {
        // denormalised answers: walk `data` / the root for objects
        fn walk<'v>(v: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
            if depth > 12 {
                return;
            }
            match v {
                Value::Object(m) => {
                    out.push(v);
                    m.values().for_each(|x| walk(x, out, depth + 1));
                }
                Value::Array(a) => a.iter().for_each(|x| walk(x, out, depth + 1)),
                _ => {}
            }
        }
        walk(body, &mut out, 0);
    }
    out
}

fn by_urn<'v>(all: &[&'v Value]) -> HashMap<&'v str, &'v Value> {
    all.iter()
        .filter_map(|e| Some((e.get("entityUrn")?.as_str()?, *e)))
        .collect()
}

fn year_month(v: &Value) -> Option<YearMonth> {
    let year = u16::try_from(v.get("year")?.as_u64()?).ok()?;
    let month = v
        .get("month")
        .and_then(Value::as_u64)
        .and_then(|m| u8::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    Some(YearMonth { year, month })
}

fn range(v: &Value) -> DateRange {
    let (start, end) = if let Some(r) = v.get("dateRange") {
        (r.get("start"), r.get("end"))
    } else if let Some(t) = v.get("timePeriod") {
        (t.get("startDate"), t.get("endDate"))
    } else {
        (None, None)
    };
    let start = start.and_then(year_month);
    let end = end.and_then(year_month);
    DateRange {
        start,
        end,
        current: start.is_some() && end.is_none(),
    }
}

/// Resolves a list reference of `entity`: `*key` (normalised URN of a collection) or `key.elements`.
fn list<'v>(
    entity: &'v Value,
    key: &str,
    urns: &HashMap<&str, &'v Value>,
) -> Option<Vec<&'v Value>> {
    if let Some(urn) = entity.get(format!("*{key}")).and_then(Value::as_str) {
        let coll = urns.get(urn)?;
        let elems = coll.get("*elements")?.as_array()?;
        return Some(
            elems
                .iter()
                .filter_map(|u| urns.get(u.as_str()?).copied())
                .collect(),
        );
    }
    let elems = entity.get(key)?.get("elements")?.as_array()?;
    Some(elems.iter().collect())
}

fn of_type<'v>(all: &[&'v Value], suffix: &str, profile_id: &str) -> Vec<&'v Value> {
    all.iter()
        .copied()
        .filter(|e| {
            e.get("$type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.ends_with(suffix))
        })
        .filter(|e| {
            profile_id.is_empty()
                || e.get("entityUrn")
                    .and_then(Value::as_str)
                    .is_none_or(|u| u.contains(profile_id))
        })
        .collect()
}

fn photo(p: &Value) -> Option<String> {
    let pic = p.get("profilePicture");
    let vector = pic
        .and_then(|x| {
            x.get("displayImageReference")
                .or_else(|| x.get("displayImageReferenceResolutionResult"))
        })
        .and_then(|x| x.get("vectorImage"))
        .or_else(|| {
            p.get("picture")
                .and_then(|x| x.get("com.linkedin.common.VectorImage"))
        })?;
    let root = vector.get("rootUrl").and_then(Value::as_str)?;
    let best = vector
        .get("artifacts")?
        .as_array()?
        .iter()
        .max_by_key(|a| a.get("width").and_then(Value::as_u64).unwrap_or(0))?;
    Some(format!(
        "{root}{}",
        best.get("fileIdentifyingUrlPathSegment")?.as_str()?
    ))
}

fn position(v: &Value) -> Option<Experience> {
    let r = range(v);
    Some(Experience {
        title: s(v, "title")?,
        company: s(v, "companyName"),
        location: s(v, "locationName").or_else(|| s(v, "geoLocationName")),
        start: r.start,
        end: r.end,
        current: r.current,
    })
}

fn education(v: &Value) -> Option<Education> {
    let r = range(v);
    let degree = match (s(v, "degreeName"), s(v, "fieldOfStudy")) {
        (Some(d), Some(f)) => Some(format!("{d}, {f}")),
        (d, f) => d.or(f),
    };
    Some(Education {
        school: s(v, "schoolName")?,
        degree,
        start: r.start,
        end: r.end,
    })
}

fn read_profile(p: &Value, all: &[&Value], urns: &HashMap<&str, &Value>) -> EmbeddedProfile {
    let id = p
        .get("entityUrn")
        .and_then(Value::as_str)
        .and_then(|u| u.rsplit(':').next())
        .unwrap_or("");
    let location = p
        .get("geoLocation")
        .and_then(|g| g.get("*geo"))
        .and_then(Value::as_str)
        .and_then(|u| urns.get(u))
        .and_then(|g| s(g, "defaultLocalizedName"))
        .or_else(|| s(p, "geoLocationName"))
        .or_else(|| s(p, "locationName"));
    let positions: Vec<&Value> = match list(p, "profilePositionGroups", urns) {
        Some(groups) => groups
            .into_iter()
            .flat_map(|g| list(g, "profilePositionInPositionGroup", urns).unwrap_or_default())
            .collect(),
        None => list(p, "profilePositions", urns).unwrap_or_else(|| of_type(all, ".Position", id)),
    };
    let educations =
        list(p, "profileEducations", urns).unwrap_or_else(|| of_type(all, ".Education", id));
    let skills = list(p, "profileSkills", urns).unwrap_or_else(|| of_type(all, ".Skill", id));
    let languages =
        list(p, "profileLanguages", urns).unwrap_or_else(|| of_type(all, ".Language", id));
    EmbeddedProfile {
        public_identifier: s(p, "publicIdentifier").unwrap_or_default(),
        member_id: s(p, "objectUrn").and_then(|u| u.rsplit(':').next().map(str::to_string)),
        first_name: s(p, "firstName"),
        last_name: s(p, "lastName"),
        headline: s(p, "headline").or_else(|| s(p, "occupation")),
        summary: p
            .get("summary")
            .and_then(Value::as_str)
            .map(super::text::clean_multiline)
            .filter(|x| !x.is_empty()),
        location,
        photo_url: photo(p),
        experience: positions.into_iter().filter_map(position).collect(),
        education: educations.into_iter().filter_map(education).collect(),
        skills: skills.into_iter().filter_map(|v| s(v, "name")).collect(),
        languages: languages
            .into_iter()
            .filter_map(|v| {
                Some(Language {
                    name: s(v, "name")?,
                    proficiency: s(v, "proficiency"),
                })
            })
            .collect(),
        primary_language: p
            .get("primaryLocale")
            .and_then(|l| s(l, "language"))
            .filter(|l| l.len() <= 8 && l.chars().all(|c| c.is_ascii_alphabetic())),
    }
}

fn merge(into: &mut EmbeddedProfile, other: EmbeddedProfile) {
    fn take<T>(a: &mut Option<T>, b: Option<T>) {
        if a.is_none() {
            *a = b;
        }
    }
    take(&mut into.member_id, other.member_id);
    take(&mut into.first_name, other.first_name);
    take(&mut into.last_name, other.last_name);
    take(&mut into.headline, other.headline);
    take(&mut into.summary, other.summary);
    take(&mut into.location, other.location);
    take(&mut into.photo_url, other.photo_url);
    take(&mut into.primary_language, other.primary_language);
    if into.skills.is_empty() {
        into.skills = other.skills;
    }
    if into.experience.is_empty() {
        into.experience = other.experience;
    }
    if into.education.is_empty() {
        into.education = other.education;
    }
    if into.languages.is_empty() {
        into.languages = other.languages;
    }
}

/// Every profile the embedded blocks describe (viewer's `/me` blocks excluded), merged per
/// `publicIdentifier`.
pub fn profiles(embedded: &[String]) -> Vec<EmbeddedProfile> {
    let mut out: Vec<EmbeddedProfile> = Vec::new();
    for block in code_blocks(embedded) {
        if block.request.contains("/voyager/api/me") {
            continue;
        }
        let all = entities(&block.body);
        let urns = by_urn(&all);
        for p in all.iter().filter(|e| {
            e.get("publicIdentifier").is_some()
                && (e.get("firstName").is_some() || e.get("lastName").is_some())
        }) {
            let read = read_profile(p, &all, &urns);
            if read.public_identifier.is_empty() {
                continue;
            }
            match out.iter_mut().find(|o| {
                o.public_identifier
                    .eq_ignore_ascii_case(&read.public_identifier)
            }) {
                Some(existing) => merge(existing, read),
                None => out.push(read),
            }
        }
    }
    out
}

/// The embedded profile for `slug` (case-insensitive), if any block describes it.
pub fn for_slug(embedded: &[String], slug: &str) -> Option<EmbeddedProfile> {
    profiles(embedded)
        .into_iter()
        .find(|p| p.public_identifier.eq_ignore_ascii_case(slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(guid: u32, request: &str, body: &Value) -> Vec<String> {
        let esc = |s: String| {
            s.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
        };
        vec![
            format!(
                "<code style=\"display: none\" id=\"bpr-guid-{guid}\">{}</code>",
                esc(body.to_string())
            ),
            format!(
                "<code id=\"datalet-bpr-guid-{guid}\">{}</code>",
                esc(
                    serde_json::json!({"request": request, "body": format!("bpr-guid-{guid}")})
                        .to_string()
                )
            ),
        ]
    }

    #[test]
    fn follows_the_graph_in_display_order_and_picks_the_slug() {
        let body = serde_json::json!({"included": [
            {"$type": "x.Position", "entityUrn": "p2", "title": "Second", "companyName": "B", "dateRange": {"start": {"year": 2015}, "end": {"year": 2018, "month": 2}}},
            {"$type": "x.Profile", "entityUrn": "urn:li:fsd_profile:ACo1", "publicIdentifier": "ada-q", "firstName": "Ada", "lastName": "Quist",
             "objectUrn": "urn:li:member:42", "*profilePositionGroups": "g"},
            {"$type": "x.Profile", "publicIdentifier": "someone-else", "firstName": "Bo", "lastName": "Lind"},
            {"entityUrn": "g", "*elements": ["g1"]},
            {"entityUrn": "g1", "*profilePositionInPositionGroup": "c1"},
            {"entityUrn": "c1", "*elements": ["p1", "p2"]},
            {"$type": "x.Position", "entityUrn": "p1", "title": "First", "companyName": "A", "dateRange": {"start": {"year": 2019, "month": 3}}},
        ]});
        let embedded = block(
            1,
            "/voyager/api/graphql?variables=(vanityName:ada-q)",
            &body,
        );
        let p = for_slug(&embedded, "ADA-Q").unwrap();
        assert_eq!(
            (p.first_name.as_deref(), p.member_id.as_deref()),
            (Some("Ada"), Some("42"))
        );
        let titles: Vec<&str> = p.experience.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["First", "Second"]);
        assert!(p.experience[0].current && !p.experience[1].current);
        assert!(for_slug(&embedded, "nobody").is_none());
    }

    #[test]
    fn viewer_blocks_and_garbage_are_ignored() {
        let me =
            serde_json::json!({"included": [{"publicIdentifier": "viewer", "firstName": "V"}]});
        let mut embedded = block(2, "/voyager/api/me", &me);
        embedded.push("<code id=\"bpr-guid-3\">{not json</code>".into());
        assert!(profiles(&embedded).is_empty());
    }
}
