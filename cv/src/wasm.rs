//! The wasm entry: `make_cv(inputJson, regularFont, boldFont)` for `static/cv.js`. The input is the JSON of a
//! [`CvInput`]; the answer carries the PDF bytes and, as JSON, the [`crate::NotShown`] report. Errors are
//! plain messages for the console; the popup shows its own translated sentence.

use crate::{make_cv as make, CvInput, FontFiles};
use wasm_bindgen::prelude::*;

/// A made CV, as JavaScript sees it.
#[wasm_bindgen]
pub struct MadeCv {
    pdf: Vec<u8>,
    pages: usize,
    not_shown: String,
}

#[wasm_bindgen]
impl MadeCv {
    /// The PDF (a copy, as `Uint8Array`).
    #[wasm_bindgen(getter)]
    pub fn pdf(&self) -> Vec<u8> {
        self.pdf.clone()
    }

    /// The page count.
    #[wasm_bindgen(getter)]
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// JSON array of `{ "field": "name" | "headline" | …, "text": "…" }`: what the PDF could not show.
    #[wasm_bindgen(getter, js_name = notShown)]
    pub fn not_shown(&self) -> String {
        self.not_shown.clone()
    }
}

/// Makes the CV of `input_json` (a `CvInput`) with the two font files.
#[wasm_bindgen(js_name = makeCv)]
pub fn make_cv(input_json: &str, regular: &[u8], bold: &[u8]) -> Result<MadeCv, JsValue> {
    let input: CvInput = serde_json::from_str(input_json)
        .map_err(|e| JsValue::from_str(&format!("CV input: {e}")))?;
    let made =
        make(&input, FontFiles { regular, bold }).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let not_shown =
        serde_json::to_string(&made.not_shown).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(MadeCv {
        pdf: made.pdf,
        pages: made.pages,
        not_shown,
    })
}
