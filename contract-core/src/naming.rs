//! Rust names for contract names: fields, operations, types and error variants.
