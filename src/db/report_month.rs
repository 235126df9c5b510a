//! Report counts per month, place, category and partner (`report_month`), kept in step with the
//! reports: by triggers for every single change (a report typed in, an undo, a place
//! text connected, an edit), and by the importer itself for a load, which suspends the
//! triggers (SQLite runs a trigger program per row, a third of a million-row import)
//! and adds the month totals it counted in memory, in the same transaction.
//!
//! The picture reads whole months from here and only the days of partly covered months
//! from the reports (see `crate::picture::compute`).

use rustc_hash::FxHashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::Result;
use crate::ids::Id;

/// The triggers that keep `report_month` in step, by name.
const TRIGGERS: &[&str] = &[
    "report_month_insert",
    "report_month_delete",
    "report_month_update",
];

/// Counts added by a load: per (`YYYY-MM`, place or 0, category, partner) and per (`YYYY-MM`,
/// weekday as `%w`, hour or -1, partner), each as (reports, total). Called once per
/// stored row on the import's storing thread, so it parses nothing it can avoid.
#[derive(Debug, Default)]
pub struct MonthDeltas {
    places: FxHashMap<PlaceKey, Sums>,
    hours: FxHashMap<HourKey, Sums>,
}

/// (`YYYY-MM`, place or 0, category, partner).
type PlaceKey = ([u8; 7], Id, Id, Id);
/// (`YYYY-MM`, weekday as `%w`, hour or -1, partner).
type HourKey = ([u8; 7], u8, i8, Id);
/// (reports, total).
type Sums = (i64, i64);

/// The weekday of an ISO date's digits as strftime's `%w` (0 = Sunday), by Sakamoto's
/// method; `None` unless the text is `YYYY-MM-DD`.
fn weekday_of(date: &[u8]) -> Option<u8> {
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        date.get(range)?.iter().try_fold(0i32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0'))
        })
    };
    let (mut y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if !(1..=12).contains(&m) {
        return None;
    }
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    if m < 3 {
        y -= 1;
    }
    Some(((y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d) % 7) as u8)
}

impl MonthDeltas {
    /// Counts one stored report (`date` is `YYYY-MM-DD`, `time` `HH:MM`).
    pub fn add(
        &mut self,
        date: &str,
        time: Option<&str>,
        place: Option<Id>,
        category: Id,
        partner: Id,
        count: u32,
    ) {
        let mut month = [0u8; 7];
        if let Some(head) = date.as_bytes().get(..7) {
            month.copy_from_slice(head);
        }
        let weekday = weekday_of(date.as_bytes()).unwrap_or(0);
        let hour = match time.map(str::as_bytes) {
            Some([h, t, ..]) if h.is_ascii_digit() && t.is_ascii_digit() => {
                ((h - b'0') * 10 + (t - b'0')) as i8
            }
            _ => -1,
        };
        let n = i64::from(count);
        let e = self
            .places
            .entry((month, place.unwrap_or(0), category, partner))
            .or_default();
        e.0 += 1;
        e.1 += n;
        let e = self
            .hours
            .entry((month, weekday, hour, partner))
            .or_default();
        e.0 += 1;
        e.1 += n;
    }
}

/// A trigger taken off for a load, with its `CREATE` statement.
#[derive(Debug, Clone)]
pub struct SuspendedTrigger {
    sql: String,
}

/// Drops the month triggers inside `tx` (they come back on rollback by themselves).
pub fn suspend_triggers(tx: &Transaction) -> Result<Vec<SuspendedTrigger>> {
    let mut out = Vec::new();
    for name in TRIGGERS {
        let sql: Option<String> = tx
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sql) = sql {
            tx.execute_batch(&format!("DROP TRIGGER {name}"))?;
            out.push(SuspendedTrigger { sql });
        }
    }
    Ok(out)
}

/// Adds a load's counts and puts the triggers back, inside the load's transaction.
pub fn resume(tx: &Transaction, deltas: &MonthDeltas, triggers: &[SuspendedTrigger]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO report_month (month, place_id, category_id, partner_id, reports, total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (month, place_id, category_id, partner_id)
         DO UPDATE SET reports = reports + excluded.reports, total = total + excluded.total",
    )?;
    for ((month, place, category, partner), (reports, total)) in &deltas.places {
        let month = String::from_utf8_lossy(month);
        stmt.execute(params![month, place, category, partner, reports, total])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO report_month_hour (month, weekday, hour, partner_id, reports, total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (month, weekday, hour, partner_id)
         DO UPDATE SET reports = reports + excluded.reports, total = total + excluded.total",
    )?;
    for ((month, weekday, hour, partner), (reports, total)) in &deltas.hours {
        let month = String::from_utf8_lossy(month);
        stmt.execute(params![month, weekday, hour, partner, reports, total])?;
    }
    for t in triggers {
        tx.execute_batch(&t.sql)?;
    }
    Ok(())
}

/// Puts suspended triggers back with no counts added (a deletion whose counts stay).
pub fn restore_triggers(tx: &Transaction, triggers: &[SuspendedTrigger]) -> Result<()> {
    for t in triggers {
        tx.execute_batch(&t.sql)?;
    }
    Ok(())
}

/// One month's count for a place (none: unplaced), category and partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub place: Option<Id>,
    pub category: Id,
    pub partner: Id,
    pub reports: u32,
    pub total: u32,
}

