//! Medborgarlöften: a promise for a period (four months by default), its commitments
//! each tied to an insats, a plain-language summary for publication (PDF and text), and
//! the follow-up at the end with what was done.

use std::path::Path;

use crate::Store;
use crate::db::insats;
use crate::db::promise::{self, NewPromise, Promise};
use crate::error::Result;
use crate::ids::Id;

pub fn add(store: &mut Store, new: &NewPromise) -> Result<Promise> {
    // The free texts with personal data masked, as everywhere text enters.
    let mask = |t: &str| crate::pii::mask(t).0;
    let new = &NewPromise {
        title: mask(&new.title),
        parties: mask(&new.parties),
        areas: mask(&new.areas),
        problems: mask(&new.problems),
        summary: mask(&new.summary),
        ..new.clone()
    };
    store.write(|tx| {
        let id = promise::insert_promise(tx, new)?;
        promise::get_promise(tx, id)
    })
}

pub fn list(store: &Store) -> Result<Vec<Promise>> {
    promise::list_promises(store.conn())
}

pub fn get(store: &Store, id: Id) -> Result<Promise> {
    promise::get_promise(store.conn(), id)
}

pub fn commit(
    store: &mut Store,
    id: Id,
    party: &str,
    text: &str,
    insats: Option<Id>,
) -> Result<Promise> {
    let party = &crate::pii::mask(party).0;
    let text = &crate::pii::mask(text).0;
    store.write(|tx| {
        promise::insert_commitment(tx, id, party, text, insats)?;
        promise::get_promise(tx, id)
    })
}

pub fn follow_up(store: &mut Store, id: Id, text: &str) -> Result<Promise> {
    let text = crate::pii::mask(text).0;
    store.write(|tx| {
        promise::update_follow_up(tx, id, &text)?;
        promise::get_promise(tx, id)
    })
}

/// The promise as plain text for publication (a web page, a newsletter).
pub fn text(store: &Store, id: Id) -> Result<String> {
    let p = get(store, id)?;
    let statuses = statuses(store, &p)?;
    Ok(crate::export::promise_doc::plain_text(&p, &statuses))
}

/// Each commitment's insats status word, if it has one.
fn statuses(store: &Store, p: &Promise) -> Result<Vec<Option<String>>> {
    p.commitments
        .iter()
        .map(|c| {
            c.insats
                .map(|i| insats::get_insats(store.conn(), i).map(|i| crate::names::word(&i.status)))
                .transpose()
        })
        .collect()
}

/// The promise as a PDF for publication.
pub fn pdf(store: &Store, id: Id, path: &Path) -> Result<()> {
    let p = get(store, id)?;
    let statuses = statuses(store, &p)?;
    let conn = store.conn();
    let municipality = crate::db::setting::get_setting(conn, crate::db::setting::MUNICIPALITY)?
        .unwrap_or_default();
    let now = crate::db::now();
    let document = crate::export::promise_doc::document(
        &p,
        &statuses,
        &municipality,
        &crate::export::lagesbild::words::local_time(&now),
        chrono::Utc::now().timestamp(),
    );
    let bytes = crate::export::pdf::render(&document)?;
    crate::export::write_atomically(path, &bytes)
}

/// What a promise's file is called: "medborgarlöfte-tryggare-norrby.pdf".
pub fn file_name(store: &Store, id: Id) -> Result<String> {
    let p = get(store, id)?;
    let slug: String = p
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    Ok(format!("medborgarlöfte-{}.pdf", slug.trim_matches('-')))
}
