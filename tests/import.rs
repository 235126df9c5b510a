//! Import of hostile files made here: Swedish Excel CSV with title rows, totals and
//! personnummer; duplicates and overlaps; undo; the unplaced queue; profiles; day
//! order; DST; XLSX with a merged title; and the three problem policies.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use navet::Store;
use navet::db::report::{Report, ReportFilter};
use navet::import::{DayOrder, Field, ImportOptions, OnProblem, RowAction};
use navet::ops;

struct Env {
    dir: tempfile::TempDir,
    store: Store,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(
        &mut store,
        1,
        NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    Env { dir, store }
}

impl Env {
    /// Writes `text` in Windows-1252 with CRLF, as Swedish Excel saves "CSV (semikolonavgränsad)".
    fn excel_csv(&self, name: &str, text: &str) -> PathBuf {
        let crlf = text.replace('\n', "\r\n");
        let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(&crlf);
        assert!(!bad);
        let p = self.dir.path().join(name);
        std::fs::write(&p, &bytes).unwrap();
        p
    }

    fn utf8(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn import(&mut self, path: &Path, partner: &str) -> navet::import::ImportResult {
        ops::import::file(
            &mut self.store,
            path,
            &ImportOptions {
                partner: Some(partner.into()),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn all(&self) -> Vec<Report> {
        ops::report::list(&self.store, &ReportFilter::default())
            .unwrap()
            .reports
    }
}

const WEEK47: &str = "Inrapportering Bostadsbolaget Hemvist vecka 47;;;;;
;;;;;
Datum;Klockslag;Adress;Händelse;Antal;Beskrivning
2026-11-16;21.30;Torget;Skadegörelse;3;Krossade rutor, anmälare 811218-9876
17/11/2026;kl 22;Björkgången 4;Klotter;1;Ring 070-123 45 67
18 nov 2026;;Norrby C;Brand;1;Containerbrand
2026-11-19;25.00;Torget;klotter;x;Fel tid och antal
;;;;;
Summa;;;;6;
";

#[test]
fn swedish_excel_csv_title_rows_totals_and_personal_data() {
    let mut e = env();
    let before = ops::report::count(&e.store).unwrap();
    let path = e.excel_csv("vecka47.csv", WEEK47);
    let r = e.import(&path, "Bostadsbolaget Hemvist");
    assert_eq!(r.encoding.as_deref(), Some("Windows-1252"));
    assert_eq!(r.delimiter.as_deref(), Some(";"));
    assert_eq!(r.header_line, 3);
    let field = |h: &str| {
        r.columns
            .iter()
            .find(|c| c.header == h)
            .and_then(|c| c.field)
    };
    assert_eq!(field("Klockslag"), Some(Field::Time));
    assert_eq!(field("Adress"), Some(Field::Place));
    assert_eq!(field("Händelse"), Some(Field::Category));
    assert_eq!(
        (r.rows, r.inserted, r.flagged, r.skipped, r.masked),
        (5, 4, 1, 1, 2)
    );
    assert_eq!(ops::report::count(&e.store).unwrap(), before + 4);

    // Every problem has its line and column.
    let at = |line: u64| {
        r.issues
            .iter()
            .filter(|i| i.line == line)
            .collect::<Vec<_>>()
    };
    let l7 = at(7);
    assert!(l7.iter().any(|i| i.column.as_deref() == Some("Klockslag")
        && i.action == RowAction::Flagged
        && i.message.contains("25.00")));
    assert!(
        l7.iter()
            .any(|i| i.column.as_deref() == Some("Antal") && i.message.contains("\"x\""))
    );
    assert!(
        at(9)
            .iter()
            .any(|i| i.action == RowAction::Skipped && i.message.contains("summerings"))
    );
    assert!(
        at(4)
            .iter()
            .any(|i| i.action == RowAction::Info && i.message.contains("maskerades"))
    );

    let mine: Vec<Report> = e
        .all()
        .into_iter()
        .filter(|r| r.import_batch.is_some())
        .collect();
    let by_line = |text: &str| mine.iter().find(|r| r.text.contains(text)).unwrap().clone();
    let a = by_line("Krossade rutor");
    assert_eq!(a.text, "Krossade rutor, anmälare [personnummer]");
    assert_eq!(
        (a.occurred_at.as_str(), a.place.as_deref(), a.count),
        ("2026-11-16T21:30", Some("Stortorget"), 3)
    );
    let b = by_line("Ring");
    assert_eq!(b.text, "Ring [telefon]");
    assert_eq!(b.occurred_at, "2026-11-17T22:00");
    assert_eq!(b.place, None, "Björkgången 4 is not a known place or alias");
    assert_eq!(b.source_place.as_deref(), Some("Björkgången 4"));
    let c = by_line("Containerbrand");
    assert_eq!(
        (
            c.occurred_at.as_str(),
            c.category.as_str(),
            c.place.as_deref()
        ),
        ("2026-11-18", "Brand/anlagd brand", Some("Norrby centrum"))
    );
    let d = by_line("Fel tid");
    assert_eq!(
        (d.occurred_time.as_deref(), d.count, d.category.as_str()),
        (None, 1, "Klotter")
    );

    // The skipped totals row is kept as raw text for the rejected-rows CSV.
    let rejected = ops::import::rejected_rows(&e.store, r.batch.unwrap()).unwrap();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].0, 9);
    assert!(rejected[0].2.starts_with("Summa;"), "{:?}", rejected[0]);
}

#[test]
fn importing_again_or_an_overlapping_file_adds_no_duplicates() {
    let mut e = env();
    let path = e.excel_csv("vecka47.csv", WEEK47);
    let first = e.import(&path, "Bostadsbolaget Hemvist");
    let count = ops::report::count(&e.store).unwrap();
    let again = e.import(&path, "Bostadsbolaget Hemvist");
    assert_eq!((again.inserted, again.duplicates), (0, first.inserted));
    assert_eq!(ops::report::count(&e.store).unwrap(), count);
    // A later file repeating two rows (other spacing and case) and adding one.
    let overlap = e.excel_csv(
        "vecka47-48.csv",
        "Datum;Klockslag;Adress;Händelse;Antal;Beskrivning
2026-11-16;21:30;torget;SKADEGÖRELSE;3;Krossade rutor,  anmälare 811218-9876
18 nov 2026;;Norrby C;Brand;1;Containerbrand
2026-11-23;19.05;Torget;Klotter;2;Ny tagg
",
    );
    let r = e.import(&overlap, "Bostadsbolaget Hemvist");
    assert_eq!((r.inserted, r.duplicates), (1, 2));
    // The same rows from another partner are not duplicates.
    let other = e.import(&overlap, "Polisen");
    assert_eq!(other.inserted, 3);
}

#[test]
fn undo_restores_the_exact_previous_state() {
    let mut e = env();
    let before = e.all();
    let path = e.excel_csv("vecka47.csv", WEEK47);
    let r = e.import(&path, "Bostadsbolaget Hemvist");
    let batch = r.batch.unwrap();
    assert_ne!(e.all().len(), before.len());
    let found = |e: &Env| {
        ops::report::list(
            &e.store,
            &ReportFilter {
                search: Some("containerbrand".into()),
                ..Default::default()
            },
        )
        .unwrap()
        .total
    };
    let in_batch = ops::report::list(
        &e.store,
        &ReportFilter {
            batch: Some(batch),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(in_batch.total, 4, "the result leads to its own rows");
    assert_eq!(found(&e), 1, "the search index has the imported text");
    assert_eq!(ops::import::undo(&mut e.store, batch).unwrap(), 4);
    assert_eq!(e.all(), before);
    assert_eq!(found(&e), 0, "and loses it with the undo");
    e.store
        .conn()
        .execute(
            "INSERT INTO report_fts (report_fts) VALUES ('integrity-check')",
            [],
        )
        .expect("the search index agrees with the reports");
    let list = ops::import::list(&e.store).unwrap();
    assert!(list[0].undone_at.is_some());
    assert_eq!(
        ops::import::undo(&mut e.store, batch).unwrap_err().code(),
        navet::ErrorCode::Conflict
    );
    assert_eq!(
        ops::import::undo(&mut e.store, 9999).unwrap_err().code(),
        navet::ErrorCode::NotFound
    );
    // After an undo the same file imports again in full.
    assert_eq!(e.import(&path, "Bostadsbolaget Hemvist").inserted, 4);
}

#[test]
fn resolving_the_unplaced_queue_creates_an_alias_that_next_weeks_file_uses() {
    let mut e = env();
    let path = e.excel_csv("vecka47.csv", WEEK47);
    e.import(&path, "Bostadsbolaget Hemvist");
    let queue = ops::places::unplaced(&e.store).unwrap();
    let item = queue
        .iter()
        .find(|u| u.text == "Björkgången 4")
        .expect("in the queue");
    assert_eq!(item.rows, 1);
    assert_eq!(
        item.suggestions.first().map(String::as_str),
        Some("Björkgången")
    );
    assert_eq!(
        ops::places::add_alias(&mut e.store, "Björkgången", "Björkgången 4").unwrap(),
        1
    );
    assert!(
        !ops::places::unplaced(&e.store)
            .unwrap()
            .iter()
            .any(|u| u.text == "Björkgången 4")
    );
    let placed = e
        .all()
        .into_iter()
        .find(|r| r.text == "Ring [telefon]")
        .unwrap();
    assert_eq!(placed.place.as_deref(), Some("Björkgången"));
    let next = e.excel_csv(
        "vecka48.csv",
        "Datum;Adress;Händelse\n2026-11-24;björkgången 4;Klotter\n",
    );
    let r = e.import(&next, "Bostadsbolaget Hemvist");
    assert!(r.unplaced.is_empty());
    assert!(r.sample[0].place_resolved);
}

#[test]
fn a_mapping_is_saved_as_a_profile_and_reused_for_the_same_shape() {
    let mut e = env();
    let odd = "När;Var;Vad;Noteringar\n2026-11-18;Torget;Klotter;Tagg på bänk\n";
    let p1 = e.utf8("fältgruppen-1.csv", odd);
    let err = ops::import::file(
        &mut e.store,
        &p1,
        &ImportOptions {
            partner: Some("Fältgruppen".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("Datum") && err.to_string().contains("När, Var, Vad"),
        "{err}"
    );
    let opts = ImportOptions {
        partner: Some("Fältgruppen".into()),
        columns: vec![
            ("När".into(), Field::Date),
            ("Var".into(), Field::Place),
            ("Vad".into(), Field::Category),
            ("4".into(), Field::Description),
        ],
        ..Default::default()
    };
    let r1 = ops::import::file(&mut e.store, &p1, &opts).unwrap();
    assert_eq!(r1.inserted, 1);
    let profile = r1.profile.clone().unwrap();
    let p2 = e.utf8(
        "fältgruppen-2.csv",
        "När;Var;Vad;Noteringar\n2026-11-25;Parken;Nedskräpning;Skräp\n",
    );
    let r2 = e.import(&p2, "Fältgruppen");
    assert_eq!(
        r2.profile.as_deref(),
        Some(profile.as_str()),
        "the same shape finds the profile"
    );
    assert_eq!(r2.inserted, 1);
    let stored = e.all().into_iter().find(|r| r.text == "Skräp").unwrap();
    assert_eq!(
        (stored.place.as_deref(), stored.category.as_str()),
        (Some("Stadsparken"), "Nedskräpning")
    );
}

#[test]
fn day_order_is_decided_for_the_whole_file() {
    let mut e = env();
    let dm = e.utf8(
        "dm.csv",
        "Datum;Händelse\n05/11/2026;Klotter\n13/11/2026;Klotter\n",
    );
    let r = e.import(&dm, "Polisen");
    assert_eq!(r.day_order, DayOrder::DayMonth);
    assert_eq!(r.sample[0].date.as_deref(), Some("2026-11-05"));
    let md = e.utf8(
        "md.csv",
        "Datum;Händelse\n05/11/2026;Skadegörelse\n11/13/2026;Skadegörelse\n",
    );
    let r = e.import(&md, "Polisen");
    assert_eq!(r.day_order, DayOrder::MonthDay);
    assert_eq!(
        r.sample[0].date.as_deref(),
        Some("2026-05-11"),
        "the first row follows the file's order"
    );
    assert_eq!(r.sample[1].date.as_deref(), Some("2026-11-13"));
}

#[test]
fn utc_times_become_stockholm_wall_clock_across_both_dst_nights() {
    let mut e = env();
    let p = e.utf8(
        "dst.csv",
        "Tidpunkt,Typ,Beskrivning\n2026-03-29T00:30:00Z,Klotter,före\n2026-03-29T01:30:00Z,Klotter,efter\n2026-10-25T00:30:00Z,Klotter,första 02:30\n2026-10-25T01:30:00Z,Klotter,andra 02:30\n",
    );
    let r = e.import(&p, "Polisen");
    assert_eq!(r.inserted, 4);
    let at = |t: &str| {
        e.all()
            .into_iter()
            .find(|r| r.text == t)
            .unwrap()
            .occurred_at
    };
    assert_eq!(at("före"), "2026-03-29T01:30");
    assert_eq!(at("efter"), "2026-03-29T03:30");
    assert_eq!(at("första 02:30"), "2026-10-25T02:30");
    assert_eq!(at("andra 02:30"), "2026-10-25T02:30");
}

#[test]
fn xlsx_with_a_merged_title_excel_dates_and_a_totals_row() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut e = env();
    let path = e.dir.path().join("rapport.xlsx");
    let mut wb = Workbook::new();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let time_fmt = Format::new().set_num_format("hh:mm");
    let ws = wb.add_worksheet().set_name("Vecka 47").unwrap();
    ws.merge_range(
        0,
        0,
        0,
        4,
        "Kollektivtrafiken – rapport vecka 47",
        &Format::new(),
    )
    .unwrap();
    for (c, h) in ["Datum", "Tid", "Hållplats", "Typ", "Kommentar"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let rows = [
        (
            (2026, 11, 16),
            (7, 45),
            "Resecentrum",
            "Skadegörelse",
            "Krossad glasruta",
        ),
        (
            (2026, 11, 20),
            (23, 10),
            "Norrby hpl",
            "Hot och våld",
            "Förare hotad",
        ),
    ];
    for (i, (d, t, place, kind, text)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_datetime_with_format(
            r,
            0,
            ExcelDateTime::from_ymd(d.0, d.1, d.2).unwrap(),
            &date_fmt,
        )
        .unwrap();
        ws.write_datetime_with_format(
            r,
            1,
            ExcelDateTime::from_hms(t.0, t.1, 0).unwrap(),
            &time_fmt,
        )
        .unwrap();
        ws.write_string(r, 2, *place).unwrap();
        ws.write_string(r, 3, *kind).unwrap();
        ws.write_string(r, 4, *text).unwrap();
    }
    ws.write_string(6, 0, "Totalt").unwrap();
    ws.write_number(6, 1, 2).unwrap();
    wb.save(&path).unwrap();

    let r = e.import(&path, "Kollektivtrafiken");
    assert_eq!(r.sheet.as_deref(), Some("Vecka 47"));
    assert_eq!(r.header_line, 3);
    assert_eq!((r.inserted, r.skipped), (2, 1));
    let all = e.all();
    let a = all.iter().find(|x| x.text == "Krossad glasruta").unwrap();
    assert_eq!(
        (a.occurred_at.as_str(), a.place.as_deref()),
        ("2026-11-16T07:45", Some("Resecentrum"))
    );
    let b = all.iter().find(|x| x.text == "Förare hotad").unwrap();
    assert_eq!(
        (b.occurred_at.as_str(), b.place.as_deref()),
        ("2026-11-20T23:10", Some("Norrby hållplats"))
    );
}

#[test]
fn problem_policies_skip_and_abort() {
    let mut e = env();
    let path = e.excel_csv("vecka47.csv", WEEK47);
    let before = ops::report::count(&e.store).unwrap();
    let batches = ops::import::list(&e.store).unwrap().len();
    let err = ops::import::file(
        &mut e.store,
        &path,
        &ImportOptions {
            partner: Some("Bostadsbolaget Hemvist".into()),
            on_problem: OnProblem::Abort,
            ..Default::default()
        },
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("vecka47.csv, rad 7, kolumn Klockslag:"),
        "{text}"
    );
    assert!(text.contains("inget har sparats"), "{text}");
    assert_eq!(
        ops::report::count(&e.store).unwrap(),
        before,
        "all or nothing"
    );
    assert_eq!(
        ops::import::list(&e.store).unwrap().len(),
        batches,
        "no batch either"
    );

    let r = ops::import::file(
        &mut e.store,
        &path,
        &ImportOptions {
            partner: Some("Bostadsbolaget Hemvist".into()),
            on_problem: OnProblem::Skip,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.inserted, r.flagged, r.skipped), (3, 0, 2));
    let rejected = ops::import::rejected_rows(&e.store, r.batch.unwrap()).unwrap();
    assert!(
        rejected
            .iter()
            .any(|(line, _, raw)| *line == 7 && raw.contains("25.00"))
    );
}

#[test]
fn keeping_personal_data_flags_the_row_instead() {
    let mut e = env();
    let p = e.utf8(
        "pnr.csv",
        "Datum;Händelse;Beskrivning\n2026-11-18;Otrygghet;Oro kring 19811218-9876\n",
    );
    let r = ops::import::file(
        &mut e.store,
        &p,
        &ImportOptions {
            partner: Some("Socialtjänsten".into()),
            keep_personal_data: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.masked, r.flagged), (0, 1));
    assert!(e.all().iter().any(|x| x.text == "Oro kring 19811218-9876"));
}

#[test]
fn unreadable_files_are_refused_naming_the_file() {
    let mut e = env();
    let fake = e.utf8("rapport.xlsx", "det här är ingen xlsx");
    let err = ops::import::file(
        &mut e.store,
        &fake,
        &ImportOptions {
            partner: Some("Polisen".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("rapport.xlsx: kan inte importeras"),
        "{err}"
    );
    let json = e.utf8("handelser.json", "[{\"id\": 1, \"name\": ");
    let err = ops::import::file(&mut e.store, &json, &ImportOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("handelser.json: kan inte importeras"),
        "{err}"
    );
    let unknown = e.utf8("x.csv", "Datum;Händelse\n2026-11-18;Klotter\n");
    let err = ops::import::file(
        &mut e.store,
        &unknown,
        &ImportOptions {
            partner: Some("Polis".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("Menade du: Polisen"), "{err}");
}

#[test]
fn progress_is_reported_and_cancelling_stores_nothing() {
    let mut e = env();
    let path = e.dir.path().join("stor.csv");
    navet::demo::write_partner_csv(&path, 5000).unwrap();
    let before = ops::report::count(&e.store).unwrap();
    let seen = std::cell::Cell::new(0u32);
    let opts = ImportOptions {
        partner: Some("Polisen".into()),
        ..Default::default()
    };
    let err = ops::import::file_with_progress(&mut e.store, &path, &opts, &|p| {
        seen.set(p.rows);
        assert!(p.estimated >= p.rows);
        p.rows < 4000
    })
    .unwrap_err();
    assert_eq!(err.code(), navet::ErrorCode::Cancelled);
    assert_eq!(seen.get(), 4000);
    assert_eq!(ops::report::count(&e.store).unwrap(), before);
    assert!(ops::import::list(&e.store).unwrap().is_empty());
    let r = ops::import::file_with_progress(&mut e.store, &path, &opts, &|_| true).unwrap();
    assert_eq!(r.inserted, 5000);
}

#[test]
fn a_csv_navet_wrote_imports_back_to_the_same_values() {
    let mut e = env();
    let path = e.dir.path().join("export.csv");
    let rows = [
        [
            "2026-11-18",
            "Torget",
            "Klotter",
            "=HYPERLINK(\"http://x\")",
        ],
        ["2026-11-19", "Parken", "Otrygghet", "-20 grader och mörkt"],
        ["2026-11-20", "Parken", "Otrygghet", "'=redan skyddad"],
    ];
    navet::export::csv::write_file(
        &path,
        &["Datum", "Plats", "Händelse", "Beskrivning"],
        rows.iter().map(|r| r.iter().copied()),
    )
    .unwrap();
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(
        raw.contains("'=HYPERLINK") && raw.contains("'-20 grader") && raw.contains("''=redan"),
        "{raw}"
    );
    let r = e.import(&path, "Polisen");
    assert_eq!(r.inserted, 3);
    let all = e.all();
    for row in &rows {
        assert!(
            all.iter().any(|x| x.text == row[3]),
            "{} did not come back",
            row[3]
        );
    }
}

#[test]
fn a_row_without_a_partner_is_listed_not_dropped() {
    let mut e = env();
    let p = e.utf8(
        "blandat.csv",
        "Datum;Aktör;Händelse\n2026-11-18;Polisen;Klotter\n2026-11-19;;Klotter\n",
    );
    let r = ops::import::file(&mut e.store, &p, &ImportOptions::default()).unwrap();
    assert_eq!((r.rows, r.inserted, r.skipped), (2, 1, 1));
    let issue = r
        .issues
        .iter()
        .find(|i| i.line == 3)
        .expect("line 3 is listed");
    assert_eq!(issue.column.as_deref(), Some("Aktör"));
    assert!(issue.message.contains("Aktör saknas"), "{}", issue.message);
    assert_eq!(
        ops::import::rejected_rows(&e.store, r.batch.unwrap()).unwrap()[0].2,
        "2026-11-19;;Klotter"
    );
}

fn journal_mode(store: &Store) -> String {
    store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

fn report_indexes(store: &Store) -> Vec<(String, String)> {
    let mut stmt = store
        .conn()
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'report' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// From 50,000 rows, into a smaller table, the loader drops the report indexes, checks
/// duplicates in memory and rebuilds the indexes, all in WAL:
/// the database must end up exactly as the row-by-row path would leave it.
#[test]
fn a_large_file_loads_in_bulk_and_leaves_the_database_as_before() {
    let mut e = env();
    let indexes = report_indexes(&e.store);
    assert_eq!(indexes.len(), 4, "{indexes:?}");
    let first = e.dir.path().join("stor-1.csv");
    let second = e.dir.path().join("stor-2.csv");
    navet::demo::write_partner_csv(&first, 60_000).unwrap();
    // The same generator: its first 60,000 rows are the first file's.
    navet::demo::write_partner_csv(&second, 70_000).unwrap();
    let demo = ops::report::count(&e.store).unwrap();

    let r = e.import(&first, "Polisen");
    assert_eq!((r.inserted, r.duplicates, r.skipped), (60_000, 0, 0));
    assert_eq!(r.masked, 61, "one row in 997 carries a personnummer");
    assert_eq!(journal_mode(&e.store), "wal");
    assert_eq!(report_indexes(&e.store), indexes);
    let ok: String = e
        .store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");

    // Another connection keeps the file in WAL; the bulk load still runs, in WAL, and
    // the keys held in memory find the 60,000 rows already stored.
    let other = Store::open(e.dir.path().join("n.sqlite")).unwrap();
    let r2 = e.import(&second, "Polisen");
    assert_eq!((r2.inserted, r2.duplicates), (10_000, 60_000));
    assert_eq!(ops::report::count(&other).unwrap(), demo + 70_000);
    drop(other);
    assert_eq!(journal_mode(&e.store), "wal");
    assert_eq!(report_indexes(&e.store), indexes);

    // A smaller file than the table goes row by row: the unique index finds them all.
    let again = e.import(&first, "Polisen");
    assert_eq!((again.inserted, again.duplicates), (0, 60_000));
    let distinct: (i64, i64) = e
        .store
        .conn()
        .query_row(
            "SELECT count(row_key), count(DISTINCT row_key) FROM report",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(distinct.0, distinct.1);

    assert_eq!(
        ops::import::undo(&mut e.store, r2.batch.unwrap()).unwrap(),
        10_000
    );
    assert_eq!(ops::report::count(&e.store).unwrap(), demo + 60_000);
}

/// The connection settings an import changes, as (foreign_keys, cache_size, threads).
fn load_settings(store: &Store) -> (i64, i64, i64) {
    let get = |name: &str| -> i64 {
        store
            .conn()
            .pragma_query_value(None, name, |r| r.get(0))
            .unwrap()
    };
    (get("foreign_keys"), get("cache_size"), get("threads"))
}

/// A bulk load that fails half-way (a row that aborts it) or panics half-way (in the
/// progress callback, on the storing thread) leaves every setting, every index and
/// every row as it was.
#[test]
fn a_bulk_load_that_fails_or_panics_half_way_restores_every_setting() {
    let mut e = env();
    let indexes = report_indexes(&e.store);
    assert_eq!(indexes.len(), 4, "{indexes:?}");
    let before = load_settings(&e.store);
    assert_eq!(before.0, 1, "foreign keys are on");
    let reports = ops::report::count(&e.store).unwrap();
    let path = e.dir.path().join("stor.csv");
    navet::demo::write_partner_csv(&path, 60_000).unwrap();
    // Row 30,000's date cannot be read: with `abort`, the whole load stops there.
    let text = std::fs::read(&path).unwrap();
    let mut lines: Vec<&[u8]> = text.split(|b| *b == b'\n').collect();
    let broken = b"2026-13-45;12.00;Torget;Klotter;1;trasig rad\r".to_vec();
    lines[30_000] = &broken;
    std::fs::write(&path, lines.join(&b'\n')).unwrap();

    let abort = ImportOptions {
        partner: Some("Polisen".into()),
        on_problem: OnProblem::Abort,
        ..Default::default()
    };
    let err = ops::import::file(&mut e.store, &path, &abort).unwrap_err();
    assert!(err.to_string().contains("30001"), "{err}");
    assert_eq!(load_settings(&e.store), before);
    assert_eq!(report_indexes(&e.store), indexes);
    assert_eq!(ops::report::count(&e.store).unwrap(), reports);

    let flag = ImportOptions {
        partner: Some("Polisen".into()),
        ..Default::default()
    };
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ops::import::file_with_progress(&mut e.store, &path, &flag, &|p| {
            assert!(p.rows < 20_000, "a panic half-way through the load");
            true
        })
    }));
    assert!(panicked.is_err());
    assert_eq!(load_settings(&e.store), before);
    assert_eq!(report_indexes(&e.store), indexes);
    assert_eq!(ops::report::count(&e.store).unwrap(), reports);
    let ok: String = e
        .store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");

    // And the store still works: the same file, flagged, loads in full.
    let r = e.import(&path, "Polisen");
    assert_eq!(r.rows, 60_000);
    assert_eq!(load_settings(&e.store), before);
    assert_eq!(report_indexes(&e.store), indexes);
}

/// A lone inch mark inside an unquoted field is read as Excel reads it (a character);
/// a quoted field that never closes is still refused, with the file named.
#[test]
fn an_inch_mark_is_text_and_an_unclosed_quote_is_refused() {
    let mut e = env();
    let p = e.excel_csv(
        "skärmar.csv",
        "Datum;Plats;Händelse;Beskrivning\n2026-11-18;Torget;Skadegörelse;Skärm 24\" trasig\n2026-11-19;Torget;Klotter;\"Tagg; stor\"\n",
    );
    let r = e.import(&p, "Polisen");
    assert_eq!((r.inserted, r.skipped), (2, 0), "{:?}", r.issues);
    let texts: Vec<String> = e.all().into_iter().map(|r| r.text).collect();
    assert!(texts.iter().any(|t| t == "Skärm 24\" trasig"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Tagg; stor"), "{texts:?}");

    let bad = e.excel_csv(
        "trasig.csv",
        "Datum;Plats;Händelse;Beskrivning\n2026-11-18;Torget;Klotter;\"aldrig stängd\n2026-11-19;Torget;Klotter;x\n",
    );
    let err = ops::import::file(
        &mut e.store,
        &bad,
        &ImportOptions {
            partner: Some("Polisen".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("trasig.csv"), "{err}");
    assert!(err.to_string().contains("citattecken"), "{err}");
}

/// Times a spreadsheet program turned into numbers: LibreOffice saved this partner CSV
/// (`14.30`, `07.00`, `14.05`, `00.30`, `21:45`, `7`) as an XLSX, and the times became
/// 14.3, 7, 14.05, 0.3, a time-formatted 0.90625 and 7. They are read as the Swedish
/// clock times they were; 0.3 (00:30 or 07:12?) is stored as 00:30 and flagged.
/// The fixture is committed; where LibreOffice is installed the test also makes it anew.
#[test]
fn clock_times_that_a_spreadsheet_turned_into_numbers() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/libreoffice");
    let mut files = vec![fixture.join("vecka47-tider.xlsx")];
    let fresh = tempfile::tempdir().unwrap();
    if let Ok(status) = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--infilter=CSV:59,34,76,1,,1033",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(fresh.path())
        .arg(fixture.join("vecka47-tider.csv"))
        .env("HOME", fresh.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        && status.success()
    {
        files.push(fresh.path().join("vecka47-tider.xlsx"));
    }
    for file in files {
        let mut e = env();
        let r = e.import(&file, "Polisen");
        assert_eq!(r.inserted, 6, "{}: {:?}", file.display(), r.issues);
        let mut times: Vec<(String, String)> = e
            .all()
            .into_iter()
            .filter(|x| x.import_batch == r.batch)
            .map(|x| (x.text, x.occurred_time.unwrap_or_default()))
            .collect();
        times.sort();
        assert_eq!(
            times,
            [
                ("container", "00:30"),
                ("elskåp", "21:45"),
                ("en siffra", "07:00"),
                ("krossad ruta", "07:00"),
                ("tagg på bänk", "14:30"),
                ("väggen", "14:05"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string())),
            "{}",
            file.display()
        );
        let flagged: Vec<&str> = r
            .issues
            .iter()
            .filter(|i| i.action == RowAction::Flagged)
            .map(|i| i.message.as_str())
            .collect();
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        assert!(flagged[0].contains("00:30 eller 07:12"), "{flagged:?}");
    }
}

/// Personal data is masked wherever text enters: every imported column, the problem
/// messages that quote a cell, the raw text of a skipped row, and the report form.
#[test]
fn personal_data_is_masked_in_every_column_message_and_skipped_row() {
    let mut e = env();
    let p = e.utf8(
        "personer.csv",
        "Datum;Plats;Händelse;Antal;Bedömning;Id;Beskrivning\n\
         2026-11-18;Torget 811218–9876;Klotter;1;Hög, pnr 811218-9876;811218-9876;tagg\n\
         2026-11-18;Torget;Klotter;811218-9876;Låg;A-2;antal med pnr\n\
         ;Torget;Klotter;1;;;ring 070-123 45 67, 19811218-9876\n",
    );
    let r = e.import(&p, "Polisen");
    assert_eq!((r.inserted, r.skipped), (2, 1), "{:?}", r.issues);
    let all = e.all();
    let stored: Vec<&Report> = all.iter().filter(|x| x.import_batch == r.batch).collect();
    for report in &stored {
        let fields = [
            report.source_place.clone().unwrap_or_default(),
            report.assessment.clone().unwrap_or_default(),
            report.external_id.clone().unwrap_or_default(),
            report.text.clone(),
        ];
        for f in fields {
            assert!(!f.contains("9876"), "stored unmasked: {f}");
        }
    }
    assert!(
        stored
            .iter()
            .any(|x| x.assessment.as_deref() == Some("Hög, pnr [personnummer]"))
    );
    for issue in &r.issues {
        assert!(!issue.message.contains("9876"), "{}", issue.message);
    }
    let rejected = ops::import::rejected_rows(&e.store, r.batch.unwrap()).unwrap();
    assert_eq!(rejected.len(), 1);
    assert!(
        !rejected[0].2.contains("9876") && !rejected[0].2.contains("45 67"),
        "{}",
        rejected[0].2
    );
    assert!(
        rejected[0].2.contains("[personnummer]"),
        "{}",
        rejected[0].2
    );

    // The form (and `navet report add --text`) masks too.
    let typed = ops::report::add(
        &mut e.store,
        &navet::db::report::NewReport {
            date: "2026-11-19".into(),
            category: "Klotter".into(),
            partner: "Polisen".into(),
            text: Some("Anmälare 811218\u{2013}9876, tel 070-123 45 67".into()),
            assessment: Some("pnr 8112189876".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(typed.text, "Anmälare [personnummer], tel [telefon]");
    assert_eq!(typed.assessment.as_deref(), Some("pnr [personnummer]"));
}

/// Swedish short dates without a year (`3/11`, `3/11 21.30`) are read, not skipped: the
/// year comes from the file's other dates, else its title row, else the import day
/// (the nearest date not in the future), and the result says which. Every row arrives.
#[test]
fn short_dates_without_a_year_take_the_year_from_the_file_its_title_or_today() {
    let mut e = env();
    let before = e.all().len();
    // Two of five rows have a year: the others take the year nearest to 2026-11-06.
    let p = e.excel_csv(
        "fritid.csv",
        "Datum;Plats;Kategori;Beskrivning\n3/11;Stortorget;Klotter;ett\n5/11 21.30;Stortorget;Klotter;två\n3/11 21.30;Stortorget;Klotter;tre\n2026-11-06;Stortorget;Klotter;fyra\n6/11/2026;Stortorget;Klotter;fem\n",
    );
    let r = e.import(&p, "Fältgruppen");
    assert_eq!((r.inserted, r.skipped), (5, 0), "{:?}", r.issues);
    let note = r.year_note.expect("the year is explained");
    assert!(
        note.starts_with("3 datum saknade år") && note.contains("filens övriga datum"),
        "{note}"
    );
    let all = e.all();
    assert_eq!(all.len(), before + 5);
    let two = all.iter().find(|r| r.text == "två").unwrap();
    assert_eq!(
        (two.occurred_date.as_str(), two.occurred_time.as_deref()),
        ("2026-11-05", Some("21:30"))
    );

    // Only short dates, under a title row naming the week: the title's year.
    let p = e.excel_csv(
        "vecka.csv",
        "Vecka 1 2027;;;\n;;;\nDatum;Plats;Kategori;Beskrivning\n4/1;Stortorget;Klotter;sex\n5/1 08.15;Stortorget;Klotter;sju\n",
    );
    let r = e.import(&p, "Fältgruppen");
    assert_eq!(r.inserted, 2, "{:?}", r.issues);
    assert!(r.year_note.unwrap().contains("rubrik (2027)"));
    assert!(
        e.all()
            .iter()
            .any(|r| r.text == "sju" && r.occurred_date == "2027-01-05")
    );

    // No year anywhere: the nearest day that is not after the import day.
    let today = chrono::Local::now().date_naive();
    let p = e.excel_csv(
        "utan.csv",
        &format!(
            "Datum;Plats;Kategori;Beskrivning\n{}/{};Stortorget;Klotter;åtta\n",
            today.format("%-d"),
            today.format("%-m")
        ),
    );
    let r = e.import(&p, "Fältgruppen");
    assert_eq!(r.inserted, 1);
    assert!(r.year_note.unwrap().contains("i dag"));
    let eight = e.all().into_iter().find(|r| r.text == "åtta").unwrap();
    assert_eq!(eight.occurred_date, today.to_string());
    // A file with every date whole says nothing about years.
    let p = e.excel_csv(
        "hela.csv",
        "Datum;Plats;Kategori;Beskrivning\n2026-11-09;Stortorget;Klotter;nio\n",
    );
    assert!(e.import(&p, "Fältgruppen").year_note.is_none());
}

/// A file that is not there is said in Swedish, never "No such file or directory (os
/// error 2)".
#[test]
fn a_missing_file_is_said_in_swedish() {
    let mut e = env();
    let missing = e.dir.path().join("finns-inte.csv");
    let err = ops::import::file(&mut e.store, &missing, &ImportOptions::default()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("finns inte") && !text.contains("os error"),
        "{text}"
    );
}

/// The preview shows what will be stored beside the file's own words: the place an
/// alias names, the category a label maps to, and nothing for a place Navet does not know.
#[test]
fn the_preview_shows_the_stored_place_and_category_beside_the_files_text() {
    let mut e = env();
    let p = e.utf8(
        "smp.csv",
        "Datum;Plats;Kategori\n2026-11-02;torget;klotter\n2026-11-03;Okänd gata;Brand\n",
    );
    let r = ops::import::file(
        &mut e.store,
        &p,
        &ImportOptions {
            partner: Some("Polisen".into()),
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    let rows: Vec<_> = r
        .sample
        .iter()
        .map(|s| {
            (
                s.place.as_deref(),
                s.stored_place.as_deref(),
                s.stored_category.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("torget"), Some("Stortorget"), Some("Klotter")),
            (Some("Okänd gata"), None, Some("Brand/anlagd brand")),
        ]
    );
}

/// A row whose date cannot be read is listed as needing a date; the date typed in the
/// preview stores it, flagged as corrected by hand, instead of losing it.
#[test]
fn a_date_typed_in_the_preview_saves_a_row_whose_date_could_not_be_read() {
    let mut e = env();
    let p = e.utf8(
        "trasig.csv",
        "Datum;Plats;Kategori;Beskrivning\n2026-11-02;Stortorget;Klotter;ett\nigår kväll;Stortorget;Klotter;två\n",
    );
    let opts = |fixes: Vec<(u64, String)>, dry_run| ImportOptions {
        partner: Some("Polisen".into()),
        dry_run,
        date_fixes: fixes,
        ..Default::default()
    };
    let r = ops::import::file(&mut e.store, &p, &opts(vec![], true)).unwrap();
    assert_eq!((r.inserted, r.skipped), (1, 1));
    let issue = r.issues.iter().find(|i| i.line == 3).unwrap();
    assert!(issue.needs_date, "{issue:?}");
    let r = ops::import::file(
        &mut e.store,
        &p,
        &opts(vec![(3, "2026-11-01".into())], false),
    )
    .unwrap();
    assert_eq!(
        (r.inserted, r.skipped, r.flagged),
        (2, 0, 1),
        "{:?}",
        r.issues
    );
    assert!(
        r.issues
            .iter()
            .any(|i| i.line == 3 && i.message.contains("för hand"))
    );
    assert!(
        e.all()
            .iter()
            .any(|x| x.text == "två" && x.occurred_date == "2026-11-01")
    );
}

/// Problems name the file's own line numbers, also after blank lines (the csv crate
/// numbers a record after blank lines by the first of them), across a field with line
/// breaks, and for a last line with no line break.
#[test]
fn problems_name_the_files_own_lines_after_blank_lines() {
    let mut e = env();
    let p = e.utf8(
        "tomma.csv",
        "Rapport\n\n\nDatum;Kategori;Antal\n2026-11-01;Klotter;1\n\n2026-11-02;Klotter;\"fel\n\nrad\"\n2026-11-03;Klotter;y",
    );
    let r = ops::import::file(
        &mut e.store,
        &p,
        &ImportOptions {
            partner: Some("Polisen".into()),
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.header_line, 4);
    let lines: Vec<u64> = r.issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, [7, 10], "{:?}", r.issues);
}
