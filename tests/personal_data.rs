//! Personal data on every path: a coordinator's text is masked when it is stored, and
//! `ops::personal_data::scan` finds and masks what reached the database another way,
//! in every column it covers, not only the reports'.

use chrono::NaiveDate;
use navet::Store;
use navet::db::insats::NewInsats;
use navet::db::knowledge_source::NewSource;
use navet::ops;

/// The Luhn check digit of nine digits (a personnummer's date and number, no century),
/// computed rather than guessed.
fn check(nine: &str) -> u32 {
    let sum: u32 = nine
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            if v > 9 { v - 9 } else { v }
        })
        .sum();
    (10 - sum % 10) % 10
}

fn demo(dir: &std::path::Path) -> Store {
    let mut s = Store::open(dir.join("n.sqlite")).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 15).unwrap();
    ops::load_demo(&mut s, 26, day).unwrap();
    s
}

#[test]
fn a_coordinators_texts_are_masked_when_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let i = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Väktare, ring (070) 123 45 67".into(),
            places: vec!["Norrby centrum".into()],
            contact: format!(
                "Anna, tel:070-1234567, pnr 850312/123{}",
                check("850312123")
            ),
            start: "2026-10-05".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(i.title, "Väktare, ring [telefon]");
    assert_eq!(i.contact, "Anna, tel:[telefon], pnr [personnummer]");
    let source = ops::law::add_source(
        &mut s,
        &NewSource {
            title: "Enkät, svar till 070.123.45.67".into(),
            source: "Skolan".into(),
            date: "2026-05-12".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(source.title, "Enkät, svar till [telefon]");
    // A date, a date-time and a police case number are not personal data.
    let kept = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Beslut 2026-11-23 15:30, ärende 5000-K123456-26".into(),
            start: "2026-10-05".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        kept.title,
        "Beslut 2026-11-23 15:30, ärende 5000-K123456-26"
    );
    // Nothing stored is left for the scan.
    let scan = ops::personal_data::scan(&mut s, false).unwrap();
    assert_eq!((scan.personnummer, scan.phone), (0, 0), "{scan:?}");
}

#[test]
fn the_scan_finds_and_masks_texts_outside_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let i = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Belysning".into(),
            start: "2026-10-05".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // Text from before masking covered these columns: put straight into the database.
    let contact = format!(
        "Kalle 19 85 03 12-12 3{}, ring0701234567",
        check("850312123")
    );
    s.conn()
        .execute(
            "UPDATE insats SET contact = ?2 WHERE id = ?1",
            (i.id, &contact),
        )
        .unwrap();
    s.conn()
        .execute(
            "INSERT INTO setting (key, value) VALUES ('law_causes', 'Enligt +46 (0)70 123 45 67')
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [],
        )
        .unwrap();
    let found = ops::personal_data::scan(&mut s, false).unwrap();
    assert_eq!((found.personnummer, found.phone), (1, 2), "{found:?}");
    assert_eq!(found.other_texts, 2, "{found:?}");
    assert!(!found.masked);
    assert_eq!(
        ops::insatser::get(&s, i.id).unwrap().contact,
        contact,
        "a scan alone changes nothing"
    );

    let masked = ops::personal_data::scan(&mut s, true).unwrap();
    assert!(masked.masked);
    assert_eq!((masked.personnummer, masked.phone), (1, 2));
    assert_eq!(
        ops::insatser::get(&s, i.id).unwrap().contact,
        "Kalle [personnummer], ring[telefon]"
    );
    assert_eq!(ops::law::texts(&s).unwrap().causes, "Enligt [telefon]");
    let again = ops::personal_data::scan(&mut s, false).unwrap();
    assert_eq!(
        (again.personnummer, again.phone, again.other_texts),
        (0, 0, 0)
    );
}
