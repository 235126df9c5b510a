//! Navet's importer on real files and on parser test suites written by others
//! (`tests/fixtures/realdata/`, copied from `shared/realdata/` with its README,
//! which gives each file's source, commit and licence).

use std::path::{Path, PathBuf};

use navet::Store;
use navet::db::report::ReportFilter;
use navet::import::source::Source;
use navet::import::{ImportOptions, OnProblem};
use navet::ops;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/realdata")
        .join(rel)
}

/// Every row of a file as Navet's reader gives it.
fn read_all(path: &Path) -> navet::Result<Vec<Vec<String>>> {
    let src = Source::open(path, None)?;
    let mut reader = src.rows()?;
    let mut rec = csv::StringRecord::new();
    let mut rows = Vec::new();
    while reader.read(&mut rec)? {
        rows.push(rec.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

#[test]
fn csv_spectrum_matches_its_expected_json() {
    let dir = fixture("csv-spectrum/csvs");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        // One expected file is a single object rather than an array of one.
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixture(&format!("csv-spectrum/json/{stem}.json"))).unwrap(),
        )
        .unwrap();
        let expected: Vec<serde_json::Map<String, serde_json::Value>> = match expected {
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(|v| v.as_object().unwrap().clone())
                .collect(),
            serde_json::Value::Object(one) => vec![one],
            other => panic!("{stem}: {other}"),
        };
        let rows = read_all(&path).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let header = &rows[0];
        let got: Vec<serde_json::Map<String, serde_json::Value>> = rows[1..]
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| {
                header
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        (
                            h.clone(),
                            serde_json::Value::String(r.get(i).cloned().unwrap_or_default()),
                        )
                    })
                    .collect()
            })
            .collect();
        // Upstream's expected JSON for location_coordinates has another phone number
        // than its CSV (2095257564); the CSV is what a parser reads.
        let mut expected = expected;
        if stem == "location_coordinates" {
            expected[0].insert("Contact Phone Number".into(), "2095257564".into());
        }
        // csv-spectrum's expected JSON has LF inside fields even for the CRLF files.
        let normalise = |v: Vec<serde_json::Map<String, serde_json::Value>>| {
            serde_json::to_string(&v).unwrap().replace("\\r\\n", "\\n")
        };
        assert_eq!(normalise(got), normalise(expected), "{stem}");
        checked += 1;
    }
    assert_eq!(checked, 12);
}

