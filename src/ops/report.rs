//! Reports typed by a user, listed and counted.

use crate::Store;
use crate::db::report::{self, NewReport, Report, ReportFilter, ReportPage};
use crate::error::Result;

/// Adds a report and returns it as stored.
pub fn add(store: &mut Store, new: &NewReport) -> Result<Report> {
    store.write(|tx| {
        let id = report::insert_report(tx, new)?;
        report::get_report(tx, id)
    })
}

pub fn list(store: &Store, filter: &ReportFilter) -> Result<ReportPage> {
    report::list_reports(store.conn(), filter)
}

pub fn count(store: &Store) -> Result<i64> {
    report::count_reports(store.conn())
}
