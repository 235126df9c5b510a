//! Navet's core: everything the app and the `navet` CLI do, with no UI and no Tauri.
//!
//! Navet lets a Swedish municipal safety coordinator (trygghetssamordnare) run the
//! EST cycle on one laptop: partner reports in, a situation picture (lägesbild) out.
//! The app (`src-tauri/`) and the CLI (`src/bin/navet.rs`) are two doors into the
//! same functions here.
//!
//! Module map:
//! - [`error`]: the one error type and the small stable [`error::ErrorCode`] the UI branches on.
//! - [`messages`]: the message catalog; every text a user reads comes from here (Swedish first).
//! - [`db`]: the SQLite store: opening, pragmas, migrations, backups, one file per table.
//! - [`ids`]: how row ids cross to JSON and the UI (as strings).
//! - [`names`]: name normalisation and closest-name suggestions.
//! - [`pii`]: personal data in free text (personnummer, phone numbers): found and masked; a leaf.
//! - [`time`]: parsing of the dates and times users type.
//! - [`ops`]: the operations both doors call, one transaction each.
//! - [`demo`]: the deterministic demo municipality.

pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod ids;
pub mod import;
pub mod messages;
pub mod names;
pub mod neutral;
pub mod ops;
pub mod picture;
pub mod pii;
pub mod template;
pub mod time;

pub use db::Store;
pub use error::{Error, ErrorCode, Result};
pub use messages::Message;

/// The memory allocator both binaries install (`#[global_allocator]`): an import hands
/// millions of small strings from the reading thread to the storing one, and glibc's
/// allocator serialises those cross-thread frees (about 10 % of a 1M-row import,
/// measured with `navet bench import`).
pub use mimalloc::MiMalloc as Allocator;
