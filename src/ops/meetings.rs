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
        agenda: crate::pii::mask(&new.agenda).0,
        notes: crate::pii::mask(&new.notes).0,
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
    let text = crate::pii::mask(text).0;
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

/// Writes the pack of meeting `meeting_id` to `path` (PDF): the operative one, or the
/// strategic one for a strategic series.
pub fn pack(store: &Store, meeting_id: Id, path: &std::path::Path) -> Result<()> {
    pack_to(store, meeting_id, path, &[])
}

/// The pack with a distribution list: its cover names who it is for, and the export log
/// records it with them.
pub fn pack_to(store: &Store, meeting_id: Id, path: &std::path::Path, to: &[String]) -> Result<()> {
    pack_as(store, meeting_id, path, to, false)
}

/// The pack with a distribution list, as archival PDF/A-2b when `archival`.
pub fn pack_as(
    store: &Store,
    meeting_id: Id,
    path: &std::path::Path,
    to: &[String],
    archival: bool,
) -> Result<()> {
    pack_as_at(store, meeting_id, path, to, archival, crate::time::today())
}

/// [`pack_as`] as made on `today`: the days of the picture that are over, the
/// follow-ups that are late.
pub fn pack_as_at(
    store: &Store,
    meeting_id: Id,
    path: &std::path::Path,
    to: &[String],
    archival: bool,
    today: NaiveDate,
) -> Result<()> {
    let m = meeting::get_meeting(store.conn(), meeting_id)?;
    let previous = meeting::previous_in_series(store.conn(), meeting_id)?;
    pack_for(store, &m, previous, path, to, archival, today)
}

/// The operative series' next meeting, today or later, and the one before it: a meeting
/// already recorded for today or a later day; else the day the series' rhythm gives
/// after its latest meeting, stepped on past the days that went by without one; else,
/// for a series that has not met, today. With no series, a refusal.
pub fn next_meeting(store: &Store, today: NaiveDate) -> Result<(Meeting, Option<Meeting>)> {
    let all = series(store)?;
    let s = all
        .iter()
        .find(|s| s.kind == SeriesKind::Operative)
        .or(all.first())
        .ok_or_else(|| crate::Error::from(crate::messages::Message::NoMeetingSeries))?;
    let meetings: Vec<Meeting> = list(store)?
        .into_iter()
        .filter(|m| m.series == s.name)
        .collect();
    let day = |m: &Meeting| NaiveDate::parse_from_str(&m.date, "%Y-%m-%d").ok();
    // Newest first: the last one dated today or later is the nearest coming meeting.
    if let Some(coming) = meetings
        .iter()
        .rev()
        .find(|m| day(m).is_some_and(|d| d >= today))
    {
        let previous = meeting::previous_in_series(store.conn(), coming.id)?;
        return Ok((coming.clone(), previous));
    }
    let previous = meetings.into_iter().next();
    let step = Duration::days(i64::from(s.interval_days.max(1)));
    let mut date = previous.as_ref().and_then(day).map_or(today, |d| d + step);
    while date < today {
        date += step;
    }
    let m = Meeting {
        id: 0,
        series: s.name.clone(),
        date: date.to_string(),
        agenda: String::new(),
        notes: String::new(),
        attendees: Vec::new(),
        decisions: Vec::new(),
    };
    Ok((m, previous))
}

/// The pack for the next meeting of the operative series ([`next_meeting`]); returns
/// its date.
pub fn pack_next(store: &Store, today: NaiveDate, path: &std::path::Path) -> Result<String> {
    let (m, previous) = next_meeting(store, today)?;
    pack_for(store, &m, previous, path, &[], false, today)?;
    Ok(m.date)
}

fn pack_for(
    store: &Store,
    m: &Meeting,
    previous: Option<Meeting>,
    path: &std::path::Path,
    to: &[String],
    archival: bool,
    today: NaiveDate,
) -> Result<()> {
    let recipients = super::law::distribution(to);
    let document = pack_document(store, m, previous, recipients.as_deref(), today)?;
    // The export log records every pack, with who it is for.
    super::law::deliver(
        store,
        &document,
        path,
        crate::messages::meeting_words::LOG_KIND,
        &serde_json::json!({ "meeting": m.id, "series": m.series, "date": m.date }),
        recipients.as_deref(),
        archival,
    )
}

