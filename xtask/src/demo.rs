//! Demo mode and the stand-in in the foreground.

use crate::util::{cmd, root, run, XResult};
use std::path::Path;

/// Runs the Personio stand-in server in the foreground (Ctrl-C to stop); extra arguments are passed on.
pub fn standin_foreground() -> XResult<()> {
    run(cmd("cargo")
        .args(["run", "-p", "personio-standin", "--"])
        .args(std::env::args().skip(2)))
}

/// Starts the stand-in, a synthetic LinkedIn and Chromium with the extension connected to the stand-in.
pub fn start(dist: &Path) -> XResult<()> {
    run(cmd("cargo").args(["build", "-p", "personio-standin"]))?;
    run(cmd("node")
        .arg(root().join("tests/demo/demo.mjs"))
        .env("EXTENSION_DIST", dist)
        .env(
            "PERSONIO_STANDIN_BIN",
            root().join("target/debug/personio-standin"),
        ))
}
