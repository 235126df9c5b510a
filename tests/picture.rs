//! The situation picture: exact counts (year-boundary weeks, DST days), flags, pattern,
//! statuses, freezing; and everything that leaves the machine: the PDF read back with
//! poppler and qpdf, CSV and XLSX round trips, partner-safe files, the export log.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use navet::Store;
use navet::db::place::NewPlace;
use navet::db::report::{NewReport, ReportFilter};
use navet::export::{
    Audience, ExportDone, ExportFormat, ExportRequest, ExportSource, PictureSource,
};
use navet::import::ImportOptions;
use navet::ops;
use navet::picture::{Period, PeriodKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A spreadsheet's rows as Navet's importer reads them.
fn sheet_rows(path: &Path, sheet: Option<&str>) -> Vec<Vec<String>> {
    let src = navet::import::source::Source::open(path, sheet).unwrap();
    let mut r = src.rows().unwrap();
    let mut rec = csv::StringRecord::new();
    let mut out = Vec::new();
    while r.read(&mut rec).unwrap() {
        out.push(rec.iter().map(str::to_string).collect());
    }
    out
}

/// Runs one export as both doors do: a request, then the core's one export function.
fn export(
    s: &Store,
    source: ExportSource,
    format: ExportFormat,
    audience: Audience,
    path: &Path,
) -> navet::Result<ExportDone> {
    let request = ExportRequest {
        source,
        format,
        audience,
        with_analysis: None,
    };
    ops::export::run_at(s, &request, path, TODAY)
}

/// The day the tests' exports are made: every week of their data is over.
const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();

fn picture_of(source: PictureSource) -> ExportSource {
    ExportSource::Picture { picture: source }
}

fn store(dir: &Path) -> Store {
    let mut s = Store::open(dir.join("n.sqlite")).unwrap();
    for (place, area) in [
        ("Stortorget", Some("Centrum")),
        ("Resecentrum", Some("Centrum")),
        ("Norrby centrum", Some("Norrby")),
        ("Ödetomten", None),
    ] {
        ops::places::add(
            &mut s,
            &NewPlace {
                name: place.into(),
                area: area.map(Into::into),
                ..Default::default()
            },
        )
        .unwrap();
    }
    ops::partners::add(&mut s, "Polisen").unwrap();
    ops::partners::add(&mut s, "Bostadsbolaget").unwrap();
    navet::db::setting::set_setting(s.conn(), "municipality", "Ekbacka kommun").unwrap();
    s
}

#[allow(clippy::too_many_arguments)] // one argument per report field reads best in these fixtures
fn add(
    s: &mut Store,
    date: &str,
    time: Option<&str>,
    place: Option<&str>,
    category: &str,
    count: u32,
    partner: &str,
    text: &str,
) {
    ops::report::add(
        s,
        &NewReport {
            date: date.into(),
            time: time.map(Into::into),
            place: place.map(Into::into),
            category: category.into(),
            partner: partner.into(),
            count: Some(count),
            text: Some(text.into()),
            ..Default::default()
        },
    )
    .unwrap();
}

/// Week 53 of 2026 (2026-12-28 – 2027-01-03) with its neighbours.
fn year_end(s: &mut Store) {
    // Eight earlier weeks: one Skadegörelse a week at Stortorget (the baseline is 1).
    for w in 1..=8 {
        let day = d(2026, 12, 28) - chrono::Duration::weeks(w);
        add(
            s,
            &day.to_string(),
            Some("12:00"),
            Some("Stortorget"),
            "Skadegörelse",
            1,
            "Polisen",
            "tidigare",
        );
    }
    // Bostadsbolaget has reported since October (before the baseline's eight weeks), so
    // its week-53 reports are a rise, not a newcomer's first level.
    add(
        s,
        "2026-10-12",
        Some("10:00"),
        Some("Ödetomten"),
        "Nedskräpning",
        1,
        "Bostadsbolaget",
        "tidig",
    );
    // Week 53: 10 Skadegörelse (one report of 4, six of 1), spread over both years.
    add(
        s,
        "2026-12-28",
        Some("22:15"),
        Some("Stortorget"),
        "Skadegörelse",
        4,
        "Polisen",
        "fyra rutor",
    );
    for day in [
        "2026-12-29",
        "2026-12-30",
        "2026-12-31",
        "2027-01-01",
        "2027-01-02",
        "2027-01-03",
    ] {
        add(
            s,
            day,
            Some("23:30"),
            Some("Stortorget"),
            "Skadegörelse",
            1,
            "Bostadsbolaget",
            "ruta",
        );
    }
    add(
        s,
        "2026-12-31",
        None,
        Some("Norrby centrum"),
        "Brand/anlagd brand",
        2,
        "Polisen",
        "nyårsbrand",
    );
    add(
        s,
        "2027-01-01",
        Some("00:30"),
        None,
        "Ordningsstörning/stök",
        1,
        "Polisen",
        "oplacerad",
    );
    add(
        s,
        "2027-01-02",
        Some("01:10"),
        Some("Ödetomten"),
        "Nedskräpning",
        1,
        "Bostadsbolaget",
        "utan område",
    );
    // The next week (not counted).
    add(
        s,
        "2027-01-04",
        Some("08:00"),
        Some("Stortorget"),
        "Skadegörelse",
        5,
        "Polisen",
        "nästa vecka",
    );
}

#[test]
fn counts_across_the_year_boundary_with_flags_and_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let p = Period::containing(PeriodKind::Week, d(2027, 1, 3));
    assert_eq!(p.label(), "vecka 53 2026");
    let pic = ops::picture::compute(&s, &p).unwrap();
    assert_eq!(
        (pic.from.as_str(), pic.to.as_str()),
        ("2026-12-28", "2027-01-03")
    );
    assert_eq!(pic.total, 10 + 2 + 1 + 1, "counts, not reports");
    assert_eq!(pic.reports, 10);
    assert_eq!(pic.unplaced, 1);
    assert_eq!(pic.previous_total, 1);
    assert_eq!(pic.baseline_total, 1.0);

    let centrum = pic.areas.iter().find(|a| a.area == "Centrum").unwrap();
    assert_eq!((centrum.total, centrum.previous), (10, 1));
    let skad = &centrum.categories[0];
    assert_eq!(
        (
            skad.category.as_str(),
            skad.count,
            skad.previous,
            skad.baseline,
            skad.change
        ),
        ("Skadegörelse", 10, 1, 1.0, 9)
    );
    assert!(skad.flagged, "10 against a baseline of 1");
    assert_eq!(centrum.places[0].place, "Stortorget");
    let norrby = pic.areas.iter().find(|a| a.area == "Norrby").unwrap();
    assert_eq!(norrby.categories[0].count, 2);
    assert!(!norrby.categories[0].flagged || norrby.categories[0].baseline < 0.5);
    let no_area = pic.areas.iter().find(|a| a.area == "Utan område").unwrap();
    assert_eq!(no_area.total, 1);
    assert_eq!(pic.hotspots[0].place, "Stortorget");
    assert_eq!(pic.hotspots[0].count, 10);

    // Weekday × hour: Monday 22:00 holds 4; Thursday (2026-12-31) 23:00 holds 1; the fire has no time.
    assert_eq!(pic.pattern.counts[0][22], 4);
    assert_eq!(pic.pattern.counts[3][23], 1);
    assert_eq!(pic.pattern.untimed, 2);
    let polisen = pic
        .partners
        .iter()
        .find(|x| x.partner == "Polisen")
        .unwrap();
    assert_eq!((polisen.reports, polisen.count), (3, 7));
    assert_eq!(pic.trend.len(), 12);
    assert_eq!(pic.trend.last().unwrap().total, 14);
    assert_eq!(pic.trend.last().unwrap().label, "v. 53");
}

