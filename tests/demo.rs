//! The demo municipality: deterministic, realistic, and only into an empty database.

use chrono::NaiveDate;
use navet::db::report::{Report, ReportFilter};
use navet::ops;
use navet::{ErrorCode, Store};

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
}

fn demo(weeks: u32) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("demo.sqlite")).unwrap();
    ops::load_demo(&mut s, weeks, end()).unwrap();
    (dir, s)
}

fn essence(
    r: &Report,
) -> (
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    u32,
    String,
) {
    (
        r.occurred_at.clone(),
        r.place.clone(),
        r.source_place.clone(),
        r.category.clone(),
        r.partner.clone(),
        r.count,
        r.text.clone(),
    )
}

#[test]
fn the_same_end_day_gives_the_same_reports() {
    let (_a, a) = demo(8);
    let (_b, b) = demo(8);
    let ra: Vec<_> = ops::report::list(&a, &ReportFilter::default())
        .unwrap()
        .reports
        .iter()
        .map(essence)
        .collect();
    let rb: Vec<_> = ops::report::list(&b, &ReportFilter::default())
        .unwrap()
        .reports
        .iter()
        .map(essence)
        .collect();
    assert_eq!(ra, rb);
    assert!(!ra.is_empty());
}

#[test]
fn shape_of_the_municipality() {
    let (_d, s) = demo(26);
    assert_eq!(ops::places::areas(&s).unwrap().len(), 3);
    let places = ops::places::list(&s).unwrap();
    assert_eq!(places.len(), 20);
    assert!(places.iter().filter(|p| !p.aliases.is_empty()).count() >= 12);
    assert_eq!(ops::partners::list(&s).unwrap().len(), 6);
    let all = ops::report::list(&s, &ReportFilter::default()).unwrap();
    let n = all.total;
    assert!((700..=2500).contains(&n), "{n} reports in 26 weeks");
    let first = all.reports.last().unwrap().occurred_date.clone();
    let last = all.reports.first().unwrap().occurred_date.clone();
    assert!(first.as_str() >= "2026-05-18", "{first}");
    assert!(last.as_str() <= "2026-11-15", "{last}");
    let unplaced = all.reports.iter().filter(|r| r.place.is_none()).count();
    assert!(
        unplaced > 0 && unplaced < n as usize / 10,
        "{unplaced} unplaced"
    );
}

#[test]
fn patterns_evenings_weekends_and_hotspots() {
    let (_d, s) = demo(26);
    let all = ops::report::list(&s, &ReportFilter::default())
        .unwrap()
        .reports;
    let evening = all
        .iter()
        .filter(|r| r.occurred_time.as_deref().is_some_and(|t| t >= "18:00"))
        .count();
    let morning = all
        .iter()
        .filter(|r| r.occurred_time.as_deref().is_some_and(|t| t < "12:00"))
        .count();
    assert!(
        evening > 2 * morning,
        "evening {evening} vs morning {morning}"
    );

    // Stortorget rises in the last six weeks compared with the six before.
    let count = |from: &str, to: &str| {
        ops::report::list(
            &s,
            &ReportFilter {
                place: Some("Stortorget".into()),
                from: Some(from.into()),
                to: Some(to.into()),
                ..Default::default()
            },
        )
        .unwrap()
        .total
    };
    let recent = count("2026-10-05", "2026-11-15");
    let before = count("2026-08-24", "2026-10-04");
    assert!(
        recent as f64 > 1.4 * before as f64,
        "Stortorget {before} -> {recent}"
    );

    // The two hotspots are the two places with the most reports.
    let mut per_place = std::collections::BTreeMap::<String, u32>::new();
    for r in &all {
        if let Some(p) = &r.place {
            *per_place.entry(p.clone()).or_default() += 1;
        }
    }
    let mut ranked: Vec<_> = per_place.into_iter().collect();
    ranked.sort_by_key(|p| std::cmp::Reverse(p.1));
    let top: Vec<&str> = ranked.iter().take(2).map(|(p, _)| p.as_str()).collect();
    assert!(
        top.contains(&"Norrby centrum") && top.contains(&"Stortorget"),
        "{ranked:?}"
    );
}

#[test]
fn refuses_a_database_that_has_reports() {
    let (_d, mut s) = demo(1);
    let err = ops::load_demo(&mut s, 1, end()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(
        ops::load_demo(&mut s, 0, end()).unwrap_err().code(),
        ErrorCode::Invalid
    );
}
