//! Personio: request/response types and the transport-agnostic client (filled in by the Personio work).