/// The torture corpus: Navet's outcome for each file, and where it differs from the
/// corpus README's expectation, why. `ok` = every row read; `refused` = a clear
/// message before anything is stored.
const CORPUS: &[(&str, &str, &str)] = &[
    ("accounting_parentheses.csv", "ok", ""),
    ("ambiguous_delimiter.csv", "refused", "E_DIALECT"),
    (
        "backslash_escape.csv",
        "ok",
        "corpus: parse_ok with a backslash escape; Excel never writes one and reads `\"a\\\"b\"` as a quoted `a\\` followed by the characters `b\"` (a quote opens a field only at its start), and so does Navet",
    ),
    ("backslash_in_quoted_rfc.csv", "ok", ""),
    ("basic_new.csv", "ok", ""),
    ("basic_old.csv", "ok", ""),
    ("blank_lines_before_header.csv", "ok", ""),
    ("blank_only.csv", "refused", "E_HEADERS"),
    ("blank_records.csv", "ok", ""),
    ("blank_records_between.csv", "ok", ""),
    ("bom_no_trailing_newline.csv", "ok", ""),
    ("caret_basic.csv", "ok", ""),
    ("caret_delimiter.csv", "ok", ""),
    ("caret_quoted.csv", "ok", ""),
    (
        "control_byte_header.csv",
        "refused",
        "E_DIALECT without a forced delimiter, as the corpus says",
    ),
    ("crlf_line_endings.csv", "ok", ""),
    ("currency_values.csv", "ok", ""),
    ("delim_0x1f.csv", "ok", ""),
    (
        "duplicate_headers.csv",
        "ok",
        "corpus: E_HEADERS; Navet maps by position, so a repeated header loses nothing",
    ),
    ("empty_fields.csv", "ok", ""),
    ("empty_file.csv", "refused", "E_HEADERS"),
    ("empty_header_names.csv", "ok", ""),
    ("empty_headers.csv", "ok", ""),
    ("encoding_nul_first8k.csv", "refused", "E_ENCODING"),
    (
        "encoding_utf16le.csv",
        "refused",
        "E_ENCODING: a UTF-16 BOM over ASCII bytes",
    ),
    ("encoding_utf32be.csv", "refused", "E_ENCODING"),
    ("excel_quoted_commas.csv", "ok", ""),
    ("extra_fields_empty.csv", "ok", ""),
    (
        "extra_fields_non_empty.csv",
        "ok",
        "corpus: E_HEADERS; Navet keeps the extra value and flags the row (tested below)",
    ),
    ("extra_trailing_empty_fields.csv", "ok", ""),
    (
        "extra_trailing_nonempty.csv",
        "ok",
        "corpus: E_HEADERS; kept and flagged, as above",
    ),
    ("header_only.csv", "ok", ""),
    ("header_with_spaces.csv", "ok", ""),
    ("hex_prefix_header.csv", "ok", ""),
    (
        "invalid_quote.csv",
        "ok",
        "corpus: E_CSV_PARSE; read leniently as `12x`, nothing lost",
    ),
    ("leading_blank_lines.csv", "ok", ""),
    ("leading_tabs_header.csv", "ok", ""),
    ("locale_decimal.csv", "ok", ""),
    ("missing_tokens.csv", "ok", ""),
    ("missingness_numeric_vs_missing.csv", "ok", ""),
    ("mixed_line_endings.csv", "ok", ""),
    ("mixed_types_numeric_text.csv", "ok", ""),
    ("multiline_quoted.csv", "ok", ""),
    ("no_trailing_newline.csv", "ok", ""),
    ("non_ascii_header.csv", "ok", ""),
    ("nul_in_8k.csv", "refused", "E_ENCODING"),
    ("numeric_thousands.csv", "ok", ""),
    ("only_blank_lines.csv", "refused", "E_HEADERS"),
    ("only_header.csv", "ok", ""),
    ("percent_values.csv", "ok", ""),
    ("pipe_delimiter.csv", "ok", ""),
    ("pipe_quoted.csv", "ok", ""),
    ("pipe_with_spaces.csv", "ok", ""),
    ("plus_sign_numbers.csv", "ok", ""),
    ("quoted_empty_fields.csv", "ok", ""),
    ("ragged_rows_long_empty.csv", "ok", ""),
    ("ragged_rows_short.csv", "ok", ""),
    ("rfc4180_quotes.csv", "ok", ""),
    ("rfc_quote_escape.csv", "ok", ""),
    ("scientific_notation.csv", "ok", ""),
    ("semicolon_delimiter.csv", "ok", ""),
    ("semicolon_quoted.csv", "ok", ""),
    ("semicolon_with_spaces.csv", "ok", ""),
    ("sep_caret.csv", "ok", ""),
    ("sep_equal.csv", "ok", ""),
    ("sep_equals.csv", "ok", ""),
    (
        "sep_only.csv",
        "ok",
        "no rows after the directive; the import then refuses it for having no header (tested below)",
    ),
    ("sep_pipe.csv", "ok", ""),
    ("sep_semicolon.csv", "ok", ""),
    ("sep_tab.csv", "ok", ""),
    ("single_column.csv", "refused", "E_DIALECT"),
    ("tab_basic.csv", "ok", ""),
    ("tab_delimiter.csv", "ok", ""),
    ("tab_quoted.csv", "ok", ""),
    ("tab_with_spaces.csv", "ok", ""),
    ("trailing_blank_lines.csv", "ok", ""),
    ("trailing_spaces_fields.csv", "ok", ""),
    ("u8_prefix_header.csv", "ok", ""),
    ("unterminated_quote.csv", "refused", "E_CSV_PARSE"),
    (
        "utf16le_bom.csv",
        "refused",
        "E_ENCODING (a BOM and nothing else: empty)",
    ),
    ("utf32be_bom.csv", "refused", "E_ENCODING"),
    ("utf8_accented.csv", "ok", ""),
    ("utf8_bom.csv", "ok", ""),
    ("utf8_bom_blank_lines.csv", "ok", ""),
    ("utf8_bom_sep_pipe.csv", "ok", ""),
    ("wide_row_extra_empty.csv", "ok", ""),
    (
        "wide_row_extra_non_empty.csv",
        "ok",
        "corpus: E_HEADERS; kept and flagged",
    ),
    ("windows_crlf.csv", "ok", ""),
    ("windows_quotes_crlf.csv", "ok", ""),
];

#[test]
fn torture_corpus_outcomes() {
    let dir = fixture("rvl-corpus/tests/fixtures/corpus");
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "csv")
        })
        .count();
    assert_eq!(
        on_disk,
        CORPUS.len(),
        "every corpus file has an expected outcome"
    );
    for (file, expected, why) in CORPUS {
        let outcome = match read_all(&dir.join(file)) {
            Ok(_) => "ok",
            Err(e) => {
                let text = e.to_string();
                assert!(
                    text.starts_with(file) && text.contains("kan inte importeras"),
                    "{file}: unclear message {text}"
                );
                "refused"
            }
        };
        assert_eq!(outcome, *expected, "{file} ({why})");
    }
    // Spot checks of what was read.
    let rows = read_all(&dir.join("semicolon_quoted.csv")).unwrap();
    assert_eq!(rows[1], ["1", "Doe; Jane", "semi; inside"]);
    let rows = read_all(&dir.join("utf8_bom_sep_pipe.csv")).unwrap();
    assert_eq!(rows[0], ["id", "name", "value"]);
    let rows = read_all(&dir.join("backslash_escape.csv")).unwrap();
    assert_eq!(rows[1], ["a\\b\""]);
    let rows = read_all(&dir.join("multiline_quoted.csv")).unwrap();
    assert_eq!(rows[1][1], "first line\nsecond line");
}

