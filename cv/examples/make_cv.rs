//! Writes the CV of a LinkedIn fixture (or of a `CvInput` JSON file) and prints its size and the native
//! generation time (median of 20 runs): `cargo run -p cv --release --example make_cv -- large-profile
//! /tmp/cv.pdf [de]`. For QA and the figures in the report; not a test.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(source), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: make_cv FIXTURE|INPUT.json OUT.pdf [LANG]");
        std::process::exit(2);
    };
    let lang = args.get(2).map(String::as_str).unwrap_or("en");
    let input = if source.ends_with(".json") {
        let text = std::fs::read_to_string(source).expect("input file");
        serde_json::from_str(&text).expect("a CvInput")
    } else if source == "small" {
        support::small_input(lang)
    } else {
        support::input_for(&support::fixture_profile(source), lang)
    };
    let mut times = Vec::new();
    let mut made = None;
    for _ in 0..20 {
        let start = Instant::now();
        made = Some(cv::make_cv(&input, support::fonts()).expect("a CV"));
        times.push(start.elapsed());
    }
    times.sort();
    let made = made.expect("made");
    std::fs::write(out, &made.pdf).expect("write the PDF");
    println!(
        "{out}: {} bytes, {} pages, median {:.1} ms native, not shown: {}",
        made.pdf.len(),
        made.pages,
        times[times.len() / 2].as_secs_f64() * 1000.0,
        serde_json::to_string(&made.not_shown).unwrap_or_default()
    );
}
