//! Encryption at rest: the passphrase an encrypted database is opened with, and
//! `navet encryption status|on|change|off`.
//!
//! A passphrase never goes on the command line (where `ps` and the shell's history would
//! show it): Navet asks for it at the terminal without echo, or reads it from
//! `NAVET_PASSPHRASE` (and a new one from `NAVET_NEW_PASSPHRASE`) for scripts.

use std::io::IsTerminal;
use std::path::Path;

use clap::Subcommand;
use navet::Store;
use navet::db::crypt::{self, Form, Passphrase};
use navet::ops;

use crate::words as cli;

/// The environment variable that holds an encrypted database's passphrase.
pub const PASSPHRASE_ENV: &str = "NAVET_PASSPHRASE";
/// The environment variable that holds the new passphrase for `on` and `change`.
pub const NEW_PASSPHRASE_ENV: &str = "NAVET_NEW_PASSPHRASE";

/// How many times the terminal asks before giving up on a wrong passphrase.
const TRIES: usize = 3;

#[derive(Subcommand)]
pub enum EncryptionCmd {
    /// Visa om databasen och dess säkerhetskopior är krypterade.
    Status,
    /// Kryptera databasen och dess säkerhetskopior med en ny lösenfras (minst 12 tecken).
    /// En glömd lösenfras går inte att återskapa.
    On,
    /// Byt lösenfras; säkerhetskopiorna får den nya.
    Change,
    /// Ta bort krypteringen från databasen och dess säkerhetskopior.
    Off,
}

/// Opens the database at `path`, with its passphrase when it is encrypted: from
/// `NAVET_PASSPHRASE`, else asked at the terminal (three tries).
pub fn open(path: &Path) -> navet::Result<Store> {
    if crypt::form(path)? != Form::Encrypted {
        return Store::open(path);
    }
    if let Some(text) = std::env::var_os(PASSPHRASE_ENV).filter(|v| !v.is_empty()) {
        let key = Passphrase::given(text.to_string_lossy())?;
        return Store::open_keyed(path, Some(&key));
    }
    if !std::io::stdin().is_terminal() {
        // The core's message says where a passphrase can come from.
        return Store::open(path);
    }
    let mut tries = 0;
    loop {
        tries += 1;
        let key = Passphrase::given(ask(&cli::passphrase_prompt(&path.display().to_string()))?)?;
        match Store::open_keyed(path, Some(&key)) {
            Err(e) if e.code() == navet::ErrorCode::Locked && tries < TRIES => eprintln!("{e}"),
            opened => return opened,
        }
    }
}

/// Reads a line at the terminal without echoing it.
fn ask(prompt: &str) -> navet::Result<String> {
    rpassword::prompt_password(prompt).map_err(|e| navet::Error::io("terminalen", e))
}

/// A new passphrase: `NAVET_NEW_PASSPHRASE`, else typed twice at the terminal.
fn new_passphrase() -> navet::Result<Passphrase> {
    if let Some(text) = std::env::var_os(NEW_PASSPHRASE_ENV).filter(|v| !v.is_empty()) {
        let text = text.to_string_lossy().into_owned();
        return Passphrase::chosen(text.clone(), &text);
    }
    if !std::io::stdin().is_terminal() {
        return Err(navet::Message::Required {
            field: cli::NEW_PASSPHRASE_FIELD.into(),
        }
        .into());
    }
    let first = ask(cli::NEW_PASSPHRASE_PROMPT)?;
    let again = zeroize::Zeroizing::new(ask(cli::NEW_PASSPHRASE_AGAIN)?);
    Passphrase::chosen(first, &again)
}

pub fn encryption(store: &mut Store, cmd: EncryptionCmd) -> navet::Result<()> {
    let changed = match cmd {
        EncryptionCmd::Status => {
            let s = ops::encryption::status(store)?;
            println!(
                "{}",
                cli::encryption_status(s.encrypted, &s.cipher, s.backups, &s.backups_differing)
            );
            return Ok(());
        }
        EncryptionCmd::On => {
            // Refused before a passphrase is asked for, when it is already encrypted.
            ops::encryption::expect_encrypted(store, false)?;
            ops::encryption::turn_on(store, &new_passphrase()?)?
        }
        EncryptionCmd::Change => {
            ops::encryption::expect_encrypted(store, true)?;
            ops::encryption::change(store, &new_passphrase()?)?
        }
        EncryptionCmd::Off => ops::encryption::turn_off(store)?,
    };
    println!(
        "{}",
        cli::encryption_changed(changed.encrypted, changed.backups, &changed.backups_failed)
    );
    Ok(())
}
