//! Partners (aktörer): the organisations that send reports.

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
pub struct Partner {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub name: String,
    /// How many reports this partner has sent.
    pub reports: u32,
    /// False once retired: left out of the lists a user picks from.
    pub active: bool,
}

pub fn list_partners(conn: &Connection) -> Result<Vec<Partner>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, (SELECT count(*) FROM report r WHERE r.partner_id = p.id), p.active
         FROM partner p ORDER BY p.name_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Partner {
            id: r.get(0)?,
            name: r.get(1)?,
            reports: r.get(2)?,
            active: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_partner(tx: &Transaction, name: &str) -> Result<Id> {
    named::insert(tx, Kind::Partner, field::NAME, name)
}

pub fn get_partner_id(conn: &Connection, name: &str) -> Result<Id> {
    named::get_id(conn, Kind::Partner, field::PARTNER, name)
}

pub fn get_partner_name(conn: &Connection, id: Id) -> Result<String> {
    named::get_name(conn, Kind::Partner, id)
}
