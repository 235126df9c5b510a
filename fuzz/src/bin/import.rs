//! AFL++ target: any bytes as a partner's file (its first byte picks CSV, TXT, XLSX or
//! JSON), previewed by the import into a database that holds the demo. A panic, a hang
//! or memory past AFL's limit is a finding; a refusal in Swedish is the right answer.

use std::cell::RefCell;

use navet::Store;
use navet::import::ImportOptions;
use navet::ops;

thread_local! {
    static STORE: RefCell<Option<(tempfile::TempDir, Store)>> = const { RefCell::new(None) };
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        STORE.with(|cell| {
            let mut slot = cell.borrow_mut();
            let (dir, store) = slot.get_or_insert_with(|| {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let mut s = Store::open(dir.path().join("n.sqlite")).expect("a database");
                let end = chrono_end();
                ops::load_demo(&mut s, 1, end).expect("the demo");
                (dir, s)
            });
            let Some((&pick, body)) = data.split_first() else {
                return;
            };
            let name = ["fil.csv", "fil.txt", "fil.xlsx", "fil.json"][usize::from(pick % 4)];
            let path = dir.path().join(name);
            if std::fs::write(&path, body).is_err() {
                return;
            }
            let _ = ops::import::file(
                store,
                &path,
                &ImportOptions {
                    partner: Some("Polisen".into()),
                    dry_run: true,
                    ..Default::default()
                },
            );
        });
    });
}

fn chrono_end() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default()
}
