//! The partner template imports back with no mapping, and its XLSX has the drop-down.

use std::io::Read;

use navet::Store;
use navet::import::{Field, ImportOptions};
use navet::ops;

#[test]
fn csv_template_filled_in_imports_with_no_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(
        &mut s,
        1,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    let path = dir.path().join("mall.csv");
    ops::export::template(&s, &path).unwrap();
    let mut text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("\u{feff}Datum;Tid;Plats;Område;Kategori;Antal;Bedömning;Beskrivning\r\n")
    );
    text.push_str("2026-11-18;21:30;Torget;Centrum;Klotter;2;Låg;Tagg på bänk\r\n");
    std::fs::write(&path, text).unwrap();
    let r = ops::import::file(
        &mut s,
        &path,
        &ImportOptions {
            partner: Some("Fältgruppen".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        r.columns.iter().filter(|c| c.field.is_some()).count(),
        8,
        "{:?}",
        r.columns
    );
    assert_eq!((r.inserted, r.flagged, r.skipped), (1, 0, 0));
    let rep = ops::report::list(&s, &Default::default())
        .unwrap()
        .reports
        .into_iter()
        .find(|x| x.text == "Tagg på bänk")
        .unwrap();
    assert_eq!(
        (
            rep.occurred_at.as_str(),
            rep.place.as_deref(),
            rep.count,
            rep.assessment.as_deref()
        ),
        ("2026-11-18T21:30", Some("Stortorget"), 2, Some("Låg"))
    );
}

#[test]
fn xlsx_template_has_the_columns_instructions_and_a_category_drop_down() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("n.sqlite")).unwrap();
    let path = dir.path().join("mall.xlsx");
    ops::export::template(&s, &path).unwrap();
    let src = navet::import::source::Source::open(&path, None).unwrap();
    assert_eq!(src.sheets, ["Rapporter", "Instruktioner", "Listor"]);
    assert_eq!(src.sheet.as_deref(), Some("Rapporter"));
    let mut rows = src.rows().unwrap();
    let mut rec = csv::StringRecord::new();
    assert!(rows.read(&mut rec).unwrap());
    let header: Vec<String> = rec.iter().map(str::to_string).collect();
    let mapping = navet::import::mapping::Mapping::suggest(&header);
    assert_eq!(mapping.columns.len(), 8);
    assert_eq!(mapping.column(Field::Category), Some(4));

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(
        sheet.contains("<dataValidation type=\"list\""),
        "no drop-down"
    );
    assert!(
        sheet.contains("Listor!$A$1:$A$15"),
        "the drop-down lists the 14 categories and Inga händelser"
    );
    let mut lists = String::new();
    zip.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut lists)
        .unwrap();
    assert!(
        lists.contains("Brister i fysisk miljö") && lists.contains("Så fyller du i rapportmallen")
    );
}

#[test]
fn a_partner_xlsx_with_the_template_headers_needs_no_mapping() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::partners::add(&mut s, "Fritidsgården").unwrap();
    let path = dir.path().join("ifylld.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (i, (h, _)) in navet::template::COLUMNS.iter().enumerate() {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    for (i, v) in [
        "2026-11-20",
        "19:00",
        "Ungdomsgården",
        "Norrby",
        "Ungdomar i grupp",
        "12",
        "Medel",
        "Stor grupp utanför",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, i as u16, *v).unwrap();
    }
    wb.save(&path).unwrap();
    let r = ops::import::file(
        &mut s,
        &path,
        &ImportOptions {
            partner: Some("Fritidsgården".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.inserted, r.flagged), (1, 0));
    let rep = &ops::report::list(&s, &Default::default()).unwrap().reports[0];
    assert_eq!(
        (
            rep.category.as_str(),
            rep.count,
            rep.source_place.as_deref()
        ),
        ("Ungdomar i grupp", 12, Some("Ungdomsgården"))
    );
}

/// A partner's file says "Inga händelser" for a week with a row in the template: no
/// report is stored, the week's picture tells that zero from silence, the import says
/// what it noted, a file of only such a row is not refused, and undoing the import
/// takes the note away again.
#[test]
fn an_inga_handelser_row_tells_a_zero_from_silence_and_undo_takes_it_back() {
    use navet::picture::{Period, PeriodKind};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap();
    ops::load_demo(&mut s, 4, end).unwrap();
    ops::partners::add(&mut s, "Skolan").unwrap();
    // The XLSX template offers it last in the category list.
    let xlsx = dir.path().join("mall.xlsx");
    ops::export::template(&s, &xlsx).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name.starts_with("xl/") && name.ends_with(".xml") {
            f.read_to_string(&mut all).unwrap();
        }
    }
    assert!(all.contains("Inga händelser"), "the list offers it");

    let path = dir.path().join("skolan.csv");
    let header = "\u{feff}Datum;Tid;Plats;Område;Kategori;Antal;Bedömning;Beskrivning\r\n";
    std::fs::write(
        &path,
        format!(
            "{header}2026-11-03;;Torget;Centrum;Klotter;1;;Tagg\r\n2026-11-11;;;;inga  HÄNDELSER;;;\r\n"
        ),
    )
    .unwrap();
    let options = ImportOptions {
        partner: Some("Skolan".into()),
        ..Default::default()
    };
    let r = ops::import::file(&mut s, &path, &options).unwrap();
    assert_eq!((r.rows, r.inserted, r.skipped), (2, 1, 0));
    assert!(
        r.issues.iter().any(|i| i.line == 3
            && i.message
                .contains("Inga händelser vecka 46 2026 (2026-11-09 – 2026-11-15)")),
        "{:?}",
        r.issues
    );
    let week = Period::containing(PeriodKind::Week, end);
    let skolan = |s: &Store| {
        ops::picture::compute(s, &week)
            .unwrap()
            .partners
            .into_iter()
            .find(|p| p.partner == "Skolan")
            .map(|p| (p.count, p.nothing_to_report))
    };
    assert_eq!(skolan(&s), Some((0, true)));
    ops::import::undo(&mut s, r.batch.unwrap()).unwrap();
    assert_ne!(skolan(&s), Some((0, true)), "undo takes the note away");
    // A file with nothing but the note is not an empty file.
    std::fs::write(
        &path,
        format!("{header}2026-11-12;;;;Inga händelser;;;\r\n"),
    )
    .unwrap();
    let r = ops::import::file(&mut s, &path, &options).unwrap();
    assert_eq!((r.rows, r.inserted), (1, 0));
    assert_eq!(skolan(&s), Some((0, true)));
}
