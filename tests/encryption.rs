//! Encryption at rest: an encrypted database and its backups cannot be read without the
//! passphrase, a wrong one is named, and turning it on, changing it and turning it off
//! keep every row.

use std::path::Path;

use navet::db::crypt::{self, Form, Passphrase};
use navet::ops;
use navet::{ErrorCode, Store};

const PHRASE: &str = "korvkiosken vid stortorget";

fn key(text: &str) -> Passphrase {
    Passphrase::given(text).unwrap()
}

fn reports(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap()
}

fn demo(path: &Path) -> Store {
    let mut s = Store::open(path).unwrap();
    ops::load_demo(
        &mut s,
        4,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    s
}

/// A plain database beside the test's others.
fn plain_backup_twin(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("vanlig.sqlite");
    drop(Store::open(&path).unwrap());
    path
}

/// Whether `needle` is anywhere in the file's bytes.
fn file_has(path: &Path, needle: &[u8]) -> bool {
    std::fs::read(path)
        .unwrap()
        .windows(needle.len())
        .any(|w| w == needle)
}

#[test]
fn an_encrypted_database_and_its_backups_cannot_be_read_without_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("navet.sqlite");
    let mut s = demo(&db);
    let all = reports(&s);
    let plain_backup = ops::backup::create(&s).unwrap();
    s.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    assert!(file_has(&db, b"Stortorget"), "a plain file shows its text");
    assert!(!ops::encryption::status(&s).unwrap().encrypted);

    let changed = ops::encryption::turn_on(&mut s, &key(PHRASE)).unwrap();
    assert!(changed.encrypted);
    assert_eq!(changed.backups, 1);
    assert!(
        changed.backups_failed.is_empty(),
        "{:?}",
        changed.backups_failed
    );
    assert_eq!(
        reports(&s),
        all,
        "the open store is the encrypted one, whole"
    );
    let mode: String = s
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // A write goes through the -wal file, which is encrypted too.
    s.conn()
        .execute(
            "UPDATE report SET text = 'Hemlig anteckning om Kvarnbacken' WHERE id = (SELECT min(id) FROM report)",
            [],
        )
        .unwrap();
    let wal = dir.path().join("navet.sqlite-wal");
    assert!(wal.exists());
    assert!(!file_has(&wal, b"Kvarnbacken"));
    let status = ops::encryption::status(&s).unwrap();
    assert!(status.encrypted);
    assert!(
        status.cipher.starts_with("SQLCipher 4"),
        "{}",
        status.cipher
    );
    assert!(status.backups_differing.is_empty());
    drop(s);

    // The file, and the backup, are pages of noise.
    for f in [db.as_path(), Path::new(&plain_backup.path)] {
        assert_eq!(crypt::form(f).unwrap(), Form::Encrypted, "{}", f.display());
        assert!(!file_has(f, b"SQLite format 3"));
        assert!(!file_has(f, b"Stortorget"));
        assert!(!file_has(f, b"Kvarnbacken"));
        // Plain SQLite (any program) reads nothing.
        let other = rusqlite::Connection::open(f).unwrap();
        let e = other
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_err();
        assert_eq!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase)
        );
    }
    let before = std::fs::read(&db).unwrap();

    // Without the passphrase, and with a wrong one: a clear message, nothing changed.
    let e = Store::open(&db).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked);
    assert!(e.to_string().contains("är krypterad"), "{e}");
    let e = Store::open_keyed(&db, Some(&key("korvkiosken vid stortorge"))).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked);
    assert!(e.to_string().contains("Lösenfrasen öppnar inte"), "{e}");
    let e = Store::open_reader_keyed(&db, Some(&key("fel"))).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked);
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");

    // With it: everything, and the backups are readable with it as well.
    let mut s = Store::open_keyed(&db, Some(&key(PHRASE))).unwrap();
    assert_eq!(reports(&s), all);
    // Temporary data (sorts, index builds) stays in memory, never on disk unencrypted;
    // a plain database uses SQLite's ordinary temporary files.
    let temp = |s: &Store| -> i64 {
        s.conn()
            .pragma_query_value(None, "temp_store", |r| r.get(0))
            .unwrap()
    };
    assert_ne!(
        temp(&s),
        1,
        "an encrypted database's temporary data on disk"
    );
    assert_eq!(temp(&Store::open(plain_backup_twin(&dir)).unwrap()), 1);
    assert!(s.quick_check().unwrap().is_empty());
    let r = Store::open_reader_keyed(&db, Some(&key(PHRASE))).unwrap();
    assert_eq!(reports(&r), all);
    drop(r);
    let old = Store::open_reader_keyed(&plain_backup.path, Some(&key(PHRASE))).unwrap();
    assert_eq!(reports(&old), all);
    drop(old);

    // A backup made now is encrypted, and a restore reads it with the same passphrase.
    let fresh = ops::backup::create(&s).unwrap();
    assert_eq!(
        crypt::form(Path::new(&fresh.path)).unwrap(),
        Form::Encrypted
    );
    s.conn()
        .execute("DELETE FROM report WHERE id % 3 = 0", [])
        .unwrap();
    assert!(reports(&s) < all);
    let kept = ops::backup::restore(&mut s, Path::new(&fresh.path)).unwrap();
    assert_eq!(reports(&s), all);
    assert_eq!(crypt::form(Path::new(&kept.path)).unwrap(), Form::Encrypted);

    // A plain file (another copy made elsewhere) is not restored into an encrypted one.
    let elsewhere = dir.path().join("elsewhere.sqlite");
    drop(demo(&elsewhere));
    let e = ops::backup::restore(&mut s, &elsewhere).unwrap_err();
    assert!(
        e.to_string()
            .contains("inte krypterad men databasen är krypterad"),
        "{e}"
    );
    assert_eq!(reports(&s), all);
}

