//! The month counts the picture reads (`report_month`) always equal a count straight
//! from the reports: after the demo, a report typed in, imports (row by row and in
//! bulk, previews, aborted ones), a place text connected, an undo, and an upgrade.

use chrono::NaiveDate;
use navet::db::place::NewPlace;
use navet::db::report::NewReport;
use navet::db::report_month::disagreements;
use navet::import::{ImportOptions, OnProblem};
use navet::{Store, ops};

fn agrees(store: &Store, after: &str) {
    let off = disagreements(store.conn()).unwrap();
    assert!(off.is_empty(), "after {after}: {off:?}");
}

#[test]
fn the_month_counts_always_equal_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    agrees(&s, "a fresh database");
    ops::load_demo(&mut s, 8, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()).unwrap();
    agrees(&s, "the demo");
    let before: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM report_month", [], |r| r.get(0))
        .unwrap();
    assert!(before > 10, "the demo fills it: {before}");

    ops::report::add(
        &mut s,
        &NewReport {
            date: "2026-11-18".into(),
            place: Some("Stortorget".into()),
            category: "Klotter".into(),
            partner: "Polisen".into(),
            count: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    agrees(&s, "a report typed in");

    // Row by row (a small file into a bigger table), with an unknown place text.
    let small = dir.path().join("liten.csv");
    std::fs::write(
        &small,
        "Datum;Plats;Händelse;Antal\n2026-10-01;Stortorget;Klotter;2\n2026-10-02;Bakgården vid skolan;Skadegörelse;3\n2026-09-30;Stortorget;Brand;1\n",
    )
    .unwrap();
    let opts = ImportOptions {
        partner: Some("Polisen".into()),
        ..Default::default()
    };
    let preview = ops::import::file(
        &mut s,
        &small,
        &ImportOptions {
            dry_run: true,
            ..opts.clone()
        },
    )
    .unwrap();
    assert_eq!(preview.inserted, 3);
    agrees(&s, "a preview");
    let r = ops::import::file(&mut s, &small, &opts).unwrap();
    assert_eq!(r.inserted, 3);
    agrees(&s, "a row-by-row import");

    // Connecting the place text moves its report from "unplaced" to the place.
    ops::places::add(
        &mut s,
        &NewPlace {
            name: "Skolan".into(),
            area: Some("Centrum".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        ops::places::add_alias(&mut s, "Skolan", "Bakgården vid skolan").unwrap(),
        1
    );
    agrees(&s, "a place text connected");

    // In bulk (a file bigger than the table), then an aborted one.
    let big = dir.path().join("stor.csv");
    navet::demo::write_partner_csv(&big, 60_000).unwrap();
    let bulk = ops::import::file(&mut s, &big, &opts).unwrap();
    assert_eq!(bulk.inserted, 60_000);
    agrees(&s, "a bulk import");
    let text = std::fs::read_to_string(&small).unwrap() + "inte ett datum;Torget;Klotter;1\n";
    let broken = dir.path().join("trasig.csv");
    std::fs::write(&broken, text.replace("2026-10-0", "2026-08-0")).unwrap();
    let aborted = ops::import::file(
        &mut s,
        &broken,
        &ImportOptions {
            on_problem: OnProblem::Abort,
            ..opts.clone()
        },
    );
    assert!(aborted.is_err());
    agrees(&s, "an aborted import");

    ops::import::undo(&mut s, bulk.batch.unwrap()).unwrap();
    agrees(&s, "undoing the bulk import");
    ops::import::undo(&mut s, r.batch.unwrap()).unwrap();
    agrees(&s, "undoing the small import");
    let after: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM report_month", [], |r| r.get(0))
        .unwrap();
    assert!(after >= before);
}

#[test]
fn the_check_finds_a_month_count_that_drifted() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 2, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()).unwrap();
    s.conn()
        .execute(
            "UPDATE report_month SET total = total + 1 WHERE month = (SELECT min(month) FROM report_month)",
            [],
        )
        .unwrap();
    assert!(!disagreements(s.conn()).unwrap().is_empty());
}

/// Whatever mix of whole months and single days a picture reads, every period of its
/// trend and every area × category cell equals a count straight from the reports.
#[test]
fn pictures_read_from_month_counts_equal_the_raw_counts() {
    use navet::picture::{Period, PeriodKind};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 60, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()).unwrap();
    let raw = |from: &str, to: &str, extra: &str| -> u32 {
        s.conn()
            .query_row(
                &format!(
                    "SELECT coalesce(sum(r.count), 0) FROM report r
                     LEFT JOIN place p ON p.id = r.place_id LEFT JOIN area a ON a.id = p.area_id
                     JOIN category c ON c.id = r.category_id
                     WHERE r.occurred_date BETWEEN ?1 AND ?2 {extra}"
                ),
                [from, to],
                |r| r.get(0),
            )
            .unwrap()
    };
    let day = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    let periods = [
        Period::containing(PeriodKind::Week, day),
        Period::containing(PeriodKind::Month, day),
        Period::containing(PeriodKind::Tertial, day),
        // Twelve months that start mid-month: every month is cut by a period's edge.
        Period::range(
            NaiveDate::from_ymd_opt(2025, 10, 16).unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
        )
        .unwrap(),
        // Twelve calendar months: whole months all through.
        Period::range(
            NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        )
        .unwrap(),
    ];
    for p in periods {
        let pic = ops::picture::compute(&s, &p).unwrap();
        for point in &pic.trend {
            assert_eq!(
                point.total,
                raw(&point.from, &point.to, ""),
                "{}: trend {} – {}",
                pic.label,
                point.from,
                point.to
            );
        }
        let previous = &pic.trend[pic.trend.len() - 2];
        for area in &pic.areas {
            for c in &area.categories {
                let extra = format!(
                    "AND a.name = '{}' AND c.name = '{}'",
                    area.area.replace('\'', "''"),
                    c.category.replace('\'', "''")
                );
                assert_eq!(
                    c.count,
                    raw(&pic.from, &pic.to, &extra),
                    "{} {extra}",
                    pic.label
                );
                assert_eq!(
                    c.previous,
                    raw(&previous.from, &previous.to, &extra),
                    "{} previous {extra}",
                    pic.label
                );
            }
        }
        assert!(pic.total > 0, "{}", pic.label);

        // The period's own weekday × hour pattern, partners and number of reports.
        let mut pattern = vec![vec![0u32; 24]; 7];
        let mut untimed = 0u32;
        let mut stmt = s
            .conn()
            .prepare(
                "SELECT (CAST(strftime('%w', occurred_date) AS INTEGER) + 6) % 7,
                        CAST(substr(occurred_time, 1, 2) AS INTEGER), sum(count)
                 FROM report WHERE occurred_date BETWEEN ?1 AND ?2 GROUP BY 1, 2",
            )
            .unwrap();
        let rows = stmt
            .query_map([&pic.from, &pic.to], |r| {
                Ok((
                    r.get::<_, i64>(0)? as usize,
                    r.get::<_, Option<i64>>(1)?.map(|h| h as usize),
                    r.get::<_, u32>(2)?,
                ))
            })
            .unwrap();
        for row in rows {
            let (weekday, hour, n) = row.unwrap();
            match hour {
                Some(h) => pattern[weekday][h] += n,
                None => untimed += n,
            }
        }
        assert_eq!(pic.pattern.counts, pattern, "{}: pattern", pic.label);
        assert_eq!(pic.pattern.untimed, untimed, "{}: untimed", pic.label);
        let reports: u32 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM report WHERE occurred_date BETWEEN ?1 AND ?2",
                [&pic.from, &pic.to],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(pic.reports, reports, "{}: reports", pic.label);
        let by_partners: u32 = pic.partners.iter().map(|x| x.count).sum();
        assert_eq!(by_partners, pic.total, "{}: partners", pic.label);
        // What happened at each place: its top categories, counted from the reports.
        for place in pic.areas.iter().flat_map(|a| &a.places) {
            assert!(
                place.top.len() <= 3 && !place.top.is_empty(),
                "{}",
                place.place
            );
            assert!(place.top.windows(2).all(|w| w[0].count >= w[1].count));
            for share in &place.top {
                let extra = format!(
                    "AND p.name = '{}' AND c.name = '{}'",
                    place.place.replace('\'', "''"),
                    share.category.replace('\'', "''")
                );
                assert_eq!(
                    share.count,
                    raw(&pic.from, &pic.to, &extra),
                    "{} {extra}",
                    pic.label
                );
            }
        }
    }
}