#[test]
fn calamine_spreadsheets() {
    let read = |f: &str| {
        read_all(&fixture(&format!("calamine-xlsx/{f}"))).unwrap_or_else(|e| panic!("{f}: {e}"))
    };
    // Dates in the 1900 system, the 1904 system, ISO (ODS) and as ISO strings: all the same days.
    assert_eq!(read("date.xlsx")[0][0], "2021-01-01");
    assert_eq!(read("date_1904.xlsx")[0][0], "2021-01-01");
    assert_eq!(read("date_1904.xlsx")[1][0], "2021-01-02");
    assert_eq!(read("date.ods")[0][0], "2021-01-01");
    assert_eq!(read("date.ods")[1][0], "2021-01-01 10:10:10");
    // Error cells become marked text, which the loader reports as a problem.
    assert!(
        read("errors.xlsx")
            .iter()
            .all(|r| r[0].starts_with("#FEL #"))
    );
    // Excel's escaped carriage return.
    assert_eq!(read("has_x000D_.xlsx")[0][0], "ABC\nDEF");
    assert_eq!(read("encoded_entities.xlsx")[0][0], "&");
    assert_eq!(read("inlineStr_cdata.xlsx")[0][0], "Hello CDATA");
    // A merged title keeps its text in its first cell only.
    assert_eq!(read("merge_cells.xlsx")[0], ["Row Merge", "", "Not Merged"]);
    let err = read_all(&fixture("calamine-xlsx/empty_sheet.xlsx")).unwrap_err();
    assert!(err.to_string().contains("tomma"), "{err}");
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("n.sqlite")).unwrap();
    (dir, s)
}

#[test]
fn police_events_json_and_its_windows_1252_transcoding() {
    let (_d, mut s) = store();
    let json = ops::import::file(
        &mut s,
        &fixture("polisen_events_2023-04_gob449.json"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        (json.rows, json.inserted, json.skipped, json.flagged),
        (913, 913, 0, 0)
    );
    assert_eq!(json.partner.as_deref(), Some("Polisen"));
    // 302 publication times have a one-digit hour; every event still got a date.
    let all = ops::report::list(&s, &ReportFilter::default()).unwrap();
    assert_eq!(all.total, 913);
    let first = all
        .reports
        .iter()
        .find(|r| r.external_id.as_deref() == Some("420703"))
        .unwrap();
    assert_eq!(
        first.occurred_at, "2023-04-20T10:27",
        "incident time from the name, not datetime"
    );
    assert_eq!(first.source_category.as_deref(), Some("Stöld"));
    assert_eq!(first.category, "Stöld/inbrott");
    assert_eq!(first.source_place.as_deref(), Some("Luleå"));
    assert!(
        first.place.is_none(),
        "no such place in an empty database: unplaced"
    );
    // Types with commas survive ("Stöld, försök").
    assert!(
        all.reports
            .iter()
            .any(|r| r.source_category.as_deref() == Some("Stöld, försök"))
    );
    // 200 location names, all in the unplaced queue.
    assert_eq!(ops::places::unplaced(&s).unwrap().len(), 200);

    let csv = ops::import::file(
        &mut s,
        &fixture("derived/polisen_events_2023-04_cp1252_semicolon_crlf.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(csv.encoding.as_deref(), Some("Windows-1252"));
    assert_eq!(csv.delimiter.as_deref(), Some(";"));
    assert_eq!(
        (csv.rows, csv.inserted, csv.duplicates),
        (913, 0, 913),
        "same events, same keys"
    );
}

#[test]
fn the_police_csv_alone_reads_like_the_json() {
    let (_d, mut s) = store();
    let r = ops::import::file(
        &mut s,
        &fixture("derived/polisen_events_2023-04_cp1252_semicolon_crlf.csv"),
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.batch.is_none() && r.dry_run);
    assert_eq!((r.rows, r.inserted), (913, 913));
    assert_eq!(
        ops::report::count(&s).unwrap(),
        0,
        "a dry run stores nothing"
    );
    let sample = &r.sample[0];
    assert_eq!(
        (sample.date.as_deref(), sample.time.as_deref()),
        (Some("2023-04-20"), Some("10:27"))
    );
    // Upplands väsby / Östra göinge differ from the municipality names only in case.
    assert!(r.unplaced.iter().any(|u| u.text == "Upplands väsby"));
}

#[test]
fn sep_only_and_header_only_files_import_nothing_with_a_reason() {
    let (_d, mut s) = store();
    let dir = fixture("rvl-corpus/tests/fixtures/corpus");
    let e = ops::import::file(
        &mut s,
        &dir.join("sep_only.csv"),
        &ImportOptions {
            partner: None,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("rubrikrad"), "{e}");
    let e = ops::import::file(
        &mut s,
        &dir.join("only_header.csv"),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("Datum"), "{e}");
    let _ = OnProblem::Flag;
}
