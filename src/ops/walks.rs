//! Trygghetsvandringar: a walk and its points; a point's photo is copied into Navet's
//! data folder (beside the database), a point can become a report and an insats, and
//! the protocol says what happened to each point.

use std::path::{Path, PathBuf};

use crate::Store;
use crate::db::insats::{self, NewInsats};
use crate::db::report::{self, NewReport};
use crate::db::walk::{self, NewPoint, NewWalk, PointStatus, Walk};
use crate::error::{Error, Result};
use crate::ids::Id;
use crate::messages::Message;

/// The largest photo Navet copies (a phone's photo is a few MB).
pub const MAX_PHOTO_BYTES: u64 = 25 * 1024 * 1024;
const PHOTO_KINDS: &[&str] = &["jpg", "jpeg", "png", "webp", "heic", "heif", "gif"];
/// The folder beside the database that holds the walks' photos.
pub const PHOTO_DIR: &str = "navet-bilder";

pub fn add(store: &mut Store, new: &NewWalk) -> Result<Walk> {
    let masked = NewWalk {
        participants: crate::pii::mask(&new.participants).0,
        route: crate::pii::mask(&new.route).0,
        ..new.clone()
    };
    store.write(|tx| {
        let id = walk::insert_walk(tx, &masked)?;
        walk::get_walk(tx, id)
    })
}

pub fn list(store: &Store) -> Result<Vec<Walk>> {
    walk::list_walks(store.conn())
}

pub fn get(store: &Store, id: Id) -> Result<Walk> {
    walk::get_walk(store.conn(), id)
}

/// Where photos go: `navet-bilder/` beside the database file.
pub fn photo_root(store: &Store) -> PathBuf {
    store
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
        .join(PHOTO_DIR)
}

/// Checks a photo before anything is stored: a regular file, an image by its name,
/// no bigger than [`MAX_PHOTO_BYTES`].
fn check_photo(path: &Path) -> Result<()> {
    let refuse = |reason: &str| -> Error {
        Message::PhotoRefused {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
        .into()
    };
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(refuse("inte en vanlig fil"));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(refuse("större än 25 MB"));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if !PHOTO_KINDS.contains(&ext.as_str()) {
        return Err(refuse("bara JPEG, PNG, WebP, HEIC eller GIF"));
    }
    Ok(())
}

/// Adds a point; a photo is copied into the data folder (the original is left as it is).
pub fn add_point(store: &mut Store, walk_id: Id, new: &NewPoint) -> Result<walk::Point> {
    let photo = new
        .photo
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    if let Some(p) = &photo {
        check_photo(p)?;
    }
    let masked = NewPoint {
        place: crate::pii::mask(&new.place).0,
        problem: crate::pii::mask(&new.problem).0,
        proposed_action: crate::pii::mask(&new.proposed_action).0,
        ..new.clone()
    };
    let root = photo_root(store);
    store.write(|tx| {
        let id = walk::insert_point(tx, walk_id, &masked, None)?;
        if let Some(src) = &photo {
            let name = src
                .file_name()
                .map(|n| n.to_string_lossy().replace(['/', '\\'], "_"))
                .unwrap_or_else(|| "bild".into());
            let relative = format!("vandring-{walk_id}/punkt-{id}-{name}");
            let target = root.join(&relative);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            let bytes = std::fs::read(src).map_err(|e| Error::io(src, e))?;
            crate::export::write_atomically(&target, &bytes)?;
            walk::update_photo(tx, id, &relative)?;
        }
        let w = walk::get_walk(tx, walk_id)?;
        w.points
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Message::PointNotFound { id }.into())
    })
}

pub fn set_point_status(store: &mut Store, point: Id, status: PointStatus) -> Result<()> {
    store.write(|tx| walk::update_point_status(tx, point, status))
}

/// Makes a report of a point (the walk's day, the point's place and category, the
/// problem as its text) from `partner`; returns the report's id.
pub fn to_report(
    store: &mut Store,
    point: Id,
    partner: &str,
    category: Option<&str>,
) -> Result<Id> {
    store.write(|tx| {
        let (date, place, point_category, problem) = walk::point_basis(tx, point)?;
        let category = category
            .map(str::to_string)
            .or(point_category)
            .unwrap_or_default();
        let id = report::insert_report(
            tx,
            &NewReport {
                date,
                place,
                category,
                partner: partner.to_string(),
                count: Some(1),
                text: Some(problem),
                ..Default::default()
            },
        )?;
        walk::link_report(tx, point, id)?;
        Ok(id)
    })
}

/// Makes an insats of a point (its place and category, the problem as its title unless
/// one is given, decided at the walk); returns the insats's id.
pub fn to_insats(store: &mut Store, point: Id, title: Option<&str>, start: &str) -> Result<Id> {
    store.write(|tx| {
        let (date, place, category, problem) = walk::point_basis(tx, point)?;
        let id = insats::insert_insats(
            tx,
            &NewInsats {
                title: title.map(str::to_string).unwrap_or(problem),
                places: place.into_iter().collect(),
                category,
                start: start.to_string(),
                decided_in: crate::messages::walk_words::decided_at(&date),
                ..Default::default()
            },
        )?;
        walk::link_insats(tx, point, id)?;
        Ok(id)
    })
}

/// The walk's protocol as a PDF: every point with what happened to it.
pub fn protocol(store: &Store, walk_id: Id, path: &Path) -> Result<()> {
    let conn = store.conn();
    let w = walk::get_walk(conn, walk_id)?;
    let insatser: Vec<_> = w
        .points
        .iter()
        .filter_map(|p| p.insats)
        .filter_map(|i| insats::get_insats(conn, i).ok())
        .collect();
    let municipality = crate::db::setting::get_setting(conn, crate::db::setting::MUNICIPALITY)?
        .unwrap_or_default();
    let root = photo_root(store);
    let photos = w
        .points
        .iter()
        .filter_map(|p| {
            let file = p.photo.as_ref()?;
            crate::export::photo::printable(&root.join(file)).map(|photo| (p.id, photo))
        })
        .collect();
    let now = crate::db::now();
    let document = crate::export::walk_protocol::document(
        &w,
        &insatser,
        &photos,
        &municipality,
        &crate::export::lagesbild::words::local_time(&now),
        chrono::Utc::now().timestamp(),
    );
    let bytes = crate::export::pdf::render(&document)?;
    crate::export::write_atomically(path, &bytes)
}

/// What a walk's protocol file is called: "trygghetsvandring-norrby-2026-11-12.pdf".
pub fn protocol_file_name(store: &Store, walk_id: Id) -> Result<String> {
    let w = get(store, walk_id)?;
    Ok(format!(
        "{}.pdf",
        crate::export::walk_protocol::title(&w)
            .replace(' ', "-")
            .to_lowercase()
    ))
}