#[test]
fn the_passphrase_can_be_changed_and_the_encryption_removed_keeping_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("navet.sqlite");
    let mut s = demo(&db);
    let all = reports(&s);
    ops::backup::create(&s).unwrap();
    ops::backup::create(&s).unwrap();
    let e = ops::encryption::change(&mut s, &key("inte krypterad än")).unwrap_err();
    assert!(e.to_string().contains("är inte krypterad"), "{e}");
    let e = ops::encryption::turn_off(&mut s).unwrap_err();
    assert!(e.to_string().contains("är inte krypterad"), "{e}");

    let on = ops::encryption::turn_on(&mut s, &key(PHRASE)).unwrap();
    assert_eq!(on.backups, 2, "{:?}", on.backups_failed);
    let e = ops::encryption::turn_on(&mut s, &key(PHRASE)).unwrap_err();
    assert!(e.to_string().contains("redan krypterad"), "{e}");

    let second = "en helt annan fras 2026";
    let changed = ops::encryption::change(&mut s, &key(second)).unwrap();
    assert_eq!(
        (changed.encrypted, changed.backups),
        (true, 2),
        "{:?}",
        changed.backups_failed
    );
    assert_eq!(reports(&s), all);
    drop(s);
    let e = Store::open_keyed(&db, Some(&key(PHRASE))).unwrap_err();
    assert_eq!(
        e.code(),
        ErrorCode::Locked,
        "the old passphrase opens nothing"
    );
    for b in navet::db::backup::list(&db).unwrap() {
        assert!(Store::open_reader_keyed(&b.path, Some(&key(PHRASE))).is_err());
        let r = Store::open_reader_keyed(&b.path, Some(&key(second))).unwrap();
        assert_eq!(reports(&r), all, "{}", b.file_name);
    }

    let mut s = Store::open_keyed(&db, Some(&key(second))).unwrap();
    let changed = ops::encryption::turn_off(&mut s).unwrap();
    assert_eq!((changed.encrypted, changed.backups), (false, 2));
    assert!(s.key().is_none());
    drop(s);
    assert_eq!(crypt::form(&db).unwrap(), Form::Plain);
    let s = Store::open(&db).unwrap();
    assert_eq!(reports(&s), all);
    assert!(s.quick_check().unwrap().is_empty());
    for b in navet::db::backup::list(&db).unwrap() {
        assert_eq!(crypt::form(Path::new(&b.path)).unwrap(), Form::Plain);
    }
    // No copy is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn encryption_needs_sole_access_and_changes_nothing_while_another_connection_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("navet.sqlite");
    let mut s = demo(&db);
    let all = reports(&s);
    let other = Store::open_reader(&db).unwrap();
    let e = ops::encryption::turn_on(&mut s, &key(PHRASE)).unwrap_err();
    assert!(
        e.to_string().contains("används av ett annat program"),
        "{e}"
    );
    assert_eq!(crypt::form(&db).unwrap(), Form::Plain);
    assert_eq!(reports(&other), all);
    // The store is as it was: plain, in WAL, writable.
    assert!(s.key().is_none());
    let mode: String = s
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    s.conn()
        .execute("DELETE FROM report WHERE id = 1", [])
        .unwrap();
    drop(other);
    ops::encryption::turn_on(&mut s, &key(PHRASE)).unwrap();
    assert_eq!(reports(&s), all - 1);
}

