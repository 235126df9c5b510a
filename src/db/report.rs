//! Reports (rapporter): one observation from one partner.
//!
//! Reports are entered and filtered by the names users see (place, category,
//! partner); this module resolves them to ids and keeps the text as typed in the
//! source columns, so nothing a user or partner wrote is lost.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{category, named, partner, place};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, field};
use crate::time::{parse_date, parse_time};

/// A stored report as the UI and `report list --json` show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Report {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    /// ISO 8601 local time (Europe/Stockholm wall clock): `2026-11-18T21:30` or, with no time, `2026-11-18`.
    pub occurred_at: String,
    pub occurred_date: String,
    pub occurred_time: Option<String>,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub place_id: Option<Id>,
    /// None when the report is unplaced.
    pub place: Option<String>,
    pub area: Option<String>,
    pub category: String,
    pub partner: String,
    pub count: u32,
    /// The reporter's own assessment (e.g. how serious), as given.
    pub assessment: Option<String>,
    pub text: String,
    /// The place text as the source gave it.
    pub source_place: Option<String>,
    /// The category label as the source gave it.
    pub source_category: Option<String>,
    pub external_id: Option<String>,
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub import_batch: Option<Id>,
    pub created_at: String,
    pub updated_at: String,
}

/// A report to add, by the names the user sees.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewReport {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, optional.
    #[ts(optional)]
    pub time: Option<String>,
    /// A place name or alias; empty or absent means unplaced.
    #[ts(optional)]
    pub place: Option<String>,
    pub category: String,
    pub partner: String,
    /// At least 1; absent means 1.
    #[ts(optional)]
    pub count: Option<u32>,
    #[ts(optional)]
    pub assessment: Option<String>,
    #[ts(optional)]
    pub text: Option<String>,
}

impl From<&Report> for NewReport {
    /// The form filled in with a stored report (to edit it).
    fn from(r: &Report) -> Self {
        NewReport {
            date: r.occurred_date.clone(),
            time: r.occurred_time.clone(),
            place: r.place.clone(),
            category: r.category.clone(),
            partner: r.partner.clone(),
            count: Some(r.count),
            assessment: r.assessment.clone(),
            text: Some(r.text.clone()),
        }
    }
}

/// Which reports to list; every field is optional and they combine with AND.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportFilter {
    /// First day, inclusive, `YYYY-MM-DD`.
    #[ts(optional)]
    pub from: Option<String>,
    /// Last day, inclusive, `YYYY-MM-DD`.
    #[ts(optional)]
    pub to: Option<String>,
    #[ts(optional)]
    pub place: Option<String>,
    #[ts(optional)]
    pub area: Option<String>,
    #[ts(optional)]
    pub category: Option<String>,
    #[ts(optional)]
    pub partner: Option<String>,
    /// Words to find in what the partner wrote (description, place text); every word
    /// must occur, each as the start of a word ("klott" finds "klotter").
    #[ts(optional)]
    pub search: Option<String>,
    /// Only the reports of this import.
    #[serde(default, with = "crate::ids::option_string")]
    #[ts(optional, type = "string")]
    pub batch: Option<Id>,
    /// The order; newest first when none is given.
    #[ts(optional)]
    pub sort: Option<ReportSort>,
    /// At most this many.
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Skip this many first (the register's pages).
    #[ts(optional)]
    pub offset: Option<u32>,
}

/// How a list of reports is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReportSort {
    #[default]
    Newest,
    Oldest,
    Place,
    Area,
    Category,
    Partner,
    Count,
}

impl ReportSort {
    /// The word for a sort, in English or Swedish (`newest`, `nyast`, `plats`, …).
    pub fn parse(word: &str) -> Option<ReportSort> {
        Some(match crate::names::key(word).as_str() {
            "newest" | "nyast" | "nyaste" => ReportSort::Newest,
            "oldest" | "äldst" | "äldsta" => ReportSort::Oldest,
            "place" | "plats" => ReportSort::Place,
            "area" | "område" => ReportSort::Area,
            "category" | "kategori" => ReportSort::Category,
            "partner" | "aktör" => ReportSort::Partner,
            "count" | "antal" => ReportSort::Count,
            _ => return None,
        })
    }

    /// The ORDER BY of this sort; every one ends in the date, newest first, and the id.
    fn order_by(self) -> &'static str {
        match self {
            ReportSort::Newest => "r.occurred_date DESC, r.occurred_time DESC, r.id DESC",
            ReportSort::Oldest => "r.occurred_date, r.occurred_time, r.id",
            ReportSort::Place => {
                "coalesce(p.name_key, lower(r.source_place)), r.occurred_date DESC, r.id DESC"
            }
            ReportSort::Area => "a.name_key, r.occurred_date DESC, r.id DESC",
            ReportSort::Category => "c.name_key, r.occurred_date DESC, r.id DESC",
            ReportSort::Partner => "pa.name_key, r.occurred_date DESC, r.id DESC",
            ReportSort::Count => "r.count DESC, r.occurred_date DESC, r.id DESC",
        }
    }
}

