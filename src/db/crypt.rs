//! Encryption at rest: an optional passphrase for the database file.
//!
//! Navet is built with SQLCipher (SQLite with encrypted pages). A database without a
//! passphrase is an ordinary SQLite file; one with a passphrase is unreadable without it:
//! every page, the `-wal` file and every backup are encrypted with AES-256 and
//! authenticated with an HMAC, under a key derived from the passphrase with
//! PBKDF2-HMAC-SHA512 (SQLCipher 4's defaults: 256,000 iterations, a random salt per
//! file). Deriving the key is deliberately slow, about 0.13 s per connection here.
//!
//! The trade-offs, for whoever decides to turn it on:
//! - a lost passphrase cannot be recovered by anyone, Navet included; the backups are
//!   encrypted with the same passphrase and are as lost as the database;
//! - every connection (the app's writer and readers, the CLI, backups, restores) needs
//!   the passphrase before its first statement, so the app asks for it at every start;
//! - encrypting or decrypting writes a whole new copy of the file beside it and renames it
//!   into place; the old plaintext pages may stay in the disk's free blocks (an SSD
//!   decides where it writes), which only full-disk encryption covers;
//! - exports (CSV, XLSX, PDF) are files for others and are never encrypted.
//!
//! Turning encryption on, off, or changing the passphrase ([`change`]) all work the same
//! way: with sole access to the database, `sqlcipher_export` copies it into a new file
//! under the new key, the copy is checked (quick_check, every table's row count), flushed
//! and renamed over the database; then each backup beside it is re-keyed the same way, so
//! no backup keeps the old form (a backup that cannot be re-keyed is named).

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::{APPLICATION_ID, Store};
use crate::error::{Error, Result};
use crate::messages::Message;

/// The page cache of a connection to an encrypted database, in KiB (SQLite's negative
/// `cache_size`): 32 MB instead of SQLite's 2 MB.
const CACHE_KIB: i64 = -32 * 1024;

/// The shortest passphrase Navet lets a user choose.
pub const MIN_CHARS: usize = 12;

/// A database passphrase; its text is wiped from memory when the last copy is dropped
/// and never shown by `Debug`.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    /// A passphrase typed to open a database (any non-empty text: the file decides).
    pub fn given(text: impl Into<String>) -> Result<Passphrase> {
        let text = Zeroizing::new(text.into());
        if text.is_empty() {
            return Err(Message::Required {
                field: "Lösenfras".into(),
            }
            .into());
        }
        Ok(Passphrase(text))
    }

    /// A new passphrase, chosen and typed twice: at least [`MIN_CHARS`] characters, the
    /// two alike.
    pub fn chosen(text: impl Into<String>, repeated: &str) -> Result<Passphrase> {
        let text = Zeroizing::new(text.into());
        if text.chars().count() < MIN_CHARS {
            return Err(Message::PassphraseTooShort { min: MIN_CHARS }.into());
        }
        if text.as_str() != repeated {
            return Err(Message::PassphrasesDiffer.into());
        }
        Ok(Passphrase(text))
    }

    fn text(&self) -> &str {
        self.0.as_str()
    }
}

/// What a database file is, read from its first bytes without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// No file yet, or an empty one.
    New,
    /// An ordinary SQLite file.
    Plain,
    /// Neither: an encrypted database (or some other file of whole pages).
    Encrypted,
}

/// Reads the first bytes of `path`: SQLite's header, nothing (new), or whole pages of
/// something else (encrypted). Any other file is refused as no Navet database.
pub fn form(path: &Path) -> Result<Form> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Form::New),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    if read == 0 {
        return Ok(Form::New);
    }
    if &head[..read] == b"SQLite format 3\0" {
        return Ok(Form::Plain);
    }
    // SQLCipher writes whole pages (at least one of 4096 bytes by default; SQLite's
    // smallest page is 512), and its first 16 bytes are the random salt.
    let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if len >= 512 && len % 512 == 0 {
        return Ok(Form::Encrypted);
    }
    Err(Message::NotNavetDatabase {
        path: path.display().to_string(),
    }
    .into())
}