#[test]
fn a_new_passphrase_is_long_enough_and_typed_the_same_twice() {
    let e = Passphrase::chosen("kort fras", "kort fras").unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("minst 12 tecken"), "{e}");
    let e = Passphrase::chosen("korvkiosken vid torget", "korvkiosken vid torge").unwrap_err();
    assert!(e.to_string().contains("inte lika"), "{e}");
    assert!(
        Passphrase::chosen("åäö åäö åäö å", "åäö åäö åäö å").is_ok(),
        "characters, not bytes"
    );
    let p = Passphrase::chosen(PHRASE, PHRASE).unwrap();
    assert!(!format!("{p:?}").contains("korv"), "Debug never shows it");
    assert!(Passphrase::given("").is_err());
}

#[test]
fn a_new_database_opened_with_a_passphrase_is_created_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ny/navet.sqlite");
    let s = Store::open_keyed(&db, Some(&key(PHRASE))).unwrap();
    assert_eq!(reports(&s), 0);
    drop(s);
    assert_eq!(crypt::form(&db).unwrap(), Form::Encrypted);
    assert_eq!(Store::open(&db).unwrap_err().code(), ErrorCode::Locked);
    // A passphrase given for a plain database is not needed and changes nothing.
    let plain = dir.path().join("plain.sqlite");
    drop(Store::open(&plain).unwrap());
    let s = Store::open_keyed(&plain, Some(&key(PHRASE))).unwrap();
    assert!(s.key().is_none());
    drop(s);
    assert_eq!(crypt::form(&plain).unwrap(), Form::Plain);
}