/// The words typed into a search as an FTS5 query: each word quoted (so nothing typed
/// is read as query syntax) and matched as a prefix; all words must occur.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A page of reports and how many matched in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportPage {
    pub reports: Vec<Report>,
    pub total: u32,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A report with every name already resolved: what the form, the importer and the
/// demo generator all end up writing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRecord {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub place_id: Option<Id>,
    pub category_id: Id,
    pub partner_id: Id,
    pub count: u32,
    pub assessment: Option<String>,
    pub text: String,
    pub source_place: Option<String>,
    pub source_category: Option<String>,
    pub import_batch_id: Option<Id>,
    pub external_id: Option<String>,
}

/// Validates and stores one report typed by a user; returns its id.
pub fn insert_report(tx: &Transaction, new: &NewReport) -> Result<Id> {
    insert_record(tx, &resolve(tx, new)?)
}

/// Changes a report to what the form says. The partner's own place and category texts
/// (`source_place`, `source_category`) and the import it came from stay as they were:
/// nothing a partner sent is lost by an edit.
pub fn update_report(tx: &Transaction, id: Id, new: &NewReport) -> Result<()> {
    let r = resolve(tx, new)?;
    let changed = tx.execute(
        "UPDATE report SET occurred_date = ?1, occurred_time = ?2, place_id = ?3,
                category_id = ?4, partner_id = ?5, count = ?6, assessment = ?7, text = ?8,
                updated_at = ?9
         WHERE id = ?10",
        params![
            r.date.format("%Y-%m-%d").to_string(),
            r.time.map(|t| t.format("%H:%M").to_string()),
            r.place_id,
            r.category_id,
            r.partner_id,
            r.count,
            r.assessment,
            r.text,
            super::now(),
            id
        ],
    )?;
    if changed == 0 {
        return Err(Message::ReportNotFound { id }.into());
    }
    Ok(())
}

/// Deletes one report (a confirmed pair it belongs to goes with it).
pub fn delete_report(tx: &Transaction, id: Id) -> Result<()> {
    if tx.execute("DELETE FROM report WHERE id = ?1", [id])? == 0 {
        return Err(Message::ReportNotFound { id }.into());
    }
    Ok(())
}

/// The form's names and texts checked and resolved to ids.
fn resolve(tx: &Transaction, new: &NewReport) -> Result<ReportRecord> {
    let date = parse_date(field::DATE, &new.date)?;
    let time = non_empty(&new.time)
        .map(|t| parse_time(field::TIME, t))
        .transpose()?;
    let place_text = non_empty(&new.place);
    let place_id = place_text.map(|p| place::get_place_id(tx, p)).transpose()?;
    let category_id = category::get_category_id(tx, &new.category)?;
    let partner_id = partner::get_partner_id(tx, &new.partner)?;
    let count = new.count.unwrap_or(1);
    if count == 0 || count > MAX_COUNT {
        return Err(Message::InvalidCount {
            field: field::COUNT.to_string(),
            value: count.to_string(),
        }
        .into());
    }
    Ok(ReportRecord {
        date,
        time,
        place_id,
        category_id,
        partner_id,
        count,
        assessment: non_empty(&new.assessment).map(str::to_string),
        text: new.text.as_deref().map(str::trim).unwrap_or("").to_string(),
        source_place: place_text.map(str::to_string),
        source_category: Some(new.category.trim().to_string()),
        import_batch_id: None,
        external_id: None,
    })
}

