//! Insatser: from a problem in the picture to a follow-up, with the counts before and
//! after for the insats's places and category over equal windows around its start, and
//! the same windows a year earlier where the data reaches (the season).

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::Store;
use crate::db::insats::{self, Effect, Insats, InsatsStatus, NewInsats};
use crate::db::picture_queries;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::field;

/// The free texts with personal data masked, as everywhere text enters.
fn masked(new: &NewInsats) -> NewInsats {
    let mask = |t: &str| crate::pii::mask(&crate::names::clean_text(t)).0;
    NewInsats {
        title: mask(&new.title),
        description: mask(&new.description),
        cause: mask(&new.cause),
        contact: mask(&new.contact),
        decided_in: mask(&new.decided_in),
        ..new.clone()
    }
}

pub fn add(store: &mut Store, new: &NewInsats) -> Result<Insats> {
    let new = masked(new);
    store.write(|tx| {
        let id = insats::insert_insats(tx, &new)?;
        insats::get_insats(tx, id)
    })
}

/// Changes an insats after the fact (title, problem, owners, dates; the status if
/// given); its follow-ups and the meeting that decided it stay.
pub fn edit(store: &mut Store, id: Id, new: &NewInsats) -> Result<Insats> {
    let new = masked(new);
    store.write(|tx| {
        insats::update_insats(tx, id, &new)?;
        insats::get_insats(tx, id)
    })
}

pub fn list(store: &Store) -> Result<Vec<Insats>> {
    insats::list_insatser(store.conn())
}

pub fn get(store: &Store, id: Id) -> Result<Insats> {
    insats::get_insats(store.conn(), id)
}

/// Whether an insats is still under way (planned or ongoing).
pub fn is_open(i: &Insats) -> bool {
    matches!(i.status, InsatsStatus::Planned | InsatsStatus::Ongoing)
}

/// Open insatser whose follow-up date is on or before `day`: the ones due.
pub fn due(store: &Store, day: NaiveDate) -> Result<Vec<Insats>> {
    let day = day.to_string();
    Ok(list(store)?
        .into_iter()
        .filter(|i| is_open(i) && i.follow_up.as_deref().is_some_and(|f| f <= day.as_str()))
        .collect())
}

pub fn set_status(store: &mut Store, id: Id, status: InsatsStatus) -> Result<Insats> {
    store.write(|tx| {
        insats::update_status(tx, id, status)?;
        insats::get_insats(tx, id)
    })
}

/// Sets the next follow-up date (none: no more planned).
pub fn set_follow_up_date(store: &mut Store, id: Id, next: Option<&str>) -> Result<Insats> {
    store.write(|tx| {
        insats::update_follow_up_date(tx, id, next)?;
        insats::get_insats(tx, id)
    })
}

/// Records a follow-up and sets the next follow-up date (none: no more planned).
pub fn follow_up(
    store: &mut Store,
    id: Id,
    date: &str,
    text: &str,
    effect: Effect,
    next: Option<&str>,
) -> Result<Insats> {
    let text = crate::pii::mask(text).0;
    store.write(|tx| {
        insats::insert_follow_up(tx, id, date, &text, effect)?;
        insats::update_follow_up_date(tx, id, next)?;
        insats::get_insats(tx, id)
    })
}

/// A window of days and the reports in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Window {
    pub from: String,
    pub to: String,
    pub count: u32,
}

/// Before and after an insats's start, and a year earlier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EffectCounts {
    pub weeks: u32,
    pub before: Window,
    pub after: Window,
    /// The same two windows a year earlier, when the reports reach back that far.
    pub year_before: Option<(Window, Window)>,
    /// The after-window reaches past today: its count is not complete.
    pub after_incomplete: bool,
}

/// Counts before and after an insats's start over `weeks` weeks each (the start day in
/// the after window), and the same a year earlier where data exists.
pub fn effect(store: &Store, id: Id, weeks: u32, today: NaiveDate) -> Result<EffectCounts> {
    let conn = store.conn();
    let i = insats::get_insats(conn, id)?;
    let target = insats::target(conn, id)?;
    let start = crate::time::parse_date(field::START, &i.start)?;
    let span = Duration::weeks(i64::from(weeks.clamp(1, 104)));
    let window = |from: NaiveDate, to: NaiveDate| -> Result<Window> {
        Ok(Window {
            from: from.to_string(),
            to: to.to_string(),
            count: insats::count_for(conn, &target, &from.to_string(), &to.to_string())?,
        })
    };
    let one_day = Duration::days(1);
    let before = window(start - span, start - one_day)?;
    let after_end = start + span - one_day;
    let after = window(start, after_end)?;
    let first = picture_queries::first_report_date(conn)?
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let year = |d: NaiveDate| d.checked_sub_months(chrono::Months::new(12));
    let year_before = match (year(start - span), year(start), year(after_end), first) {
        (Some(b0), Some(s0), Some(a1), Some(f)) if f <= b0 => {
            Some((window(b0, s0 - one_day)?, window(s0, a1)?))
        }
        _ => None,
    };
    Ok(EffectCounts {
        weeks: weeks.clamp(1, 104),
        before,
        after,
        year_before,
        after_incomplete: after_end > today,
    })
}
