//! Reports: validation naming the field, filters, order, unplaced reports.

use navet::db::place::NewPlace;
use navet::db::report::{NewReport, ReportFilter};
use navet::ops;
use navet::{ErrorCode, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    for (name, area, alias) in [
        ("Stortorget", "Centrum", "Torget"),
        ("Norrby centrum", "Norrby", "Norrby C"),
    ] {
        ops::places::add(
            &mut s,
            &NewPlace {
                name: name.into(),
                area: Some(area.into()),
                aliases: vec![alias.into()],
                ..Default::default()
            },
        )
        .unwrap();
    }
    ops::partners::add(&mut s, "Polisen").unwrap();
    ops::partners::add(&mut s, "Bostadsbolaget").unwrap();
    (dir, s)
}

fn report(date: &str, time: Option<&str>, place: Option<&str>, category: &str) -> NewReport {
    NewReport {
        date: date.into(),
        time: time.map(Into::into),
        place: place.map(Into::into),
        category: category.into(),
        partner: "Polisen".into(),
        ..Default::default()
    }
}

#[test]
fn adds_and_reads_back_a_report_with_source_values() {
    let (_d, mut s) = store();
    let r = ops::report::add(
        &mut s,
        &NewReport {
            count: Some(3),
            text: Some("  Tre krossade rutor  ".into()),
            assessment: Some("Hög".into()),
            ..report("2026-11-18", Some("21.30"), Some("torget"), "skadegörelse")
        },
    )
    .unwrap();
    assert_eq!(r.occurred_at, "2026-11-18T21:30");
    assert_eq!(r.place.as_deref(), Some("Stortorget"));
    assert_eq!(r.area.as_deref(), Some("Centrum"));
    assert_eq!(r.category, "Skadegörelse");
    assert_eq!(r.count, 3);
    assert_eq!(r.text, "Tre krossade rutor");
    assert_eq!(r.source_place.as_deref(), Some("torget"));
    assert_eq!(r.source_category.as_deref(), Some("skadegörelse"));
    assert_eq!(r.assessment.as_deref(), Some("Hög"));
}

#[test]
fn an_unplaced_report_is_kept() {
    let (_d, mut s) = store();
    let r = ops::report::add(&mut s, &report("2026-11-18", None, None, "Klotter")).unwrap();
    assert_eq!(r.place, None);
    assert_eq!(r.occurred_at, "2026-11-18");
}

#[test]
fn bad_input_names_the_field_and_stores_nothing() {
    let (_d, mut s) = store();
    let cases: Vec<(NewReport, ErrorCode, &str)> = vec![
        (
            report("18/11/2026", None, None, "Klotter"),
            ErrorCode::Invalid,
            "Datum:",
        ),
        (
            report("2026-02-29", None, None, "Klotter"),
            ErrorCode::Invalid,
            "Datum:",
        ),
        (
            report("2026-11-18", Some("25:00"), None, "Klotter"),
            ErrorCode::Invalid,
            "Tid:",
        ),
        (
            report("2026-11-18", None, Some("Stortorgt"), "Klotter"),
            ErrorCode::NotFound,
            "Plats:",
        ),
        (
            report("2026-11-18", None, None, "Klottr"),
            ErrorCode::NotFound,
            "Kategori:",
        ),
        (
            NewReport {
                partner: "Polis".into(),
                ..report("2026-11-18", None, None, "Klotter")
            },
            ErrorCode::NotFound,
            "Aktör:",
        ),
        (
            NewReport {
                count: Some(0),
                ..report("2026-11-18", None, None, "Klotter")
            },
            ErrorCode::Invalid,
            "Antal:",
        ),
        (
            report("2026-11-18", None, None, "  "),
            ErrorCode::Invalid,
            "Kategori:",
        ),
    ];
    for (new, code, field) in cases {
        let err = ops::report::add(&mut s, &new).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(
            err.to_string().starts_with(field),
            "{err} should start with {field}"
        );
    }
    assert_eq!(ops::report::count(&s).unwrap(), 0);
    let err = ops::report::add(&mut s, &report("2026-11-18", None, None, "Klottr")).unwrap_err();
    assert!(err.to_string().contains("Menade du: Klotter"), "{err}");
}

