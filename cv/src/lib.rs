//! The CV made from a LinkedIn profile: a clean, printable, one-column A4 PDF whose text can be selected and
//! extracted, built locally from a [`CvInput`] (what the popup's form shows, in the recruiter's language).
//!
//! Its own wasm module (`dist/pkg/cv/`), loaded by `static/cv.js` only when a CV is made, so the popup and the
//! worker do not carry the PDF code; the fonts are files of the package (`fonts/Inter-*.ttf`) fetched then and
//! subset into the PDF. Pipeline: [`content::prepare`] (texts for the fonts, and what they cannot show) →
//! [`layout::lay_out`] (lines and pages) → [`pdf::write`].

pub mod content;
pub mod font;
pub mod layout;
pub mod pdf;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod wrap;

use content::Fonts;
use font::{FontError, FontFace};
pub use sourcing_core::cv::{CvField, CvInput, NotShown};

/// The font files, as fetched.
#[derive(Clone, Copy)]
pub struct FontFiles<'a> {
    /// `fonts/Inter-Regular.ttf`.
    pub regular: &'a [u8],
    /// `fonts/Inter-Bold.ttf`.
    pub bold: &'a [u8],
}

/// A CV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MadeCv {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Its page count.
    pub pages: usize,
    /// Text the fonts could not show (marked `…` in the PDF; the caller adds it to the comment).
    pub not_shown: Vec<NotShown>,
}

/// Why no CV could be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CvError {
    /// A font file is not usable (`regular` or `bold`).
    Font(&'static str, FontError),
    /// Writing the PDF failed.
    Pdf(pdf::PdfError),
}

impl std::fmt::Display for CvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CvError::Font(which, e) => write!(f, "the {which} font: {e}"),
            CvError::Pdf(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CvError {}

/// The PDF title: "<name> – <document>" (either alone when the other is empty).
fn title(input: &CvInput) -> String {
    let name = input.name.trim();
    let document = input.labels.document.trim();
    match (name.is_empty(), document.is_empty()) {
        (false, false) => format!("{name} – {document}"),
        (false, true) => name.to_string(),
        _ => document.to_string(),
    }
}

/// Makes the CV of `input` with the given fonts.
pub fn make_cv(input: &CvInput, files: FontFiles) -> Result<MadeCv, CvError> {
    let fonts = Fonts {
        regular: FontFace::parse(files.regular).map_err(|e| CvError::Font("regular", e))?,
        bold: FontFace::parse(files.bold).map_err(|e| CvError::Font("bold", e))?,
    };
    let content = content::prepare(input, &fonts);
    let layout = layout::lay_out(&content, &input.labels, &fonts);
    let title = title(input);
    let pdf = pdf::write(
        &layout,
        &fonts,
        &pdf::Metadata {
            title: &title,
            language: &input.labels.language,
            created_at_ms: input.created_at_ms,
        },
    )
    .map_err(CvError::Pdf)?;
    Ok(MadeCv {
        pdf,
        pages: layout.pages.len(),
        not_shown: content.not_shown,
    })
}
