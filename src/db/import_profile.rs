//! Import profiles: a partner's saved way of reading its files, found again by shape.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::ids::Id;
use crate::import::dates::DayOrder;
use crate::import::mapping::Field;
use crate::names;

/// What a profile remembers; stored as JSON in `import_profile.settings`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSettings {
    /// Header text → field.
    pub columns: BTreeMap<String, Field>,
    /// Partner label (key) → category name.
    pub categories: BTreeMap<String, String>,
    pub day_order: DayOrder,
}

/// A stored profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: Id,
    pub name: String,
    pub partner_id: Option<Id>,
    pub signature: String,
    pub settings: ProfileSettings,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Id, String, Option<Id>, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn build(row: (Id, String, Option<Id>, String, String)) -> Profile {
    Profile {
        id: row.0,
        name: row.1,
        partner_id: row.2,
        signature: row.3,
        // A profile whose JSON cannot be read is treated as empty rather than failing the import.
        settings: serde_json::from_str(&row.4).unwrap_or_default(),
    }
}

const SELECT: &str = "SELECT id, name, partner_id, signature, settings FROM import_profile";

pub fn find_profile_by_name(conn: &Connection, name: &str) -> Result<Option<Profile>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE name_key = ?1"),
            [names::key(name)],
            from_row,
        )
        .optional()?
        .map(build))
}

/// Every profile for this file shape, most recently used first.
pub fn list_profiles_by_signature(conn: &Connection, signature: &str) -> Result<Vec<Profile>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE signature = ?1 ORDER BY updated_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([signature], from_row)?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(build)
        .collect())
}

/// Saves a profile under `name`, replacing one of the same name.
pub fn upsert_profile(
    tx: &Transaction,
    name: &str,
    partner_id: Option<Id>,
    signature: &str,
    settings: &ProfileSettings,
) -> Result<Id> {
    let json = serde_json::to_string(settings).unwrap_or_else(|_| "{}".to_string());
    let now = super::now();
    tx.execute(
        "INSERT INTO import_profile (name, name_key, partner_id, signature, settings, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (name_key) DO UPDATE SET partner_id = excluded.partner_id,
             signature = excluded.signature, settings = excluded.settings, updated_at = excluded.updated_at",
        params![names::clean(name), names::key(name), partner_id, signature, json, now],
    )?;
    Ok(tx.query_row(
        "SELECT id FROM import_profile WHERE name_key = ?1",
        [names::key(name)],
        |r| r.get(0),
    )?)
}
