//! What a partner may be told, decided once per week and kept (the rule behind every
//! partner-safe file).
//!
//! **The grid.** A partner-safe file shows counts of complete ISO weeks only. A week's
//! grid is its base cells, the count of each (place, category), with five levels of sums
//! over them: per place, per area and category, per area, per category, and the week's
//! total. Reports with no place are one more "place" in an area of their own.
//!
//! **One decision per week, kept.** The first time a week goes into a partner's file,
//! every cell of its grid is decided (shown with its count, or hidden) and written to the
//! register (`crate::db::release`). Every later file, to anyone, whatever its level or
//! filter, shows the register's numbers: a late report changes nothing released, so no
//! two files differ by it. A file of several weeks shows a sum only when every week's
//! cell in it is shown; any other number in any file is one of these cells. Nothing a
//! partner receives is computed from a hidden cell.
//!
//! **Hiding.** Counts of 1 and 2 are hidden (primary). Then, within the week, as long as
//! some equation between shown numbers (a sum and its parts, at adjacent levels) pins a
//! hidden cell down, the smallest shown part of it is hidden too (secondary). Finally
//! every hidden cell's smallest and largest value that the week's shown numbers allow
//! is solved as a linear programme ([`audit`]); a cell whose range is narrower than
//! [`PROTECTION`] has more hidden beside it, and the week is audited again. Weeks share
//! no released number that involves a hidden cell, so the audit of everything ever
//! released is the audit of each week.
//!
//! **The mark.** Every hidden cell, primary or secondary, reads [`HIDDEN_MARK`] (`..`,
//! as in official Swedish statistics): it claims no bound, since a hidden cell can be
//! any size.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use rusqlite::Connection;

use crate::db::release::{self as register, StoredCell};
use crate::db::{picture_queries, report_link};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::Message;

/// "All" in a key.
pub const ALL: Id = 0;
/// The area of places that have none.
pub const NO_AREA: Id = -1;
/// The area and place of reports with no place.
pub const UNPLACED: Id = -2;
/// Counts from 1 to below this are hidden.
pub const SUPPRESS_BELOW: u32 = 3;
/// A hidden cell is protected when the released numbers leave it a range at least this
/// wide (or no upper bound): at least five possible values.
pub const PROTECTION: u32 = 4;
/// What a hidden cell reads in every partner file.
pub const HIDDEN_MARK: &str = "..";

/// A cell of a week's grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub area: Id,
    pub place: Id,
    pub category: Id,
}

impl Key {
    pub const TOTAL: Key = Key {
        area: ALL,
        place: ALL,
        category: ALL,
    };

    pub fn new(area: Id, place: Id, category: Id) -> Key {
        Key {
            area,
            place,
            category,
        }
    }

    /// What hiding the cell loses, as the partner reads the picture: the week's total
    /// and an area's total most, a place's single category least.
    fn weight(&self) -> u64 {
        match (self.area != ALL, self.place != ALL, self.category != ALL) {
            (false, _, false) => 1000,
            (true, false, false) => 100,
            (false, _, true) => 40,
            (true, false, true) => 20,
            (true, true, false) => 5,
            (true, true, true) => 1,
        }
    }

    /// A (place, category) count, not a sum.
    pub fn is_base(&self) -> bool {
        self.place != ALL && self.category != ALL
    }

    /// The six keys a base cell counts in, itself first.
    fn levels(&self) -> [Key; 6] {
        let (a, p, c) = (self.area, self.place, self.category);
        [
            Key::new(a, p, c),
            Key::new(a, p, ALL),
            Key::new(a, ALL, c),
            Key::new(a, ALL, ALL),
            Key::new(ALL, ALL, c),
            Key::TOTAL,
        ]
    }

    fn contains(&self, base: &Key) -> bool {
        (self.area == ALL || self.area == base.area)
            && (self.place == ALL || self.place == base.place)
            && (self.category == ALL || self.category == base.category)
    }
}

