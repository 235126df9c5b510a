//! The situation picture's reads: the names it shows and two grouped counts over the
//! report index by date. They return plain rows; `crate::picture` buckets them into
//! periods and turns them into the picture.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::named;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::Kind;

/// Every name and order the picture needs, read once per picture.
#[derive(Debug, Default)]
pub struct Lookups {
    pub area_names: HashMap<Id, String>,
    pub place_names: HashMap<Id, String>,
    pub place_area: HashMap<Id, Option<Id>>,
    pub category_names: HashMap<Id, String>,
    pub category_order: HashMap<Id, i64>,
    pub partner_names: HashMap<Id, String>,
}

fn pairs<A, B>(conn: &Connection, sql: &str) -> Result<HashMap<A, B>>
where
    A: rusqlite::types::FromSql + std::hash::Hash + Eq,
    B: rusqlite::types::FromSql,
{
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn lookups(conn: &Connection) -> Result<Lookups> {
    Ok(Lookups {
        area_names: named::id_names(conn, Kind::Area)?,
        place_names: named::id_names(conn, Kind::Place)?,
        place_area: pairs(conn, "SELECT id, area_id FROM place")?,
        category_names: named::id_names(conn, Kind::Category)?,
        category_order: pairs(conn, "SELECT id, sort_order FROM category")?,
        partner_names: named::id_names(conn, Kind::Partner)?,
    })
}

/// The sum of counts for one day, place (none: unplaced), category and partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub place: Option<Id>,
    pub category: Id,
    pub partner: Id,
    pub count: u32,
}

/// Calls `each` for every (day, place, category, partner) with reports from `from` to
/// `to` (ISO dates, inclusive).
pub fn for_each_day_count(
    conn: &Connection,
    from: &str,
    to: &str,
    mut each: impl FnMut(DayCount),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT occurred_date, place_id, category_id, partner_id, sum(count) FROM report
         WHERE occurred_date BETWEEN ?1 AND ?2
         GROUP BY occurred_date, place_id, category_id, partner_id",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        each(DayCount {
            date: r.get(0)?,
            place: r.get(1)?,
            category: r.get(2)?,
            partner: r.get(3)?,
            count: r.get(4)?,
        });
    }
    Ok(())
}

/// Reports and counts for one day, hour (two digits, none when untimed) and partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourCount {
    pub date: String,
    pub hour: Option<String>,
    pub partner: Id,
    pub reports: u32,
    pub count: u32,
}

/// Calls `each` for every (day, hour, partner) with reports from `from` to `to`.
pub fn for_each_hour_count(
    conn: &Connection,
    from: &str,
    to: &str,
    mut each: impl FnMut(HourCount),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT occurred_date, substr(occurred_time, 1, 2), partner_id, count(*), sum(count) FROM report
         WHERE occurred_date BETWEEN ?1 AND ?2
         GROUP BY occurred_date, substr(occurred_time, 1, 2), partner_id",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        each(HourCount {
            date: r.get(0)?,
            hour: r.get(1)?,
            partner: r.get(2)?,
            reports: r.get(3)?,
            count: r.get(4)?,
        });
    }
    Ok(())
}

/// The date of the earliest report (`YYYY-MM-DD`), if there is any (the index on the
/// date answers it at once).
pub fn first_report_date(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT min(occurred_date) FROM report", [], |r| r.get(0))?)
}

/// The first month (`YYYY-MM`) each partner has reports in, from the month counts.
pub fn partner_first_months(conn: &Connection) -> Result<HashMap<Id, String>> {
    pairs(
        conn,
        "SELECT partner_id, min(month) FROM report_month GROUP BY partner_id",
    )
}

/// The date of `partner`'s first report in `month` (`YYYY-MM`), if any: a walk along
/// the date index through that one month.
pub fn partner_first_day(conn: &Connection, partner: Id, month: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT occurred_date FROM report
         WHERE occurred_date BETWEEN ?2 || '-01' AND ?2 || '-31' AND partner_id = ?1
         ORDER BY occurred_date LIMIT 1",
    )?;
    Ok(stmt
        .query_row(params![partner, month], |r| r.get(0))
        .optional()?)
}
