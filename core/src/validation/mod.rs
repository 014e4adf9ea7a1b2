//! Validation of what the recruiter types and attaches, with messages keyed for the UI.
//!
//! Everything here is pure: a rule takes the raw value and answers `Ok` or a reason whose [`Problem::key`] /
//! [`DocumentError::key`] is a stable i18n key of `static/_locales/<lang>/messages.json` (the UI localises it).
//! Rules:
//! - [`email`]: a practical subset of RFC 5322 / 6531 (dot-atom local part, no quoted strings, no IP literals);
//! - [`phone`]: optional; digits and `+ ( ) - / .` and spaces, 6–20 digits;
//! - [`first_name`], [`last_name`]: required, at most [`MAX_NAME_CHARS`];
//! - [`position`]: a job position must be picked;
//! - [`tag`], [`tags`], [`normalize_tags`]: trimmed, non-empty, unique ignoring case, at most [`MAX_TAG_CHARS`];
//! - [`message`] (the recruiter's comment): at most [`MAX_MESSAGE_CHARS`];
//! - [`precheck_document`], [`check_document`]: `.pdf`, `.doc`, `.docx`, `.odt` only, checked by extension *and*
//!   by content (magic bytes), at most [`MAX_DOCUMENT_BYTES`], not empty.
//!
//! [`fields`] holds the rules of typed values, [`documents`] the one document-type check (extension, size
//! and content) that the popup, the CV made from a profile and the Personio client all use.

pub mod documents;
pub mod fields;

pub use documents::*;
pub use fields::*;