/// A count as a partner may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u32),
    Hidden,
}

impl Shown {
    pub fn text(self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            Shown::Hidden => HIDDEN_MARK.into(),
        }
    }

    pub fn count(self) -> Option<u32> {
        match self {
            Shown::Count(n) => Some(n),
            Shown::Hidden => None,
        }
    }

    pub fn is_hidden(self) -> bool {
        self == Shown::Hidden
    }

    fn add(self, other: Shown) -> Shown {
        match (self, other) {
            (Shown::Count(a), Shown::Count(b)) => Shown::Count(a + b),
            _ => Shown::Hidden,
        }
    }
}

/// An ISO week's name, `2026-W48`.
pub fn week_name(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The Monday of a week's name.
pub fn week_monday(name: &str) -> Option<NaiveDate> {
    let (year, week) = name.split_once("-W")?;
    NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)
}

/// The complete weeks (Sunday before `today`) that overlap `from`–`to`, oldest first.
pub fn whole_weeks(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Vec<String> {
    let mut monday = from - chrono::Days::new(u64::from(from.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    while monday <= to && monday + chrono::Days::new(6) < today {
        out.push(week_name(monday));
        monday = monday + chrono::Days::new(7);
    }
    out
}

/// Every nonzero cell of one week: the base counts and all their sums.
pub fn grid(base: &BTreeMap<Key, u32>) -> BTreeMap<Key, u32> {
    let mut cells = BTreeMap::new();
    for (k, n) in base.iter().filter(|(_, n)| **n > 0) {
        for level in k.levels() {
            *cells.entry(level).or_insert(0) += n;
        }
    }
    cells
}

/// The equations between a week's cells at adjacent levels: a sum and its parts.
fn equations(cells: &BTreeMap<Key, u32>) -> Vec<(Key, Vec<Key>)> {
    let mut parts: BTreeMap<(u8, Key), Vec<Key>> = BTreeMap::new();
    for k in cells.keys() {
        let (a, p, c) = (k.area, k.place, k.category);
        let mut parent = |kind: u8, of: Key| parts.entry((kind, of)).or_default().push(*k);
        match (a != ALL, p != ALL, c != ALL) {
            (true, true, true) => {
                parent(0, Key::new(a, p, ALL));
                parent(1, Key::new(a, ALL, c));
            }
            (true, true, false) => parent(2, Key::new(a, ALL, ALL)),
            (true, false, true) => {
                parent(3, Key::new(a, ALL, ALL));
                parent(4, Key::new(ALL, ALL, c));
            }
            (true, false, false) => parent(5, Key::TOTAL),
            (false, false, true) => parent(6, Key::TOTAL),
            _ => {}
        }
    }
    parts
        .into_iter()
        .map(|((_, parent), children)| (parent, children))
        .collect()
}

/// Hides, as long as some equation with a shown sum hides exactly one member, one more
/// of its members (chosen by `pick`), so that no hidden cell is a plain difference.
fn close(
    eqs: &[(Key, Vec<Key>)],
    hidden: &mut BTreeSet<Key>,
    mut pick: impl FnMut(&BTreeSet<Key>, &[Key]) -> Option<Key>,
) -> bool {
    loop {
        let mut added = false;
        for (parent, children) in eqs {
            let members = std::iter::once(parent).chain(children);
            let mut hidden_here = members.clone().filter(|k| hidden.contains(*k));
            if let (Some(_), None) = (hidden_here.next(), hidden_here.next()) {
                let shown: Vec<Key> = members.filter(|k| !hidden.contains(*k)).copied().collect();
                match pick(hidden, &shown) {
                    Some(k) => {
                        hidden.insert(k);
                        added = true;
                    }
                    None => return false,
                }
            }
        }
        if !added {
            return true;
        }
    }
}

/// Which cells of a week's grid are hidden: primary, secondary, and whatever the audit
/// asks for, until every hidden cell is protected. Of the cells that could be hidden
/// next, the one whose hiding (with what it forces) loses the least is chosen, a sum
/// weighing more than its parts (see [`Key::weight`]), then the smallest.
pub fn decide(cells: &BTreeMap<Key, u32>) -> BTreeSet<Key> {
    let value = |k: &Key| cells.get(k).copied().unwrap_or(0);
    let eqs = equations(cells);
    let everything = || cells.keys().copied().collect::<BTreeSet<Key>>();
    let smallest =
        |_: &BTreeSet<Key>, shown: &[Key]| shown.iter().min_by_key(|k| (value(k), **k)).copied();
    // The candidate whose hiding (with what it forces) hides the least.
    let cheapest = |hidden: &BTreeSet<Key>, shown: &[Key]| -> Option<Key> {
        shown
            .iter()
            .map(|k| {
                let mut trial = hidden.clone();
                trial.insert(*k);
                let cost = if close(&eqs, &mut trial, smallest) {
                    trial.iter().map(Key::weight).sum()
                } else {
                    u64::MAX
                };
                (cost, value(k), *k)
            })
            .min()
            .map(|(_, _, k)| k)
    };
    let mut hidden: BTreeSet<Key> = cells
        .iter()
        .filter(|(_, n)| (1..SUPPRESS_BELOW).contains(*n))
        .map(|(k, _)| *k)
        .collect();
    loop {
        if !close(&eqs, &mut hidden, cheapest) {
            return everything();
        }
        let weak: Vec<Key> = audit(cells, &hidden)
            .into_iter()
            .filter(|r| !r.protected())
            .map(|r| r.key)
            .collect();
        let Some(w) = weak.first() else {
            return hidden;
        };
        // One more hidden: a shown sum that binds the weak cell (it holds one of the
        // weak cell's hidden base cells), or a shown member of an equation the weak
        // cell is in. The audit then runs again, as one addition may protect several.
        let binds = |k: &Key| {
            !k.is_base()
                && cells
                    .keys()
                    .any(|b| b.is_base() && hidden.contains(b) && w.contains(b) && k.contains(b))
        };
        let shown: Vec<Key> = eqs
            .iter()
            .filter(|(parent, children)| parent == w || children.contains(w))
            .flat_map(|(parent, children)| std::iter::once(parent).chain(children))
            .chain(cells.keys().filter(|k| binds(k)))
            .filter(|k| !hidden.contains(*k))
            .copied()
            .collect::<BTreeSet<Key>>()
            .into_iter()
            .collect();
        match cheapest(&hidden, &shown) {
            Some(k) => {
                hidden.insert(k);
            }
            // Nothing left to hide beside it: hide the whole week.
            None => return everything(),
        }
    }
}

/// A hidden cell's range as the released numbers allow it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub key: Key,
    pub min: u32,
    /// None: no upper bound.
    pub max: Option<u32>,
}

impl Range {
    pub fn protected(&self) -> bool {
        self.max
            .is_none_or(|max| max.saturating_sub(self.min) >= PROTECTION)
    }
}

/// Solves, for every hidden cell of a week, the smallest and largest value its shown
/// numbers allow: every hidden base cell is a variable of at least 1 (its row is there,
/// so it is not 0), every shown sum an equation over its hidden base cells.
pub fn audit(cells: &BTreeMap<Key, u32>, hidden: &BTreeSet<Key>) -> Vec<Range> {
    let vars: Vec<Key> = hidden.iter().filter(|k| k.is_base()).copied().collect();
    let index: HashMap<Key, usize> = vars.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    // Each shown sum with a hidden part: its hidden base cells and what they add up to.
    let mut eqs: BTreeMap<Vec<usize>, f64> = BTreeMap::new();
    for (k, n) in cells
        .iter()
        .filter(|(k, _)| !k.is_base() && !hidden.contains(*k))
    {
        let mut terms = Vec::new();
        let mut rest = f64::from(*n);
        for (b, v) in cells.iter().filter(|(b, _)| b.is_base() && k.contains(b)) {
            match index.get(b) {
                Some(i) => terms.push(*i),
                None => rest -= f64::from(*v),
            }
        }
        if !terms.is_empty() {
            eqs.insert(terms, rest);
        }
    }
    // Connected parts: variables that share an equation.
    let mut root: Vec<usize> = (0..vars.len()).collect();
    fn find(root: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    }
    for terms in eqs.keys() {
        for w in terms.windows(2) {
            let (a, b) = (find(&mut root, w[0]), find(&mut root, w[1]));
            root[a] = b;
        }
    }
    let part_of: Vec<usize> = (0..vars.len()).map(|i| find(&mut root, i)).collect();
    let mut part_eqs: HashMap<usize, Vec<(&Vec<usize>, f64)>> = HashMap::new();
    for (terms, rhs) in &eqs {
        part_eqs
            .entry(part_of[terms[0]])
            .or_default()
            .push((terms, *rhs));
    }
    let mut solved: HashMap<Vec<usize>, (f64, Option<f64>)> = HashMap::new();
    hidden
        .iter()
        .map(|key| {
            let shown_part: u32 = cells
                .iter()
                .filter(|(b, _)| b.is_base() && key.contains(b) && !index.contains_key(*b))
                .map(|(_, v)| *v)
                .sum();
            let mine: Vec<usize> = vars
                .iter()
                .enumerate()
                .filter(|(_, b)| key.contains(b))
                .map(|(i, _)| i)
                .collect();
            let mut by_part: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for i in mine {
                by_part.entry(part_of[i]).or_default().push(i);
            }
            let (mut lo, mut hi) = (f64::from(shown_part), Some(f64::from(shown_part)));
            for (part, terms) in by_part {
                let (a, b) = *solved.entry(terms.clone()).or_insert_with(|| {
                    range_of(&terms, part_eqs.get(&part).map_or(&[][..], Vec::as_slice))
                });
                lo += a;
                hi = hi.zip(b).map(|(x, y)| x + y);
            }
            Range {
                key: *key,
                min: lo.ceil().max(0.0) as u32,
                max: hi.map(|h| (h + 1e-6).floor().max(0.0) as u32),
            }
        })
        .collect()
}

/// The smallest and largest sum of `terms` (None: unbounded) under `eqs`, every
/// variable at least 1. Only the variables of one connected part take part.
fn range_of(terms: &[usize], eqs: &[(&Vec<usize>, f64)]) -> (f64, Option<f64>) {
    use good_lp::{
        Expression, ProblemVariables, ResolutionError, Solution, SolverModel, constraint,
        solvers::microlp::microlp, variable,
    };
    if eqs.is_empty() {
        return (terms.len() as f64, None);
    }
    let mut used: Vec<usize> = eqs.iter().flat_map(|(t, _)| t.iter().copied()).collect();
    used.extend(terms);
    used.sort_unstable();
    used.dedup();
    let solve = |maximise: bool| -> std::result::Result<f64, ResolutionError> {
        let mut problem = ProblemVariables::new();
        let x: HashMap<usize, good_lp::Variable> = used
            .iter()
            .map(|i| (*i, problem.add(variable().min(1.0))))
            .collect();
        let objective: Expression = terms.iter().map(|i| x[i]).sum();
        let unsolved = if maximise {
            problem.maximise(objective.clone())
        } else {
            problem.minimise(objective.clone())
        };
        let mut model = unsolved.using(microlp);
        for (t, rhs) in eqs {
            let sum: Expression = t.iter().map(|i| x[i]).sum();
            model = model.with(constraint::eq(sum, *rhs));
        }
        Ok(model.solve()?.eval(&objective))
    };
    // The true counts satisfy every equation, so the programme is feasible; a solver
    // that fails anyway leaves the cell unprotected, which hides more.
    let lo = solve(false).unwrap_or(terms.len() as f64);
    let hi = match solve(true) {
        Ok(v) => Some(v),
        Err(ResolutionError::Unbounded) => None,
        Err(_) => Some(lo),
    };
    (lo, hi)
}

/// One released week: every nonzero cell with its value and whether it is hidden.
#[derive(Debug, Clone, Default)]
pub struct Week {
    pub name: String,
    pub cells: HashMap<Key, (u32, bool)>,
}

impl Week {
    /// A cell as a partner sees it (an absent cell is 0).
    pub fn shown(&self, key: Key) -> Shown {
        match self.cells.get(&key) {
            Some((_, true)) => Shown::Hidden,
            Some((n, false)) => Shown::Count(*n),
            None => Shown::Count(0),
        }
    }
}

/// The released weeks a file draws on, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Released {
    pub weeks: Vec<Week>,
}

impl Released {
    /// A cell summed over the weeks `range` (indexes into `weeks`): hidden when it is
    /// hidden in any of them.
    pub fn sum(&self, range: std::ops::Range<usize>, key: Key) -> Shown {
        self.weeks
            .get(range)
            .unwrap_or_default()
            .iter()
            .fold(Shown::Count(0), |acc, w| acc.add(w.shown(key)))
    }

    /// Every key with a nonzero count in any week of `range`, hidden or not.
    pub fn keys(&self, range: std::ops::Range<usize>) -> BTreeSet<Key> {
        self.weeks
            .get(range)
            .unwrap_or_default()
            .iter()
            .flat_map(|w| w.cells.keys().copied())
            .collect()
    }
}

/// The base counts of each of `weeks` from the reports, a confirmed pair of reports
/// about one incident counted once (as in the picture).
fn count_weeks(conn: &Connection, weeks: &[String]) -> Result<HashMap<String, BTreeMap<Key, u32>>> {
    let mut out: HashMap<String, BTreeMap<Key, u32>> = HashMap::new();
    let (Some(first), Some(last)) = (
        weeks.iter().filter_map(|w| week_monday(w)).min(),
        weeks.iter().filter_map(|w| week_monday(w)).max(),
    ) else {
        return Ok(out);
    };
    let wanted: BTreeSet<&String> = weeks.iter().collect();
    let (from, to) = (first.to_string(), (last + chrono::Days::new(6)).to_string());
    let place_area = picture_queries::lookups(conn)?.place_area;
    let key_of = |place: Option<Id>, category: Id| match place {
        None => Key::new(UNPLACED, UNPLACED, category),
        Some(p) => Key::new(
            place_area.get(&p).copied().flatten().unwrap_or(NO_AREA),
            p,
            category,
        ),
    };
    let mut add = |date: &str, key: Key, delta: i64| {
        let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            return;
        };
        let week = week_name(day);
        if !wanted.contains(&week) {
            return;
        }
        let n = out.entry(week).or_default().entry(key).or_insert(0);
        *n = u32::try_from((i64::from(*n) + delta).max(0)).unwrap_or(u32::MAX);
    };
    picture_queries::for_each_day_count(conn, &from, &to, |row| {
        add(
            &row.date,
            key_of(row.place, row.category),
            i64::from(row.count),
        );
    })?;
    report_link::for_each_merged(conn, &from, &to, |m| {
        add(&m.date, key_of(m.place, m.category), -i64::from(m.count));
    })?;
    Ok(out)
}

