//! Imports of partner files and their log: run (or preview), list, undo, rejected rows.

use std::path::Path;

use crate::Store;
use crate::db::import_batch::{self, Batch};
use crate::error::Result;
use crate::ids::Id;
use crate::import::{self, ImportOptions, ImportResult, Inspection, ProgressFn};

/// Imports (or, with `dry_run`, previews) one file.
pub fn file(store: &mut Store, path: &Path, opts: &ImportOptions) -> Result<ImportResult> {
    import::run(store, path, opts, &|_| true)
}

/// Imports with progress reports and the chance to cancel.
pub fn file_with_progress(
    store: &mut Store,
    path: &Path,
    opts: &ImportOptions,
    progress: ProgressFn,
) -> Result<ImportResult> {
    import::run(store, path, opts, progress)
}

/// Inspects a file once (see [`Inspection`]); the app keeps it for the next preview.
pub fn inspect(path: &Path, sheet: Option<&str>) -> Result<Inspection> {
    import::inspect(path, sheet)
}

/// Imports or previews a file already inspected, with progress and the chance to cancel.
pub fn inspected_with_progress(
    store: &mut Store,
    inspection: &Inspection,
    opts: &ImportOptions,
    progress: ProgressFn,
) -> Result<ImportResult> {
    import::run_inspected(store, inspection, opts, progress)
}

pub fn list(store: &Store) -> Result<Vec<Batch>> {
    import_batch::list_batches(store.conn())
}

/// Undoes an import: its reports go, the batch stays in the log marked undone.
pub fn undo(store: &mut Store, batch: Id) -> Result<u32> {
    store.write(|tx| import_batch::undo_batch(tx, batch))
}

/// The rows an import skipped: (line, reason, raw row).
pub fn rejected_rows(store: &Store, batch: Id) -> Result<Vec<(u64, String, String)>> {
    import_batch::list_rejected(store.conn(), batch)
}

/// Writes the rows an import skipped as a CSV (line, reason, the row as read);
/// returns how many.
pub fn write_rejected_csv(store: &Store, batch: Id, path: &Path) -> Result<u32> {
    let rows = rejected_rows(store, batch)?;
    let lines: Vec<String> = rows.iter().map(|(l, _, _)| l.to_string()).collect();
    crate::export::csv::write_file(
        path,
        &["Rad", "Orsak", "Raden"],
        rows.iter()
            .zip(&lines)
            .map(|((_, reason, raw), line)| [line.as_str(), reason.as_str(), raw.as_str()]),
    )?;
    Ok(rows.len() as u32)
}
