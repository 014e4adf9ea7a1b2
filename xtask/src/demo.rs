//! Demo mode and the stand-in in the foreground.

use crate::util::{cmd, run, XResult};
use std::path::Path;

/// Runs the Personio stand-in server in the foreground (Ctrl-C to stop).
pub fn standin_foreground() -> XResult<()> {
    run(cmd("cargo").args(["run", "-p", "personio-standin", "--"]).args(std::env::args().skip(2)))
}

/// Starts the stand-in and Chromium with the extension configured for it on a synthetic profile.
pub fn start(dist: &Path) -> XResult<()> {
    run(cmd("node").arg("tests/demo/demo.mjs").env("EXTENSION_DIST", dist))
}
