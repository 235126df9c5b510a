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
    /// How often it is expected to report, in days (none: no rhythm).
    pub rhythm_days: Option<u32>,
}

pub fn list_partners(conn: &Connection) -> Result<Vec<Partner>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, (SELECT count(*) FROM report r WHERE r.partner_id = p.id), p.active,
                p.rhythm_days
         FROM partner p ORDER BY p.name_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Partner {
            id: r.get(0)?,
            name: r.get(1)?,
            reports: r.get(2)?,
            active: r.get(3)?,
            rhythm_days: r.get(4)?,
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

/// Sets how often a partner is expected to report (every `days` days; none: no rhythm).
pub fn update_rhythm(tx: &Transaction, name: &str, days: Option<u32>) -> Result<()> {
    let id = get_partner_id(tx, name)?;
    tx.execute(
        "UPDATE partner SET rhythm_days = ?1 WHERE id = ?2",
        rusqlite::params![days.map(|d| d.clamp(1, 366)), id],
    )?;
    Ok(())
}

/// Records that a partner had nothing to report for the days `from` to `to`.
pub fn insert_nil_report(tx: &Transaction, name: &str, from: &str, to: &str) -> Result<()> {
    let id = get_partner_id(tx, name)?;
    insert_nil_report_for(tx, id, from, to, None)
}

/// "Inga händelser" from partner `id` for `from`..=`to`, brought by import `batch` if
/// one (an earlier one for the same days stays as it was).
pub fn insert_nil_report_for(
    tx: &Transaction,
    id: Id,
    from: &str,
    to: &str,
    batch: Option<Id>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO nil_report (partner_id, period_from, period_to, created_at, import_batch_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (partner_id, period_from, period_to) DO NOTHING",
        rusqlite::params![id, from, to, super::now(), batch],
    )?;
    Ok(())
}

/// A partner's rhythm and when it last sent anything (a report or "inga händelser").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rhythm {
    pub partner: String,
    pub rhythm_days: Option<u32>,
    /// `YYYY-MM-DD` (the day the latest report or nil report was stored).
    pub last_sent: Option<String>,
}

pub fn rhythms(conn: &Connection) -> Result<Vec<Rhythm>> {
    let mut stmt = conn.prepare(
        "SELECT p.name, p.rhythm_days,
                max(coalesce((SELECT substr(max(r.created_at), 1, 10) FROM report r WHERE r.partner_id = p.id), ''),
                    coalesce((SELECT substr(max(n.created_at), 1, 10) FROM nil_report n WHERE n.partner_id = p.id), ''))
         FROM partner p WHERE p.active = 1 ORDER BY p.name_key",
    )?;
    let rows = stmt.query_map([], |r| {
        let last: Option<String> = r.get(2)?;
        Ok(Rhythm {
            partner: r.get(0)?,
            rhythm_days: r.get(1)?,
            last_sent: last.filter(|l| !l.is_empty()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Partners that said "inga händelser" for a period covering all of `from`..=`to`.
pub fn nil_reporters(conn: &Connection, from: &str, to: &str) -> Result<Vec<Id>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT partner_id FROM nil_report WHERE period_from <= ?1 AND period_to >= ?2",
    )?;
    let rows = stmt.query_map([from, to], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
