//! Property-based fuzzing with a fixed seed (the same cases on every CI run; a longer
//! run with another seed is documented in RELIABILITY.md): sniffing and parsing whole
//! files, dates and times (including spreadsheet serials), place-name keys, personal
//! data masking, an export read back by the import, and the PDF layout with any text.
//!
//! `NAVET_FUZZ_CASES` and `NAVET_FUZZ_SEED` make a longer or different run:
//! `NAVET_FUZZ_CASES=20000 NAVET_FUZZ_SEED=7 cargo test --release --test fuzz`.

use navet::Store;
use navet::import::ImportOptions;
use navet::import::dates::{self, DayOrder};
use navet::ops;
use navet::pii;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config(cases: u32) -> Config {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    Config {
        cases: env("NAVET_FUZZ_CASES").map_or(cases, |c| c as u32),
        rng_seed: RngSeed::Fixed(env("NAVET_FUZZ_SEED").unwrap_or(2026)),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text a partner's file or a coordinator may hold: Swedish letters, separators,
/// quotes, digits in date and personnummer shapes, combining marks, emoji, right-to-left
/// script, control characters.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zåäöA-ZÅÄÖ ]{0,12}",
        "[0-9]{1,12}",
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\t".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("2026-11-18".to_string()),
        Just("18/11".to_string()),
        Just("14.30".to_string()),
        Just("811218–9876".to_string()),
        Just("e\u{301}\u{308}".to_string()),
        Just("👩‍👩‍👧‍👦".to_string()),
        Just("مرحبا بالعالم".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("x".repeat(300)),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// A file's bytes: a CSV-like text, or bytes of anything, or a text in another encoding.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(texty(), 0..30).prop_map(|lines| {
            let mut s = String::from("Datum;Tid;Plats;Kategori;Antal;Beskrivning\n");
            s.push_str(&lines.join("\n"));
            s.into_bytes()
        }),
        prop::collection::vec(any::<u8>(), 0..3000),
        texty().prop_map(|s| s.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        // The start of a zip (an XLSX) and then anything.
        prop::collection::vec(any::<u8>(), 0..2000).prop_map(|mut b| {
            let mut z = b"PK\x03\x04".to_vec();
            z.append(&mut b);
            z
        }),
    ]
}

/// Whatever a file holds, the import previews it or refuses it in Swedish, never panics,
/// and a preview stores nothing.
#[test]
fn any_file_is_previewed_or_refused_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(
        &mut s,
        1,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    let before: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(config(300));
    let s = std::cell::RefCell::new(s);
    runner
        .run(&(file_bytes(), 0..3usize), |(bytes, ext)| {
            let name = ["fil.csv", "fil.txt", "fil.xlsx"][ext];
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            let result = ops::import::file(
                &mut s.borrow_mut(),
                &path,
                &ImportOptions {
                    partner: Some("Polisen".into()),
                    dry_run: true,
                    ..Default::default()
                },
            );
            if let Err(e) = result {
                let m = e.to_string();
                for english in ["error", "invalid", "failed", "unexpected", "expected"] {
                    prop_assert!(!m.to_lowercase().contains(english), "English in: {m}");
                }
            }
            Ok(())
        })
        .unwrap();
    let after: i64 = s
        .borrow()
        .conn()
        .query_row("SELECT count(*) FROM report", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after, "a preview stores nothing");
}

proptest! {
    #![proptest_config(config(2000))]

    /// Any text as a date: no panic, and a date read is a real one, in a year people
    /// write; a date written as ISO reads back as itself.
    #[test]
    fn dates_and_times_parse_or_refuse(text in texty(), y in 1900i32..2100, m in 1u32..13, d in 1u32..29) {
        for order in [DayOrder::DayMonth, DayOrder::MonthDay] {
            let _ = dates::parse(&text, order);
            let _ = dates::parse_yearless(&text, order);
        }
        let _ = dates::parse_time(&text);
        let _ = dates::parse_clock(&text);
        let iso = format!("{y:04}-{m:02}-{d:02}");
        let when = dates::parse(&iso, DayOrder::DayMonth).unwrap();
        prop_assert_eq!(when.date.to_string(), iso);
    }

    /// Any spreadsheet number as a date: none outside Excel's range, and no panic.
    #[test]
    fn spreadsheet_serials_never_panic(serial in any::<f64>(), is_1904 in any::<bool>()) {
        if let Some(w) = dates::excel_serial(serial, is_1904) {
            prop_assert!((1899..=9999).contains(&chrono::Datelike::year(&w.date)));
        }
    }

    /// A place name's key is stable (the key of a key is itself) and ignores case and
    /// spacing; masking is complete (nothing left to find) and stable.
    #[test]
    fn keys_and_masks_are_stable(text in texty()) {
        let k = navet::names::key(&text);
        prop_assert_eq!(navet::names::key(&k), k.clone());
        prop_assert_eq!(navet::names::key(&text.to_uppercase()), navet::names::key(&text.to_lowercase()).to_uppercase().to_lowercase());
        let mut bytes = Vec::new();
        navet::names::key_into(&text, &mut bytes);
        prop_assert_eq!(bytes, k.into_bytes());
        let (masked, _) = pii::mask(&text);
        prop_assert!(!pii::scan(&masked).any(), "left after masking: {}", masked);
        prop_assert_eq!(pii::mask(&masked).0, masked);
    }
}

