//! `extract`: reads a saved LinkedIn page and prints the extraction JSON the extension produces.
//!
//! Usage: `extract PAGE.html [URL]`. Without URL, the sibling `PAGE.url` file (first line) is used, else
//! the page's `<link rel="canonical">`. The page goes through the same snapshot the content script takes
//! (`page::snapshot_from_document_html`) and the same `linkedin::extract` as in the extension.

use sourcing_core::linkedin::extract;
use sourcing_core::page::snapshot_from_document_html;
use std::path::Path;
use std::process::ExitCode;

fn canonical_link(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("link[rel=\"canonical\"][href]").ok()?;
    let href = doc
        .select(&sel)
        .next()?
        .value()
        .attr("href")?
        .trim()
        .to_string();
    (!href.is_empty()).then_some(href)
}

fn sibling_url(page: &Path) -> Option<String> {
    let text = std::fs::read_to_string(page.with_extension("url")).ok()?;
    let line = text.lines().next()?.trim().to_string();
    (!line.is_empty()).then_some(line)
}

fn run(args: &[String]) -> Result<String, String> {
    let [page, rest @ ..] = args else {
        return Err("usage: extract PAGE.html [URL]".into());
    };
    if rest.len() > 1 {
        return Err("usage: extract PAGE.html [URL]".into());
    }
    let path = Path::new(page);
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {page}: {e}"))?;
    let html = String::from_utf8(bytes).map_err(|_| format!("{page} is not UTF-8 text"))?;
    let url = rest
        .first()
        .cloned()
        .or_else(|| sibling_url(path))
        .or_else(|| canonical_link(&html))
        .ok_or_else(|| {
            format!(
                "no URL for {page}: pass it as second argument, or put it in {}",
                path.with_extension("url").display()
            )
        })?;
    let extraction = extract(&snapshot_from_document_html(&html, &url));
    serde_json::to_string_pretty(&extraction).map_err(|e| format!("cannot print the result: {e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("extract: {message}");
            ExitCode::from(2)
        }
    }
}
