//! Everything that leaves the machine as a file: CSV now; XLSX and PDF build on it.

pub mod csv;
