//! The partner who wants a hidden count back, with every partner-safe file Navet gives
//! out: reports per area and per place, narrowed by area, place, category and odd
//! dates, as CSV and XLSX, and the partner's picture (its table and the numbers its PDF
//! prints) for weeks, two weeks and a month. Every shown number becomes an equation over
//! the unknown (week, place, category) counts; an integer programme then finds how
//! small and how large each hidden count can be. None may be pinned down to fewer than
//! [`PROTECTION`] + 1 values, the equations must have a solution (every number agrees
//! with every other), and a report that arrives late changes no file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use good_lp::{
    Expression, ProblemVariables, Solution, SolverModel, constraint, solvers::microlp::microlp,
    variable,
};
use navet::Store;
use navet::db::report::{NewReport, ReportFilter};
use navet::export::partner::{PartnerPicture, picture_view};
use navet::export::release::{HIDDEN_MARK, PROTECTION, Shown, whole_weeks};
use navet::export::{Audience, ExportFormat, ExportRequest, ExportSource};
use navet::ops;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
const PARTNER: &str = "Fältgruppen";

/// A spreadsheet's rows (CSV or XLSX) as Navet's importer reads them, header first.
fn rows(path: &Path) -> Vec<Vec<String>> {
    let src = navet::import::source::Source::open(path, None).unwrap();
    let mut r = src.rows().unwrap();
    let mut rec = csv::StringRecord::new();
    let mut out = Vec::new();
    while r.read(&mut rec).unwrap() {
        out.push(rec.iter().map(str::to_string).collect());
    }
    out
}

fn reports_file(
    s: &Store,
    path: &Path,
    filter: ReportFilter,
    by_place: bool,
    format: ExportFormat,
) -> Vec<Vec<String>> {
    let request = ExportRequest {
        source: ExportSource::Reports { filter, by_place },
        format,
        audience: Audience::Partner {
            name: Some(PARTNER.into()),
        },
        with_analysis: None,
    };
    ops::export::run_at(s, &request, path, TODAY).unwrap();
    rows(path)
}

/// A (week, area, place, category) count: the attacker's unknown when hidden.
type Base = (String, String, String, String);

/// What a shown number says: the sum of these base cells is this.
struct Equation {
    what: String,
    cells: Vec<Base>,
    value: f64,
}

#[derive(Default)]
struct Attack {
    /// Every base cell the place file lists, with its value when shown.
    base: BTreeMap<Base, Option<u32>>,
    equations: Vec<Equation>,
    /// Hidden numbers to bound, each as its base cells.
    hidden: Vec<(String, Vec<Base>)>,
}

impl Attack {
    fn cells(&self, f: impl Fn(&Base) -> bool) -> Vec<Base> {
        self.base.keys().filter(|b| f(b)).cloned().collect()
    }

    /// A number a file shows ("12" or "..") over the base cells `f` selects.
    fn number(&mut self, what: String, text: &str, f: impl Fn(&Base) -> bool) {
        let cells = self.cells(f);
        if text == HIDDEN_MARK {
            assert!(!cells.is_empty(), "{what}: hidden, but nothing is there");
            self.hidden.push((what, cells));
        } else {
            let value: f64 = text.parse().unwrap_or_else(|_| panic!("{what}: {text:?}"));
            self.equations.push(Equation { what, cells, value });
        }
    }

    fn shown(&mut self, what: String, shown: Shown, f: impl Fn(&Base) -> bool) {
        self.number(what, &shown.text(), f)
    }

