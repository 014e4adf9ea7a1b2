//! `cargo xtask bench`: prints each part's size (raw and gzipped) against its target, where the bytes go (a
//! per-crate breakdown by `twiggy`), then runs the browser benchmark (`tests/bench/bench.mjs`), which reports
//! timings as ratios against baselines measured in the same run. Exits non-zero when any target of issue 13 is
//! missed, so the bench is the performance check (CI does not run it; no test is timed).

use crate::build::WASM_PARTS;
use crate::util::{cmd, output, root, XResult};
use flate2::{write::GzEncoder, Compression};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Gzip budget per wasm part (bytes, `gzip -9`); parts not listed are printed without a target.
const WASM_GZIP_TARGETS: [(&str, usize); 2] = [("popup", 150_000), ("background", 150_000)];
/// The content script's budget (raw bytes).
const CONTENT_SCRIPT_TARGET: usize = 5_000;
/// How many crates and single items the size breakdown lists per part.
const BREAKDOWN_CRATES: usize = 10;
const BREAKDOWN_ITEMS: usize = 5;

/// Prints sizes and the breakdown, then runs the browser benchmark against `dist`.
pub fn run(dist: &Path) -> XResult<()> {
    let mut missed = sizes(dist)?;
    breakdown();
    // The browser benchmark talks to the Personio stand-in (a debug build, as in the tests).
    crate::util::run(cmd("cargo").args(["build", "-p", "personio-standin"]))?;
    let browser = crate::util::run(
        cmd("node")
            .arg(root().join("tests/bench/bench.mjs"))
            .env("EXTENSION_DIST", dist),
    );
    if let Err(e) = browser {
        missed.push(format!("browser benchmark: {e}"));
    }
    if missed.is_empty() {
        println!("\nevery target met");
        Ok(())
    } else {
        Err(format!("targets missed: {}", missed.join("; ")))
    }
}

/// The size table; returns the size targets missed.
fn sizes(dist: &Path) -> XResult<Vec<String>> {
    let mut missed = Vec::new();
    println!(
        "{:<12} {:>12} {:>12} {:>12} {:>12}  target",
        "part", "wasm bytes", "wasm gzip", "js bytes", "js gzip"
    );
    for part in &WASM_PARTS {
        let (stem, folder) = (part.name, part.name);
        let pkg = dist.join("pkg").join(folder);
        let wasm = read(&pkg.join(format!("{stem}_bg.wasm")))?;
        let js = read(&pkg.join(format!("{stem}.js")))?;
        let gzip = gzip_len(&wasm);
        let target = WASM_GZIP_TARGETS
            .iter()
            .find(|(part, _)| *part == folder)
            .map(|(_, budget)| *budget);
        let verdict = match target {
            Some(budget) if gzip <= budget => format!("✓ wasm gzip ≤ {budget}"),
            Some(budget) => {
                missed.push(format!("{folder} wasm {gzip} B gzip > {budget} B"));
                format!("✗ MISSED wasm gzip ≤ {budget}")
            }
            None => String::from("-"),
        };
        println!(
            "{:<12} {:>12} {:>12} {:>12} {:>12}  {verdict}",
            folder,
            wasm.len(),
            gzip,
            js.len(),
            gzip_len(&js)
        );
    }
    let content = read(&dist.join("content.js"))?;
    let verdict = if content.len() <= CONTENT_SCRIPT_TARGET {
        format!("✓ ≤ {CONTENT_SCRIPT_TARGET} bytes")
    } else {
        missed.push(format!(
            "content.js {} B > {CONTENT_SCRIPT_TARGET} B",
            content.len()
        ));
        format!("✗ MISSED ≤ {CONTENT_SCRIPT_TARGET} bytes")
    };
    println!(
        "{:<12} {:>12} {:>12} {:>12} {:>12}  {verdict}",
        "content",
        "-",
        "-",
        content.len(),
        gzip_len(&content)
    );
    Ok(missed)
}