#[test]
fn dst_days_are_whole_local_days() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    // The nights the clocks change: reports just after midnight and in the repeated hour.
    add(
        &mut s,
        "2026-03-29",
        Some("02:30"),
        Some("Stortorget"),
        "Klotter",
        1,
        "Polisen",
        "sommartid",
    );
    add(
        &mut s,
        "2026-03-29",
        Some("23:59"),
        Some("Stortorget"),
        "Klotter",
        1,
        "Polisen",
        "sent",
    );
    add(
        &mut s,
        "2026-10-25",
        Some("02:30"),
        Some("Stortorget"),
        "Klotter",
        2,
        "Polisen",
        "vintertid",
    );
    let day = |y, m, dd| Period::range(d(y, m, dd), d(y, m, dd)).unwrap();
    assert_eq!(
        ops::picture::compute(&s, &day(2026, 3, 29)).unwrap().total,
        2
    );
    assert_eq!(
        ops::picture::compute(&s, &day(2026, 3, 30)).unwrap().total,
        0
    );
    assert_eq!(
        ops::picture::compute(&s, &day(2026, 10, 25)).unwrap().total,
        2
    );
    let week =
        ops::picture::compute(&s, &Period::containing(PeriodKind::Week, d(2026, 3, 29))).unwrap();
    assert_eq!(week.label, "vecka 13 2026");
    assert_eq!(week.pattern.counts[6][2], 1, "Sunday 02:xx");
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Every page rendered to PNG bytes.
fn rendered(pdf: &Path, dir: &Path, prefix: &str) -> Vec<Vec<u8>> {
    let out = dir.join(format!("render-{prefix}"));
    std::fs::create_dir_all(&out).unwrap();
    assert!(
        Command::new("pdftoppm")
            .args(["-r", "30", "-png"])
            .arg(pdf)
            .arg(out.join("p"))
            .status()
            .unwrap()
            .success()
    );
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .find(|l| l.starts_with("Pages:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn the_pdf_reads_back_checks_clean_and_renders_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
    ops::picture::set_area_status(
        &mut s,
        &p,
        "centrum",
        "röd",
        "Skadegörelse vid Stortorget under nyårshelgen.",
    )
    .unwrap();
    ops::picture::set_analysis(
        &mut s,
        &p,
        navet::picture::AnalysisPart::Analys,
        "Fyrverkerier och samlingar på torget kring tolvslaget.",
    )
    .unwrap();
    let pdf = dir.path().join("lägesbild.pdf");
    let done = export(
        &s,
        picture_of(PictureSource::Period { period: p }),
        ExportFormat::Pdf,
        Audience::Internal,
        &pdf,
    )
    .unwrap();
    assert!(done.bytes < 1_000_000);
    let text = pdftotext(&pdf);
    for expected in [
        "Lägesbild vecka 53 2026",
        "Ekbacka kommun",
        "2026-12-28 – 2027-01-03",
        "Status per område",
        "röd",
        "Skadegörelse vid Stortorget under nyårshelgen.",
        "Fyrverkerier och samlingar på torget kring tolvslaget.",
        "Ödetomten",
        "Utan område",
        "Sida 1 av",
        "Källor och metod",
        "Poissonfördelning",
    ] {
        assert!(text.contains(expected), "PDF lacks {expected:?}:\n{text}");
    }
    // The Skadegörelse row of Centrum tells one story: 10 now, 1 the period before
    // (+9), a normal level of 1, a clear rise.
    let row = text
        .lines()
        .find(|l| {
            l.contains("Skadegörelse") && l.contains("Tydlig ökning") && !l.contains("normalnivå")
        })
        .expect("the flagged row");
    let numbers: Vec<&str> = row
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c == '+' || c == ',')
        })
        .collect();
    assert_eq!(numbers, ["10", "1", "+9", "1,0"], "{row}");
    // A live picture is a draft on every page, with Swedish local times.
    let page_count = text.matches("Sida ").count();
    assert!(page_count >= 2, "{page_count}");
    assert_eq!(
        text.matches("(utkast)").count(),
        page_count,
        "every page's header"
    );
    assert_eq!(
        text.matches("Utkast · Navet · ").count(),
        page_count,
        "every page's footer"
    );
    assert!(!text.contains("UTC"), "local time, not UTC");
    // The analysis follows the statuses; the heatmap explains its shades.
    let analysis = text.find("Analys av orsaker").unwrap();
    assert!(
        analysis < text.find("Sammanfattning").unwrap(),
        "analysis before the numbers"
    );
    assert!(text.contains("Ju mörkare ruta"), "heatmap legend");
    assert!(text.contains(" kl. "), "{text}");
    for word in ["Förra perioden", "Skillnad", "Normalnivå", "Avvikelse"] {
        assert!(text.contains(word), "PDF lacks the column {word:?}");
    }
    assert!(
        !text.contains("Bedömning"),
        "the reporters' word is not a column here"
    );

    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("No syntax or stream encoding errors"));
    let fonts =
        String::from_utf8(Command::new("pdffonts").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(
        fonts.contains("+NotoSans-Regular")
            && fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
        "embedded subsets: {fonts}"
    );

    let n = pages(&pdf);
    let out_dir = dir.path().join("png");
    std::fs::create_dir_all(&out_dir).unwrap();
    let render = Command::new("pdftoppm")
        .args(["-r", "40", "-png"])
        .arg(&pdf)
        .arg(out_dir.join("p"))
        .status()
        .expect("pdftoppm");
    assert!(render.success());
    let pngs = std::fs::read_dir(&out_dir).unwrap().count();
    assert_eq!(pngs, n, "every page renders");
    // Keep page 1 for review when the test command asks for it.
    if let Some(keep) = std::env::var_os("NAVET_TEST_ARTIFACTS") {
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep).unwrap();
        std::fs::copy(&pdf, keep.join("lagesbild-test.pdf")).unwrap();
    }
}

