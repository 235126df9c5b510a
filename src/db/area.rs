//! Areas (områden): the parts of the municipality the situation picture is drawn for.

use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::named;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, field};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Area {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub name: String,
    /// How many places the area holds.
    pub places: u32,
    /// False once retired: left out of the lists a user picks from.
    pub active: bool,
}

pub fn list_areas(conn: &Connection) -> Result<Vec<Area>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.name, (SELECT count(*) FROM place p WHERE p.area_id = a.id), a.active
         FROM area a ORDER BY a.name_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Area {
            id: r.get(0)?,
            name: r.get(1)?,
            places: r.get(2)?,
            active: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_area(tx: &Transaction, name: &str) -> Result<Id> {
    named::insert(tx, Kind::Area, field::AREA, name)
}

/// The area with this name, created if there is none; `true` when it was created.
pub fn ensure_area(tx: &Transaction, name: &str) -> Result<(Id, bool)> {
    match named::find_id(tx, Kind::Area, name)? {
        Some(id) => Ok((id, false)),
        None => Ok((insert_area(tx, name)?, true)),
    }
}

pub fn get_area_name(conn: &Connection, id: Id) -> Result<String> {
    named::get_name(conn, Kind::Area, id)
}
