//! Encryption at rest, as both doors offer it: turn on, change the passphrase, turn off,
//! and what is encrypted now (see [`crate::db::crypt`] for how and at what cost).

use crate::Store;
use crate::db::crypt::{self, Changed, Passphrase, Status};
use crate::error::Result;
use crate::messages::Message;

pub fn status(store: &Store) -> Result<Status> {
    crypt::status(store)
}

/// Refuses, before a new passphrase is asked for, what would change nothing: encrypting
/// an encrypted database (`encrypted` false: changing a plain one's passphrase).
pub fn expect_encrypted(store: &Store, encrypted: bool) -> Result<()> {
    if store.key().is_some() == encrypted {
        return Ok(());
    }
    Err(Message::EncryptionState {
        path: store.path().display().to_string(),
        encrypted: !encrypted,
    }
    .into())
}

/// Encrypts a plain database with a new passphrase.
pub fn turn_on(store: &mut Store, new: &Passphrase) -> Result<Changed> {
    expect_encrypted(store, false)?;
    crypt::change(store, Some(new))
}

/// Changes an encrypted database's passphrase.
pub fn change(store: &mut Store, new: &Passphrase) -> Result<Changed> {
    expect_encrypted(store, true)?;
    crypt::change(store, Some(new))
}

/// Removes the encryption: the database and its backups become plain SQLite files.
pub fn turn_off(store: &mut Store) -> Result<Changed> {
    crypt::change(store, None)
}

/// Encrypts with `new` (a plain database) or changes the passphrase to it (an encrypted
/// one); with none, removes the encryption. The app's one button does whichever applies.
pub fn set(store: &mut Store, new: Option<&Passphrase>) -> Result<Changed> {
    crypt::change(store, new)
}
