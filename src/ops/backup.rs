//! Backups, as both doors offer them: make one now, list, restore (see
//! [`crate::db::backup`] for how a backup is written and kept).

use std::path::Path;

use crate::Store;
use crate::db::backup::{self, BackupInfo, Kind};
use crate::error::Result;

pub fn create(store: &Store) -> Result<BackupInfo> {
    backup::create(store, Kind::Manual)
}

pub fn list(store: &Store) -> Result<Vec<BackupInfo>> {
    backup::list(store.path())
}

/// A daily backup when the newest is a day old (the app at its start).
pub fn daily(store: &Store) -> Result<Option<BackupInfo>> {
    backup::daily(store)
}

/// Restores `from`; returns the backup of the state it replaced.
pub fn restore(store: &mut Store, from: &Path) -> Result<BackupInfo> {
    backup::restore(store, from)
}
