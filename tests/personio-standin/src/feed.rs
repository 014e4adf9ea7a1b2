//! The career-site XML feed `/xml?language=…`: published positions only, the documented fields.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use crate::app::App;
use crate::seed::COMPANY_ID;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `GET /xml?language=de|en|fr|es|nl|it|pt` (German without or with an unknown language).
pub async fn xml(State(app): State<App>, Query(q): Query<HashMap<String, String>>) -> Response {
    let lang = q.get("language").map(String::as_str).unwrap_or("de");
    let en = lang != "de";
    let w = app.world();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>\n");
    for p in w
        .seed
        .positions
        .iter()
        .filter(|p| p.published && p.company_id == COMPANY_ID)
    {
        let name = if en { &p.name_en } else { &p.name_de };
        let (d1, d2) = if en {
            ("Your tasks", "Your profile")
        } else {
            ("Deine Aufgaben", "Dein Profil")
        };
        out.push_str(&format!(
            "  <position>\n    <id>{}</id>\n    <subcompany>{}</subcompany>\n    <office>{}</office>\n    <department>{}</department>\n    <recruitingCategory>{}</recruitingCategory>\n    <name>{}</name>\n    <jobDescriptions>\n      <jobDescription>\n        <name>{d1}</name>\n        <value><![CDATA[<ul><li>{}</li></ul>]]></value>\n      </jobDescription>\n      <jobDescription>\n        <name>{d2}</name>\n        <value><![CDATA[<p>{}</p>]]></value>\n      </jobDescription>\n    </jobDescriptions>\n    <employmentType>{}</employmentType>\n    <seniority>{}</seniority>\n    <schedule>{}</schedule>\n    <yearsOfExperience>{}</yearsOfExperience>\n    <keywords>{}</keywords>\n    <occupation>{}</occupation>\n    <occupationCategory>{}</occupationCategory>\n    <createdAt>{}</createdAt>\n  </position>\n",
            p.id,
            esc(&p.subcompany),
            esc(&p.office),
            esc(&p.department),
            esc(&p.category),
            esc(name),
            esc(name),
            esc(&p.department),
            p.employment_type,
            p.seniority,
            p.schedule,
            p.years,
            esc(&p.keywords),
            esc(&p.occupation),
            esc(&p.occupation_category),
            p.created_at
        ));
    }
    out.push_str("</workzag-jobs>\n");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=UTF-8")],
        out,
    )
        .into_response()
}