#[test]
fn a_frozen_picture_exports_identically_after_new_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
    ops::picture::set_area_status(&mut s, &p, "Norrby", "gul", "Nyårsbränder.").unwrap();
    let saved = ops::picture::save(&mut s, &p, None).unwrap();
    let id = saved.snapshot.as_ref().unwrap().id;
    assert_eq!(
        saved.snapshot.as_ref().unwrap().title,
        "Lägesbild vecka 53 2026"
    );
    let first = dir.path().join("a.pdf");
    export(
        &s,
        picture_of(PictureSource::Snapshot { id }),
        ExportFormat::Pdf,
        Audience::Internal,
        &first,
    )
    .unwrap();

    add(
        &mut s,
        "2026-12-30",
        Some("10:00"),
        Some("Resecentrum"),
        "Klotter",
        3,
        "Polisen",
        "efteråt",
    );
    ops::picture::set_area_status(&mut s, &p, "Norrby", "röd", "Ändrat efter mötet.").unwrap();
    assert_eq!(
        ops::picture::compute(&s, &p).unwrap().total,
        17,
        "the live picture moves on"
    );
    let again = ops::picture::saved(&s, id).unwrap();
    assert_eq!(again.total, 14, "the frozen one does not");
    assert_eq!(again, saved);
    let second = dir.path().join("b.pdf");
    export(
        &s,
        picture_of(PictureSource::Snapshot { id }),
        ExportFormat::Pdf,
        Audience::Internal,
        &second,
    )
    .unwrap();
    // printpdf writes a random document id and font-subset tag, so the bytes differ;
    // what a reader sees must not: the same text and the same pixels on every page.
    assert_eq!(pdftotext(&first), pdftotext(&second));
    assert_eq!(
        rendered(&first, dir.path(), "a"),
        rendered(&second, dir.path(), "b"),
        "identical pages"
    );
    assert_eq!(ops::picture::saved_list(&s).unwrap().len(), 1);
}

