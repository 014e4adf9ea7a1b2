//! Popup.
