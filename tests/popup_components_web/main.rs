//! The recruiter's form components in headless Chromium (wasm-bindgen-test), one module per component, with
//! the shared helpers in [`common`]. Run with
//! `cargo test --target wasm32-unknown-unknown -p popup --test popup_components_web`.
//!
//! Outside an extension page `t(key)` is the key itself and `t_with(key, args)` is the key followed by the
//! arguments, so the assertions look for message keys.

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod candidate_form;
mod common;
mod documents;
mod job_tracker;
mod made_cv_option;
mod position_picker;
mod success_view;
mod tags_input;