proptest! {
    // A layout of a dozen long texts takes about half a second in a debug build: 30 cases
    // here, thousands in the documented release run.
    #![proptest_config(config(30))]

    /// The PDF layout takes any text (long words, combining marks, emoji, right-to-left
    /// script, control characters) in every block, and writes a PDF.
    #[test]
    fn the_pdf_layout_takes_any_text(texts in prop::collection::vec(texty(), 1..12)) {
        use navet::export::pdf::doc::{Align, Block, Column, Document, Table};
        let t = |i: usize| texts[i % texts.len()].clone();
        let document = Document {
            title: t(0),
            header: t(1),
            footer: t(2),
            created_unix: 1_795_000_000,
            blocks: vec![
                Block::Title { text: t(3), subtitle: t(4) },
                Block::Heading(t(5)),
                Block::Paragraph(t(6)),
                Block::Small(t(7)),
                Table::plain(
                    vec![Column::new(&t(8), 2.0, Align::Left), Column::new(&t(9), 1.0, Align::Right)],
                    texts.iter().map(|x| vec![x.clone(), t(10)]).collect(),
                ),
                Block::Bars {
                    title: t(11),
                    bars: texts
                        .iter()
                        .enumerate()
                        .map(|(i, x)| navet::export::pdf::doc::Bar { label: x.clone(), value: i as f64, mark: None, highlight: i == 1 })
                        .collect(),
                    legend: t(0),
                },
            ],
        };
        let bytes = navet::export::pdf::render(&document).unwrap();
        prop_assert!(bytes.starts_with(b"%PDF"));
    }
}

/// Reports with any text go out as CSV and come back in by the import with every text
/// as it was (masked where it holds personal data, as on the way in).
#[test]
fn an_export_imports_back_with_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(config(25));
    let counter = std::cell::Cell::new(0);
    runner
        .run(&prop::collection::vec(texty(), 1..8), |texts| {
            counter.set(counter.get() + 1);
            let n = counter.get();
            let mut a = Store::open(dir.path().join(format!("a{n}.sqlite"))).unwrap();
            ops::load_demo(
                &mut a,
                1,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
            )
            .unwrap();
            a.conn().execute("DELETE FROM report", []).unwrap();
            let mut wanted = Vec::new();
            for text in &texts {
                let r = ops::report::add(
                    &mut a,
                    &navet::db::report::NewReport {
                        date: "2026-11-10".into(),
                        place: Some("Stortorget".into()),
                        category: "Klotter".into(),
                        partner: "Polisen".into(),
                        text: Some(text.clone()),
                        ..Default::default()
                    },
                )
                .unwrap();
                wanted.push(r.text);
            }
            let csv = dir.path().join(format!("ut{n}.csv"));
            ops::export::run(
                &a,
                &navet::export::ExportRequest {
                    source: navet::export::ExportSource::Reports {
                        filter: Default::default(),
                        by_place: false,
                    },
                    format: navet::export::ExportFormat::Csv,
                    audience: navet::export::Audience::Internal,
                    with_analysis: None,
                },
                &csv,
            )
            .unwrap();
            let mut b = Store::open(dir.path().join(format!("b{n}.sqlite"))).unwrap();
            ops::load_demo(
                &mut b,
                1,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
            )
            .unwrap();
            b.conn().execute("DELETE FROM report", []).unwrap();
            let r = ops::import::file(
                &mut b,
                &csv,
                &ImportOptions {
                    partner: Some("Polisen".into()),
                    ..Default::default()
                },
            )
            .unwrap();
            prop_assert_eq!(r.skipped, 0, "{:?}", r.issues);
            let mut got: Vec<String> = ops::report::list(&b, &Default::default())
                .unwrap()
                .reports
                .into_iter()
                .map(|r| r.text)
                .collect();
            // Two reports alike in every field (same day, place, category, no time or
            // text) read as one row twice: the import keeps one and counts the other as a
            // duplicate, shown, never silently lost (found by a longer run).
            prop_assert_eq!(got.len() as u32 + r.duplicates, wanted.len() as u32);
            got.sort();
            got.dedup();
            wanted.sort();
            wanted.dedup();
            prop_assert_eq!(got, wanted);
            Ok(())
        })
        .unwrap();
}
