//! Small process and path helpers shared by the xtask commands.

use std::path::{Path, PathBuf};
use std::process::Command;

/// An xtask failure with a message for the terminal.
pub type XResult<T> = Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// `$CARGO_HOME/bin`, where `cargo install` puts tools.
pub fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        })
        .join("bin")
}

/// `PATH` with `$CARGO_HOME/bin` and `node_modules/.bin` in front.
pub fn tool_path() -> String {
    let mut parts = vec![
        cargo_bin_dir().display().to_string(),
        root().join("node_modules/.bin").display().to_string(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        parts.push(path.to_string_lossy().into_owned());
    }
    parts.join(":")
}

/// A command run from the workspace root with the tool `PATH`.
pub fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root()).env("PATH", tool_path());
    command
}

/// Runs a command, failing with its description when it does not exit 0.
pub fn run(command: &mut Command) -> XResult<()> {
    eprintln!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its stdout (empty when it cannot start).
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program().to_string_lossy().into_owned())
        .chain(command.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The version of a package as locked in `Cargo.lock`.
pub fn locked_version(package: &str) -> XResult<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let header = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&header)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + header.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string())
}

/// The workspace version (`[workspace.package] version`), which is also the extension's version.
pub fn workspace_version() -> XResult<String> {
    let toml = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|e| format!("Cargo.toml: {e}"))?;
    let section = toml
        .split("[workspace.package]")
        .nth(1)
        .ok_or("no [workspace.package] in Cargo.toml")?;
    let line = section
        .lines()
        .find(|l| l.trim_start().starts_with("version"))
        .ok_or("no workspace version")?;
    Ok(line.split('"').nth(1).unwrap_or_default().to_string())
}