/// A stored report with its ids, as the history keeps it (and a restore writes back).
pub fn get_record(conn: &Connection, id: Id) -> Result<ReportRecord> {
    conn.query_row(
        "SELECT occurred_date, occurred_time, place_id, category_id, partner_id, count,
                assessment, text, source_place, source_category, import_batch_id, external_id
         FROM report WHERE id = ?1",
        [id],
        |r| {
            let date: String = r.get(0)?;
            let time: Option<String> = r.get(1)?;
            Ok(ReportRecord {
                date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
                time: time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()),
                place_id: r.get(2)?,
                category_id: r.get(3)?,
                partner_id: r.get(4)?,
                count: r.get(5)?,
                assessment: r.get(6)?,
                text: r.get(7)?,
                source_place: r.get(8)?,
                source_category: r.get(9)?,
                import_batch_id: r.get(10)?,
                external_id: r.get(11)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Message::ReportNotFound { id }.into())
}

/// The largest count one report may carry; more is surely a typo.
pub const MAX_COUNT: u32 = 100_000;

/// Stores a resolved report; returns its id.
pub fn insert_record(tx: &Transaction, r: &ReportRecord) -> Result<Id> {
    let date = r.date.format("%Y-%m-%d").to_string();
    let time = r.time.map(|t| t.format("%H:%M").to_string());
    let mut inserter = Inserter::new(tx)?;
    inserter.insert(&ReportRow {
        date: &date,
        time: time.as_deref(),
        place_id: r.place_id,
        category_id: r.category_id,
        partner_id: r.partner_id,
        count: r.count,
        assessment: r.assessment.as_deref(),
        text: &r.text,
        source_place: r.source_place.as_deref(),
        source_category: r.source_category.as_deref(),
        import_batch_id: r.import_batch_id,
        external_id: r.external_id.as_deref(),
        row_key: None,
        flagged: false,
    })?;
    Ok(tx.last_insert_rowid())
}

/// One report as it goes into the table, dates and times already written out
/// (`YYYY-MM-DD`, `HH:MM`): what [`Inserter`] takes from the form, the importer and
/// the benchmarks alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportRow<'a> {
    pub date: &'a str,
    pub time: Option<&'a str>,
    pub place_id: Option<Id>,
    pub category_id: Id,
    pub partner_id: Id,
    pub count: u32,
    pub assessment: Option<&'a str>,
    pub text: &'a str,
    pub source_place: Option<&'a str>,
    pub source_category: Option<&'a str>,
    pub import_batch_id: Option<Id>,
    pub external_id: Option<&'a str>,
    /// The duplicate key of an imported row (see `crate::import::rowkey`).
    pub row_key: Option<&'a [u8]>,
    pub flagged: bool,
}

/// The one way reports are written: a prepared insert that skips a row whose
/// duplicate key is already stored. The conflict target is left implicit because a
/// bulk load drops the unique index on `row_key` and checks keys in memory meanwhile;
/// `DO NOTHING` (unlike `INSERT OR IGNORE`) still fails on any other broken constraint.
pub struct Inserter<'t> {
    stmt: rusqlite::CachedStatement<'t>,
    now: String,
}

impl<'t> Inserter<'t> {
    pub fn new(tx: &'t Transaction<'t>) -> Result<Inserter<'t>> {
        Ok(Inserter {
            stmt: tx.prepare_cached(
                "INSERT INTO report (occurred_date, occurred_time, place_id, category_id, partner_id,
                     count, assessment, text, source_place, source_category, import_batch_id,
                     external_id, row_key, flagged, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
                 ON CONFLICT DO NOTHING",
            )?,
            now: super::now(),
        })
    }

    /// Stores a row; `false` when its duplicate key was already there.
    pub fn insert(&mut self, r: &ReportRow) -> Result<bool> {
        let n = self.stmt.execute(params![
            r.date,
            r.time,
            r.place_id,
            r.category_id,
            r.partner_id,
            r.count,
            r.assessment,
            r.text,
            r.source_place,
            r.source_category,
            r.import_batch_id,
            r.external_id,
            r.row_key,
            r.flagged,
            self.now,
        ])?;
        Ok(n == 1)
    }
}

/// Every duplicate key already stored (for a bulk load, which checks them in memory).
pub fn for_each_row_key(conn: &Connection, mut each: impl FnMut(&[u8])) -> Result<()> {
    let mut stmt = conn.prepare("SELECT row_key FROM report WHERE row_key IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let rusqlite::types::ValueRef::Blob(b) = r.get_ref(0)? {
            each(b);
        }
    }
    Ok(())
}

