//! `extract`: reads a saved LinkedIn page and prints the extraction JSON the extension produces.
//!
//! Usage: `extract [--time] PAGE.html [URL]`. Without URL, the sibling `PAGE.url` file (first line) is used, else
//! the page's `<link rel="canonical">`. The page goes through the same snapshot the content script takes
//! (`page::snapshot_from_document_html`) and the same `linkedin::extract` as in the extension.
//! `--time` also prints to stderr the size of the snapshot and the mean native extraction time.

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

const USAGE: &str = "usage: extract [--time] PAGE.html [URL]";

/// Prints the snapshot size and the fastest and mean extraction time over a few runs to stderr (the
/// fastest run is the stable figure on a busy machine).
fn report_time(snapshot: &sourcing_core::page::PageSnapshot) {
    const RUNS: u32 = 30;
    let time = |f: &dyn Fn()| {
        let mut best = std::time::Duration::MAX;
        let mut total = std::time::Duration::ZERO;
        for _ in 0..RUNS {
            let start = std::time::Instant::now();
            f();
            let took = start.elapsed();
            best = best.min(took);
            total += took;
        }
        (
            best.as_secs_f64() * 1000.0,
            (total / RUNS).as_secs_f64() * 1000.0,
        )
    };
    let (best, mean) = time(&|| {
        std::hint::black_box(extract(std::hint::black_box(snapshot)));
    });
    let (parse_best, _) = time(&|| {
        std::hint::black_box(sourcing_core::linkedin::markup::Document::parse(
            &snapshot.markup,
        ));
    });
    let parsed = sourcing_core::linkedin::markup::Document::parse(&snapshot.markup);
    let (read_best, _) = time(&|| {
        std::hint::black_box(sourcing_core::linkedin::extract_parsed(
            std::hint::black_box(snapshot),
            &parsed,
        ));
    });
    let embedded: usize = snapshot.embedded.iter().map(String::len).sum();
    eprintln!(
        "extract: snapshot markup {} bytes, embedded {} blocks / {embedded} bytes; extraction {best:.2} ms fastest, {mean:.2} ms mean of {RUNS} (HTML parsing alone {parse_best:.2} ms fastest, reading the parsed page {read_best:.2} ms fastest)",
        snapshot.markup.len(),
        snapshot.embedded.len(),
    );
}

fn run(args: &[String]) -> Result<String, String> {
    let (time, args) = match args.split_first() {
        Some((flag, rest)) if flag == "--time" => (true, rest),
        _ => (false, args),
    };
    let [page, rest @ ..] = args else {
        return Err(USAGE.into());
    };
    if rest.len() > 1 {
        return Err(USAGE.into());
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
    let snapshot = snapshot_from_document_html(&html, &url);
    if time {
        report_time(&snapshot);
    }
    let extraction = extract(&snapshot);
    serde_json::to_string_pretty(&extraction).map_err(|e| format!("cannot print the result: {e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            // A closed pipe (`extract page.html | head`) is not an error worth a panic.
            use std::io::Write;
            let _ = writeln!(std::io::stdout().lock(), "{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("extract: {message}");
            ExitCode::from(2)
        }
    }
}
