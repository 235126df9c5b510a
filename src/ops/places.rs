//! Areas, places, their other names, and the queue of place texts that matched none.

use crate::Store;
use crate::db::area::{self, Area};
use crate::db::place::{self, NewPlace, Place, PlaceAdded, UnplacedText};
use crate::error::Result;
use crate::ids::Id;

pub fn add_area(store: &mut Store, name: &str) -> Result<Id> {
    store.write(|tx| area::insert_area(tx, name))
}

pub fn areas(store: &Store) -> Result<Vec<Area>> {
    area::list_areas(store.conn())
}

pub fn add(store: &mut Store, new: &NewPlace) -> Result<PlaceAdded> {
    store.write(|tx| place::insert_place(tx, new))
}

pub fn list(store: &Store) -> Result<Vec<Place>> {
    place::list_places(store.conn())
}

/// Adds `alias` as another name for the place called (or aliased) `place`, and
/// places the unplaced reports whose text it is; returns how many were placed.
pub fn add_alias(store: &mut Store, place: &str, alias: &str) -> Result<u32> {
    store.write(|tx| {
        let id = place::get_place_id(tx, place)?;
        place::insert_alias(tx, id, alias)?;
        place::resolve_unplaced(tx, id, alias)
    })
}

/// The unplaced queue (see [`place::list_unplaced`]).
pub fn unplaced(store: &Store) -> Result<Vec<UnplacedText>> {
    place::list_unplaced(store.conn())
}
