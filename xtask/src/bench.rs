//! `cargo xtask bench`: prints each wasm part's size (raw and gzipped) and runs the browser benchmark
//! (`tests/bench/bench.mjs`), which reports timings as ratios against a baseline measured in the same run.

use crate::build::WASM_PARTS;
use crate::util::{cmd, root, XResult};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::Path;

/// Prints sizes, then runs the browser benchmark against `dist`.
pub fn run(dist: &Path) -> XResult<()> {
    println!(
        "{:<12} {:>12} {:>12} {:>12} {:>12}",
        "part", "wasm bytes", "wasm gzip", "js bytes", "js gzip"
    );
    for (_, stem, folder) in WASM_PARTS {
        let pkg = dist.join("pkg").join(folder);
        let wasm = read(&pkg.join(format!("{stem}_bg.wasm")))?;
        let js = read(&pkg.join(format!("{stem}.js")))?;
        println!(
            "{:<12} {:>12} {:>12} {:>12} {:>12}",
            folder,
            wasm.len(),
            gzip_len(&wasm),
            js.len(),
            gzip_len(&js)
        );
    }
    let content = read(&dist.join("content.js"))?;
    println!(
        "{:<12} {:>12} {:>12} {:>12} {:>12}",
        "content",
        "-",
        "-",
        content.len(),
        gzip_len(&content)
    );
    let bench_run = crate::util::run;
    bench_run(
        cmd("node")
            .arg(root().join("tests/bench/bench.mjs"))
            .env("EXTENSION_DIST", dist),
    )
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