/// The key a connection to `path` must use: none for a plain file (a passphrase given
/// for one is not needed), the passphrase for an encrypted one (refused without), and
/// the passphrase, if given, for a new file (which is then created encrypted).
pub(super) fn key_for<'k>(
    path: &Path,
    key: Option<&'k Passphrase>,
) -> Result<Option<&'k Passphrase>> {
    initialize();
    match (form(path)?, key) {
        (Form::Plain, _) => Ok(None),
        (Form::New, key) => Ok(key),
        (Form::Encrypted, Some(key)) => Ok(Some(key)),
        (Form::Encrypted, None) => Err(Message::NeedsPassphrase {
            path: path.display().to_string(),
        }
        .into()),
    }
}

/// Gives a fresh connection its key (before any other statement) and proves it by a
/// read: a wrong passphrase reads as "not a database". A connection to a plain file gets
/// SQLite's ordinary temporary files instead.
pub(super) fn unlock(conn: &Connection, key: Option<&Passphrase>, path: &Path) -> Result<()> {
    let Some(key) = key else {
        // SQLCipher is built to keep temporary data (a sort that spills, an index being
        // built) in memory, where it is never written to disk unencrypted. A plain
        // database has nothing to hide there: its temporary files go to disk as in
        // ordinary SQLite (in memory, a million-row import's index build took 4.8 s
        // instead of 3.1 s and 190 MB instead of 130 MB).
        conn.pragma_update(None, "temp_store", "FILE")?;
        return Ok(());
    };
    quiet(conn)?;
    conn.pragma_update(None, "key", key.text())?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => {
            // SQLite's own page cache holds pages decrypted; with its default 2 MB the
            // week's picture at a million reports took 3.7 times as long as in a plain
            // file, because every query decrypted the same pages again.
            conn.pragma_update(None, "cache_size", CACHE_KIB)?;
            Ok(())
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(Message::WrongPassphrase {
                path: path.display().to_string(),
            }
            .into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Initialises SQLite once, before Navet's first connection. SQLCipher registers its
/// `sqlcipher_export` function for every later connection while SQLite initialises, but
/// SQLite lets a second thread open a connection before that registration is done (seen
/// as "no such function: sqlcipher_export" when two threads opened their first
/// connections together).
fn initialize() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_initialize takes no arguments, may be called at any time and
        // more than once; Once makes every other opener wait until it has returned.
        unsafe {
            rusqlite::ffi::sqlite3_initialize();
        }
    });
}

/// Stops SQLCipher writing its own English lines to stderr (a wrong passphrase is
/// logged there as "hmac check failed"): Navet says what went wrong in Swedish. The
/// level is the library's, for every connection.
fn quiet(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))?;
    Ok(())
}

/// A connection to the existing file `path` with its key: read-only, or (to attach and
/// write a copy beside it) read-write with the right to create, which ATTACH inherits.
fn open_existing(path: &Path, key: Option<&Passphrase>, write: bool) -> Result<Connection> {
    let mode = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    };
    let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    unlock(&conn, key, path)?;
    Ok(conn)
}

/// The encryption of the open database and of the backups beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "EncryptionStatus")]
pub struct Status {
    pub encrypted: bool,
    /// SQLCipher's version, as it names itself.
    pub cipher: String,
    /// How many backups lie beside the database.
    pub backups: u32,
    /// The backups whose form differs from the database's (a plaintext backup of an
    /// encrypted database, or the reverse), by file name.
    pub backups_differing: Vec<String>,
}

pub fn status(store: &Store) -> Result<Status> {
    let cipher: String = store
        .conn()
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))?;
    let encrypted = store.key().is_some();
    let backups = super::backup::list(store.path())?;
    let backups_differing = backups
        .iter()
        .filter(|b| {
            let is = form(Path::new(&b.path)).is_ok_and(|f| f == Form::Encrypted);
            is != encrypted
        })
        .map(|b| b.file_name.clone())
        .collect();
    Ok(Status {
        encrypted,
        cipher: format!("SQLCipher {cipher}"),
        backups: backups.len() as u32,
        backups_differing,
    })
}

