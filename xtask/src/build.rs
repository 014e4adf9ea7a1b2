//! Release build of the loadable extension: compiles the wasm parts, runs `wasm-bindgen` and `wasm-opt`
//! (binaryen from npm; Debian's binaryen emits modules that fail to load), assembles `dist/` and zips it for
//! the Chrome Web Store, with the listing material next to it ([`crate::listing`]).

use crate::util::{cmd, root, run, workspace_version, XResult};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One wasm module of the extension: which package it is built from and with which features, and the name
/// it gets under `dist/pkg/<name>/<name>_bg.wasm`.
pub struct WasmPart {
    /// The cargo package.
    pub package: &'static str,
    /// `Some(features)`: built alone with `--no-default-features --features <features>` (the popup crate
    /// is built once per page group, so a page never carries another page's code); `None`: defaults.
    pub features: Option<&'static str>,
    /// The module's name (folder and file stem under `dist/pkg/`).
    pub name: &'static str,
}

impl WasmPart {
    /// The built module, as cargo leaves it (one file per package, overwritten by the next build of it).
    fn cargo_output(&self) -> PathBuf {
        root().join(format!(
            "target/wasm32-unknown-unknown/release/{}.wasm",
            self.package.replace('-', "_")
        ))
    }

    /// Where the build keeps this part's module before `wasm-bindgen` (also the input of the bench's size
    /// breakdown, which needs the names `wasm-opt` strips).
    pub fn built(&self) -> PathBuf {
        root().join(format!("target/wasm-parts/{}.wasm", self.name))
    }
}

/// The wasm parts: the worker; the toolbar popup and side panel (the form only); the settings and candidates
/// pages, which only admins and the HRIS export open; the CV engine, which `cv.js` imports only when a CV is
/// made.
pub const WASM_PARTS: [WasmPart; 4] = [
    WasmPart {
        package: "background",
        features: None,
        name: "background",
    },
    WasmPart {
        package: "popup",
        features: Some("form-page"),
        name: "popup",
    },
    WasmPart {
        package: "popup",
        features: Some("admin-pages"),
        name: "pages",
    },
    WasmPart {
        package: "cv",
        features: None,
        name: "cv",
    },
];

/// Files copied as they are: (source relative to the root, destination relative to `dist/`).
const STATIC_FILES: [(&str, &str); 15] = [
    ("manifest.json", "manifest.json"),
    ("background/worker.js", "worker.js"),
    ("content-script/content.js", "content.js"),
    ("static/popup.html", "popup.html"),
    ("static/options.html", "options.html"),
    ("static/candidates.html", "candidates.html"),
    ("static/popup.js", "popup.js"),
    ("static/head-start.js", "head-start.js"),
    ("static/pages.js", "pages.js"),
    ("static/popup.css", "popup.css"),
    ("static/cv.js", "cv.js"),
    // The admin policy's schema (`storage.managed_schema` in the manifest).
    ("static/managed_schema.json", "managed_schema.json"),
    // The CV's fonts (fetched by cv.js) with their licence, which must travel with them.
    ("static/fonts/Inter-Regular.ttf", "fonts/Inter-Regular.ttf"),
    ("static/fonts/Inter-Bold.ttf", "fonts/Inter-Bold.ttf"),
    ("static/fonts/OFL.txt", "fonts/OFL.txt"),
];

/// Builds `dist/` and the Web Store zip; returns the `dist/` path.
pub fn release() -> XResult<PathBuf> {
    let dist = root().join("dist");
    check_manifest_version()?;
    let shared: Vec<&WasmPart> = WASM_PARTS.iter().filter(|p| p.features.is_none()).collect();
    let mut cargo = cmd("cargo");
    cargo.args(["build", "--release", "--target", "wasm32-unknown-unknown"]);
    for part in &shared {
        cargo.args(["-p", part.package]);
    }
    run(&mut cargo)?;
    for part in &shared {
        keep_built(part)?;
    }
    for part in WASM_PARTS.iter().filter(|p| p.features.is_some()) {
        run(cmd("cargo")
            .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
            .args(["-p", part.package, "--no-default-features", "--features"])
            .arg(part.features.unwrap_or_default()))?;
        keep_built(part)?;
    }
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clean dist/: {e}"))?;
    }
    for part in &WASM_PARTS {
        bindgen_and_optimise(part, &dist)?;
    }
    copy_static(&dist)?;
    let zip = zip_dist(&dist)?;
    let listing = crate::listing::write()?;
    eprintln!(
        "built {}, {} and the store listing in {}",
        dist.display(),
        zip.display(),
        listing.display()
    );
    Ok(dist)
}

fn check_manifest_version() -> XResult<()> {
    let manifest: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("manifest.json"))
            .map_err(|e| format!("manifest.json: {e}"))?,
    )
    .map_err(|e| format!("manifest.json: {e}"))?;
    let version = workspace_version()?;
    if manifest["version"] != version.as_str() {
        return Err(format!(
            "manifest.json version {} differs from the workspace version {version}",
            manifest["version"]
        ));
    }
    Ok(())
}

/// Copies a part's module out of cargo's output, which the next build of the same package overwrites.
fn keep_built(part: &WasmPart) -> XResult<()> {
    copy(&part.cargo_output(), &part.built())
}

fn bindgen_and_optimise(part: &WasmPart, dist: &Path) -> XResult<()> {
    let stem = part.name;
    let out = dist.join("pkg").join(stem);
    run(cmd("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            stem,
            "--out-dir",
        ])
        .arg(&out)
        .arg(part.built()))?;
    let bg = out.join(format!("{stem}_bg.wasm"));
    run(cmd(&root()
        .join("node_modules/.bin/wasm-opt")
        .display()
        .to_string())
    .args([
        "-Oz",
        "--enable-bulk-memory",
        "--enable-reference-types",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-multivalue",
    ])
    .arg(&bg)
    .arg("-o")
    .arg(&bg))
}

fn copy_static(dist: &Path) -> XResult<()> {
    for (from, to) in STATIC_FILES {
        copy(&root().join(from), &dist.join(to))?;
    }
    copy_tree(&root().join("static/_locales"), &dist.join("_locales"))?;
    for entry in fs::read_dir(root().join("static/icons")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "png") {
            copy(
                &path,
                &dist
                    .join("icons")
                    .join(path.file_name().unwrap_or_default()),
            )?;
        }
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> XResult<()> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} → {}: {e}", from.display(), to.display()))
}

fn copy_tree(from: &Path, to: &Path) -> XResult<()> {
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            copy(&path, &target)?;
        }
    }
    Ok(())
}

/// Every file under `dir`, relative paths sorted (so the zip is reproducible).
pub fn files_under(dir: &Path) -> XResult<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).map_err(|e| format!("{}: {e}", current.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(
                    path.strip_prefix(dir)
                        .map_err(|e| e.to_string())?
                        .to_path_buf(),
                );
            }
        }
    }
    files.sort();
    Ok(files)
}

fn zip_dist(dist: &Path) -> XResult<PathBuf> {
    let out_dir = root().join("target/webstore");
    fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let zip_path = out_dir.join(format!("personio-sourcing-{}.zip", workspace_version()?));
    let file = fs::File::create(&zip_path).map_err(|e| format!("{}: {e}", zip_path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for relative in files_under(dist)? {
        let name = relative.to_string_lossy().replace('\\', "/");
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(&fs::read(dist.join(&relative)).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(zip_path)
}
