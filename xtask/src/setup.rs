//! Installs whatever a fresh machine is missing: the wasm32 target, `wasm-bindgen-cli` at exactly the version
//! in Cargo.lock, Debian's chromium + chromium-driver + chromium-l10n, and the npm packages (`npm ci`). Each step
//! is skipped when already satisfied, so a warm run costs well under a second.

use crate::util::{cargo_bin_dir, cmd, locked_version, output, root, run, XResult};
use std::path::Path;

/// Everything: the wasm toolchain, the browser and the npm packages.
pub fn all() -> XResult<()> {
    wasm_target()?;
    wasm_bindgen_cli()?;
    browser()?;
    npm_packages()
}

fn wasm_target() -> XResult<()> {
    let installed =
        output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn wasm_bindgen_cli() -> XResult<()> {
    let wanted = locked_version("wasm-bindgen")?;
    let binary = cargo_bin_dir().join("wasm-bindgen");
    let have = output(std::process::Command::new(&binary).arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    eprintln!(
        "installing wasm-bindgen-cli {wanted} (must match Cargo.lock; takes about 2 minutes once)"
    );
    let locked = run(cmd("cargo").args([
        "install",
        "--locked",
        "--force",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
    ]));
    if locked.is_ok() {
        return Ok(());
    }
    // The registry here serves no yanked crates, so the published lockfile may not resolve: install unlocked.
    run(cmd("cargo").args([
        "install",
        "--force",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
    ]))
}

/// `twiggy`, for the bench's size breakdown only (the build and the tests do not need it).
pub fn twiggy() -> XResult<()> {
    let binary = cargo_bin_dir().join("twiggy");
    if output(std::process::Command::new(&binary).arg("--version")).is_some() {
        return Ok(());
    }
    eprintln!("installing twiggy for the size breakdown (about a minute, once)");
    run(cmd("cargo").args(["install", "twiggy"]))
}

fn browser() -> XResult<()> {
    // chromium-l10n brings the UI languages other than en-US (what `chrome.i18n` answers; the German store
    // screenshots and the localisation tests need it).
    if Path::new("/usr/bin/chromium").exists()
        && Path::new("/usr/bin/chromedriver").exists()
        && Path::new("/usr/lib/chromium/locales/de.pak").exists()
    {
        return Ok(());
    }
    eprintln!("installing Debian's chromium, chromium-driver and chromium-l10n");
    run(cmd("apt-get").arg("update"))?;
    run(cmd("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            "chromium-l10n",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn npm_packages() -> XResult<()> {
    let marker = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    let fresh = match (
        marker.metadata().and_then(|m| m.modified()),
        lock.metadata().and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
}