/// Month labels carry the year when the trend crosses one; every partner is listed,
/// one that sent nothing with no reports.
#[test]
fn month_labels_carry_the_year_and_silent_partners_are_listed() {
    use navet::picture::{Period, PeriodKind};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 8, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()).unwrap();
    ops::partners::add(&mut s, "Nya aktören").unwrap();
    let month = ops::picture::compute(
        &s,
        &Period::containing(
            PeriodKind::Month,
            NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
        ),
    )
    .unwrap();
    let labels: Vec<&str> = month.trend.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"dec 2025"), "{labels:?}");
    assert_eq!(labels.last(), Some(&"nov 2026"), "{labels:?}");
    let silent = month
        .partners
        .iter()
        .find(|p| p.partner == "Nya aktören")
        .unwrap();
    assert_eq!((silent.reports, silent.count), (0, 0));
}

/// One incident reported by two partners counts once once the coordinator confirms the
/// pair: Navet proposes it (same place, category and day, within the window), the
/// picture counts the smaller report once less, says how many were merged, and keeps
/// both reports; a rejected pair counts twice; undoing an import removes its pairs.
#[test]
fn one_incident_reported_twice_counts_once_when_confirmed() {
    use navet::db::report_link::LinkStatus;
    use navet::picture::{Period, PeriodKind};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 4, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()).unwrap();
    let week = Period::containing(
        PeriodKind::Week,
        NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
    );
    let add = |s: &mut Store, partner: &str, time: &str, count: u32, place: &str| {
        ops::report::add(
            s,
            &NewReport {
                date: "2026-11-18".into(),
                time: Some(time.into()),
                place: Some(place.into()),
                category: "Brand/anlagd brand".into(),
                partner: partner.into(),
                count: Some(count),
                ..Default::default()
            },
        )
        .unwrap()
    };
    let before = ops::picture::compute(&s, &week).unwrap();
    add(&mut s, "Polisen", "21:30", 1, "Stortorget");
    add(&mut s, "Räddningstjänsten", "22:10", 1, "Torget"); // another name of Stortorget
    add(&mut s, "Räddningstjänsten", "23:59", 1, "Stortorget"); // too late: 2 h 29 min
    let both = ops::picture::compute(&s, &week).unwrap();
    assert_eq!(both.total, before.total + 3);

    assert_eq!(ops::links::suggest(&mut s, &week, 120).unwrap(), 1);
    assert_eq!(
        ops::links::suggest(&mut s, &week, 120).unwrap(),
        0,
        "proposed once"
    );
    let links = ops::links::list(&s, Some(LinkStatus::Suggested)).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(
        (
            links[0].first.partner.as_str(),
            links[0].second.partner.as_str()
        ),
        ("Polisen", "Räddningstjänsten")
    );
    ops::links::confirm(&mut s, links[0].id).unwrap();
    let once = ops::picture::compute(&s, &week).unwrap();
    assert_eq!(once.total, before.total + 2, "the incident counts once");
    assert_eq!(once.merged, 1);
    assert_eq!(once.reports, both.reports, "both reports stay");
    let fire = |p: &navet::picture::Picture| {
        p.areas
            .iter()
            .find(|a| a.area == "Centrum")
            .and_then(|a| {
                a.categories
                    .iter()
                    .find(|c| c.category == "Brand/anlagd brand")
            })
            .map_or(0, |c| c.count)
    };
    assert_eq!(fire(&once), fire(&both) - 1);
    let pattern: u32 = once.pattern.counts.iter().flatten().sum::<u32>() + once.pattern.untimed;
    assert_eq!(pattern, once.total, "the hour pattern counts it once too");

    ops::links::reject(&mut s, links[0].id).unwrap();
    assert_eq!(
        ops::picture::compute(&s, &week).unwrap().total,
        before.total + 3
    );
    assert!(ops::links::confirm(&mut s, 999_999).is_err());
}