/// Calls `each` for every row from month `from` to month `to` (`YYYY-MM`, inclusive).
pub fn for_each_month(
    conn: &Connection,
    from: &str,
    to: &str,
    mut each: impl FnMut(MonthCount),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, place_id, category_id, partner_id, reports, total FROM report_month
         WHERE month BETWEEN ?1 AND ?2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let place: Id = r.get(1)?;
        each(MonthCount {
            month: r.get(0)?,
            place: (place != 0).then_some(place),
            category: r.get(2)?,
            partner: r.get(3)?,
            reports: r.get(4)?,
            total: r.get(5)?,
        });
    }
    Ok(())
}

/// One month's reports for a weekday (0 = Monday), hour (none: untimed) and partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthHourCount {
    pub month: String,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: usize,
    pub hour: Option<usize>,
    pub partner: Id,
    pub reports: u32,
    pub total: u32,
}

/// Calls `each` for every row of `report_month_hour` from month `from` to `to`.
pub fn for_each_month_hour(
    conn: &Connection,
    from: &str,
    to: &str,
    mut each: impl FnMut(MonthHourCount),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, weekday, hour, partner_id, reports, total FROM report_month_hour
         WHERE month BETWEEN ?1 AND ?2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let weekday: i64 = r.get(1)?;
        let hour: i64 = r.get(2)?;
        each(MonthHourCount {
            month: r.get(0)?,
            // Stored as strftime's %w (0 = Sunday).
            weekday: ((weekday + 6) % 7) as usize,
            hour: usize::try_from(hour).ok().filter(|h| *h < 24),
            partner: r.get(3)?,
            reports: r.get(4)?,
            total: r.get(5)?,
        });
    }
    Ok(())
}

/// Rows of `report_month` and `report_month_hour` that differ from a count straight
/// from the reports (both ways): empty when they agree. For tests and `navet` integrity checks.
pub fn disagreements(conn: &Connection) -> Result<Vec<String>> {
    // Months that gallring emptied of raw reports keep their counts on purpose (the
    // aggregates the pictures need): for a category, those before its latest cutoff (or
    // the latest cutoff for all categories); for the hour counts, which have no
    // category, those before any cutoff.
    let mut stmt = conn.prepare(
        "WITH kept AS (
             SELECT c.id AS category_id,
                    substr(max(coalesce((SELECT max(cutoff) FROM retention_run r WHERE r.category_id = c.id), ''),
                               coalesce((SELECT max(cutoff) FROM retention_run r WHERE r.category_id IS NULL), '')), 1, 7) AS before
             FROM category c),
         any_cut AS (SELECT coalesce(substr(max(cutoff), 1, 7), '') AS before FROM retention_run),
         raw AS (
             SELECT substr(occurred_date, 1, 7) AS month, coalesce(place_id, 0) AS place_id,
                    category_id, partner_id, count(*) AS reports, sum(count) AS total
             FROM report GROUP BY 1, 2, 3, 4),
         raw_hour AS (
             SELECT substr(occurred_date, 1, 7) AS month,
                    CAST(strftime('%w', occurred_date) AS INTEGER) AS weekday,
                    coalesce(CAST(substr(occurred_time, 1, 2) AS INTEGER), -1) AS hour,
                    partner_id, count(*) AS reports, sum(count) AS total
             FROM report GROUP BY 1, 2, 3, 4)
         SELECT 'månad saknas eller fel: ' || r.month || ' ' || r.place_id || ' ' || r.category_id || ' ' || r.partner_id
         FROM raw r LEFT JOIN report_month m USING (month, place_id, category_id, partner_id)
         WHERE (m.total IS NOT r.total OR m.reports IS NOT r.reports)
           AND r.month >= coalesce((SELECT before FROM kept k WHERE k.category_id = r.category_id), '')
         UNION ALL
         SELECT 'månad överbliven: ' || m.month || ' ' || m.place_id || ' ' || m.category_id || ' ' || m.partner_id
         FROM report_month m LEFT JOIN raw r USING (month, place_id, category_id, partner_id)
         WHERE r.month IS NULL
           AND m.month >= coalesce((SELECT before FROM kept k WHERE k.category_id = m.category_id), '')
         UNION ALL
         SELECT 'timme saknas eller fel: ' || r.month || ' ' || r.weekday || ' ' || r.hour || ' ' || r.partner_id
         FROM raw_hour r LEFT JOIN report_month_hour m USING (month, weekday, hour, partner_id)
         WHERE (m.total IS NOT r.total OR m.reports IS NOT r.reports)
           AND r.month >= (SELECT before FROM any_cut)
         UNION ALL
         SELECT 'timme överbliven: ' || m.month || ' ' || m.weekday || ' ' || m.hour || ' ' || m.partner_id
         FROM report_month_hour m LEFT JOIN raw_hour r USING (month, weekday, hour, partner_id)
         WHERE r.month IS NULL AND m.month >= (SELECT before FROM any_cut)",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn weekdays_from_digits_agree_with_chrono() {
        let mut day = NaiveDate::from_ymd_opt(1899, 12, 25).unwrap();
        while day.year() < 2101 {
            let text = day.format("%Y-%m-%d").to_string();
            let want = day.weekday().num_days_from_sunday() as u8;
            assert_eq!(super::weekday_of(text.as_bytes()), Some(want), "{text}");
            day = day.succ_opt().unwrap();
        }
        assert_eq!(super::weekday_of(b"2026-13-01"), None);
        assert_eq!(super::weekday_of(b"2026-1-01"), None);
    }
}
