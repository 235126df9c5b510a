//! The year: every status an area was given, and the årshjul (categories by month) for
//! the strategic group.

use serde::Serialize;
use ts_rs::TS;

use crate::Store;
use crate::db::area_status::{self, StatusEntry};
use crate::db::{picture_queries, report_month};
use crate::error::Result;

/// The statuses given to one area (or every area) for periods touching `from`..=`to`.
pub fn status_history(
    store: &Store,
    area: Option<&str>,
    from: &str,
    to: &str,
) -> Result<Vec<StatusEntry>> {
    area_status::list(
        store.conn(),
        area.map(str::trim).filter(|a| !a.is_empty()),
        from,
        to,
    )
}

/// One category's counts per month of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WheelRow {
    pub category: String,
    /// January first.
    pub months: Vec<u32>,
    pub total: u32,
}

/// The årshjul: every category by month of one year, and the months' totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Wheel {
    pub year: i32,
    pub rows: Vec<WheelRow>,
    pub totals: Vec<u32>,
}

pub fn wheel(store: &Store, year: i32) -> Result<Wheel> {
    let conn = store.conn();
    let lookups = picture_queries::lookups(conn)?;
    let mut by_category: std::collections::HashMap<i64, Vec<u32>> = Default::default();
    let mut totals = vec![0u32; 12];
    report_month::for_each_month(
        conn,
        &format!("{year:04}-01"),
        &format!("{year:04}-12"),
        |row| {
            let Some(m) = row.month.get(5..7).and_then(|m| m.parse::<usize>().ok()) else {
                return;
            };
            if !(1..=12).contains(&m) {
                return;
            }
            by_category
                .entry(row.category)
                .or_insert_with(|| vec![0; 12])[m - 1] += row.total;
            totals[m - 1] += row.total;
        },
    )?;
    let mut ids: Vec<i64> = by_category.keys().copied().collect();
    ids.sort_by_key(|c| (lookups.category_order.get(c).copied().unwrap_or(0), *c));
    let rows = ids
        .into_iter()
        .map(|c| {
            let months = by_category.remove(&c).unwrap_or_default();
            WheelRow {
                category: lookups.category_names.get(&c).cloned().unwrap_or_default(),
                total: months.iter().sum(),
                months,
            }
        })
        .collect();
    Ok(Wheel { year, rows, totals })
}