#[test]
fn csv_and_xlsx_round_trip_through_the_importer() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path());
    year_end(&mut a);
    add(
        &mut a,
        "2027-01-02",
        Some("12:00"),
        Some("Stortorget"),
        "Klotter",
        1,
        "Polisen",
        "=HYPERLÄNK(\"x\") och -5 grader",
    );
    let essence = |s: &Store| {
        let mut v: Vec<_> = ops::report::list(s, &ReportFilter::default())
            .unwrap()
            .reports
            .into_iter()
            .map(|r| {
                (
                    r.occurred_at,
                    r.place.or(r.source_place),
                    r.category,
                    r.partner,
                    r.count,
                    r.text,
                )
            })
            .collect();
        v.sort();
        v
    };
    for (format, name) in [
        (ExportFormat::Csv, "rapporter.csv"),
        (ExportFormat::Xlsx, "rapporter.xlsx"),
    ] {
        let file = dir.path().join(name);
        export(
            &a,
            ExportSource::Reports {
                filter: ReportFilter::default(),
                by_place: false,
            },
            format,
            Audience::Internal,
            &file,
        )
        .unwrap();
        let other = tempfile::tempdir().unwrap();
        let mut b = store(other.path());
        let r = ops::import::file(&mut b, &file, &ImportOptions::default()).unwrap();
        assert_eq!(
            (r.inserted, r.flagged, r.skipped),
            (ops::report::count(&a).unwrap() as u32, 0, 0),
            "{name}: {:?}",
            r.issues
        );
        assert_eq!(essence(&b), essence(&a), "{name}: import(export(x)) = x");
    }
}

#[test]
fn partner_safe_files_hold_aggregates_only_and_every_export_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let csv = dir.path().join("till-bostadsbolaget.csv");
    let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
    let filter = ReportFilter {
        from: Some(p.from.to_string()),
        to: Some(p.to.to_string()),
        ..Default::default()
    };
    let done = export(
        &s,
        ExportSource::Reports {
            filter: filter.clone(),
            by_place: false,
        },
        ExportFormat::Csv,
        Audience::Partner {
            name: Some("Bostadsbolaget".into()),
        },
        &csv,
    )
    .unwrap();
    assert!(done.partner_safe);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}Vecka;Område;Kategori;Antal\r\n"),
        "{text}"
    );
    // Norrby's 2, the unplaced 1 and the 1 with no area are hidden; the week's total
    // (14) is not given anywhere, so 10 can be shown without pinning the others down.
    assert!(text.contains("2026-W53;Centrum;Skadegörelse;10"), "{text}");
    assert!(
        text.contains("2026-W53;Norrby;Brand/anlagd brand;..\r\n"),
        "{text}"
    );
    assert!(
        !text.contains(";1\r\n") && !text.contains(";2\r\n"),
        "{text}"
    );
    // The next week is not over on the filter's last day, but it is today: still only
    // the weeks the filter overlaps.
    assert!(!text.contains("2027-W01"), "{text}");
    for secret in ["fyra rutor", "nyårsbrand", "ruta"] {
        assert!(!text.contains(secret), "free text leaked: {secret}");
    }
    let pic = dir.path().join("lagesbild.xlsx");
    export(
        &s,
        picture_of(PictureSource::Period { period: p }),
        ExportFormat::Xlsx,
        Audience::Partner {
            name: Some("Polisen".into()),
        },
        &pic,
    )
    .unwrap();
    let rows = sheet_rows(&pic, None);
    assert_eq!(
        rows[0][..4],
        ["Område", "Kategori", "Antal", "Förra perioden"]
    );
    // In XLSX a hidden count is the text ".." with the reason beside it (a SUM over
    // the column never looks complete), and a second sheet says what the file is.
    let note = rows[0]
        .iter()
        .position(|h| h == "Anmärkning")
        .expect("a note column");
    let norrby = rows
        .iter()
        .find(|r| r[0] == "Norrby" && r[2] == "..")
        .expect("Norrby's hidden count");
    assert!(norrby[note].contains("dolt (..)"), "{norrby:?}");
    assert!(rows.iter().all(|r| r[2] != "1" && r[2] != "2"));
    let about = sheet_rows(&pic, Some("Om filen"))
        .iter()
        .map(|r| r.join(": "))
        .collect::<Vec<_>>()
        .join("\n");
    for expected in [
        "Mottagare: Polisen",
        "Partnersäker",
        "vecka 53 2026",
        "Skapad: ",
    ] {
        assert!(
            about.contains(expected),
            "{expected} missing from:\n{about}"
        );
    }
    let log = ops::export::log(&s).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].kind, "xlsx lägesbild");
    assert_eq!(log[1].recipient.as_deref(), Some("Bostadsbolaget"));
    assert!(log[1].partner_safe && log[1].filters.contains("2026-12-28"));
}

#[test]
fn a_configured_status_scale_replaces_the_traffic_lights() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
    let err = ops::picture::set_area_status(&mut s, &p, "Centrum", "lila", "x").unwrap_err();
    assert!(err.to_string().contains("grön, gul, röd"), "{err}");
    assert!(
        ops::picture::set_area_status(&mut s, &p, "Centrum", "gul", "  ").is_err(),
        "a justification is required"
    );
    navet::db::setting::set_setting(s.conn(), navet::db::setting::STATUS_SCALE, "1, 2, 3, 4, 5")
        .unwrap();
    ops::picture::set_area_status(&mut s, &p, "Centrum", "4", "Tydligt förhöjt läge.").unwrap();
    assert!(ops::picture::set_area_status(&mut s, &p, "Centrum", "röd", "x").is_err());
    let pic = ops::picture::compute(&s, &p).unwrap();
    assert_eq!(pic.scale, ["1", "2", "3", "4", "5"]);
    let centrum = pic.areas.iter().find(|a| a.area == "Centrum").unwrap();
    assert_eq!(centrum.status.as_deref(), Some("4"));
    let pdf = dir.path().join("skala.pdf");
    export(
        &s,
        picture_of(PictureSource::Period { period: p }),
        ExportFormat::Pdf,
        Audience::Internal,
        &pdf,
    )
    .unwrap();
    assert!(pdftotext(&pdf).contains("Tydligt förhöjt läge."));
}