/// The released cells of `weeks` (each complete before `today`): from the register, and
/// for a week not released yet, counted, decided and, when `keep`, written to the
/// register first (an export keeps; a look does not). A week before the latest gallring
/// that was never released cannot be counted again and is refused.
pub fn released(conn: &Connection, weeks: &[String], keep: bool) -> Result<Released> {
    let mut stored = register::get_weeks(conn, weeks)?;
    let missing: Vec<String> = weeks
        .iter()
        .filter(|w| !stored.contains_key(*w))
        .cloned()
        .collect();
    if !missing.is_empty() {
        if let Some(kept_from) = register::kept_from(conn)?
            && let Some(galled) = missing
                .iter()
                .find(|w| week_monday(w).is_some_and(|m| m.to_string() < kept_from))
        {
            return Err(Message::PartnerWeekGalled {
                week: galled.clone(),
            }
            .into());
        }
        let mut counted = count_weeks(conn, &missing)?;
        let decided: Vec<(String, Vec<StoredCell>)> = missing
            .iter()
            .map(|w| {
                let cells = grid(&counted.remove(w).unwrap_or_default());
                let hidden = decide(&cells);
                let list = cells
                    .iter()
                    .map(|(k, v)| StoredCell {
                        area: k.area,
                        place: k.place,
                        category: k.category,
                        value: *v,
                        hidden: hidden.contains(k),
                    })
                    .collect();
                (w.clone(), list)
            })
            .collect();
        if keep {
            register::insert_weeks(conn, &decided)?;
            // What the register holds now is what was released (another program may
            // have released a week meanwhile).
            stored = register::get_weeks(conn, weeks)?;
        } else {
            stored.extend(decided);
        }
    }
    Ok(Released {
        weeks: weeks
            .iter()
            .map(|w| Week {
                name: w.clone(),
                cells: stored
                    .get(w)
                    .map(|cells| {
                        cells
                            .iter()
                            .map(|c| (Key::new(c.area, c.place, c.category), (c.value, c.hidden)))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(base: &[((Id, Id, Id), u32)]) -> BTreeMap<Key, u32> {
        grid(
            &base
                .iter()
                .map(|((a, p, c), n)| (Key::new(*a, *p, *c), *n))
                .collect(),
        )
    }

    #[test]
    fn every_hidden_cell_keeps_a_wide_range() {
        // Norrby (1): places 10, 11, 12; categories 1 (Skadegörelse) and 2.
        let cells = week(&[
            ((1, 10, 1), 5),
            ((1, 11, 1), 4),
            ((1, 12, 1), 2),
            ((1, 13, 1), 1),
            ((1, 10, 2), 7),
            ((1, 11, 2), 6),
            ((2, 20, 1), 9),
            ((2, 20, 2), 1),
            ((2, 21, 2), 8),
            ((UNPLACED, UNPLACED, 1), 2),
        ]);
        let hidden = decide(&cells);
        for small in [Key::new(1, 12, 1), Key::new(1, 13, 1), Key::new(2, 20, 2)] {
            assert!(hidden.contains(&small), "{small:?}");
        }
        assert!(hidden.contains(&Key::new(UNPLACED, ALL, ALL)));
        let ranges = audit(&cells, &hidden);
        assert_eq!(ranges.len(), hidden.len());
        for r in &ranges {
            assert!(r.protected(), "{r:?} of {hidden:?}");
            let truth = cells[&r.key];
            assert!(
                r.min <= truth && r.max.is_none_or(|m| truth <= m),
                "{r:?} {truth}"
            );
        }
    }

    #[test]
    fn one_hidden_part_of_a_shown_sum_is_found_by_the_audit() {
        let cells = week(&[((1, 10, 1), 5), ((1, 11, 1), 1)]);
        let hidden: BTreeSet<Key> = [Key::new(1, 11, 1)].into();
        let r = audit(&cells, &hidden);
        assert_eq!((r[0].min, r[0].max), (1, Some(1)));
        assert!(!r[0].protected());
    }

    #[test]
    fn whole_weeks_are_the_complete_ones_that_overlap() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        // Thursday 3 December: week 48 (23–29 November) is over, 49 is not.
        assert_eq!(
            whole_weeks(d(11, 18), d(12, 31), d(12, 3)),
            ["2026-W47", "2026-W48"]
        );
        assert!(whole_weeks(d(11, 30), d(12, 6), d(12, 6)).is_empty());
        assert_eq!(whole_weeks(d(11, 30), d(12, 6), d(12, 7)), ["2026-W49"]);
        assert_eq!(week_monday("2026-W49"), Some(d(11, 30)));
    }
}