/// What [`change`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "EncryptionChanged")]
pub struct Changed {
    pub encrypted: bool,
    /// Backups re-keyed to the database's new form.
    pub backups: u32,
    /// Backups that could not be re-keyed (damaged, or under another passphrase), by
    /// file name, with why.
    pub backups_failed: Vec<String>,
}

/// Encrypts the database with `to`, changes its passphrase to `to`, or (with `None`)
/// removes its encryption; then re-keys the backups beside it. Needs sole access: another
/// program with the database open is named and nothing changes. On success `store` is
/// reopened under the new key; on failure it is reopened as it was, and the database file
/// is the old one or the whole new one, never a part.
pub fn change(store: &mut Store, to: Option<&Passphrase>) -> Result<Changed> {
    let path = store.path().to_path_buf();
    let from = store.key().cloned();
    if from.is_none() && to.is_none() {
        return Err(Message::EncryptionState {
            path: path.display().to_string(),
            encrypted: false,
        }
        .into());
    }
    let done = rekey_database(store, to);
    // Close the old connection before anything reopens: after the rename it holds the
    // old file, before it a lock; either way it is done with. Until the store is open
    // again it holds an empty connection that refuses writes, so nothing can be written
    // where nobody reads it.
    let inert = Connection::open_in_memory()?;
    inert.pragma_update(None, "query_only", true)?;
    drop(std::mem::replace(&mut store.conn, inert));
    let reopen_with = match &done {
        Ok(()) => to,
        Err(_) => from.as_ref(),
    };
    let reopened = Store::open_keyed(&path, reopen_with);
    let reopened = match (reopened, &done) {
        (Ok(s), _) => s,
        // Whatever went wrong, the file is one of the two: try the other key.
        (Err(e), Err(_)) => Store::open_keyed(&path, to).map_err(|_| e)?,
        (Err(e), Ok(())) => return Err(e),
    };
    *store = reopened;
    done?;
    let (backups, backups_failed) = rekey_backups(&path, from.as_ref(), to);
    Ok(Changed {
        encrypted: to.is_some(),
        backups,
        backups_failed,
    })
}

/// `navet.sqlite` → `navet.sqlite.omkryptering.tmp`, the copy being written.
fn temporary(path: &Path) -> PathBuf {
    super::beside(path, ".omkryptering.tmp")
}

fn remove_cut_off_copies(db: &Path) {
    // A copy and its rollback journal: a hot journal left beside a name would be played
    // back into the next copy made under it.
    let copy = [".omkryptering.tmp", ".omkryptering.tmp-journal"];
    for (file, e) in super::named_after(db) {
        if copy.iter().any(|c| file.ends_with(c)) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn rekey_database(store: &Store, to: Option<&Passphrase>) -> Result<()> {
    let path = store.path();
    let conn = store.conn();
    let shown = || path.display().to_string();
    let busy = |e: rusqlite::Error| -> Error {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Message::DatabaseInUse { path: shown() }.into()
            }
            _ => e.into(),
        }
    };
    // Sole access: leaving WAL needs every other connection closed, and in exclusive
    // locking mode the first write keeps the file locked until this connection closes.
    conn.pragma_update(None, "busy_timeout", 2000)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
        .map_err(busy)?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(Message::DatabaseInUse { path: shown() }.into());
    }
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(busy)?;
    // With sole access, what an earlier change cut off (a crash, a full disk) left
    // beside the database can go: the copies of it and of its backups.
    remove_cut_off_copies(path);
    // Renamed while this connection still holds the lock on the old file.
    replace_with_copy(conn, path, to)?;
    super::sync_folder(path);
    Ok(())
}

