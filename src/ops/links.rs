//! One incident, counted once: pairs of reports from two partners about the same
//! incident, proposed by Navet and confirmed or rejected by the coordinator.

use crate::Store;
use crate::db::report_link::{self, Link, LinkStatus};
use crate::error::Result;
use crate::ids::Id;
use crate::picture::Period;

/// How far apart in time two reports of one incident may be, by default, in minutes.
pub const DEFAULT_WINDOW_MINUTES: u32 = 120;

/// Proposes pairs in the period (see [`report_link::insert_suggestions`]); returns how
/// many are new.
pub fn suggest(store: &mut Store, period: &Period, window_minutes: u32) -> Result<u32> {
    store.write(|tx| {
        report_link::insert_suggestions(
            tx,
            &period.from.to_string(),
            &period.to.to_string(),
            window_minutes,
        )
    })
}

/// How far back the app's "search for pairs" looks, in weeks.
pub const RECENT_WEEKS: u64 = 8;

/// Proposes pairs over the [`RECENT_WEEKS`] up to `today`, with the default window.
pub fn suggest_recent(store: &mut Store, today: chrono::NaiveDate) -> Result<u32> {
    let from = today - chrono::Days::new(RECENT_WEEKS * 7);
    suggest(store, &Period::range(from, today)?, DEFAULT_WINDOW_MINUTES)
}

/// Pairs with this status, or all.
pub fn list(store: &Store, status: Option<LinkStatus>) -> Result<Vec<Link>> {
    report_link::list_links(store.conn(), status)
}

/// "Samma händelse": the pair counts once from now on.
pub fn confirm(store: &mut Store, id: Id) -> Result<()> {
    store.write(|tx| report_link::update_status(tx, id, LinkStatus::Confirmed))
}

/// Two incidents after all: both count.
pub fn reject(store: &mut Store, id: Id) -> Result<()> {
    store.write(|tx| report_link::update_status(tx, id, LinkStatus::Rejected))
}
