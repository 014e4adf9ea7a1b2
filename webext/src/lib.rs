//! Typed bindings to the Chrome extension APIs.
