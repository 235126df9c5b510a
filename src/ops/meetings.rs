//! Meeting series and meetings: record who met and what they decided (a decision can
//! create an insats or change one's status), know the next meeting of each series, and
//! make the operative group's meeting pack.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::Store;
use crate::db::insats::{self, InsatsStatus, NewInsats};
use crate::db::meeting::{self, Meeting, NewMeeting, Series, SeriesKind};
use crate::error::Result;
use crate::ids::Id;

pub fn series(store: &Store) -> Result<Vec<Series>> {
    meeting::list_series(store.conn())
}

pub fn add_series(
    store: &mut Store,
    name: &str,
    kind: SeriesKind,
    interval_days: u32,
) -> Result<Id> {
    store.write(|tx| meeting::insert_series(tx, name, kind, interval_days))
}

pub fn add(store: &mut Store, new: &NewMeeting) -> Result<Meeting> {
    let masked = NewMeeting {
        agenda: crate::import::pii::mask(&new.agenda).0,
        notes: crate::import::pii::mask(&new.notes).0,
        ..new.clone()
    };
    store.write(|tx| {
        let id = meeting::insert_meeting(tx, &masked)?;
        meeting::get_meeting(tx, id)
    })
}

pub fn list(store: &Store) -> Result<Vec<Meeting>> {
    meeting::list_meetings(store.conn())
}

pub fn get(store: &Store, id: Id) -> Result<Meeting> {
    meeting::get_meeting(store.conn(), id)
}

/// What a decision does besides being recorded.
#[derive(Debug, Clone, Default)]
pub struct DecisionEffect {
    /// A new insats, decided at this meeting.
    pub new_insats: Option<NewInsats>,
    /// An existing insats's new status.
    pub change: Option<(Id, InsatsStatus)>,
}

/// Records a decision; a new insats it creates names the meeting where it was decided.
pub fn decide(
    store: &mut Store,
    meeting_id: Id,
    text: &str,
    effect: DecisionEffect,
) -> Result<Meeting> {
    let text = crate::import::pii::mask(text).0;
    store.write(|tx| {
        let m = meeting::get_meeting(tx, meeting_id)?;
        let insats_id = match (&effect.new_insats, effect.change) {
            (Some(n), _) => Some(insats::insert_insats(
                tx,
                &NewInsats {
                    meeting: Some(meeting_id),
                    decided_in: if n.decided_in.trim().is_empty() {
                        crate::messages::meeting_words::decided_at(&m.series, &m.date)
                    } else {
                        n.decided_in.clone()
                    },
                    ..n.clone()
                },
            )?),
            (None, Some((id, status))) => {
                insats::update_status(tx, id, status)?;
                Some(id)
            }
            (None, None) => None,
        };
        meeting::insert_decision(tx, meeting_id, &text, insats_id)?;
        meeting::get_meeting(tx, meeting_id)
    })
}

/// The next meeting of a series: its interval after the latest one held, or none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NextMeeting {
    pub series: String,
    pub date: Option<String>,
    /// The date has passed and no meeting was recorded.
    pub overdue: bool,
}

pub fn next(store: &Store, today: NaiveDate) -> Result<Vec<NextMeeting>> {
    Ok(series(store)?
        .into_iter()
        .map(|s| {
            let date = s
                .last
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| d + Duration::days(i64::from(s.interval_days)));
            NextMeeting {
                series: s.name,
                date: date.map(|d| d.to_string()),
                overdue: date.is_some_and(|d| d < today),
            }
        })
        .collect())
}

/// Writes the operative meeting pack of `meeting_id` to `path` (PDF) and logs it.
pub fn pack(store: &Store, meeting_id: Id, path: &std::path::Path) -> Result<()> {
    use crate::db::setting;
    use crate::export::meeting_pack::{self, PackData};
    use crate::picture::{Period, PeriodKind};
    let conn = store.conn();
    let m = meeting::get_meeting(conn, meeting_id)?;
    let day = |d: &str| crate::time::parse_date(crate::messages::field::DATE, d);
    let date = day(&m.date)?;
    let series = series(store)?;
    let interval = series
        .iter()
        .find(|s| s.name == m.series)
        .map_or(14, |s| s.interval_days);
    let previous = meeting::previous_in_series(conn, meeting_id)?;
    let since = previous.as_ref().map(|p| p.date.clone());
    let from = match &since {
        Some(s) => day(s)? + Duration::days(1),
        None => date - Duration::days(i64::from(interval) - 1),
    };
    let period = Period {
        from: from.min(date),
        to: date,
        kind: PeriodKind::Custom,
    };
    let picture = super::picture::compute(store, &period)?;
    let all = super::insatser::list(store)?;
    let open: Vec<_> = all
        .iter()
        .filter(|i| super::insatser::is_open(i))
        .cloned()
        .collect();
    let due: Vec<_> = open
        .iter()
        .filter(|i| i.follow_up.as_deref().is_some_and(|f| f <= m.date.as_str()))
        .cloned()
        .collect();
    let since_exclusive = match &since {
        Some(s) => (day(s)? - Duration::days(1)).to_string(),
        None => (date - Duration::days(i64::from(interval))).to_string(),
    };
    let until = (date - Duration::days(1)).to_string();
    let decisions = meeting::decisions_between(conn, &m.series, &since_exclusive, &until)?;
    let silent =
        meeting::partners_silent_since(conn, since.as_deref().unwrap_or(&from.to_string()))?;
    let next = (date + Duration::days(i64::from(interval))).to_string();
    let municipality = setting::get_setting(conn, setting::MUNICIPALITY)?.unwrap_or_default();
    let now = crate::db::now();
    let document = meeting_pack::document(&PackData {
        meeting: &m,
        municipality: &municipality,
        since: since.as_deref(),
        picture: &picture,
        open: &open,
        due: &due,
        decisions: &decisions,
        silent: &silent,
        next: Some(&next),
        created_unix: chrono::Utc::now().timestamp(),
        made: &crate::export::lagesbild::words::local_time(&now),
    });
    let bytes = crate::export::pdf::render(&document)?;
    crate::export::write_atomically(path, &bytes)
}

/// What a meeting pack's file is called: "mötesunderlag-operativ-grupp-2026-11-16.pdf".
pub fn pack_file_name(store: &Store, meeting_id: Id) -> Result<String> {
    let m = meeting::get_meeting(store.conn(), meeting_id)?;
    Ok(format!(
        "{}.pdf",
        crate::export::meeting_pack::words::title(&m.series, &m.date)
            .replace(": ", "-")
            .replace(' ', "-")
            .to_lowercase()
    ))
}
