//! The situation picture: computed for a period, assessed, frozen, read back.

use crate::Store;
use crate::db::picture_snapshot::SnapshotListItem;
use crate::error::Result;
use crate::picture::{AnalysisPart, AreaStatus, Period, Picture, assessment, compute, snapshot};

/// The situation picture for a period (see [`crate::picture`]).
pub fn compute(store: &Store, period: &Period) -> Result<Picture> {
    compute::compute(store.conn(), period)
}

/// Sets an area's status for a period, with its justification; returns it as stored.
pub fn set_area_status(
    store: &mut Store,
    period: &Period,
    area: &str,
    status: &str,
    justification: &str,
) -> Result<AreaStatus> {
    store.write(|tx| assessment::set_status(tx, period, area, status, justification))
}

/// Sets one of the three analysis texts for a period.
pub fn set_analysis(
    store: &mut Store,
    period: &Period,
    part: AnalysisPart,
    text: &str,
) -> Result<()> {
    store.write(|tx| assessment::set_text(tx, period, part, text))
}

/// Freezes the picture for a period as it is now.
pub fn save(store: &mut Store, period: &Period, title: Option<&str>) -> Result<Picture> {
    let picture = compute(store, period)?;
    let title = title
        .map(str::to_string)
        .unwrap_or_else(|| crate::export::lagesbild::words::title(&picture.label));
    store.write(|tx| snapshot::insert_snapshot(tx, picture, &title))
}

pub fn saved_list(store: &Store) -> Result<Vec<SnapshotListItem>> {
    snapshot::list_snapshots(store.conn())
}

pub fn saved(store: &Store, id: i64) -> Result<Picture> {
    snapshot::get_snapshot(store.conn(), id)
}