/// Months before the database's first report are not months of zero incidents: they
/// stay out of the baseline, the picture says how many periods it used, and with fewer
/// than 3 it flags nothing. (Before, a tertial of the demo flagged nearly every line.)
#[test]
fn the_baseline_uses_only_periods_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 26, d(2026, 11, 15)).unwrap();
    let first: String = s
        .conn()
        .query_row("SELECT min(occurred_date) FROM report", [], |r| r.get(0))
        .unwrap();
    let first = NaiveDate::parse_from_str(&first, "%Y-%m-%d").unwrap();

    let month =
        ops::picture::compute(&s, &Period::containing(PeriodKind::Month, d(2026, 11, 10))).unwrap();
    let with_data: Vec<_> = month.trend[..month.trend.len() - 1]
        .iter()
        .rev()
        .take(8)
        .filter(|t| NaiveDate::parse_from_str(&t.from, "%Y-%m-%d").unwrap() >= first)
        .collect();
    assert_eq!(month.baseline_periods as usize, with_data.len());
    assert!(
        (3..8).contains(&month.baseline_periods),
        "{}",
        month.baseline_periods
    );
    let mean = with_data.iter().map(|t| f64::from(t.total)).sum::<f64>() / with_data.len() as f64;
    assert!((month.baseline_total - (mean * 10.0).round() / 10.0).abs() < 1e-9);

    let tertial = ops::picture::compute(
        &s,
        &Period::containing(PeriodKind::Tertial, d(2026, 11, 10)),
    )
    .unwrap();
    assert!(tertial.baseline_periods < 3, "{}", tertial.baseline_periods);
    let flagged = tertial
        .areas
        .iter()
        .flat_map(|a| a.categories.iter())
        .chain(&tertial.categories)
        .filter(|c| c.flagged)
        .count();
    assert_eq!(flagged, 0, "för kort historik: nothing is flagged");
    assert!(tertial.areas.iter().all(|a| !a.flagged));
    let pdf = dir.path().join("tertial.pdf");
    export(
        &s,
        picture_of(PictureSource::Period {
            period: tertial.period,
        }),
        ExportFormat::Pdf,
        Audience::Internal,
        &pdf,
    )
    .unwrap();
    assert!(pdftotext(&pdf).contains("För kort historik"));

    // A week in the middle of the demo has a full baseline and flags its rises.
    let week =
        ops::picture::compute(&s, &Period::containing(PeriodKind::Week, d(2026, 11, 10))).unwrap();
    assert_eq!(week.baseline_periods, 8);
}

/// A picture frozen by the version of 30 November 2026 (committed as it was stored)
/// still opens and exports after the picture type gained fields.
#[test]
fn a_frozen_picture_of_an_earlier_format_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/snapshots/lagesbild-2026-11-30.json"),
    )
    .unwrap();
    s.conn()
        .execute(
            "INSERT INTO picture_snapshot (id, title, period_from, period_to, data, created_at)
             VALUES (1, 'Lägesbild vecka 46 2026 (operativa gruppen)', '2026-11-09', '2026-11-15', ?1, '2026-11-30T04:19:21Z')",
            [&json],
        )
        .unwrap();
    let p = ops::picture::saved(&s, 1).unwrap();
    assert_eq!(p.label, "vecka 46 2026");
    assert_eq!(p.total, 71);
    assert_eq!(p.format_version, 1, "saved before the format had a number");
    assert_eq!(p.baseline_periods, 8, "the rule of its day");
    assert_eq!(p.assessment.analys, "Samlingar på torget kvällstid.");
    let pdf = dir.path().join("gammal.pdf");
    export(
        &s,
        picture_of(PictureSource::Snapshot { id: 1 }),
        ExportFormat::Pdf,
        Audience::Internal,
        &pdf,
    )
    .unwrap();
    assert!(pdftotext(&pdf).contains("operativa gruppen"));
    // A picture frozen now carries the current format.
    let mut s = s;
    let now = ops::picture::save(
        &mut s,
        &Period::containing(PeriodKind::Week, d(2026, 11, 10)),
        None,
    )
    .unwrap();
    assert_eq!(now.format_version, navet::picture::PICTURE_FORMAT);
}

/// An assessment draft that cannot be read stops the picture with an error; it is
/// never read as empty and then overwritten by the next status.
#[test]
fn an_unreadable_draft_is_an_error_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
    ops::picture::set_area_status(&mut s, &p, "Centrum", "röd", "Bränder.").unwrap();
    let broken = r#"{"statuses": "inte en lista"}"#;
    s.conn()
        .execute("UPDATE picture_draft SET data = ?1", [broken])
        .unwrap();
    let err = ops::picture::set_area_status(&mut s, &p, "Norrby", "gul", "x").unwrap_err();
    assert!(err.to_string().contains("går inte att läsa"), "{err}");
    assert!(ops::picture::compute(&s, &p).is_err());
    let kept: String = s
        .conn()
        .query_row("SELECT data FROM picture_draft", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, broken, "the coordinator's draft is left as it was");
}

