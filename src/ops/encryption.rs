//! Encryption at rest, as both doors offer it: turn on, change the passphrase, turn off,
//! and what is encrypted now (see [`crate::db::crypt`] for how and at what cost).

use crate::Store;
use crate::db::crypt::{self, Changed, Passphrase, Status};
use crate::error::Result;
use crate::messages::Message;

pub fn status(store: &Store) -> Result<Status> {
    crypt::status(store)
}

/// Encrypts a plain database with a new passphrase.
pub fn turn_on(store: &mut Store, new: &Passphrase) -> Result<Changed> {
    if store.key().is_some() {
        return Err(already(store, true));
    }
    crypt::change(store, Some(new))
}

/// Changes an encrypted database's passphrase.
pub fn change(store: &mut Store, new: &Passphrase) -> Result<Changed> {
    if store.key().is_none() {
        return Err(already(store, false));
    }
    crypt::change(store, Some(new))
}

/// Removes the encryption: the database and its backups become plain SQLite files.
pub fn turn_off(store: &mut Store) -> Result<Changed> {
    crypt::change(store, None)
}

fn already(store: &Store, encrypted: bool) -> crate::Error {
    Message::EncryptionState {
        path: store.path().display().to_string(),
        encrypted,
    }
    .into()
}
