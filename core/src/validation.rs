//! Validation of what the recruiter types and attaches, with messages keyed for the UI.
