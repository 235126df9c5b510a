//! The category list: add, rename, retire and restore.

use crate::Store;
use crate::db::category::{self, Category};
use crate::error::Result;
use crate::ids::Id;

pub fn list(store: &Store) -> Result<Vec<Category>> {
    category::list_categories(store.conn())
}

pub fn add(store: &mut Store, name: &str) -> Result<Id> {
    store.write(|tx| category::insert_category(tx, name))
}

pub fn rename(store: &mut Store, name: &str, new_name: &str) -> Result<()> {
    store.write(|tx| category::update_category_name(tx, name, new_name))
}

/// Retires (`false`) or restores (`true`) a category; its history stays either way.
pub fn set_active(store: &mut Store, name: &str, active: bool) -> Result<()> {
    store.write(|tx| category::update_category_active(tx, name, active))
}