fn navet(db: &Path, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_navet"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("NAVET_DB")
        .env_remove("NAVET_PASSPHRASE")
        .env_remove("NAVET_NEW_PASSPHRASE")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn the_cli_turns_encryption_on_and_off_and_asks_for_the_passphrase_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("navet.sqlite");
    drop(demo(&db));
    let listed = text(&navet(&db, &[], &["report", "list", "--limit", "3"]));
    let out = navet(&db, &[], &["backup", "create"]);
    assert!(out.status.success(), "{}", text(&out));

    // No new passphrase and no terminal: refused, nothing changed.
    let out = navet(&db, &[], &["encryption", "on"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("NAVET_NEW_PASSPHRASE"),
        "{}",
        text(&out)
    );
    assert_eq!(crypt::form(&db).unwrap(), Form::Plain);
    let out = navet(
        &db,
        &[("NAVET_NEW_PASSPHRASE", "för kort")],
        &["encryption", "on"],
    );
    assert!(text(&out).contains("minst 12 tecken"), "{}", text(&out));

    let out = navet(
        &db,
        &[("NAVET_NEW_PASSPHRASE", PHRASE)],
        &["encryption", "on"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Säkerhetskopian bredvid den likaså"),
        "{}",
        text(&out)
    );
    assert_eq!(crypt::form(&db).unwrap(), Form::Encrypted);

    // Without the passphrase, or with a wrong one: one Swedish line, exit 1, no
    // SQLCipher log lines in English.
    for env in [vec![], vec![("NAVET_PASSPHRASE", "fel fras")]] {
        let out = navet(&db, &env, &["report", "list"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let said = text(&out);
        assert!(said.starts_with("navet: "), "{said}");
        assert_eq!(said.trim_end().lines().count(), 1, "{said}");
        assert!(!said.contains("hmac") && !said.contains("ERROR"), "{said}");
    }
    let key = [("NAVET_PASSPHRASE", PHRASE)];
    assert_eq!(
        text(&navet(&db, &key, &["report", "list", "--limit", "3"])),
        listed
    );
    let status = text(&navet(&db, &key, &["encryption", "status"]));
    assert!(
        status.contains("Databasen är krypterad (SQLCipher 4"),
        "{status}"
    );
    assert!(
        status.contains("Säkerhetskopior bredvid den: 1."),
        "{status}"
    );
    let out = navet(&db, &key, &["encryption", "on"]);
    assert!(text(&out).contains("redan krypterad"), "{}", text(&out));

    let out = navet(&db, &key, &["encryption", "off"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(crypt::form(&db).unwrap(), Form::Plain);
    assert_eq!(
        text(&navet(&db, &[], &["report", "list", "--limit", "3"])),
        listed
    );
}

/// An encrypted database of an older schema upgrades under its passphrase, and the copy
/// written before the upgrade is encrypted too.
#[test]
fn an_encrypted_database_of_an_older_schema_upgrades_and_its_copy_stays_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("gammal.sqlite");
    let db = dir.path().join("navet.sqlite");
    {
        let mut s = Store::open_with(&plain, &navet::db::migrations::ALL[..1]).unwrap();
        ops::partners::add(&mut s, "Polisen").unwrap();
    }
    // Encrypted as an older Navet would have (SQLCipher's own export; Navet's turns an
    // open store, which is always at the current schema).
    let c = rusqlite::Connection::open(&plain).unwrap();
    c.execute(
        "ATTACH DATABASE ?1 AS enc KEY ?2",
        (db.to_string_lossy(), PHRASE),
    )
    .unwrap();
    c.query_row("SELECT sqlcipher_export('enc')", [], |_| Ok(()))
        .unwrap();
    c.execute_batch(&format!(
        "PRAGMA enc.user_version = 1; PRAGMA enc.application_id = {};",
        navet::db::APPLICATION_ID
    ))
    .unwrap();
    c.execute_batch("DETACH DATABASE enc").unwrap();
    drop(c);
    assert_eq!(crypt::form(&db).unwrap(), Form::Encrypted);
    let s = Store::open_keyed(&db, Some(&key(PHRASE))).unwrap();
    assert_eq!(
        s.schema_version().unwrap(),
        navet::db::migrations::ALL.len() as i64
    );
    let partners: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM partner WHERE name = 'Polisen'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(partners, 1);
    let copy = s.backup().expect("a copy before the upgrade").to_path_buf();
    assert_eq!(crypt::form(&copy).unwrap(), Form::Encrypted);
    assert!(!file_has(&copy, b"Polisen"));
    let before: i64 = rusqlite::Connection::open(&copy)
        .and_then(|c| {
            c.pragma_update(None, "key", PHRASE)?;
            c.query_row("PRAGMA user_version", [], |r| r.get(0))
        })
        .unwrap();
    assert_eq!(before, 1, "the copy is the old schema");
}
