//! Every test, in the order that fails fastest: formatting and lints, native tests, wasm tests in headless
//! Chromium, the release build, then the end-to-end tests that load `dist/` into Chromium.

use crate::build;
use crate::util::{cmd, root, run, XResult};

/// Crates that compile natively and carry native tests.
const NATIVE: [&str; 7] = [
    "sourcing-core",
    "sourcing-tagged",
    "sourcing-markup",
    "cv",
    "personio-standin",
    "soak",
    "xtask",
];
/// Crates linted and tested for wasm32 (in headless Chromium): the browser-only ones, and the CV engine's
/// wasm entry.
const BROWSER: [&str; 4] = ["popup", "background", "webext", "cv"];

fn with_packages<'a>(
    command: &'a mut std::process::Command,
    packages: &[&str],
) -> &'a mut std::process::Command {
    for package in packages {
        command.args(["-p", package]);
    }
    command
}

/// Runs the whole suite.
pub fn all() -> XResult<()> {
    run(cmd("cargo").args(["fmt", "--all", "--", "--check"]))?;
    run(with_packages(cmd("cargo").arg("clippy"), &NATIVE).args([
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(with_packages(cmd("cargo").arg("clippy"), &BROWSER).args([
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(with_packages(cmd("cargo").arg("test"), &NATIVE))?;
    run(with_packages(cmd("cargo").arg("test"), &BROWSER)
        .args(["--target", "wasm32-unknown-unknown"]))?;
    let dist = build::release()?;
    run(cmd("cargo").args(["build", "-p", "personio-standin"]))?;
    let mut e2e = cmd("node");
    e2e.args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .arg(root().join("tests/e2e"))
        .env("EXTENSION_DIST", &dist)
        .env(
            "PERSONIO_STANDIN_BIN",
            root().join("target/debug/personio-standin"),
        );
    run(&mut e2e)
}
