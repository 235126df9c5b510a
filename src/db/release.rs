//! The register of what was released to partners (schema 17): per complete ISO week,
//! every cell of its grid with the value it had when first released and whether it is
//! hidden. `crate::export::release` decides the cells; this module only keeps them.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::error::Result;
use crate::ids::Id;

/// One released cell: `area`, `place` and `category` are ids, 0 for "all", -1 for
/// places with no area, -2 for reports with no place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredCell {
    pub area: Id,
    pub place: Id,
    pub category: Id,
    pub value: u32,
    pub hidden: bool,
}

/// The released cells of each of `weeks` that is in the register (`2026-W48`).
pub fn get_weeks(conn: &Connection, weeks: &[String]) -> Result<HashMap<String, Vec<StoredCell>>> {
    let mut out: HashMap<String, Vec<StoredCell>> = HashMap::new();
    let mut known = conn.prepare_cached("SELECT 1 FROM partner_release_week WHERE week = ?1")?;
    let mut stmt = conn.prepare_cached(
        "SELECT area, place, category, value, hidden FROM partner_release_cell WHERE week = ?1",
    )?;
    for week in weeks {
        if !known.exists(params![week])? {
            continue;
        }
        let rows = stmt.query_map(params![week], |r| {
            Ok(StoredCell {
                area: r.get(0)?,
                place: r.get(1)?,
                category: r.get(2)?,
                value: r.get(3)?,
                hidden: r.get(4)?,
            })
        })?;
        out.insert(week.clone(), rows.collect::<rusqlite::Result<_>>()?);
    }
    Ok(out)
}

/// Stores the weeks that are not in the register yet, in one transaction; a week that
/// another program released meanwhile keeps the cells it was released with (the caller
/// reads the register again and uses what it holds).
pub fn insert_weeks(conn: &Connection, weeks: &[(String, Vec<StoredCell>)]) -> Result<()> {
    if weeks.is_empty() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    {
        let mut week_stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO partner_release_week (week, released_at, cells, hidden)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut cell_stmt = tx.prepare_cached(
            "INSERT INTO partner_release_cell (week, area, place, category, value, hidden)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let now = super::now();
        for (week, cells) in weeks {
            let hidden = cells.iter().filter(|c| c.hidden).count() as i64;
            if week_stmt.execute(params![week, now, cells.len() as i64, hidden])? == 0 {
                continue;
            }
            for c in cells {
                cell_stmt.execute(params![
                    week, c.area, c.place, c.category, c.value, c.hidden
                ])?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

/// How many weeks the register holds, and the first and last of them.
pub fn summary(conn: &Connection) -> Result<(u32, Option<String>, Option<String>)> {
    Ok(conn.query_row(
        "SELECT count(*), min(week), max(week) FROM partner_release_week",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

/// The first day whose raw reports are kept: the latest gallring's cutoff, if any ran
/// (a week before it cannot be counted again day by day).
pub fn kept_from(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT max(cutoff) FROM retention_run", [], |r| r.get(0))?)
}