/// Replaces the file `path` (what `conn` reads) with a copy of it under key `to`: the
/// copy is written beside it, checked, and renamed over it; a copy that fails is removed.
fn replace_with_copy(conn: &Connection, path: &Path, to: Option<&Passphrase>) -> Result<()> {
    let tmp = temporary(path);
    let replaced = export(conn, &tmp, to)
        .and_then(|()| same_content(conn, &tmp, to))
        .and_then(|()| std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e)));
    if replaced.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    replaced
}

/// Copies everything `conn` holds into a new file `to_path` under key `to` (none: plain),
/// with Navet's schema version and application id, and flushes it to disk.
fn export(conn: &Connection, to_path: &Path, to: Option<&Passphrase>) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    quiet(conn)?;
    // Nothing of an earlier copy under this name may be played back into this one.
    for leftover in [to_path.to_path_buf(), super::beside(to_path, "-journal")] {
        match std::fs::remove_file(&leftover) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(leftover, e));
            }
            _ => {}
        }
    }
    conn.execute(
        "ATTACH DATABASE ?1 AS navet_ny KEY ?2",
        (to_path.to_string_lossy(), to.map_or("", |k| k.text())),
    )?;
    let copied = (|| -> Result<()> {
        // A copy cut off is thrown away whole, so it needs no journal of its own.
        conn.execute_batch("PRAGMA navet_ny.journal_mode = OFF")?;
        conn.query_row("SELECT sqlcipher_export('navet_ny')", [], |_| Ok(()))?;
        // sqlcipher_export copies the tables, not the header's two numbers.
        conn.execute_batch(&format!(
            "PRAGMA navet_ny.user_version = {version}; PRAGMA navet_ny.application_id = {APPLICATION_ID};"
        ))?;
        Ok(())
    })();
    let detached = conn.execute_batch("DETACH DATABASE navet_ny");
    copied?;
    detached?;
    std::fs::File::open(to_path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(to_path, e))
}

/// Checks the new copy before it replaces anything: it opens under its key, SQLite's
/// quick_check finds nothing, and every table has as many rows as in the original.
fn same_content(conn: &Connection, copy: &Path, key: Option<&Passphrase>) -> Result<()> {
    let new = open_existing(copy, key, false)?;
    let faults: Vec<String> = new
        .prepare("PRAGMA quick_check(10)")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let counts = |c: &Connection| -> Result<Vec<(String, i64)>> {
        let tables: Vec<String> = c
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tables
            .into_iter()
            .map(|t| {
                let n = c.query_row(
                    &format!("SELECT count(*) FROM \"{}\"", t.replace('"', "\"\"")),
                    [],
                    |r| r.get(0),
                )?;
                Ok((t, n))
            })
            .collect()
    };
    let sound = faults.iter().all(|f| f == "ok");
    if !sound || counts(conn)? != counts(&new)? {
        return Err(Message::Damaged {
            path: copy.display().to_string(),
            detail: if sound {
                "kopian har inte samma antal rader som databasen".into()
            } else {
                faults.join("; ")
            },
            backup: None,
        }
        .into());
    }
    Ok(())
}

/// Re-keys every backup beside `db` from `from` to `to`, each through a copy renamed over
/// it. Returns how many were re-keyed, and the ones that failed with why.
fn rekey_backups(
    db: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
) -> (u32, Vec<String>) {
    let Ok(backups) = super::backup::list(db) else {
        return (0, Vec::new());
    };
    let mut done = 0;
    let mut failed = Vec::new();
    for b in backups {
        let path = PathBuf::from(&b.path);
        let result = (|| -> Result<()> {
            // A backup an interrupted change had already re-keyed is under `to`.
            let conn = key_for(&path, from)
                .and_then(|k| open_existing(&path, k, true))
                .or_else(|e| match to {
                    Some(to) if e.code() == crate::ErrorCode::Locked => {
                        open_existing(&path, Some(to), true)
                    }
                    _ => Err(e),
                })?;
            replace_with_copy(&conn, &path, to)
        })();
        match result {
            Ok(()) => done += 1,
            Err(e) => failed.push(format!("{}: {e}", b.file_name)),
        }
    }
    if done > 0 {
        super::sync_folder(db);
    }
    (done, failed)
}