    /// The picture's numbers, as the partner's PDF and table print them.
    fn picture(&mut self, view: &PartnerPicture) {
        let now: BTreeSet<String> = view.weeks.iter().cloned().collect();
        let before: BTreeSet<String> = view.previous_weeks.iter().cloned().collect();
        for (weeks, label, pick) in [(&now, "nu", 0), (&before, "förra", 1)] {
            let w = weeks.clone();
            let total = if pick == 0 {
                view.total
            } else {
                view.previous_total
            };
            self.shown(format!("total {label}"), total, |b| w.contains(&b.0));
            for c in &view.categories {
                let v = if pick == 0 { c.count } else { c.previous };
                self.shown(format!("{} {label}", c.category), v, |b| {
                    w.contains(&b.0) && b.3 == c.category
                });
            }
            for a in &view.areas {
                let v = if pick == 0 { a.total } else { a.previous };
                self.shown(format!("{} {label}", a.area), v, |b| {
                    w.contains(&b.0) && b.1 == a.area
                });
                for c in &a.categories {
                    let v = if pick == 0 { c.count } else { c.previous };
                    self.shown(format!("{} {} {label}", a.area, c.category), v, |b| {
                        w.contains(&b.0) && b.1 == a.area && b.3 == c.category
                    });
                }
                for p in &a.places {
                    let v = if pick == 0 { p.count } else { p.previous };
                    self.shown(format!("{} {label}", p.place), v, |b| {
                        w.contains(&b.0) && b.1 == a.area && b.2 == p.place
                    });
                }
            }
        }
        let now2 = now.clone();
        self.shown("utan plats".into(), view.unplaced, |b| {
            now2.contains(&b.0) && b.1 == "Utan plats"
        });
        for p in &view.hotspots {
            for (category, n) in &p.top {
                self.number(format!("{} {category}", p.place), &n.to_string(), |b| {
                    now.contains(&b.0) && b.1 == p.area && b.2 == p.place && &b.3 == category
                });
            }
        }
        for (week, v) in &view.trend {
            if let Some(v) = v {
                self.shown(format!("trend {week}"), *v, |b| &b.0 == week);
            }
        }
    }

    /// The smallest and largest value of `cells` under every equation, integers all.
    fn range(&self, cells: &[Base]) -> (f64, Option<f64>) {
        let solve = |maximise: bool| {
            let mut problem = ProblemVariables::new();
            let unknown: BTreeMap<&Base, good_lp::Variable> = self
                .base
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(b, _)| (b, problem.add(variable().integer().min(1.0))))
                .collect();
            let term = |b: &Base| -> Expression {
                match (unknown.get(b), self.base[b]) {
                    (Some(x), _) => (*x).into(),
                    (None, Some(v)) => f64::from(v).into(),
                    (None, None) => unreachable!(),
                }
            };
            let objective: Expression = cells.iter().map(term).sum();
            let unsolved = if maximise {
                problem.maximise(objective.clone())
            } else {
                problem.minimise(objective.clone())
            };
            let mut model = unsolved.using(microlp);
            for e in &self.equations {
                let sum: Expression = e.cells.iter().map(term).sum();
                model = model.with(constraint::eq(sum, e.value));
            }
            model.solve().map(|s| s.eval(&objective))
        };
        let lo = solve(false).unwrap_or_else(|e| panic!("no solution: {e}"));
        let hi = match solve(true) {
            Ok(v) => Some(v),
            Err(good_lp::ResolutionError::Unbounded) => None,
            Err(e) => panic!("no solution: {e}"),
        };
        (lo, hi)
    }
}