// Subtracting partner files from each other: tests/partner_attack.rs.

/// A partner's file holds only weeks that are over, each as it was the first time it
/// was handed out: a late report changes no released number, so two files never differ
/// by it.
#[test]
fn a_partner_file_holds_finished_weeks_as_first_released() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    for day in ["2026-11-10", "2026-11-17"] {
        add(
            &mut s,
            day,
            None,
            Some("Stortorget"),
            "Klotter",
            4,
            "Polisen",
            "x",
        );
    }
    let file = |s: &Store, name: &str, from: Option<&str>, to: Option<&str>, today: NaiveDate| {
        let path = dir.path().join(name);
        let request = ExportRequest {
            source: ExportSource::Reports {
                filter: ReportFilter {
                    from: from.map(Into::into),
                    to: to.map(Into::into),
                    ..Default::default()
                },
                by_place: false,
            },
            format: ExportFormat::Csv,
            audience: Audience::Partner { name: None },
            with_analysis: None,
        };
        ops::export::run_at(s, &request, &path, today).map(|_| {
            std::fs::read_to_string(&path)
                .unwrap()
                .replace('\u{feff}', "")
        })
    };
    // On Wednesday of week 47 only week 46 is over.
    let text = file(&s, "a.csv", None, None, d(2026, 11, 18)).unwrap();
    assert_eq!(
        text,
        "Vecka;Område;Kategori;Antal\r\n2026-W46;Centrum;Klotter;4\r\n"
    );
    let err = file(
        &s,
        "b.csv",
        Some("2026-11-17"),
        Some("2026-11-17"),
        d(2026, 11, 18),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("ingen avslutad vecka"), "{err}");
    // A late report for week 46; week 47 is over now.
    add(
        &mut s,
        "2026-11-11",
        None,
        Some("Stortorget"),
        "Klotter",
        5,
        "Polisen",
        "sen",
    );
    let text = file(&s, "c.csv", None, None, d(2026, 11, 30)).unwrap();
    assert_eq!(
        text,
        "Vecka;Område;Kategori;Antal\r\n2026-W46;Centrum;Klotter;4\r\n2026-W47;Centrum;Klotter;4\r\n"
    );
    // The coordinator's own numbers have the late report.
    let week = Period::containing(PeriodKind::Week, d(2026, 11, 10));
    assert_eq!(ops::picture::compute(&s, &week).unwrap().total, 9);
}

