//! Settings: a few named values (the municipality's name, for PDF covers).

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

pub const MUNICIPALITY: &str = "municipality";
/// The status scale for areas, comma-separated, best first (default grön, gul, röd).
pub const STATUS_SCALE: &str = "status_scale";
/// Every setting a user may set.
pub const KEYS: &[&str] = &[MUNICIPALITY, STATUS_SCALE];

pub fn get_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value.trim()],
    )?;
    Ok(())
}
