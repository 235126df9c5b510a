//! The use cases both doors call: one user action, one function, one transaction.
//!
//! Each module takes the [`Store`](crate::Store) (which owns the connection and its
//! transactions), validates, writes or reads through `crate::db`, and returns plain
//! data; the CLI (`src/bin/navet/`) and the app (`src-tauri/`) only parse their input
//! into these calls and print or serialise the result. A rule (what is partner-safe,
//! what a file is called) lives here or below, never in a door.

pub mod backup;
pub mod categories;
pub mod encryption;
pub mod export;
pub mod import;
pub mod insatser;
pub mod law;
pub mod links;
pub mod meetings;
pub mod partners;
pub mod personal_data;
pub mod picture;
pub mod places;
pub mod promises;
pub mod records;
pub mod register;
pub mod report;
pub mod retention;
pub mod settings;
pub mod walks;
pub mod year;

use chrono::NaiveDate;

use crate::Store;
use crate::db::place;
use crate::demo::{self, DemoSummary};
use crate::error::Result;

/// What the app shows about the open database.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub db_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub reports: u32,
    pub places: u32,
    pub version: String,
    /// Where the pre-upgrade copy went, when opening upgraded the database.
    pub backup: Option<String>,
    /// The municipality's name, once set.
    pub municipality: Option<String>,
}

pub fn info(store: &Store) -> Result<AppInfo> {
    let places = place::count_places(store.conn())?;
    Ok(AppInfo {
        db_path: store.path().display().to_string(),
        schema_version: store.schema_version()?,
        reports: u32::try_from(report::count(store)?).unwrap_or(u32::MAX),
        places: u32::try_from(places).unwrap_or(u32::MAX),
        version: env!("CARGO_PKG_VERSION").to_string(),
        backup: store.backup().map(|b| b.display().to_string()),
        municipality: crate::db::setting::get_setting(
            store.conn(),
            crate::db::setting::MUNICIPALITY,
        )?
        .filter(|m| !m.trim().is_empty()),
    })
}

/// Checks the whole database file (SQLite's quick_check). A damaged file is an error
/// naming the latest backup beside it; nothing is repaired or deleted in place.
pub fn check(store: &Store) -> Result<()> {
    let faults = store.quick_check()?;
    if faults.is_empty() {
        return Ok(());
    }
    Err(crate::messages::Message::Damaged {
        path: store.path().display().to_string(),
        detail: faults.join("; "),
        backup: store.latest_backup().map(|b| b.display().to_string()),
    }
    .into())
}

/// Fills an empty database with the demo municipality (see [`crate::demo`]).
pub fn load_demo(store: &mut Store, weeks: u32, end: NaiveDate) -> Result<DemoSummary> {
    demo::load_demo(store, weeks, end)
}

/// The demo municipality with the whole EST cycle on top of its reports (what both
/// doors load): insatser, meetings, a promise, a walk, rhythms, a quiet partner.
pub fn load_demo_with_cycle(store: &mut Store, weeks: u32, end: NaiveDate) -> Result<DemoSummary> {
    let summary = demo::load_demo(store, weeks, end)?;
    demo::load_cycle(store, end)?;
    Ok(summary)
}
