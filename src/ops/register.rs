//! What every named list shares (areas, places, partners, categories): renaming, and
//! retiring and restoring. A rename carries the reports along; a retired name leaves
//! the lists a user picks from and keeps its history.

use crate::Store;
use crate::db::named;
use crate::error::Result;
use crate::messages::Kind;

pub fn rename(store: &mut Store, kind: Kind, name: &str, new_name: &str) -> Result<()> {
    store.write(|tx| named::rename(tx, kind, name, new_name))
}

/// Retires (`false`) or restores (`true`).
pub fn set_active(store: &mut Store, kind: Kind, name: &str, active: bool) -> Result<()> {
    store.write(|tx| named::set_active(tx, kind, name, active))
}