#[test]
fn every_partner_file_together_narrows_no_hidden_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("n.sqlite")).unwrap();
    ops::load_demo(&mut s, 8, d(2026, 11, 15)).unwrap();
    let path = |name: &str| dir.path().join(name);
    let csv = ExportFormat::Csv;
    // The place file lists every nonzero (week, place, category) cell: the unknowns.
    let places = reports_file(&s, &path("platser.csv"), ReportFilter::default(), true, csv);
    assert_eq!(places[0], ["Vecka", "Område", "Plats", "Kategori", "Antal"]);
    let mut attack = Attack::default();
    for r in &places[1..] {
        let value = (r[4] != HIDDEN_MARK).then(|| r[4].parse::<u32>().unwrap());
        assert!(value.is_none_or(|v| v >= 3), "a small count shown: {r:?}");
        attack.base.insert(
            (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()),
            value,
        );
    }
    let hidden_base = attack.base.values().filter(|v| v.is_none()).count();
    assert!(hidden_base > 20, "the demo has small counts to hide");
    let mut files = vec![];
    for (i, (from, to)) in [
        (None, None),
        (Some("2026-10-21"), Some("2026-11-04")),
        (Some("2026-11-03"), Some("2026-11-03")),
        (Some("2026-10-01"), Some("2026-10-31")),
    ]
    .into_iter()
    .enumerate()
    {
        for (j, (area, category)) in [
            (None, None),
            (Some("Centrum"), None),
            (None, Some("Klotter")),
            (Some("Norrby"), Some("Skadegörelse")),
        ]
        .into_iter()
        .enumerate()
        {
            let filter = ReportFilter {
                from: from.map(Into::into),
                to: to.map(Into::into),
                area: area.map(Into::into),
                category: category.map(Into::into),
                ..Default::default()
            };
            let format = if j == 1 { ExportFormat::Xlsx } else { csv };
            let ext = if j == 1 { "xlsx" } else { "csv" };
            let name = format!("omraden-{i}-{j}.{ext}");
            let file = reports_file(&s, &path(&name), filter.clone(), false, format);
            let by_place = reports_file(&s, &path(&format!("p-{name}")), filter, true, format);
            files.push((name, file, by_place));
        }
    }
    let one_place = ReportFilter {
        place: Some("Stortorget".into()),
        ..Default::default()
    };
    let stortorget = reports_file(&s, &path("stortorget.csv"), one_place, false, csv);
    assert!(stortorget.len() > 1);
    for r in &stortorget[1..] {
        let key = (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone());
        let shown = attack
            .base
            .get(&key)
            .copied()
            .flatten()
            .map(|v| v.to_string());
        assert_eq!(
            shown.as_deref().unwrap_or(HIDDEN_MARK),
            r[4],
            "{r:?} as in the place file"
        );
    }
    for (name, file, by_place) in &files {
        for r in file.iter().skip(1).filter(|r| r[0] != "Vecka") {
            let (w, a, c) = (r[0].clone(), r[1].clone(), r[2].clone());
            attack.number(format!("{name} {r:?}"), &r[3], |b| {
                b.0 == w && b.1 == a && b.3 == c
            });
        }
        for r in by_place.iter().skip(1).filter(|r| r[0] != "Vecka") {
            let key = (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone());
            assert!(
                attack.base.contains_key(&key),
                "{name}: {r:?} not in the place file"
            );
            let shown = attack.base[&key].map(|v| v.to_string());
            assert_eq!(
                shown.as_deref().unwrap_or(HIDDEN_MARK),
                r[4],
                "{name}: {r:?}"
            );
        }
    }
    // The partner's pictures: each week, two weeks, a month, a tertial-like stretch.
    let mut days: Vec<(NaiveDate, NaiveDate)> = (0..8)
        .map(|k| {
            let monday = d(2026, 9, 21) + chrono::Days::new(7 * k);
            (monday, monday + chrono::Days::new(6))
        })
        .collect();
    days.extend([
        (d(2026, 10, 26), d(2026, 11, 8)),
        (d(2026, 10, 1), d(2026, 10, 31)),
        (d(2026, 9, 21), d(2026, 11, 15)),
    ]);
    for (from, to) in days {
        let view = picture_view(s.conn(), from, to, TODAY, true).unwrap();
        assert_eq!(view.weeks, whole_weeks(from, to, TODAY));
        attack.picture(&view);
    }
    assert!(attack.equations.len() > 300, "{}", attack.equations.len());
    for e in &attack.equations {
        let shown: f64 = e
            .cells
            .iter()
            .filter_map(|b| attack.base[b])
            .map(f64::from)
            .sum();
        let unknown = e.cells.iter().filter(|b| attack.base[*b].is_none()).count();
        // With every unknown at least 1, a sum must leave room for them.
        assert!(
            e.value >= shown + unknown as f64,
            "{}: {} but its parts are at least {}",
            e.what,
            e.value,
            shown + unknown as f64
        );
    }
    // Every hidden base cell and every hidden sum keeps a range of more than PROTECTION.
    let mut targets: Vec<(String, Vec<Base>)> = attack
        .base
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(b, _)| (format!("{b:?}"), vec![b.clone()]))
        .collect();
    targets.extend(attack.hidden.iter().cloned());
    let mut solved: BTreeMap<Vec<Base>, (f64, Option<f64>)> = BTreeMap::new();
    for (what, cells) in &targets {
        let (lo, hi) = *solved
            .entry(cells.clone())
            .or_insert_with(|| attack.range(cells));
        if let Some(hi) = hi {
            assert!(
                hi - lo >= f64::from(PROTECTION) - 1e-6,
                "{what} is narrowed to {lo} – {hi}"
            );
        }
    }

    // A late report changes no file.
    let before: Vec<_> = files
        .iter()
        .map(|(n, f, p)| (n.clone(), f.clone(), p.clone()))
        .collect();
    ops::report::add(
        &mut s,
        &NewReport {
            date: "2026-11-03".into(),
            place: Some("Stortorget".into()),
            category: "Klotter".into(),
            count: Some(1),
            partner: PARTNER.into(),
            ..Default::default()
        },
    )
    .unwrap();
    for (name, file, _) in &before {
        if !name.starts_with("omraden-0-0") {
            continue;
        }
        let again = reports_file(&s, &path("igen.csv"), ReportFilter::default(), false, csv);
        assert_eq!(&again, file, "{name} after a late report");
    }
}