/// Gallring: the raw reports before the cutoff go, with their history and the raw rows
/// of old import problems; the month counts stay (the year's årshjul and a frozen
/// picture read the same after), the check still finds no drift, reports after the
/// cutoff are untouched, and the run is logged. One category can go on its own.
#[test]
fn gallring_removes_old_reports_and_keeps_their_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    ops::load_demo(&mut s, 52, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()).unwrap();
    let count =
        |s: &Store, sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    // A report from the spring is edited, so it has a history to lose.
    let old = ops::report::list(
        &s,
        &navet::db::report::ReportFilter {
            to: Some("2026-04-30".into()),
            ..Default::default()
        },
    )
    .unwrap()
    .reports[0]
        .clone();
    let mut form = NewReport::from(&old);
    form.text = Some("Ändrad text".into());
    ops::report::edit(&mut s, old.id, &form).unwrap();
    let spring = navet::picture::Period::containing(
        navet::picture::PeriodKind::Month,
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
    );
    let frozen = ops::picture::save(&mut s, &spring, None).unwrap();
    let wheel = ops::year::wheel(&s, 2026).unwrap();
    let after_cut = count(
        &s,
        "SELECT count(*) FROM report WHERE occurred_date >= '2026-05-01'",
    );

    // Six whole months before November: reports before 1 May go.
    let p = ops::retention::preview(&s, 6, None, today).unwrap();
    assert_eq!(p.cutoff, "2026-05-01");
    let before_cut = count(
        &s,
        "SELECT count(*) FROM report WHERE occurred_date < '2026-05-01'",
    );
    assert!(before_cut > 0);
    assert_eq!(i64::from(p.reports), before_cut);
    let run = ops::retention::run(&mut s, 6, None, today).unwrap();
    assert_eq!(i64::from(run.reports_removed), before_cut);
    assert!(run.history_removed >= 1);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM report WHERE occurred_date < '2026-05-01'"
        ),
        0
    );
    assert_eq!(
        count(&s, "SELECT count(*) FROM report"),
        after_cut,
        "later reports untouched"
    );
    assert_eq!(
        count(
            &s,
            &format!(
                "SELECT count(*) FROM report_history WHERE report_id = {}",
                old.id
            )
        ),
        0
    );
    // The counts stay: the year reads the same, the frozen picture is the same, and
    // the check finds no drift.
    assert_eq!(ops::year::wheel(&s, 2026).unwrap(), wheel);
    let id = frozen.snapshot.as_ref().unwrap().id;
    assert_eq!(ops::picture::saved(&s, id).unwrap(), frozen);
    assert!(
        disagreements(s.conn()).unwrap().is_empty(),
        "{:?}",
        disagreements(s.conn()).unwrap()
    );
    assert_eq!(ops::retention::log(&s).unwrap()[0].cutoff, "2026-05-01");

    // One category, further on: only its reports go.
    let klotter = count(
        &s,
        "SELECT count(*) FROM report r JOIN category c ON c.id = r.category_id WHERE c.name = 'Klotter' AND occurred_date < '2026-08-01'",
    );
    let others = count(
        &s,
        "SELECT count(*) FROM report r JOIN category c ON c.id = r.category_id WHERE c.name <> 'Klotter'",
    );
    let run = ops::retention::run(&mut s, 3, Some("Klotter"), today).unwrap();
    assert_eq!(i64::from(run.reports_removed), klotter);
    assert_eq!(run.category.as_deref(), Some("Klotter"));
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM report r JOIN category c ON c.id = r.category_id WHERE c.name <> 'Klotter'"
        ),
        others
    );
    assert!(disagreements(s.conn()).unwrap().is_empty());
    assert_eq!(ops::year::wheel(&s, 2026).unwrap(), wheel);
    assert!(ops::retention::run(&mut s, 0, None, today).is_err());
    assert!(ops::retention::run(&mut s, 3, Some("Finns inte"), today).is_err());
}
