//! The popup's components, each in its own module.

pub mod candidate_form;
pub mod disclaimer;
pub mod source_badge;