/// A lägesbild PDF for a partner follows the partner-safe rules: no justification and
/// no analysis text, no count of 1 or 2, no place below 3, no hourly pattern; it names
/// its recipient, and the export log records it as partner-safe.
#[test]
fn a_partner_pdf_is_partner_safe_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 12, d(2026, 11, 15)).unwrap();
    let week = Period::containing(PeriodKind::Week, d(2026, 11, 10));
    ops::picture::set_area_status(&mut s, &week, "Norrby", "röd", "HEMLIG MOTIVERING").unwrap();
    ops::picture::set_analysis(
        &mut s,
        &week,
        navet::picture::AnalysisPart::Analys,
        "HEMLIG ANALYS",
    )
    .unwrap();
    let pic = ops::picture::compute(&s, &week).unwrap();
    let small: Vec<(String, String, u32)> = pic
        .areas
        .iter()
        .flat_map(|a| {
            a.categories
                .iter()
                .filter(|c| (1..3).contains(&c.count))
                .map(move |c| (a.area.clone(), c.category.clone(), c.count))
        })
        .collect();
    assert!(!small.is_empty(), "the demo week has small counts");

    let internal = dir.path().join("intern.pdf");
    let partner = dir.path().join("polisen.pdf");
    let source = || picture_of(PictureSource::Period { period: week });
    export(
        &s,
        source(),
        ExportFormat::Pdf,
        Audience::Internal,
        &internal,
    )
    .unwrap();
    let done = export(
        &s,
        source(),
        ExportFormat::Pdf,
        Audience::Partner {
            name: Some("Polisen".into()),
        },
        &partner,
    )
    .unwrap();
    assert!(done.partner_safe);
    let full = pdftotext(&internal);
    let safe = pdftotext(&partner);
    assert!(full.contains("HEMLIG MOTIVERING") && full.contains("HEMLIG ANALYS"));
    for secret in [
        "HEMLIG MOTIVERING",
        "HEMLIG ANALYS",
        "Veckodag och klockslag",
    ] {
        assert!(!safe.contains(secret), "{secret} in the partner's PDF");
    }
    assert!(
        safe.contains("Till Polisen") && safe.contains("Partnerversion"),
        "{safe}"
    );
    // Every category row that shows 1 or 2 in the full version shows .. for the partner.
    for (_, category, count) in &small {
        let row_full = full
            .lines()
            .find(|l| {
                l.trim_start().starts_with(category.as_str()) && l.contains(&format!(" {count} "))
            })
            .is_some();
        assert!(row_full, "{category} {count} in the full version");
    }
    let partner_rows: Vec<&str> = safe
        .lines()
        .filter(|l| {
            small
                .iter()
                .any(|(_, c, _)| l.trim_start().starts_with(c.as_str()))
        })
        .collect();
    assert!(
        partner_rows.iter().any(|l| l.contains("..")),
        "{partner_rows:?}"
    );
    // In every category row of every area table, the count and the previous count are
    // never 1 or 2 (they read ..).
    let names: Vec<String> = ops::categories::list(&s)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    for line in safe.lines() {
        let Some(name) = names
            .iter()
            .find(|n| line.trim_start().starts_with(n.as_str()))
        else {
            continue;
        };
        let rest: Vec<&str> = line.trim_start()[name.len()..].split_whitespace().collect();
        for value in rest.iter().take(2) {
            assert!(
                *value != "1" && *value != "2",
                "a small count shown: {line}"
            );
        }
        // Nor a normal level: two partners' files a week apart would give eight times
        // the difference of two hidden counts.
        assert!(
            !rest.iter().any(|v| v.split_once(',').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && (a.to_owned() + b).chars().all(|c| c.is_ascii_digit())
            })),
            "a normal level shown: {line}"
        );
    }
    assert!(!safe.contains("(normalnivå"), "{safe}");
    assert!(full.contains("(normalnivå"), "the full version has them");
    let log = ops::export::log(&s).unwrap();
    assert!(log[0].partner_safe && log[0].recipient.as_deref() == Some("Polisen"));
    assert!(!log[1].partner_safe);
    let csv = dir.path().join("polisen.csv");
    export(
        &s,
        source(),
        ExportFormat::Csv,
        Audience::Partner {
            name: Some("Polisen".into()),
        },
        &csv,
    )
    .unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    // No normal level at all: a mean over weeks is a sum of hidden counts too.
    let header: Vec<&str> = text.lines().next().unwrap().split(';').collect();
    assert!(!header.contains(&"Normalnivå"), "{header:?}");
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(';').collect();
        assert!(cells[2..].iter().all(|c| *c != "1" && *c != "2"), "{line}");
    }

    // The coordinator may choose to share the analysis; the log records that choice.
    let with = dir.path().join("polisen-med-analys.pdf");
    let request = ExportRequest {
        source: source(),
        format: ExportFormat::Pdf,
        audience: Audience::Partner {
            name: Some("Polisen".into()),
        },
        with_analysis: Some(true),
    };
    ops::export::run_at(&s, &request, &with, TODAY).unwrap();
    let text = pdftotext(&with);
    assert!(
        text.contains("HEMLIG ANALYS"),
        "the chosen analysis is there"
    );
    assert!(
        !text.contains("HEMLIG MOTIVERING"),
        "the justifications still are not"
    );
    let log = ops::export::log(&s).unwrap();
    assert!(log[0].partner_safe && log[0].filters.contains("withAnalysis"));
}

/// A table that runs onto a new page says whose it is there ("Norrby (forts.)") above
/// its repeated header.
#[test]
fn a_table_continued_on_the_next_page_says_whose_it_is() {
    use navet::export::pdf::doc::{Align, Block, Column, Document, Row, RowStyle, Table};
    let dir = tempfile::tempdir().unwrap();
    let document = Document {
        title: "Test".into(),
        header: "Ekbacka kommun".into(),
        footer: "Navet".into(),
        created_unix: 0,
        blocks: vec![Block::Table(Table {
            continued: Some(navet::export::lagesbild::words::continued("Norrby")),
            columns: vec![Column {
                title: "Plats".into(),
                width: 1.0,
                align: Align::Left,
                trend: false,
            }],
            rows: (0..120)
                .map(|i| Row {
                    cells: vec![format!("Plats nummer {i}")],
                    style: RowStyle::Normal,
                })
                .collect(),
        })],
    };
    let pdf = dir.path().join("lang.pdf");
    std::fs::write(&pdf, navet::export::pdf::render(&document).unwrap()).unwrap();
    assert!(pages(&pdf) >= 2);
    let text = pdftotext(&pdf);
    let continued = text.matches("Norrby (forts.)").count();
    assert_eq!(
        continued,
        pages(&pdf) - 1,
        "once on every page after the first"
    );
}