/// Where each wasm part's bytes go, by crate: `twiggy` over the `wasm-bindgen` output before `wasm-opt` (which
/// strips the names). Informational: a missing tool or a failure prints a note and does not stop the bench.
fn breakdown() {
    for part in &WASM_PARTS {
        let (stem, folder) = (part.name, part.name);
        let wasm = part.built();
        let out = std::env::temp_dir().join(format!("bench-twiggy-{folder}"));
        let bindgen = output(
            cmd("wasm-bindgen")
                .args(["--target", "web", "--no-typescript", "--out-name", stem])
                .arg("--out-dir")
                .arg(&out)
                .arg(&wasm),
        );
        let csv = bindgen.and_then(|_| {
            output(
                cmd("twiggy")
                    .args(["top", "-n", "1000000", "--format", "csv"])
                    .arg(out.join(format!("{stem}_bg.wasm"))),
            )
        });
        let Some(csv) = csv else {
            println!("\n{folder}: no size breakdown (wasm-bindgen or twiggy failed)");
            continue;
        };
        print_breakdown(folder, &csv);
    }
}

fn print_breakdown(folder: &str, csv: &str) {
    let mut by_crate: BTreeMap<String, usize> = BTreeMap::new();
    let mut items: Vec<(usize, String)> = Vec::new();
    for line in csv.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent — names may contain commas and
        // doubled quotes, so split from the right.
        let fields: Vec<&str> = line.rsplitn(5, ',').collect();
        let [_, _, _, size, name] = fields[..] else {
            continue;
        };
        let Ok(size) = size.parse::<usize>() else {
            continue;
        };
        let name = name.trim_matches('"').replace("\"\"", "\"");
        if name.contains("function names") || name.starts_with("custom section") {
            continue;
        }
        *by_crate.entry(owner(&name)).or_default() += size;
        items.push((size, name));
    }
    let total: usize = by_crate.values().sum();
    let mut crates: Vec<(String, usize)> = by_crate.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    println!("\n{folder}: where the bytes go (before wasm-opt, {total} B of code and data)");
    for (name, size) in crates.iter().take(BREAKDOWN_CRATES) {
        println!(
            "  {size:>9} B {:>5.1} %  {name}",
            100.0 * *size as f64 / total.max(1) as f64
        );
    }
    items.sort_by_key(|i| std::cmp::Reverse(i.0));
    println!("  largest items:");
    for (size, name) in items.iter().take(BREAKDOWN_ITEMS) {
        let short: String = name.chars().take(110).collect();
        println!("  {size:>9} B  {short}");
    }
}

/// The crate a twiggy item belongs to: serde derive impls are grouped, data segments are `data`, otherwise the
/// first path segment of the (implementing) type.
fn owner(name: &str) -> String {
    if name.starts_with("data segment") {
        return "data segments (.rodata, .data)".into();
    }
    if name.contains("impl serde_core::de::Deserialize for")
        || name.contains("impl serde::de::Deserialize for")
    {
        return "serde derives (Deserialize)".into();
    }
    if name.contains("impl serde_core::ser::Serialize for")
        || name.contains("impl serde::ser::Serialize for")
    {
        return "serde derives (Serialize)".into();
    }
    let trimmed = name.trim_start_matches(['<', '&', '*', '(', ' ']);
    let trimmed = ["mut ", "dyn ", "impl ", "const "]
        .iter()
        .fold(trimmed, |s, p| s.strip_prefix(p).unwrap_or(s));
    let head: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if head.is_empty() {
        "(other)".into()
    } else {
        head
    }
}

fn read(path: &Path) -> XResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Size of `bytes` after `gzip -9`.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

#[cfg(test)]
mod tests {
    use super::owner;

    #[test]
    fn items_are_attributed_to_their_crate() {
        assert_eq!(
            owner("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_str::h1"),
            "serde_json"
        );
        assert_eq!(
            owner("core[c5930c85a12de822]::num::flt2dec::strategy::dragon::format_shortest"),
            "core"
        );
        assert_eq!(
            owner("<sourcing_core::profile::_::<impl serde_core::de::Deserialize for sourcing_core::profile::Profile>::deserialize::__FieldVisitor as serde_core::de::Visitor>::visit_str"),
            "serde derives (Deserialize)"
        );
        assert_eq!(
            owner("data segment \".rodata\""),
            "data segments (.rodata, .data)"
        );
    }
}