const SELECT: &str = "
    SELECT r.id, r.occurred_date, r.occurred_time, r.place_id, p.name, a.name, c.name, pa.name,
           r.count, r.assessment, r.text, r.source_place, r.source_category, r.external_id,
           r.import_batch_id, r.created_at, r.updated_at
    FROM report r
    JOIN category c ON c.id = r.category_id
    JOIN partner pa ON pa.id = r.partner_id
    LEFT JOIN place p ON p.id = r.place_id
    LEFT JOIN area a ON a.id = p.area_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Report> {
    let date: String = r.get(1)?;
    let time: Option<String> = r.get(2)?;
    Ok(Report {
        id: r.get(0)?,
        occurred_at: match &time {
            Some(t) => format!("{date}T{t}"),
            None => date.clone(),
        },
        occurred_date: date,
        occurred_time: time,
        place_id: r.get(3)?,
        place: r.get(4)?,
        area: r.get(5)?,
        category: r.get(6)?,
        partner: r.get(7)?,
        count: r.get(8)?,
        assessment: r.get(9)?,
        text: r.get(10)?,
        source_place: r.get(11)?,
        source_category: r.get(12)?,
        external_id: r.get(13)?,
        import_batch: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

/// The WHERE clause and its parameters for a filter; names are resolved (unknown
/// names are errors with suggestions, so a typo never silently shows nothing).
fn where_clause(conn: &Connection, f: &ReportFilter) -> Result<(String, Vec<Value>)> {
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let from = non_empty(&f.from)
        .map(|d| parse_date(field::FROM, d))
        .transpose()?;
    let to = non_empty(&f.to)
        .map(|d| parse_date(field::TO, d))
        .transpose()?;
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        return Err(Message::DateRange {
            from: a.to_string(),
            to: b.to_string(),
        }
        .into());
    }
    if let Some(d) = from {
        clauses.push("r.occurred_date >= ?");
        values.push(Value::Text(d.format("%Y-%m-%d").to_string()));
    }
    if let Some(d) = to {
        clauses.push("r.occurred_date <= ?");
        values.push(Value::Text(d.format("%Y-%m-%d").to_string()));
    }
    if let Some(p) = non_empty(&f.place) {
        clauses.push("r.place_id = ?");
        values.push(Value::Integer(place::get_place_id(conn, p)?));
    }
    if let Some(a) = non_empty(&f.area) {
        clauses.push("p.area_id = ?");
        values.push(Value::Integer(named::get_id(
            conn,
            Kind::Area,
            field::AREA,
            a,
        )?));
    }
    if let Some(c) = non_empty(&f.category) {
        clauses.push("r.category_id = ?");
        values.push(Value::Integer(category::get_category_id(conn, c)?));
    }
    if let Some(p) = non_empty(&f.partner) {
        clauses.push("r.partner_id = ?");
        values.push(Value::Integer(partner::get_partner_id(conn, p)?));
    }
    if let Some(q) = non_empty(&f.search).and_then(fts_query) {
        clauses.push("r.id IN (SELECT rowid FROM report_fts WHERE report_fts MATCH ?)");
        values.push(Value::Text(q));
    }
    if let Some(b) = f.batch {
        clauses.push("r.import_batch_id = ?");
        values.push(Value::Integer(b));
    }
    let sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", clauses.join(" AND "))
    };
    Ok((sql, values))
}

/// Checks a filter as listing would (dates, and names resolved with suggestions)
/// without reading any report.
pub fn check_filter(conn: &Connection, f: &ReportFilter) -> Result<()> {
    where_clause(conn, f).map(|_| ())
}

/// Reports matching the filter, newest first (by when they happened), with the total.
pub fn list_reports(conn: &Connection, f: &ReportFilter) -> Result<ReportPage> {
    let (clause, mut values) = where_clause(conn, f)?;
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM report r LEFT JOIN place p ON p.id = r.place_id{clause}"),
        params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let order = f.sort.unwrap_or_default().order_by();
    let paged = f.limit.is_some() || f.offset.is_some();
    let sql = if paged && f.sort.is_some_and(|s| s != ReportSort::Newest) {
        // A page of another order: sort the narrow rows (key and id) first, then read
        // the page's hundred whole rows; sorting every whole row took 440 ms at 100,000.
        values.push(Value::Integer(f.limit.map_or(-1, i64::from)));
        values.push(Value::Integer(f.offset.map_or(0, i64::from)));
        format!(
            "{SELECT} WHERE r.id IN (SELECT r.id FROM report r
                 JOIN category c ON c.id = r.category_id
                 JOIN partner pa ON pa.id = r.partner_id
                 LEFT JOIN place p ON p.id = r.place_id
                 LEFT JOIN area a ON a.id = p.area_id{clause}
                 ORDER BY {order} LIMIT ? OFFSET ?)
             ORDER BY {order}"
        )
    } else {
        let mut sql = format!("{SELECT}{clause} ORDER BY {order}");
        if paged {
            sql.push_str(" LIMIT ? OFFSET ?");
            values.push(Value::Integer(f.limit.map_or(-1, i64::from)));
            values.push(Value::Integer(f.offset.map_or(0, i64::from)));
        }
        sql
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values.iter()), from_row)?;
    Ok(ReportPage {
        reports: rows.collect::<rusqlite::Result<_>>()?,
        total,
    })
}

/// One report by id.
pub fn get_report(conn: &Connection, id: Id) -> Result<Report> {
    Ok(conn.query_row(&format!("{SELECT} WHERE r.id = ?1"), [id], from_row)?)
}

pub fn count_reports(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM report", [], |r| r.get(0))?)
}
