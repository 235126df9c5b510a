//! The EST cycle after the picture: an insats from a problem, its follow-ups and the
//! counts around its start; meetings with decisions that create or change insatser;
//! the next meeting of each series; the operative meeting pack read back.

use std::path::Path;
use std::process::Command;

use chrono::{Datelike, NaiveDate};
use navet::Store;
use navet::db::insats::{Effect, InsatsStatus, NewInsats};
use navet::db::meeting::NewMeeting;
use navet::ops;
use navet::ops::meetings::DecisionEffect;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn demo(dir: &Path) -> Store {
    let mut s = Store::open(dir.join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 26, d(2026, 11, 15)).unwrap();
    s
}

/// The raw count straight from the reports, to check the windows against.
fn raw(s: &Store, place: &str, category: &str, from: &str, to: &str) -> u32 {
    s.conn()
        .query_row(
            "SELECT coalesce(sum(r.count), 0) FROM report r JOIN place p ON p.id = r.place_id
             JOIN category c ON c.id = r.category_id
             WHERE p.name = ?1 AND c.name = ?2 AND r.occurred_date BETWEEN ?3 AND ?4",
            [place, category, from, to],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn an_insats_is_followed_up_with_counts_before_and_after_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let i = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Belysning och väktare vid Norrby centrum".into(),
            places: vec!["Norrby centrum".into()],
            category: Some("Skadegörelse".into()),
            cause: "Mörkt kring entrén sena kvällar".into(),
            partners: vec!["Bostadsbolaget Hemvist".into()],
            contact: "Anna, 070-123 45 67".into(),
            start: "2026-10-05".into(),
            follow_up: Some("2026-11-02".into()),
            decided_in: "Lägesbild vecka 40 2026".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(i.area.as_deref(), Some("Norrby"), "the place's area");
    assert_eq!(i.status, InsatsStatus::Planned);
    let e = ops::insatser::effect(&s, i.id, 4, d(2026, 11, 30)).unwrap();
    assert_eq!(
        (e.before.from.as_str(), e.before.to.as_str()),
        ("2026-09-07", "2026-10-04")
    );
    assert_eq!(
        (e.after.from.as_str(), e.after.to.as_str()),
        ("2026-10-05", "2026-11-01")
    );
    assert_eq!(
        e.before.count,
        raw(
            &s,
            "Norrby centrum",
            "Skadegörelse",
            "2026-09-07",
            "2026-10-04"
        )
    );
    assert_eq!(
        e.after.count,
        raw(
            &s,
            "Norrby centrum",
            "Skadegörelse",
            "2026-10-05",
            "2026-11-01"
        )
    );
    assert!(
        e.before.count + e.after.count > 0,
        "the demo has such reports"
    );
    assert!(
        e.year_before.is_none(),
        "26 weeks of data reach no year back"
    );
    assert!(!e.after_incomplete);

    // Due once its follow-up date has passed; a follow-up moves the date on.
    assert_eq!(ops::insatser::due(&s, d(2026, 11, 3)).unwrap().len(), 1);
    assert!(ops::insatser::due(&s, d(2026, 11, 1)).unwrap().is_empty());
    let after = ops::insatser::follow_up(
        &mut s,
        i.id,
        "2026-11-03",
        "Färre larm; ring 811218-9876 vid frågor",
        Effect::SomewhatBetter,
        Some("2026-12-01"),
    )
    .unwrap();
    assert_eq!(after.follow_ups.len(), 1);
    assert!(!after.follow_ups[0].text.contains("811218-9876"), "masked");
    assert!(ops::insatser::due(&s, d(2026, 11, 30)).unwrap().is_empty());
    let done = ops::insatser::set_status(&mut s, i.id, InsatsStatus::Done).unwrap();
    assert_eq!(done.status, InsatsStatus::Done);
    let bad = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Baklänges".into(),
            start: "2026-10-05".into(),
            end: Some("2026-10-01".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(bad.code(), navet::ErrorCode::Invalid);
    let early = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Uppföljning före start".into(),
            start: "2026-10-05".into(),
            follow_up: Some("2026-10-01".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(early.code(), navet::ErrorCode::Invalid);
}

/// A PDF read back as a reader meets it: `qpdf --check` passes, every page renders
/// with pdftoppm (one image per page, none blank), and its text (pdftotext) is returned.
fn read_back(pdf: &Path) -> String {
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf");
    assert!(check.status.success(), "qpdf --check {}", pdf.display());
    let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let pages: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let dir = tempfile::tempdir().unwrap();
    let render = Command::new("pdftoppm")
        .args(["-r", "20", "-gray"])
        .arg(pdf)
        .arg(dir.path().join("p"))
        .status()
        .expect("pdftoppm");
    assert!(render.success());
    let images: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(
        images.len(),
        pages,
        "every page of {} renders",
        pdf.display()
    );
    for image in &images {
        // A greyscale PGM: ink somewhere on the page (a byte darker than light grey).
        let header_end = image.len().min(32);
        assert!(
            image[header_end..].iter().any(|&b| b < 128),
            "a blank page in {}",
            pdf.display()
        );
    }
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn meetings_decide_insatser_and_the_operative_pack_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let series = ops::meetings::series(&s).unwrap();
    assert_eq!(
        series
            .iter()
            .map(|x| (x.name.as_str(), x.interval_days))
            .collect::<Vec<_>>(),
        [("Operativ grupp", 14), ("Strategisk grupp", 61)]
    );
    let first = ops::meetings::add(
        &mut s,
        &NewMeeting {
            series: "Operativ grupp".into(),
            date: "2026-10-19".into(),
            agenda: "Lägesbilden\nInsatser".into(),
            attendees: vec!["Polisen".into(), "Bostadsbolaget Hemvist".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let m = ops::meetings::decide(
        &mut s,
        first.id,
        "Extra väktare vid Resecentrum kvällstid",
        DecisionEffect {
            new_insats: Some(NewInsats {
                title: "Väktare vid Resecentrum".into(),
                places: vec!["Resecentrum".into()],
                start: "2026-10-20".into(),
                follow_up: Some("2026-11-01".into()),
                partners: vec!["Polisen".into()],
                ..Default::default()
            }),
            change: None,
        },
    )
    .unwrap();
    let insats_id = m.decisions[0].insats.expect("the decision made an insats");
    let insats = ops::insatser::get(&s, insats_id).unwrap();
    assert_eq!(insats.meeting, Some(first.id));
    assert_eq!(insats.decided_in, "Operativ grupp 2026-10-19");
    let next = ops::meetings::next(&s, d(2026, 11, 30)).unwrap();
    assert_eq!(next[0].date.as_deref(), Some("2026-11-02"));
    assert!(next[0].overdue);
    assert_eq!(next[1].date, None, "no strategic meeting yet");

    let second = ops::meetings::add(
        &mut s,
        &NewMeeting {
            series: "Operativ grupp".into(),
            date: "2026-11-02".into(),
            agenda: "1. Lägesbilden sedan sist\n2. Väktarna vid Resecentrum".into(),
            ..Default::default()
        },
    )
    .unwrap();
    ops::meetings::decide(
        &mut s,
        second.id,
        "Väktarna fortsätter",
        DecisionEffect {
            new_insats: None,
            change: Some((insats_id, InsatsStatus::Ongoing)),
        },
    )
    .unwrap();
    assert_eq!(
        ops::insatser::get(&s, insats_id).unwrap().status,
        InsatsStatus::Ongoing
    );
    let pdf = dir.path().join("underlag.pdf");
    ops::meetings::pack(&s, second.id, &pdf).unwrap();
    let text = read_back(&pdf);
    for part in [
        "Mötesunderlag: Operativ grupp 2026-11-02",
        "sedan förra mötet 2026-10-19",
        "2. Väktarna vid Resecentrum",
        "Lägesbilden sedan förra mötet",
        "2026-10-20 – 2026-11-02",
        "Väktare vid Resecentrum",
        "[pågående]",
        "Uppföljningar att göra",
        "2026-10-19: Extra väktare vid Resecentrum kvällstid",
        "Nästa möte i serien: 2026-11-16.",
    ] {
        assert!(text.contains(part), "the pack lacks {part:?}:\n{text}");
    }
    // The picture's total in the pack is the picture's own total for those days.
    let p = ops::picture::compute(
        &s,
        &navet::picture::Period {
            from: d(2026, 10, 20),
            to: d(2026, 11, 2),
            kind: navet::picture::PeriodKind::Custom,
        },
    )
    .unwrap();
    assert!(text.contains(&format!("{} händelser i {} rapporter", p.total, p.reports)));
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(check.status.success());
    // A pack for named readers: the cover and the export log say who it is for.
    let to = dir.path().join("till.pdf");
    ops::meetings::pack_to(
        &s,
        second.id,
        &to,
        &["Polisen".into(), "Socialtjänsten".into()],
    )
    .unwrap();
    assert!(read_back(&to).contains("Till: Polisen, Socialtjänsten"));
    let log = ops::export::log(&s).unwrap();
    assert_eq!(log[0].kind, "pdf mötesunderlag");
    assert_eq!(log[0].recipient.as_deref(), Some("Polisen, Socialtjänsten"));
    // The åtgärdsplan: each insats under the problem it addresses.
    let plan = dir.path().join("plan.pdf");
    ops::law::plan_pdf(&s, &[], &plan).unwrap();
    let text = read_back(&plan);
    assert!(
        text.contains("Åtgärdsplan") && text.contains("Väktare vid Resecentrum"),
        "{text}"
    );
    // With no meeting named: the pack for the next operative meeting today or later,
    // the series' rhythm stepped on past 16 November, which went by without one.
    let next = dir.path().join("nasta.pdf");
    let day = ops::meetings::pack_next(&s, d(2026, 11, 30), &next).unwrap();
    assert_eq!(day, "2026-11-30");
    assert!(read_back(&next).contains("Mötesunderlag: Operativ grupp 2026-11-30"));
    assert_eq!(
        ops::meetings::pack_next(&s, d(2026, 11, 16), &next).unwrap(),
        "2026-11-16",
        "a meeting due today is the next one"
    );
}

/// The pack with no meeting named is for the next meeting, not one gone by: a meeting
/// already recorded for a coming day is taken, with its agenda. Its picture is the one
/// frozen for it (statuses, justifications and analysis as presented); without one, the
/// live picture of the days that are over, marked as a draft, that says when there is
/// too little history to see a departure; a late follow-up is marked from today.
#[test]
fn the_pack_is_for_the_next_meeting_and_shows_its_frozen_picture() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let mut add = |date: &str, agenda: &str| {
        ops::meetings::add(
            &mut s,
            &NewMeeting {
                series: "Operativ grupp".into(),
                date: date.into(),
                agenda: agenda.into(),
                ..Default::default()
            },
        )
        .unwrap()
    };
    add("2026-11-02", "");
    let coming = add(
        "2026-11-19",
        "1. Lägesbilden vecka 46\n2. Insatser\n3. Övrigt",
    );
    let today = d(2026, 11, 17);
    let path = dir.path().join("nasta.pdf");
    assert_eq!(
        ops::meetings::pack_next(&s, today, &path).unwrap(),
        "2026-11-19"
    );
    let text = read_back(&path);
    for part in [
        "Mötesunderlag: Operativ grupp 2026-11-19",
        "sedan förra mötet 2026-11-02",
        "1. Lägesbilden vecka 46\n2. Insatser\n3. Övrigt",
        "Utkast: lägesbilden är inte fryst",
        // The days that are over on the 17th, not the meeting's own.
        "2026-11-03 – 2026-11-16",
    ] {
        assert!(text.contains(part), "the pack lacks {part:?}:\n{text}");
    }

    // The week's picture frozen with a status and an analysis: the pack shows it.
    let week = navet::picture::Period::containing(navet::picture::PeriodKind::Week, d(2026, 11, 9));
    ops::picture::set_area_status(&mut s, &week, "Norrby", "röd", "Skadegörelse vid centrum")
        .unwrap();
    ops::picture::set_analysis(
        &mut s,
        &week,
        navet::picture::AnalysisPart::Analys,
        "Stöket hänger ihop med att fritidsgården stängt.",
    )
    .unwrap();
    let frozen = ops::picture::save(&mut s, &week, Some("Vecka 46 till gruppen")).unwrap();
    ops::meetings::pack_as_at(&s, coming.id, &path, &[], false, today).unwrap();
    let text = read_back(&path);
    for part in [
        "Lägesbilden vecka 46",
        "Vecka 46 till gruppen",
        "Skadegörelse vid centrum",
        "Analys av orsaker",
        "fritidsgården stängt",
        &format!("{} händelser i {} rapporter", frozen.total, frozen.reports),
    ] {
        assert!(text.contains(part), "the pack lacks {part:?}:\n{text}");
    }
    assert!(!text.contains("Utkast"), "{text}");
    let norrby = text.lines().find(|l| l.starts_with("Norrby")).unwrap();
    assert!(norrby.contains("röd"), "{norrby}");

    // Three weeks of reports hold no normal level for two weeks: the pack says so
    // rather than "no clear departures".
    let mut short = Store::open(dir.path().join("kort.sqlite")).unwrap();
    ops::load_demo(&mut short, 3, d(2026, 11, 15)).unwrap();
    ops::meetings::pack_next(&short, today, &path).unwrap();
    let text = read_back(&path);
    assert!(text.contains("För kort historik"), "{text}");
    assert!(!text.contains("Inga tydliga avvikelser"), "{text}");

    // A series that has not met yet: its first meeting is today, with no day over.
    let empty = Store::open(dir.path().join("tom.sqlite")).unwrap();
    assert_eq!(
        ops::meetings::pack_next(&empty, today, &path).unwrap(),
        "2026-11-17"
    );
}

/// Silence and zero told apart: a partner with a rhythm that sent nothing is late; one
/// that said "inga händelser" for the week is not, and the picture and its PDF say
/// which; the meeting pack does not count it as silent.
#[test]
fn the_reporting_rhythm_tells_silence_from_zero() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    ops::partners::add(&mut s, "Skolan").unwrap();
    ops::partners::add(&mut s, "Svenska kyrkan").unwrap();
    ops::partners::set_rhythm(&mut s, "Skolan", Some(7)).unwrap();
    ops::partners::set_rhythm(&mut s, "Svenska kyrkan", Some(7)).unwrap();
    let today = chrono::Local::now().date_naive();
    let late = ops::partners::late(&s, today).unwrap();
    let names: Vec<&str> = late.iter().map(|l| l.partner.as_str()).collect();
    assert_eq!(names, ["Skolan", "Svenska kyrkan"], "never sent anything");
    ops::partners::report_nothing(&mut s, "Svenska kyrkan", "2026-11-09", "2026-11-15").unwrap();
    let late = ops::partners::late(&s, today).unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].partner, "Skolan");

    let week =
        navet::picture::Period::containing(navet::picture::PeriodKind::Week, d(2026, 11, 10));
    let p = ops::picture::compute(&s, &week).unwrap();
    let f = p
        .partners
        .iter()
        .find(|x| x.partner == "Svenska kyrkan")
        .unwrap();
    let k = p.partners.iter().find(|x| x.partner == "Skolan").unwrap();
    assert!(f.nothing_to_report && !k.nothing_to_report);
    let pdf = dir.path().join("v46.pdf");
    let request = navet::export::ExportRequest {
        source: navet::export::ExportSource::Picture {
            picture: navet::export::PictureSource::Period { period: week },
        },
        format: navet::export::ExportFormat::Pdf,
        audience: navet::export::Audience::Internal,
        with_analysis: None,
    };
    ops::export::run(&s, &request, &pdf).unwrap();
    let text = read_back(&pdf);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        line("Svenska kyrkan").contains("inga händelser"),
        "{}",
        line("Svenska kyrkan")
    );
    assert!(
        line("Skolan").contains("inga rapporter"),
        "{}",
        line("Skolan")
    );
}

/// The year: every status given is kept (the draft only holds the latest), the årshjul
/// adds up to the month counts, a picture shows the same period a year earlier where the
/// data reaches, and the strategic pack reads back.
#[test]
fn the_year_statuses_wheel_last_year_and_the_strategic_pack() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 70, d(2026, 11, 15)).unwrap();
    let month =
        navet::picture::Period::containing(navet::picture::PeriodKind::Month, d(2026, 10, 10));
    ops::picture::set_area_status(&mut s, &month, "Norrby", "gul", "Fler bränder").unwrap();
    ops::picture::set_area_status(&mut s, &month, "Norrby", "röd", "Ännu fler bränder").unwrap();
    let h = ops::year::status_history(&s, Some("Norrby"), "2026-01-01", "2026-12-31").unwrap();
    assert_eq!(
        h.iter().map(|e| e.status.as_str()).collect::<Vec<_>>(),
        ["gul", "röd"]
    );
    let w = ops::year::wheel(&s, 2026).unwrap();
    let all: u32 = w.rows.iter().map(|r| r.total).sum();
    let raw: u32 = s
        .conn()
        .query_row(
            "SELECT coalesce(sum(count), 0) FROM report WHERE occurred_date LIKE '2026-%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(all, raw);
    assert_eq!(w.totals.iter().sum::<u32>(), raw);

    let p = ops::picture::compute(&s, &month).unwrap();
    let ly = p.last_year.expect("70 weeks reach October 2025");
    assert_eq!(
        (ly.from.as_str(), ly.to.as_str()),
        ("2025-10-01", "2025-10-31")
    );
    let raw_ly: u32 = s
        .conn()
        .query_row(
            "SELECT coalesce(sum(count), 0) FROM report WHERE occurred_date BETWEEN '2025-10-01' AND '2025-10-31'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ly.total, raw_ly);

    let m = ops::meetings::add(
        &mut s,
        &NewMeeting {
            series: "Strategisk grupp".into(),
            date: "2026-11-20".into(),
            agenda: "Läget i Norrby\nBeslut: förläng väktarna till mars".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let done = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Städning av Norrby centrum".into(),
            places: vec!["Norrby centrum".into()],
            start: "2026-09-01".into(),
            status: Some(InsatsStatus::Done),
            ..Default::default()
        },
    )
    .unwrap();
    ops::insatser::follow_up(
        &mut s,
        done.id,
        "2026-10-27",
        "",
        Effect::ClearlyBetter,
        None,
    )
    .unwrap();
    let pdf = dir.path().join("strategisk.pdf");
    ops::meetings::pack(&s, m.id, &pdf).unwrap();
    let text = read_back(&pdf);
    for part in [
        "Mötesunderlag: Strategisk grupp 2026-11-20",
        "Utvecklingen per område, sex månader",
        "Norrby, året före",
        "jun 2026",
        "nov 2026",
        "Ännu fler bränder",
        "Städning av Norrby centrum",
        "tydlig förbättring",
        "Beslut: förläng väktarna till mars",
        "Årshjul 2026",
        "Nästa möte i serien: 2027-01-20.",
    ] {
        assert!(
            text.contains(part),
            "the strategic pack lacks {part:?}:\n{text}"
        );
    }
}

/// A safety walk: points with a place, a problem and a photo copied into the data
/// folder (the original untouched, a non-image refused), a point turned into a report
/// and an insats, and the protocol saying what happened to each.
#[test]
fn a_safety_walk_points_become_reports_and_insatser_and_the_protocol_says_so() {
    use navet::db::walk::{NewPoint, NewWalk, PointStatus};
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let w = ops::walks::add(
        &mut s,
        &NewWalk {
            date: "2026-11-12".into(),
            area: Some("Norrby".into()),
            route: "Från Norrby centrum till skolan".into(),
            participants: "Boende, Polisen, Bostadsbolaget".into(),
        },
    )
    .unwrap();
    let photo = dir.path().join("lampa.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0 jpeg").unwrap();
    let p1 = ops::walks::add_point(
        &mut s,
        w.id,
        &NewPoint {
            place: "Norrby centrum".into(),
            problem: "Trasig belysning vid entrén".into(),
            category: Some("Brister i fysisk miljö".into()),
            proposed_action: "Byta armaturen".into(),
            owner: Some("Bostadsbolaget Hemvist".into()),
            photo: Some(photo.display().to_string()),
        },
    )
    .unwrap();
    assert!(p1.place_known);
    let stored = ops::walks::photo_root(&s).join(p1.photo.as_deref().unwrap());
    assert_eq!(
        std::fs::read(&stored).unwrap(),
        std::fs::read(&photo).unwrap()
    );
    let text_file = dir.path().join("inte-en-bild.txt");
    std::fs::write(&text_file, "x").unwrap();
    let refused = ops::walks::add_point(
        &mut s,
        w.id,
        &NewPoint {
            place: "Skolgården".into(),
            problem: "Skymd sikt".into(),
            photo: Some(text_file.display().to_string()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(refused.code(), navet::ErrorCode::Invalid);
    assert_eq!(
        ops::walks::get(&s, w.id).unwrap().points.len(),
        1,
        "nothing half-stored"
    );
    // A real photo (a phone's is larger: it is scaled down for print).
    let photo2 = dir.path().join("tunneln.png");
    image::RgbImage::from_fn(1600, 1000, |x, y| {
        if (600..1000).contains(&x) && (300..700).contains(&y) {
            image::Rgb([20, 20, 20])
        } else {
            image::Rgb([(x / 7) as u8, (y / 4) as u8, 160])
        }
    })
    .save(&photo2)
    .unwrap();
    let p2 = ops::walks::add_point(
        &mut s,
        w.id,
        &NewPoint {
            place: "gångtunneln vid skolan".into(),
            problem: "Klotter och glas på marken".into(),
            category: Some("Klotter".into()),
            photo: Some(photo2.display().to_string()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!p2.place_known, "words for a place Navet does not know");

    let report = ops::walks::to_report(&mut s, p2.id, "Polisen", None).unwrap();
    let r = ops::report::get(&s, report).unwrap();
    assert_eq!(
        (r.occurred_date.as_str(), r.category.as_str()),
        ("2026-11-12", "Klotter")
    );
    let insats = ops::walks::to_insats(
        &mut s,
        p1.id,
        Some("Ny belysning vid Norrby centrum"),
        "2026-11-20",
    )
    .unwrap();
    assert_eq!(
        ops::insatser::get(&s, insats).unwrap().decided_in,
        "Trygghetsvandring 2026-11-12"
    );
    ops::walks::set_point_status(&mut s, p1.id, PointStatus::Fixed).unwrap();

    let pdf = dir.path().join("protokoll.pdf");
    ops::walks::protocol(&s, w.id, &pdf).unwrap();
    let text = read_back(&pdf);
    for part in [
        "Trygghetsvandring Norrby 2026-11-12",
        "Från Norrby centrum till skolan",
        "Trasig belysning",
        "åtgärdad",
        "insats: Ny belysning",
        &format!("rapport nr {report}"),
        // The photo that is an image is drawn, scaled down, under its point; the one
        // that is no image Navet can draw is named where it is kept.
        "2 nedan",
        "Bild 2. gångtunneln vid skolan: Klotter och glas på marken",
        "Bild 1. Norrby centrum: Trasig belysning vid entrén. Bilden kan inte visas här",
    ] {
        assert!(text.contains(part), "the protocol lacks {part:?}:\n{text}");
    }
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .expect("pdfimages");
    let listed = String::from_utf8_lossy(&images.stdout);
    let rows: Vec<&str> = listed.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "one photo drawn: {listed}");
    let cols: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!(
        (cols[3], cols[4], cols[5]),
        ("1200", "750", "rgb"),
        "{listed}"
    );
}

/// A citizen promise: four months by default, commitments tied to insatser, a
/// plain-language text and PDF, and the follow-up with what was done.
#[test]
fn a_citizen_promise_is_published_and_followed_up() {
    use navet::db::promise::NewPromise;
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let p = ops::promises::add(
        &mut s,
        &NewPromise {
            title: "Tryggare Norrby centrum".into(),
            from: "2026-09-01".into(),
            parties: "Ekbacka kommun, Polisen".into(),
            areas: "Norrby".into(),
            problems: "Skadegörelse och bränder kring centrum kvällstid".into(),
            summary: "Vi lovar att vara på plats oftare och åtgärda skador snabbare.".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        (p.from.as_str(), p.to.as_str()),
        ("2026-09-01", "2026-12-31"),
        "four months"
    );
    let i = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Polisen går i centrum fredagar".into(),
            places: vec!["Norrby centrum".into()],
            start: "2026-09-04".into(),
            status: Some(InsatsStatus::Ongoing),
            ..Default::default()
        },
    )
    .unwrap();
    ops::promises::commit(
        &mut s,
        p.id,
        "Polisen",
        "Synas i centrum varje fredag",
        Some(i.id),
    )
    .unwrap();
    ops::promises::commit(&mut s, p.id, "Kommunen", "Laga skador inom en vecka", None).unwrap();
    let text = ops::promises::text(&s, p.id).unwrap();
    assert!(
        text.starts_with("Medborgarlöfte: Tryggare Norrby centrum"),
        "{text}"
    );
    assert!(
        text.contains("– Polisen: Synas i centrum varje fredag (pågående)"),
        "{text}"
    );
    let done = ops::promises::follow_up(
        &mut s,
        p.id,
        "Fredagarna blev av; skadorna lagades inom fem dagar.",
    )
    .unwrap();
    assert_eq!(done.status, "uppföljt");
    let pdf = dir.path().join("lofte.pdf");
    ops::promises::pdf(&s, p.id, &pdf).unwrap();
    let text = read_back(&pdf);
    for part in [
        "Medborgarlöfte: Tryggare Norrby centrum",
        "Det här gör vi",
        "Så gick det",
        "inom fem dagar",
    ] {
        assert!(text.contains(part), "the promise lacks {part:?}:\n{text}");
    }
}

/// The counts around an insats's start are exact across a year end and across the
/// night clocks go forward (dates are local days; no hour is lost or doubled).
#[test]
fn before_and_after_counts_are_exact_across_a_year_end_and_a_dst_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::places::add(
        &mut s,
        &navet::db::place::NewPlace {
            name: "Torget".into(),
            area: Some("Centrum".into()),
            ..Default::default()
        },
    )
    .unwrap();
    ops::partners::add(&mut s, "Polisen").unwrap();
    let mut add = |date: NaiveDate, time: &str, n: u32| {
        ops::report::add(
            &mut s,
            &navet::db::report::NewReport {
                date: date.to_string(),
                time: Some(time.into()),
                place: Some("Torget".into()),
                category: "Klotter".into(),
                partner: "Polisen".into(),
                count: Some(n),
                ..Default::default()
            },
        )
        .unwrap();
    };
    // One report a day from 1 December to 31 January, two on each day of the new year.
    let mut day = d(2026, 12, 1);
    while day <= d(2027, 1, 31) {
        add(day, "23:30", if day.year() == 2027 { 2 } else { 1 });
        day = day.succ_opt().unwrap();
    }
    // And around 29 March 2026, when 02:00 became 03:00: reports at 02:30 and 03:30.
    for dd in 22..=31 {
        add(d(2026, 3, dd), "02:30", 1);
        add(d(2026, 3, dd), "03:30", 1);
    }
    let new_year = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Över nyår".into(),
            places: vec!["Torget".into()],
            category: Some("Klotter".into()),
            start: "2027-01-01".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = ops::insatser::effect(&s, new_year.id, 2, d(2027, 3, 1)).unwrap();
    assert_eq!(
        (e.before.from.as_str(), e.before.to.as_str()),
        ("2026-12-18", "2026-12-31")
    );
    assert_eq!(
        (e.after.from.as_str(), e.after.to.as_str()),
        ("2027-01-01", "2027-01-14")
    );
    assert_eq!((e.before.count, e.after.count), (14, 28));
    let spring = ops::insatser::add(
        &mut s,
        &NewInsats {
            title: "Vårnatt".into(),
            places: vec!["Torget".into()],
            start: "2026-03-29".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = ops::insatser::effect(&s, spring.id, 1, d(2026, 12, 1)).unwrap();
    assert_eq!(
        (e.before.count, e.after.count),
        (14, 6),
        "22–28 March, 29–31 March"
    );
}

/// The law's lägesbild (lag 2023:196): the law's three parts in order, the other
/// knowledge sources with their key figure (personal data masked), the coordinator's
/// texts, the months adding up to the period's total (no data before the first report,
/// not zero), the distribution list on the cover and in the export log.
#[test]
fn the_law_lagesbild_has_the_laws_parts_and_numbers_that_agree() {
    use navet::db::knowledge_source::NewSource;
    use navet::ops::law::{LawRequest, LawTexts};
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo(dir.path());
    let request = LawRequest {
        last_month: Some("2026-10".into()),
        months: None,
        to: vec!["Polisen".into(), " ".into(), "Strategisk grupp".into()],
        archival: false,
    };
    assert_eq!(
        ops::law::lagesbild_file_name(&request, d(2026, 11, 30)).unwrap(),
        "lägesbild-enligt-lag-2025-11-2026-10.pdf"
    );
    // Before any text or source: each part says it is empty.
    let empty = dir.path().join("tom.pdf");
    ops::law::lagesbild_pdf(&s, &request, d(2026, 11, 30), &empty).unwrap();
    let text = read_back(&empty);
    for part in [
        "Ingen text om konsekvenserna är skriven.",
        "Inga andra kunskapskällor är inlagda.",
        "Ingen orsaksanalys är skriven.",
    ] {
        assert!(text.contains(part), "{part}\n{text}");
    }

    let source = ops::law::add_source(
        &mut s,
        &NewSource {
            title: "Trygghetsmätning 2026".into(),
            source: "SCB".into(),
            date: "2026-05-12".into(),
            summary: "Fler känner sig otrygga. Frågor: 070-123 45 67.".into(),
            figure_label: "Känner sig otrygga på kvällen".into(),
            figure_value: "31 %".into(),
            area: Some("Norrby".into()),
        },
    )
    .unwrap();
    assert!(source.summary.contains("[telefon]"), "{}", source.summary);
    let later = ops::law::add_source(
        &mut s,
        &NewSource {
            title: "Enkät hösten 2026".into(),
            date: "2026-11-20".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        ops::law::add_source(
            &mut s,
            &NewSource {
                title: "Fel".into(),
                date: "2026-02-30".into(),
                ..Default::default()
            },
        )
        .is_err()
    );
    ops::law::set_texts(
        &mut s,
        &LawTexts {
            consequences: "Boende undviker torget på kvällen.".into(),
            causes: "Få vuxna ute efter 20.\n\nDålig belysning vid tunneln.".into(),
        },
    )
    .unwrap();
    let pdf = dir.path().join("lag.pdf");
    ops::law::lagesbild_pdf(&s, &request, d(2026, 11, 30), &pdf).unwrap();
    let text = read_back(&pdf);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing:\n{text}"))
    };
    // The law's parts, in the law's order.
    assert!(at("1. Kartläggning") < at("Konsekvenser"));
    assert!(at("Boende undviker torget") < at("2. Annan information"));
    assert!(at("Trygghetsmätning 2026") < at("3. Analys av orsaker"));
    assert!(at("Få vuxna ute efter 20.") < at("Dålig belysning vid tunneln."));
    assert!(text.contains("Till: Polisen, Strategisk grupp"), "{text}");
    assert!(text.contains("SCB · 2026-05-12 · Norrby"), "{text}");
    assert!(
        text.contains("Känner sig otrygga på kvällen: 31 %"),
        "{text}"
    );
    assert!(
        text.contains("[telefon]") && !text.contains("070-123"),
        "{text}"
    );
    // A source dated after the period is not part of it.
    assert!(!text.contains(&later.title), "{text}");
    // The months add up to the period's total; months before the first report are no
    // data ("–"), not zero.
    let period = navet::picture::Period::range(d(2025, 11, 1), d(2026, 10, 31)).unwrap();
    let picture = ops::picture::compute(&s, &period).unwrap();
    assert!(
        text.contains(&format!(
            "{} händelser i {} rapporter",
            picture.total, picture.reports
        )),
        "{text}"
    );
    let months = [
        "november 2025",
        "december 2025",
        "januari 2026",
        "februari 2026",
        "mars 2026",
        "april 2026",
        "maj 2026",
        "juni 2026",
        "juli 2026",
        "augusti 2026",
        "september 2026",
        "oktober 2026",
    ];
    let mut sum = 0;
    for m in months {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(m))
            .unwrap_or_else(|| panic!("{m}:\n{text}"));
        let cell = line.split_whitespace().last().unwrap();
        if m.ends_with("2025") {
            assert_eq!(cell, "–", "{line}");
        } else if cell != "–" {
            sum += cell.parse::<u32>().unwrap();
        }
    }
    assert_eq!(sum, picture.total);
    assert!(
        text.contains("för månaderna före finns inga siffror"),
        "{text}"
    );
    let log = ops::export::log(&s).unwrap();
    assert_eq!(log[0].kind, "pdf lägesbild enligt lag");
    assert_eq!(log[0].file_name, "lag.pdf");
    assert_eq!(
        log[0].recipient.as_deref(),
        Some("Polisen, Strategisk grupp")
    );
    // The åtgärdsplan carries its list the same way.
    let plan = dir.path().join("plan.pdf");
    ops::law::plan_pdf(&s, &["Socialtjänsten".into()], &plan).unwrap();
    assert!(read_back(&plan).contains("Till: Socialtjänsten"));
    let log = ops::export::log(&s).unwrap();
    assert_eq!(
        (log[0].kind.as_str(), log[0].recipient.as_deref()),
        ("pdf åtgärdsplan", Some("Socialtjänsten"))
    );
    // As an archival PDF/A-2b: the same words, with the XMP that says so.
    let archival = dir.path().join("lag-pdfa.pdf");
    ops::law::lagesbild_pdf(
        &s,
        &LawRequest {
            archival: true,
            ..request.clone()
        },
        d(2026, 11, 30),
        &archival,
    )
    .unwrap();
    assert!(read_back(&archival).contains("3. Analys av orsaker"));
    let pdf_a = |p: &Path| {
        std::fs::read(p)
            .unwrap()
            .windows(14)
            .any(|w| w == b"pdfaid:part>2<")
    };
    assert!(pdf_a(&archival));
    // The åtgärdsplan and a meeting pack the same way, for the diary.
    let plan_a = dir.path().join("plan-pdfa.pdf");
    ops::law::plan_pdf_as(&s, &[], true, &plan_a).unwrap();
    assert!(read_back(&plan_a).contains("Åtgärdsplan") && pdf_a(&plan_a));
    let m = ops::meetings::add(
        &mut s,
        &navet::db::meeting::NewMeeting {
            series: "Operativ grupp".into(),
            date: "2026-11-16".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let pack_a = dir.path().join("pack-pdfa.pdf");
    ops::meetings::pack_as(&s, m.id, &pack_a, &["Polisen".into()], true).unwrap();
    assert!(read_back(&pack_a).contains("Till: Polisen") && pdf_a(&pack_a));
    ops::law::delete_source(&mut s, later.id).unwrap();
    assert!(ops::law::delete_source(&mut s, later.id).is_err());
    assert_eq!(ops::law::sources(&s).unwrap().len(), 1);
}

/// Merging a place that an insats and a safety walk name: they follow it (nothing is
/// refused with a database's words, nothing is left pointing at a deleted place).
#[test]
fn a_merged_place_takes_its_insatser_and_walk_points_along() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo_with_cycle(&mut s, 26, d(2026, 11, 15)).unwrap();
    let named = |s: &Store| {
        ops::insatser::list(s)
            .unwrap()
            .into_iter()
            .filter(|i| i.places.iter().any(|p| p == "Norrby centrum"))
            .map(|i| i.id)
            .collect::<Vec<_>>()
    };
    let insatser = named(&s);
    assert!(
        !insatser.is_empty(),
        "the demo has an insats at Norrby centrum"
    );
    let walk = ops::walks::list(&s).unwrap()[0].id;
    assert!(
        ops::walks::get(&s, walk)
            .unwrap()
            .points
            .iter()
            .any(|p| p.place == "Norrby centrum")
    );
    ops::places::merge(&mut s, "Norrby centrum", "Stortorget").unwrap();
    assert!(named(&s).is_empty());
    for id in insatser {
        let i = ops::insatser::get(&s, id).unwrap();
        assert!(
            i.places.contains(&"Stortorget".to_string()),
            "{:?}",
            i.places
        );
    }
    assert!(
        ops::walks::get(&s, walk)
            .unwrap()
            .points
            .iter()
            .any(|p| p.place == "Stortorget" && p.place_known)
    );
    let faults: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(faults, 0);
}

/// An insats changed after the fact: its title, problem and owners change, its
/// follow-ups and the meeting that decided it stay, its text is masked as when added,
/// and a bad date or an unknown insats is refused with nothing changed.
#[test]
fn an_insats_is_changed_after_the_fact_and_keeps_its_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo_with_cycle(&mut s, 26, d(2026, 11, 15)).unwrap();
    let before = ops::insatser::list(&s)
        .unwrap()
        .into_iter()
        .find(|i| !i.follow_ups.is_empty())
        .expect("the demo has an insats with a follow-up");
    let mut n = NewInsats::from(&before);
    n.title = "Trygghetsvärdar i Norrby".into();
    n.places = vec!["Stortorget".into(), "Resecentrum".into()];
    n.partners = vec!["Polisen".into()];
    n.cause = "Ring 070-123 45 67 för mer".into();
    let after = ops::insatser::edit(&mut s, before.id, &n).unwrap();
    assert_eq!(after.title, "Trygghetsvärdar i Norrby");
    let mut places = after.places.clone();
    places.sort();
    assert_eq!(places, ["Resecentrum", "Stortorget"]);
    assert_eq!(after.partners, ["Polisen"]);
    assert!(after.cause.contains("[telefon]"), "{}", after.cause);
    assert_eq!(after.follow_ups, before.follow_ups);
    assert_eq!(
        (after.meeting, after.status),
        (before.meeting, before.status)
    );
    let mut bad = n.clone();
    bad.end = Some("2020-01-01".into());
    assert!(ops::insatser::edit(&mut s, before.id, &bad).is_err());
    assert_eq!(
        ops::insatser::get(&s, before.id).unwrap(),
        after,
        "nothing changed"
    );
    assert!(ops::insatser::edit(&mut s, 9999, &n).is_err());
}