/// A partner that began reporting in September is not counted as zero for the months
/// before: the baseline takes each partner's mean over the periods it reported in, so
/// its arrival alone is no rise, while a true rise on top of it still is.
#[test]
fn a_partner_that_started_later_makes_no_rise_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    // Polisen: five reports of Klotter at Stortorget each month of 2026.
    for month in 1..=12 {
        for day in 1..=5 {
            let date = d(2026, month, day * 4).to_string();
            add(
                &mut s,
                &date,
                None,
                Some("Stortorget"),
                "Klotter",
                1,
                "Polisen",
                "x",
            );
        }
    }
    // Bostadsbolaget: twenty a month, from 3 September (September is its partial month).
    for month in 9..=12 {
        for day in 1..=20 {
            let date = d(2026, month, day + 2).to_string();
            add(
                &mut s,
                &date,
                None,
                Some("Stortorget"),
                "Klotter",
                1,
                "Bostadsbolaget",
                "x",
            );
        }
    }
    let december = Period::containing(PeriodKind::Month, d(2026, 12, 10));
    let p = ops::picture::compute(&s, &december).unwrap();
    assert_eq!(p.total, 25);
    // Polisen's mean over May–November (5) plus Bostadsbolaget's over its whole months,
    // October and November (20); not the mean of all eight months (12.5).
    assert!(
        (p.baseline_total - 25.0).abs() < 1e-9,
        "{}",
        p.baseline_total
    );
    let centrum = p.areas.iter().find(|a| a.area == "Centrum").unwrap();
    let klotter = &centrum.categories[0];
    assert!(
        (klotter.baseline - 25.0).abs() < 1e-9,
        "{}",
        klotter.baseline
    );
    assert!(!klotter.flagged && !centrum.flagged && !p.categories[0].flagged);

    // Fifteen more in December: a rise above both partners' levels is still a rise.
    for day in 1..=15 {
        let date = d(2026, 12, day + 10).to_string();
        add(
            &mut s,
            &date,
            None,
            Some("Stortorget"),
            "Klotter",
            1,
            "Polisen",
            "x",
        );
    }
    let p = ops::picture::compute(&s, &december).unwrap();
    assert!(
        p.areas
            .iter()
            .find(|a| a.area == "Centrum")
            .unwrap()
            .flagged
    );

    // A week picture: the partner's first day decides. It began on Thursday 3 September,
    // so of the eight weeks before week 44 it counts from week 37: Polisen 10 / 8 = 1.25
    // plus Bostadsbolaget 36 / 7 = 5.14 (the plain mean of all eight weeks is 6.25).
    let week =
        ops::picture::compute(&s, &Period::containing(PeriodKind::Week, d(2026, 10, 28))).unwrap();
    assert!(
        (week.baseline_total - 6.4).abs() < 1e-9,
        "{}",
        week.baseline_total
    );
    // The month counts still agree with the reports, partner by partner.
    assert!(
        navet::db::report_month::disagreements(s.conn())
            .unwrap()
            .is_empty()
    );
}

/// The archive export: a frozen picture as PDF/A-2b (XMP saying so and agreeing with
/// the document information, an sRGB output intent with its ICC profile, every font
/// embedded, no transparency), its numbers as the same CSV the picture export writes,
/// and metadata whose sizes and SHA-256 sums match the files. (veraPDF, the reference
/// validator, is not installable here: what can be read is checked.)
#[test]
fn the_archive_export_is_pdf_a_with_its_numbers_and_checksums() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    year_end(&mut s);
    let p = Period::containing(PeriodKind::Week, d(2026, 12, 31));
    let saved = ops::picture::save(&mut s, &p, None).unwrap();
    let id = saved.snapshot.as_ref().unwrap().id;
    let out = dir.path().join("arkiv");
    let done = ops::export::archive(&s, &PictureSource::Snapshot { id }, &out).unwrap();
    assert_eq!(done.files.len(), 3);
    let (pdf, csv, meta) = (&done.files[0], &done.files[1], &done.files[2]);
    assert!(pdf.ends_with(".pdf") && csv.ends_with(".csv") && meta.ends_with(".json"));

    let check = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let qdf = dir.path().join("qdf.pdf");
    assert!(
        Command::new("qpdf")
            .args(["--qdf", "--object-streams=disable"])
            .arg(pdf)
            .arg(&qdf)
            .status()
            .unwrap()
            .success()
    );
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    for part in [
        "/S /GTS_PDFA1",
        "/DestOutputProfile",
        "/OutputIntents",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<pdf:Producer>Navet</pdf:Producer>",
        "/Subtype /XML",
    ] {
        assert!(raw.contains(part), "{part} missing");
    }
    for forbidden in [
        "/Transparency",
        "/SMask",
        "/Encrypt",
        "/JavaScript",
        "/Author ()",
        "/Trapped",
    ] {
        assert!(!raw.contains(forbidden), "{forbidden} in a PDF/A");
    }
    // The XMP title and dates agree with the document information.
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let title = info
        .lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .unwrap()
        .trim()
        .to_string();
    assert!(
        raw.contains(&format!("x-default\">{title}</rdf:li>")),
        "{title}"
    );
    assert!(info.contains("Metadata Stream: yes"), "{info}");
    let fonts = Command::new("pdffonts").arg(pdf).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "a font not embedded: {row}");
    }
    // The numbers are the picture export's CSV.
    let plain = dir.path().join("plain.csv");
    ops::export::run(
        &s,
        &ExportRequest {
            source: ExportSource::Picture {
                picture: PictureSource::Snapshot { id },
            },
            format: ExportFormat::Csv,
            audience: Audience::Internal,
            with_analysis: None,
        },
        &plain,
    )
    .unwrap();
    assert_eq!(std::fs::read(csv).unwrap(), std::fs::read(&plain).unwrap());
    // The metadata names each file with its size and checksum.
    let meta: serde_json::Value = serde_json::from_slice(&std::fs::read(meta).unwrap()).unwrap();
    assert_eq!(meta["standard"], "PDF/A-2b");
    assert_eq!(meta["snapshot"], id);
    for (entry, path) in meta["files"].as_array().unwrap().iter().zip([pdf, csv]) {
        let bytes = std::fs::read(path).unwrap();
        let sum: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry["sha256"], sum.as_str());
        assert_eq!(entry["bytes"], bytes.len());
    }
    // Files to hand on are readable by others, as any saved file (not 0600).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(pdf).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o044, 0o044, "{mode:o}");
    }
}
