//! Partners (aktörer): the organisations that send reports.

use crate::Store;
use crate::db::partner::{self, Partner};
use crate::error::Result;
use crate::ids::Id;

pub fn add(store: &mut Store, name: &str) -> Result<Id> {
    store.write(|tx| partner::insert_partner(tx, name))
}

pub fn list(store: &Store) -> Result<Vec<Partner>> {
    partner::list_partners(store.conn())
}
