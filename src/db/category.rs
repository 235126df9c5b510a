//! Categories: the EST list (skadegörelse, klotter, …), seeded by the first
//! migration and editable; a retired category keeps its history.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::named;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};
use crate::names;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Category {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub name: String,
    pub sort_order: i32,
    /// Retired categories are kept for history but not offered for new reports.
    pub active: bool,
}

pub fn list_categories(conn: &Connection) -> Result<Vec<Category>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, sort_order, active FROM category ORDER BY sort_order, name_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Category {
            id: r.get(0)?,
            name: r.get(1)?,
            sort_order: r.get(2)?,
            active: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_category_id(conn: &Connection, name: &str) -> Result<Id> {
    named::get_id(conn, Kind::Category, field::CATEGORY, name)
}

/// Adds a category at the end of the list.
pub fn insert_category(tx: &Transaction, name: &str) -> Result<Id> {
    let clean = named::validated_name(field::NAME, name)?;
    if named::find_id(tx, Kind::Category, &clean)?.is_some() {
        return Err(Message::Duplicate {
            kind: Kind::Category,
            name: clean,
        }
        .into());
    }
    tx.execute(
        "INSERT INTO category (name, name_key, sort_order, created_at)
         VALUES (?1, ?2, (SELECT coalesce(max(sort_order), 0) + 10 FROM category), ?3)",
        params![clean, names::key(&clean), super::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Renames a category; its reports follow.
pub fn update_category_name(tx: &Transaction, name: &str, new_name: &str) -> Result<()> {
    named::rename(tx, Kind::Category, name, new_name)
}

/// Retires or restores a category.
pub fn update_category_active(tx: &Transaction, name: &str, active: bool) -> Result<()> {
    named::set_active(tx, Kind::Category, name, active)
}
