//! The popup's components, each in its own module.

pub mod candidate_form;
pub mod candidate_notice;
pub mod confirm;
pub mod disclaimer;
pub mod documents;
pub mod field_error;
pub mod known_candidate;
pub mod made_cv_option;
pub mod outbox_list;
pub mod personio_lookup;
pub mod position_picker;
pub mod source_badge;
pub mod success_view;
pub mod tags_input;
pub mod unrecognised_page;
