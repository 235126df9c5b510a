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

/// Moves a place to another area, or out of any (`None`).
pub fn move_to_area(store: &mut Store, place: &str, area: Option<&str>) -> Result<()> {
    store.write(|tx| place::move_place(tx, place, area))
}

/// Merges the place `from` into `into` (reports, other spellings, and its name as one
/// more spelling); unplaced reports whose text is that name are placed too. Returns how
/// many reports now point at `into` that did not.
pub fn merge(store: &mut Store, from: &str, into: &str) -> Result<u32> {
    store.write(|tx| {
        let from_name = place::get_place_name(tx, from)?;
        let moved = place::merge_places(tx, from, into)?;
        let into_id = place::get_place_id(tx, into)?;
        Ok(moved + place::resolve_unplaced(tx, into_id, &from_name)?)
    })
}

/// A new place named after an unplaced text (in `area`, if given), with the reports
/// that text names placed there; returns how many were placed.
pub fn add_from_unplaced(store: &mut Store, text: &str, area: Option<&str>) -> Result<u32> {
    store.write(|tx| {
        let added = place::insert_place(
            tx,
            &NewPlace {
                name: text.to_string(),
                area: area.map(str::to_string),
                ..Default::default()
            },
        )?;
        place::resolve_unplaced(tx, added.id, text)
    })
}