/// A meeting's pack as a document (the operative or the strategic one, by its series),
/// not yet laid out; `bench pack` times the layout apart.
pub fn pack_document_of(
    store: &Store,
    meeting_id: Id,
) -> Result<crate::export::pdf::doc::Document> {
    let m = meeting::get_meeting(store.conn(), meeting_id)?;
    let previous = meeting::previous_in_series(store.conn(), meeting_id)?;
    pack_document(store, &m, previous, None, crate::time::today())
}

/// The picture a pack shows for the days after `since` up to the meeting: the latest
/// frozen picture whose period ends in those days (as presented, with its statuses,
/// justifications and analysis), else the live picture of the days that are over by
/// `today` (a draft); none when no day of them is over yet.
fn pack_picture(
    store: &Store,
    from: NaiveDate,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Option<crate::picture::Picture>> {
    use crate::picture::{Period, PeriodKind};
    let frozen = crate::picture::snapshot::list_snapshots(store.conn())?
        .into_iter()
        .find(|s| {
            NaiveDate::parse_from_str(&s.to, "%Y-%m-%d").is_ok_and(|to| from <= to && to <= date)
        });
    if let Some(s) = frozen {
        return super::picture::saved(store, s.id).map(Some);
    }
    let to = date.min(today - Duration::days(1));
    if to < from {
        return Ok(None);
    }
    let period = Period {
        from,
        to,
        kind: PeriodKind::Custom,
    };
    super::picture::compute(store, &period).map(Some)
}

fn pack_document(
    store: &Store,
    m: &Meeting,
    previous: Option<Meeting>,
    to: Option<&str>,
    today: NaiveDate,
) -> Result<crate::export::pdf::doc::Document> {
    use crate::db::setting;
    use crate::export::meeting_pack::{self, PackData};
    let conn = store.conn();
    let day = |d: &str| crate::time::parse_date(crate::messages::field::DATE, d);
    let date = day(&m.date)?;
    let series = series(store)?;
    let this_series = series.iter().find(|s| s.name == m.series);
    let interval = this_series.map_or(14, |s| s.interval_days);
    if this_series.is_some_and(|s| s.kind == SeriesKind::Strategic) {
        return strategic_pack(store, m, previous, interval, to);
    }
    let since = previous.as_ref().map(|p| p.date.clone());
    let from = match &since {
        Some(s) => day(s)? + Duration::days(1),
        None => date - Duration::days(i64::from(interval) - 1),
    };
    let picture = pack_picture(store, from.min(date), date, today)?;
    let all = super::insatser::list(store)?;
    let open: Vec<_> = all
        .iter()
        .filter(|i| super::insatser::is_open(i))
        .cloned()
        .collect();
    // Due by the meeting, and late as counted from today.
    let today_text = today.to_string();
    let due: Vec<_> = open
        .iter()
        .filter(|i| {
            i.follow_up
                .as_deref()
                .is_some_and(|f| f <= m.date.as_str() || f < today_text.as_str())
        })
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
    Ok(meeting_pack::document(&PackData {
        to,
        meeting: m,
        municipality: &municipality,
        since: since.as_deref(),
        picture: picture.as_ref(),
        open: &open,
        due: &due,
        today: &today_text,
        decisions: &decisions,
        silent: &silent,
        next: Some(&next),
        created_unix: chrono::Utc::now().timestamp(),
        made: &crate::export::lagesbild::words::local_time(&now),
    }))
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

/// The strategic group's pack: six months per area beside the same months a year
/// earlier, the statuses given, finished insatser with their counts and judged effect,
/// the decisions asked for (agenda lines that begin with "Beslut"), the year's årshjul.
fn strategic_pack(
    store: &Store,
    m: &Meeting,
    previous: Option<Meeting>,
    interval: u32,
    to: Option<&str>,
) -> Result<crate::export::pdf::doc::Document> {
    use crate::db::{picture_queries, report_month, setting};
    use crate::export::meeting_pack::{self, AreaMonths, StrategicData, Wheel};
    use chrono::{Datelike, Months};
    const MONTHS: u32 = 6;
    const WEEKS: u32 = 8;
    let conn = store.conn();
    let date = crate::time::parse_date(crate::messages::field::DATE, &m.date)?;
    let first_month = date
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(MONTHS - 1)))
        .unwrap_or(date);
    let lookups = picture_queries::lookups(conn)?;
    let month_index = |month: &str, start: NaiveDate| -> Option<usize> {
        let y: i32 = month.get(..4)?.parse().ok()?;
        let mo: i32 = month.get(5..7)?.parse().ok()?;
        let i = (y - start.year()) * 12 + mo - start.month() as i32;
        (0..MONTHS as i32).contains(&i).then_some(i as usize)
    };
    let counts = |start: NaiveDate| -> Result<std::collections::HashMap<i64, Vec<u32>>> {
        let end = start
            .checked_add_months(Months::new(MONTHS - 1))
            .unwrap_or(start);
        let mut out: std::collections::HashMap<i64, Vec<u32>> = Default::default();
        report_month::for_each_month(
            conn,
            &start.format("%Y-%m").to_string(),
            &end.format("%Y-%m").to_string(),
            |row| {
                let (Some(i), Some(place)) = (month_index(&row.month, start), row.place) else {
                    return;
                };
                let area = lookups
                    .place_area
                    .get(&place)
                    .copied()
                    .flatten()
                    .unwrap_or(-1);
                out.entry(area).or_insert_with(|| vec![0; MONTHS as usize])[i] += row.total;
            },
        )?;
        Ok(out)
    };
    let this_year = counts(first_month)?;
    let year_start = first_month.checked_sub_months(Months::new(12));
    let reaches = picture_queries::first_report_date(conn)?
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .zip(year_start)
        .is_some_and(|(f, y)| f <= y);
    let year_before = match (reaches, year_start) {
        (true, Some(y)) => Some(counts(y)?),
        _ => None,
    };
    let mut area_ids: Vec<i64> = lookups.area_names.keys().copied().collect();
    area_ids.sort_by_key(|a| lookups.area_names.get(a).cloned().unwrap_or_default());
    let areas = area_ids
        .into_iter()
        .map(|a| AreaMonths {
            area: lookups.area_names.get(&a).cloned().unwrap_or_default(),
            this_year: this_year
                .get(&a)
                .cloned()
                .unwrap_or_else(|| vec![0; MONTHS as usize]),
            year_before: year_before.as_ref().map(|y| {
                y.get(&a)
                    .cloned()
                    .unwrap_or_else(|| vec![0; MONTHS as usize])
            }),
        })
        .collect();
    let months = (0..MONTHS)
        .filter_map(|k| first_month.checked_add_months(Months::new(k)))
        .map(|d| {
            format!(
                "{} {}",
                crate::export::meeting_pack::words::MONTHS[d.month0() as usize],
                d.year()
            )
        })
        .collect();
    let statuses = super::year::status_history(store, None, &first_month.to_string(), &m.date)?;
    let mut finished = Vec::new();
    for i in super::insatser::list(store)? {
        if matches!(i.status, InsatsStatus::Done | InsatsStatus::Cancelled) {
            let e = super::insatser::effect(store, i.id, WEEKS, date)?;
            finished.push((i, e.before.count, e.after.count));
        }
    }
    let asked = m
        .agenda
        .lines()
        .map(str::trim)
        .filter(|l| crate::names::key(l).starts_with("beslut"))
        .map(str::to_string)
        .collect();
    let w = super::year::wheel(store, date.year())?;
    let municipality = setting::get_setting(conn, setting::MUNICIPALITY)?.unwrap_or_default();
    let next = (date + Duration::days(i64::from(interval))).to_string();
    let now = crate::db::now();
    Ok(meeting_pack::strategic_document(&StrategicData {
        to,
        meeting: m,
        municipality: &municipality,
        since: previous.as_ref().map(|p| p.date.as_str()),
        months,
        areas,
        statuses: &statuses,
        finished,
        weeks: WEEKS,
        asked,
        wheel: Wheel {
            year: w.year,
            rows: w
                .rows
                .into_iter()
                .map(|r| (r.category, r.months, r.total))
                .collect(),
            totals: w.totals,
        },
        next: Some(&next),
        created_unix: chrono::Utc::now().timestamp(),
        made: &crate::export::lagesbild::words::local_time(&now),
    }))
}
