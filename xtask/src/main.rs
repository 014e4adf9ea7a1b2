//! `cargo xtask <command>`: the project's one entry point for setting up, building, testing, benchmarking
//! and demoing the extension. Every command installs what it is missing first (see [`setup`]).

mod bench;
mod build;
mod demo;
mod listing;
mod setup;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  build    install what is missing, build dist/ (load unpacked) and the Web Store zip (release)
  test     install what is missing, run every test: fmt, clippy, native, wasm in headless Chromium, end-to-end
  soak     1,000 applications from 5 browsers through the real outbox against the stand-in, with faults and
           killed workers; prints the figures and `N submitted, N delivered once, …`; exits 1 on a loss
  bench    build, then print sizes (with a per-crate breakdown) and timings against their targets; exits 1 on a miss
  demo     start the Personio stand-in and Chromium with the extension configured on a synthetic profile
  standin  run the Personio stand-in server in the foreground
  setup    only install what is missing";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "build" => setup::all().and_then(|_| build::release()).map(|_| ()),
        "test" => setup::all().and_then(|_| test::all()),
        "bench" => setup::all()
            .and_then(|_| setup::twiggy())
            .and_then(|_| build::release())
            .and_then(|dist| bench::run(&dist)),
        "demo" => setup::all()
            .and_then(|_| build::release())
            .and_then(|dist| demo::start(&dist)),
        "standin" => demo::standin_foreground(),
        "soak" => util::run(util::cmd("cargo").args(["run", "--release", "--quiet", "-p", "soak"])),
        "setup" => setup::all(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}
