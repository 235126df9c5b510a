//! Gallring: raw reports older than N whole months deleted on request (for all
//! categories, or one: categories can keep their reports for different times), their
//! counts kept as the aggregates that baselines, the year before, the årshjul and the
//! strategic pack read; frozen pictures are whole copies and do not change. Every run
//! is logged. Backups keep what they hold until they rotate out.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::Store;
use crate::db::named;
use crate::db::retention::{self, RetentionRun};
use crate::error::Result;
use crate::messages::{Kind, Message, field};

/// What a gallring would remove.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionPreview {
    /// Reports that happened before this day go.
    pub cutoff: String,
    pub category: Option<String>,
    pub reports: u32,
}

/// The first day of the month `months` whole months before this one.
pub fn cutoff(today: NaiveDate, months: u32) -> Result<NaiveDate> {
    if months == 0 {
        return Err(Message::Required {
            field: crate::messages::retention::MONTHS.into(),
        }
        .into());
    }
    today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(months)))
        .ok_or_else(|| {
            Message::InvalidDate {
                field: field::DATE.into(),
                value: today.to_string(),
            }
            .into()
        })
}

fn category_id(store: &Store, category: Option<&str>) -> Result<Option<crate::ids::Id>> {
    category
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| named::get_id(store.conn(), Kind::Category, field::CATEGORY, c))
        .transpose()
}

pub fn preview(
    store: &Store,
    months: u32,
    category: Option<&str>,
    today: NaiveDate,
) -> Result<RetentionPreview> {
    let cutoff = cutoff(today, months)?.to_string();
    let id = category_id(store, category)?;
    Ok(RetentionPreview {
        reports: retention::count(store.conn(), &cutoff, id)?,
        cutoff,
        category: category
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(Into::into),
    })
}

pub fn run(
    store: &mut Store,
    months: u32,
    category: Option<&str>,
    today: NaiveDate,
) -> Result<RetentionRun> {
    let cutoff = cutoff(today, months)?.to_string();
    let id = category_id(store, category)?;
    store.write(|tx| retention::run(tx, &cutoff, id))
}

pub fn log(store: &Store) -> Result<Vec<RetentionRun>> {
    retention::list(store.conn())
}