#[test]
fn lists_newest_first_and_filters_combine() {
    let (_d, mut s) = store();
    ops::report::add(
        &mut s,
        &report("2026-11-16", Some("08:00"), Some("Stortorget"), "Klotter"),
    )
    .unwrap();
    ops::report::add(
        &mut s,
        &report("2026-11-18", None, Some("Norrby C"), "Klotter"),
    )
    .unwrap();
    ops::report::add(
        &mut s,
        &report(
            "2026-11-18",
            Some("21:30"),
            Some("Stortorget"),
            "Skadegörelse",
        ),
    )
    .unwrap();
    ops::report::add(
        &mut s,
        &report("2026-11-18", Some("07:10"), None, "Klotter"),
    )
    .unwrap();
    ops::report::add(
        &mut s,
        &report(
            "2026-11-23",
            Some("00:05"),
            Some("Norrby centrum"),
            "Skadegörelse",
        ),
    )
    .unwrap();

    let all = ops::report::list(&s, &ReportFilter::default()).unwrap();
    let order: Vec<&str> = all.reports.iter().map(|r| r.occurred_at.as_str()).collect();
    assert_eq!(
        order,
        [
            "2026-11-23T00:05",
            "2026-11-18T21:30",
            "2026-11-18T07:10",
            "2026-11-18",
            "2026-11-16T08:00"
        ]
    );
    assert_eq!(all.total, 5);

    let week47 = ReportFilter {
        from: Some("2026-11-16".into()),
        to: Some("2026-11-22".into()),
        ..Default::default()
    };
    assert_eq!(ops::report::list(&s, &week47).unwrap().total, 4);
    let torget = ReportFilter {
        place: Some("torget".into()),
        ..week47.clone()
    };
    assert_eq!(ops::report::list(&s, &torget).unwrap().total, 2);
    let klotter = ReportFilter {
        category: Some("KLOTTER".into()),
        ..torget.clone()
    };
    let page = ops::report::list(&s, &klotter).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.reports[0].occurred_at, "2026-11-16T08:00");
    let norrby = ReportFilter {
        area: Some("norrby".into()),
        ..Default::default()
    };
    assert_eq!(ops::report::list(&s, &norrby).unwrap().total, 2);
    let limited = ops::report::list(
        &s,
        &ReportFilter {
            limit: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((limited.reports.len(), limited.total), (2, 5));
}

#[test]
fn filter_errors_are_clear() {
    let (_d, s) = store();
    let backwards = ReportFilter {
        from: Some("2026-11-22".into()),
        to: Some("2026-11-16".into()),
        ..Default::default()
    };
    assert_eq!(
        ops::report::list(&s, &backwards).unwrap_err().code(),
        ErrorCode::Invalid
    );
    let unknown = ReportFilter {
        place: Some("Nowhere".into()),
        ..Default::default()
    };
    assert_eq!(
        ops::report::list(&s, &unknown).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn json_shape_is_stable_camel_case_with_string_ids() {
    let (_d, mut s) = store();
    let r = ops::report::add(
        &mut s,
        &report("2026-11-18", Some("21:30"), Some("Torget"), "Klotter"),
    )
    .unwrap();
    let v = serde_json::to_value(&r).unwrap();
    for key in [
        "id",
        "occurredAt",
        "occurredDate",
        "occurredTime",
        "placeId",
        "place",
        "area",
        "category",
        "partner",
        "count",
        "assessment",
        "text",
        "sourcePlace",
        "sourceCategory",
        "externalId",
        "importBatch",
        "createdAt",
        "updatedAt",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["id"].is_string());
    assert!(v["count"].is_number());
}

/// The register finds what a partner wrote: full-text search kept in step with every
/// insert, edit (masking), and undo; å, ä and ö are letters of their own; a word may
/// be typed as its beginning; pages, sorts and an import's own rows.
#[test]
fn search_pages_and_sorts_the_register() {
    use navet::db::report::{ReportFilter, ReportSort};
    let dir = tempfile::tempdir().unwrap();
    let mut s = navet::Store::open(dir.path().join("n.sqlite")).unwrap();
    navet::ops::load_demo(
        &mut s,
        4,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    let add = |s: &mut navet::Store, text: &str, date: &str| {
        navet::ops::report::add(
            s,
            &navet::db::report::NewReport {
                date: date.into(),
                category: "Klotter".into(),
                partner: "Polisen".into(),
                place: Some("Stortorget".into()),
                text: Some(text.into()),
                ..Default::default()
            },
        )
        .unwrap()
    };
    add(
        &mut s,
        "Nytt klotter på gården, ring 811218-9876",
        "2026-11-10",
    );
    add(&mut s, "Gamla garden vid Tvärån", "2026-11-11");
    let search = |s: &navet::Store, q: &str| {
        navet::ops::report::list(
            s,
            &ReportFilter {
                search: Some(q.into()),
                ..Default::default()
            },
        )
        .unwrap()
    };
    // "gården" is not "garden": the letters stay apart; case does not matter.
    let page = search(&s, "GÅRDEN");
    assert_eq!(page.total, 1, "{:?}", page.reports);
    assert!(page.reports[0].text.starts_with("Nytt klotter"));
    assert_eq!(
        search(&s, "garden").reports[0].text,
        "Gamla garden vid Tvärån"
    );
    // A beginning finds the word; all words must occur; query syntax is only text.
    assert_eq!(search(&s, "klott gård").total, 1);
    assert_eq!(search(&s, "klotter tvärån").total, 0);
    assert_eq!(search(&s, "\"tvärån\" (*").total, 1);
    assert_eq!(
        search(&s, "tvärån OR klotter").total,
        0,
        "OR is a word like any other"
    );
    // The personal number was masked when it entered, so it cannot be found.
    assert_eq!(search(&s, "811218").total, 0);

    // Pages: the same order, no row twice, none missing.
    let all = navet::ops::report::list(&s, &ReportFilter::default()).unwrap();
    let mut seen = Vec::new();
    for page in 0.. {
        let p = navet::ops::report::list(
            &s,
            &ReportFilter {
                limit: Some(50),
                offset: Some(page * 50),
                sort: Some(ReportSort::Place),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(p.total, all.total);
        if p.reports.is_empty() {
            break;
        }
        seen.extend(p.reports.into_iter().map(|r| (r.place.clone(), r.id)));
    }
    assert_eq!(seen.len() as u32, all.total);
    let mut ids: Vec<_> = seen.iter().map(|(_, id)| *id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len() as u32, all.total, "no report twice");
    let keys: Vec<String> = seen
        .iter()
        .map(|(p, _)| navet::names::key(p.as_deref().unwrap_or("")))
        .collect();
    let placed: Vec<&String> = keys.iter().filter(|k| !k.is_empty()).collect();
    assert!(placed.windows(2).all(|w| w[0] <= w[1]), "sorted by place");
    assert_eq!(
        ReportSort::parse("äldst"),
        Some(ReportSort::Oldest),
        "Swedish words too"
    );
}

/// A report corrected, deleted and brought back by hand: the edit is masked like the
/// form, the history says what changed, a deletion can be undone once, and the month
/// counts and the search index follow every step.
#[test]
fn edit_delete_and_restore_keep_a_history() {
    use navet::db::report::NewReport;
    use navet::db::report_history::HistoryAction;
    let dir = tempfile::tempdir().unwrap();
    let mut s = navet::Store::open(dir.path().join("n.sqlite")).unwrap();
    navet::ops::load_demo(
        &mut s,
        2,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(),
    )
    .unwrap();
    let form = |text: &str, count: u32| NewReport {
        date: "2026-11-10".into(),
        time: Some("21:30".into()),
        place: Some("Stortorget".into()),
        category: "Klotter".into(),
        partner: "Polisen".into(),
        count: Some(count),
        text: Some(text.into()),
        ..Default::default()
    };
    let r = navet::ops::report::add(&mut s, &form("Tagg på muren", 1)).unwrap();
    let edited = navet::ops::report::edit(
        &mut s,
        r.id,
        &NewReport {
            category: "Skadegörelse".into(),
            ..form("Tagg på muren, anmälare 811218-9876", 3)
        },
    )
    .unwrap();
    assert_eq!(
        (edited.category.as_str(), edited.count),
        ("Skadegörelse", 3)
    );
    assert!(
        !edited.text.contains("811218-9876"),
        "masked: {}",
        edited.text
    );
    let history = navet::ops::report::history(&s, r.id).unwrap();
    assert_eq!(history.len(), 1);
    let fields: Vec<&str> = history[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["Kategori", "Antal", "Beskrivning"]);
    assert_eq!(
        (
            history[0].changes[0].before.as_str(),
            history[0].changes[0].after.as_str()
        ),
        ("Klotter", "Skadegörelse")
    );
    // The same form again changes nothing and adds no entry.
    navet::ops::report::edit(
        &mut s,
        r.id,
        &NewReport {
            category: "Skadegörelse".into(),
            ..form("Tagg på muren, anmälare 811218-9876", 3)
        },
    )
    .unwrap();
    assert_eq!(navet::ops::report::history(&s, r.id).unwrap().len(), 1);

    let search = |s: &navet::Store| {
        navet::ops::report::list(
            s,
            &navet::db::report::ReportFilter {
                search: Some("muren".into()),
                ..Default::default()
            },
        )
        .unwrap()
        .total
    };
    assert_eq!(search(&s), 1);
    let entry = navet::ops::report::delete(&mut s, r.id).unwrap();
    assert_eq!(search(&s), 0);
    assert!(
        navet::db::report_month::disagreements(s.conn())
            .unwrap()
            .is_empty()
    );
    let back = navet::ops::report::restore(&mut s, entry).unwrap();
    assert_eq!(
        (back.category.as_str(), back.count, back.text.as_str()),
        ("Skadegörelse", 3, edited.text.as_str())
    );
    assert_eq!(search(&s), 1);
    let again = navet::ops::report::restore(&mut s, entry).unwrap_err();
    assert_eq!(again.code(), navet::ErrorCode::Conflict, "restored once");
    let h = navet::ops::report::history(&s, back.id).unwrap();
    assert_eq!(h.last().unwrap().action, HistoryAction::Restore);
    // Deleted again, its number may go to an unrelated new report, which starts with
    // no history of its own.
    navet::ops::report::delete(&mut s, back.id).unwrap();
    let other = navet::ops::report::add(&mut s, &form("Ny rapport", 1)).unwrap();
    if other.id == back.id {
        assert!(
            navet::ops::report::history(&s, other.id)
                .unwrap()
                .is_empty()
        );
    }
    assert!(
        navet::db::report_month::disagreements(s.conn())
            .unwrap()
            .is_empty()
    );
    s.conn()
        .execute(
            "INSERT INTO report_fts (report_fts) VALUES ('integrity-check')",
            [],
        )
        .unwrap();
    let missing = navet::ops::report::edit(&mut s, 999_999, &form("x", 1)).unwrap_err();
    assert_eq!(missing.code(), navet::ErrorCode::NotFound);
}

/// A public-records extract: the chosen reports with their numbers; without free text
/// no description, assessment or partner's place text at all; with it, personal data
/// masked even in text stored before masking existed; logged with the request's
/// reference; no reference, no extract.
#[test]
fn a_public_records_extract_masks_leaves_out_free_text_and_is_logged() {
    use navet::ops::records::ExtractRequest;
    let (dir, mut s) = store();
    let a = ops::report::add(
        &mut s,
        &NewReport {
            text: Some("Klotter på bänken".into()),
            assessment: Some("Hög".into()),
            ..report("2026-11-02", Some("21:30"), Some("Torget"), "Klotter")
        },
    )
    .unwrap();
    let b = ops::report::add(&mut s, &report("2026-11-03", None, None, "Hot och våld")).unwrap();
    let c = ops::report::add(
        &mut s,
        &report("2026-11-04", None, Some("Norrby C"), "Klotter"),
    )
    .unwrap();
    // Text from before masking existed: a personnummer and a phone number in plain sight.
    s.conn()
        .execute(
            "UPDATE report SET text = 'Pojke 811218-9876, mamma 070-123 45 67', source_place = 'Utanför Anderssons port' WHERE id = ?1",
            [b.id],
        )
        .unwrap();

    let csv = dir.path().join("utdrag.csv");
    let request = ExtractRequest {
        ids: vec![a.id, b.id],
        reference: "KS 2026/412".into(),
        recipient: Some("Journalist".into()),
        ..Default::default()
    };
    let done = ops::records::extract(&s, &request, &csv).unwrap();
    assert_eq!(done.rows, 2);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap().trim_start_matches('\u{feff}'),
        "Nr;Datum;Tid;Plats;Område;Kategori;Aktör;Antal"
    );
    assert!(
        text.contains(&format!(
            "{};2026-11-02;21:30;Stortorget;Centrum;Klotter;Polisen;1",
            a.id
        )),
        "{text}"
    );
    for secret in [
        "Anderssons",
        "811218",
        "070-123",
        "Klotter på bänken",
        "Hög",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert!(
        !text.contains(&format!("\n{};", c.id)),
        "only the chosen reports"
    );

    let xlsx = dir.path().join("utdrag.xlsx");
    let done = ops::records::extract(
        &s,
        &ExtractRequest {
            with_text: true,
            ..request.clone()
        },
        &xlsx,
    )
    .unwrap();
    assert_eq!(done.masked, 1, "one text held personal data: {done:?}");
    let csv2 = dir.path().join("utdrag2.csv");
    ops::records::extract(
        &s,
        &ExtractRequest {
            with_text: true,
            ..request.clone()
        },
        &csv2,
    )
    .unwrap();
    let text = std::fs::read_to_string(&csv2).unwrap();
    assert!(
        text.contains("Pojke [personnummer], mamma [telefon]"),
        "{text}"
    );
    assert!(
        text.contains("Utanför Anderssons port"),
        "the place text comes with the free text"
    );
    assert!(!text.contains("811218") && !text.contains("070-123"));

    let log = ops::export::log(&s).unwrap();
    assert_eq!(log[0].kind, "utdrag allmän handling");
    assert_eq!(log[0].recipient.as_deref(), Some("Journalist"));
    assert!(
        log[0].filters.contains("KS 2026/412") && log[0].filters.contains("\"withText\":true"),
        "{}",
        log[0].filters
    );
    let err = ops::records::extract(
        &s,
        &ExtractRequest {
            reference: " ".into(),
            ..request.clone()
        },
        &csv,
    )
    .unwrap_err();
    assert!(err.to_string().contains("Ärende"), "{err}");
}
