//! The loader: checks each row, turns it into a report, and stores it.
//!
//! Two halves that run on their own threads at once (`import::load` adds a third that
//! reads the file): the [`Checker`] checks rows (dates, places, categories, personal
//! data, the duplicate key) with no database, and the [`Writer`] stores what it hands
//! over, in order, in the import's transaction. Everything looked up per row is
//! loaded once into hash maps and the insert is one prepared statement, so a million
//! rows stream through with flat memory.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use csv::StringRecord;
use rusqlite::Transaction;

use super::categories::CategoryMap;
use super::dates::{self, DateRules, When};
use super::mapping::{Field, Mapping};
use super::{
    ImportOptions, MAX_LISTED_ISSUES, OnProblem, RowAction, RowIssue, SAMPLE_ROWS, SampleRow,
    UnmappedLabel, UnplacedText, rowkey,
};
use crate::db::import_batch::Counts;
use crate::db::report::{Inserter, MAX_COUNT, ReportRow};
use crate::db::report_month::MonthDeltas;
use crate::db::{import_batch, named};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, Message, RowProblem};
use crate::names;
use crate::pii;

/// What the loader did, for the result.
pub struct Done {
    /// What the batch row records (`rows_read` counts non-blank data rows).
    pub counts: Counts,
    pub issues: Vec<RowIssue>,
    pub issues_total: u32,
    pub sample: Vec<SampleRow>,
    pub unmapped: Vec<UnmappedLabel>,
    unplaced: HashMap<String, (String, u32)>,
    /// What the stored rows add to `report_month` (its triggers are off during a load).
    pub months: MonthDeltas,
    /// Dates read without a year (the result says where their year came from).
    pub yearless: u32,
}

impl Done {
    /// The unplaced texts, most frequent first, with suggestions from the place names.
    pub fn unplaced_with_suggestions(&self, tx: &Transaction) -> Result<Vec<UnplacedText>> {
        let candidates = crate::db::place::place_and_alias_names(tx)?;
        let mut out: Vec<UnplacedText> = self
            .unplaced
            .values()
            .map(|(text, rows)| UnplacedText {
                text: text.clone(),
                rows: *rows,
                suggestions: names::suggest(text, candidates.iter().map(String::as_str), 3),
            })
            .collect();
        out.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.text.cmp(&b.text)));
        Ok(out)
    }
}

type Problems = Vec<(Option<String>, RowProblem)>;

/// A row ready to store, with its duplicate key.
pub struct Draft {
    date: String,
    time: Option<String>,
    place_id: Option<Id>,
    place_text: Option<String>,
    category_id: Id,
    category_text: String,
    partner_id: Id,
    count: u32,
    text: String,
    assessment: Option<String>,
    external_id: Option<String>,
    key: rowkey::RowKey,
}

/// The first rows as the preview shows them (before the writer knows their fate).
pub struct Preview {
    date: Option<String>,
    time: Option<String>,
    place: String,
    category: String,
    count: u32,
    text: String,
}

/// What the checker found in one row.
// Rows travel in batches through a channel; boxing the large variant would add an
// allocation per row for nothing, since almost every row is that variant.
#[allow(clippy::large_enum_variant)]
pub enum Checked {
    /// The row cannot be stored (no date, unknown partner) or is a total/note row.
    Fatal {
        line: u64,
        column: Option<String>,
        problem: RowProblem,
        raw: Option<String>,
        preview: Option<Preview>,
    },
    /// "Inga händelser": the partner had nothing to report in the week of `date`.
    Nothing {
        line: u64,
        column: Option<String>,
        partner_id: Id,
        date: NaiveDate,
        preview: Option<Preview>,
    },
    /// The row can be stored, with these (fixable) problems, if the policy allows.
    Row {
        line: u64,
        draft: Draft,
        /// Stored before or earlier in this file; known here only in a bulk load, where
        /// the keys are held in memory (otherwise the unique index tells the writer).
        duplicate: bool,
        problems: Problems,
        info: Option<RowProblem>,
        raw: Option<String>,
        preview: Option<Preview>,
    },
}

/// Reads rows into reports: the database-free half of the loader.
pub struct Checker {
    header: Vec<String>,
    col: HashMap<Field, usize>,
    dates: DateRules,
    /// Dates typed in the preview, by line.
    date_fixes: HashMap<u64, String>,
    /// Dates written without a year, given one by `dates.year`.
    yearless: u32,
    partner: Option<Id>,
    partners: HashMap<String, Id>,
    places: HashMap<String, Id>,
    categories: CategoryMap,
    on_problem: OnProblem,
    mask: bool,
    masked: u32,
    previews: usize,
    unplaced: HashMap<String, (String, u32)>,
    /// Texts as written → ids, so a label seen before needs no normalising.
    place_cache: HashMap<String, Option<Id>>,
    category_cache: HashMap<String, Id>,
    /// Duplicate keys checked in memory while the report indexes are off (bulk load).
    keys: Option<rowkey::KeySet>,
}

/// Stores checked rows in the import's transaction: the database half of the loader.
pub struct Writer<'t> {
    tx: &'t Transaction<'t>,
    batch: Id,
    file: String,
    on_problem: OnProblem,
    /// Mask personal data in what the batch records (problem messages, skipped rows).
    mask: bool,
    description_column: Option<String>,
    done: Done,
    /// The report insert, prepared once.
    insert: Inserter<'t>,
}

fn clean(v: &str) -> &str {
    if v.starts_with("#FEL ") { "" } else { v }
}

/// Builds both halves from the mapping and the database's names.
#[allow(clippy::too_many_arguments)]
pub fn loader<'t>(
    tx: &'t Transaction<'t>,
    batch: Id,
    header: &[String],
    map: &Mapping,
    dates: DateRules,
    partner: Option<Id>,
    category_overrides: &HashMap<String, String>,
    opts: &ImportOptions,
) -> Result<(Checker, Writer<'t>)> {
    let places: HashMap<String, Id> = named::key_ids(tx, Kind::Place)?.into_iter().collect();
    let partners: HashMap<String, Id> = named::key_ids(tx, Kind::Partner)?.into_iter().collect();
    let cats = named::key_ids(tx, Kind::Category)?;
    let file = import_batch::get_batch_file_name(tx, batch)?;
    let col: HashMap<Field, usize> = map.columns.iter().map(|(c, f)| (*f, *c)).collect();
    let description_column = col
        .get(&Field::Description)
        .and_then(|&i| header.get(i))
        .cloned();
    let checker = Checker {
        header: header.to_vec(),
        col,
        dates,
        date_fixes: opts.date_fixes.iter().cloned().collect(),
        yearless: 0,
        partner,
        partners,
        places,
        categories: CategoryMap::new(&cats, category_overrides),
        on_problem: opts.on_problem,
        mask: !opts.keep_personal_data,
        masked: 0,
        previews: 0,
        unplaced: HashMap::new(),
        place_cache: HashMap::new(),
        category_cache: HashMap::new(),
        keys: None,
    };
    let writer = Writer {
        tx,
        batch,
        file,
        on_problem: opts.on_problem,
        mask: !opts.keep_personal_data,
        description_column,
        done: Done {
            counts: Counts::default(),
            issues: Vec::new(),
            issues_total: 0,
            sample: Vec::new(),
            unmapped: Vec::new(),
            unplaced: HashMap::new(),
            months: MonthDeltas::default(),
            yearless: 0,
        },
        insert: Inserter::new(tx)?,
    };
    Ok((checker, writer))
}

impl Checker {
    fn cell<'r>(&self, rec: &'r StringRecord, f: Field) -> &'r str {
        self.col
            .get(&f)
            .and_then(|&i| rec.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    fn column_name(&self, f: Field) -> Option<String> {
        self.col.get(&f).and_then(|&i| self.header.get(i)).cloned()
    }

    fn raw(rec: &StringRecord) -> String {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record(rec.iter());
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8_lossy(&bytes).trim_end().to_string()
    }

    /// Reads a date (and maybe a time) from a cell, accepting Excel serial numbers and
    /// dates written without a year (`3/11 21.30`: the year the file's rule gives).
    fn when(&mut self, value: &str) -> Option<When> {
        dates::parse(value, self.dates.order)
            .or_else(|| {
                let n: f64 = value.replace(',', ".").parse().ok()?;
                (20_000.0..=80_000.0)
                    .contains(&n)
                    .then(|| dates::excel_serial(n, false))
                    .flatten()
            })
            .or_else(|| {
                let (month, day, time) = dates::parse_yearless(value, self.dates.order)?;
                let date = self.dates.year.resolve(month, day)?;
                self.yearless += 1;
                Some(When { date, time })
            })
    }

    fn category_id(&mut self, text: &str) -> Id {
        if let Some(id) = self.category_cache.get(text) {
            return *id;
        }
        let id = self.categories.resolve(text);
        // Unmapped labels are counted per row by `resolve`, so only mapped ones are cached.
        if !self.categories.unmapped.contains_key(&names::key(text)) {
            self.category_cache.insert(text.to_string(), id);
        }
        id
    }

    fn place_id(&mut self, text: &str) -> Option<Id> {
        if text.is_empty() {
            return None;
        }
        let id = match self.place_cache.get(text) {
            Some(id) => *id,
            None => {
                let id = self.places.get(&names::key(text)).copied();
                self.place_cache.insert(text.to_string(), id);
                id
            }
        };
        if id.is_none() {
            let e = self
                .unplaced
                .entry(names::key(text))
                .or_insert_with(|| (text.to_string(), 0));
            e.1 += 1;
        }
        id
    }

    /// Checks one row; `None` for a blank row.
    pub fn check(&mut self, rec: &StringRecord, line: u64) -> Option<Checked> {
        if rec.iter().all(|c| c.trim().is_empty()) {
            return None;
        }
        let mut problems: Problems = Vec::new();
        let mut fatal: Option<(Option<String>, RowProblem)> = None;
        // Cells holding spreadsheet errors count as empty, with a problem.
        for &i in self.col.values() {
            if let Some(v) = rec.get(i).map(str::trim)
                && let Some(err) = v.strip_prefix("#FEL ")
            {
                problems.push((
                    self.header.get(i).cloned(),
                    RowProblem::CellError {
                        value: err.to_string(),
                    },
                ));
            }
        }

        // When.
        let dt_field = if self.col.contains_key(&Field::DateTime) {
            Field::DateTime
        } else {
            Field::Date
        };
        let date_text = clean(self.cell(rec, dt_field));
        let mut when = None;
        // A date typed in the preview for this line stands in for an unreadable one.
        let parsed = if date_text.is_empty() {
            None
        } else {
            self.when(date_text)
        };
        let fix = self.date_fixes.get(&line).cloned();
        match (parsed, fix) {
            (Some(w), _) => when = Some(w),
            (None, Some(fixed)) => match self.when(&fixed) {
                Some(w) => {
                    when = Some(w);
                    problems.push((
                        self.column_name(dt_field),
                        RowProblem::DateCorrected {
                            from: date_text.to_string(),
                            to: w.date.to_string(),
                        },
                    ));
                }
                None => {
                    fatal = Some((
                        self.column_name(dt_field),
                        RowProblem::DateInvalid { value: fixed },
                    ))
                }
            },
            (None, None) if date_text.is_empty() => {
                fatal = Some((self.column_name(dt_field), RowProblem::DateMissing));
            }
            (None, None) => {
                fatal = Some((
                    self.column_name(dt_field),
                    RowProblem::DateInvalid {
                        value: date_text.to_string(),
                    },
                ))
            }
        }
        if let Some(w) = when.filter(|w| self.dates.implausible(w.date)) {
            problems.push((
                self.column_name(dt_field),
                RowProblem::DateImplausible {
                    date: w.date.to_string(),
                },
            ));
        }
        let time_text = clean(self.cell(rec, Field::Time));
        let mut time = when.and_then(|w| w.time);
        if !time_text.is_empty() {
            match dates::parse_clock(time_text) {
                Some(dates::Clock::Ambiguous(t)) => {
                    time = Some(t);
                    let other = time_text
                        .replace(',', ".")
                        .parse::<f64>()
                        .map(|f| {
                            let minutes = (f * 1440.0).round() as u32;
                            format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
                        })
                        .unwrap_or_default();
                    problems.push((
                        self.column_name(Field::Time),
                        RowProblem::TimeAmbiguous {
                            value: time_text.to_string(),
                            read: hh_mm(t),
                            other,
                        },
                    ));
                }
                Some(clock) => time = Some(clock.time()),
                None => problems.push((
                    self.column_name(Field::Time),
                    RowProblem::TimeInvalid {
                        value: time_text.to_string(),
                    },
                )),
            }
        }

        // A row with no date that looks like a total or a note is listed, not an error.
        if when.is_none() {
            let filled = rec.iter().filter(|c| !c.trim().is_empty()).count();
            let summary = rec.iter().any(|c| {
                let k = names::key(c);
                k.starts_with("summa")
                    || k.starts_with("totalt")
                    || k.starts_with("total")
                    || k.starts_with("antal")
            });
            if summary || filled <= 1 {
                fatal = Some((None, RowProblem::SummaryRow));
            }
        }

        // Who.
        let partner_text = clean(self.cell(rec, Field::Partner));
        let partner_id = if partner_text.is_empty() {
            self.partner
        } else {
            match self.partners.get(&names::key(partner_text)) {
                Some(id) => Some(*id),
                None => {
                    if fatal.is_none() {
                        fatal = Some((
                            self.column_name(Field::Partner),
                            RowProblem::PartnerUnknown {
                                value: partner_text.to_string(),
                            },
                        ));
                    }
                    None
                }
            }
        };

        // How many.
        let count_text = clean(self.cell(rec, Field::Count));
        let count = if count_text.is_empty() {
            1
        } else {
            // "1 200" is a number written with a thousands space.
            let parsed = if count_text.contains(' ') {
                count_text.replace(' ', "").parse::<u32>()
            } else {
                count_text.parse::<u32>()
            };
            match parsed {
                Ok(n) if (1..=MAX_COUNT).contains(&n) => n,
                _ => {
                    problems.push((
                        self.column_name(Field::Count),
                        RowProblem::CountInvalid {
                            value: count_text.to_string(),
                        },
                    ));
                    1
                }
            }
        };

        // What: the description, with extra unheaded values kept and personal data masked.
        let mut text = clean(self.cell(rec, Field::Description)).to_string();
        let extra: Vec<&str> = rec
            .iter()
            .skip(self.header.len())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        if !extra.is_empty() {
            let values = extra.join("; ");
            problems.push((
                None,
                RowProblem::ExtraValues {
                    values: values.clone(),
                },
            ));
            if text.is_empty() {
                text = values;
            } else {
                text = format!("{text} [{values}]");
            }
        }
        let found = pii::scan(&text);
        let mut info: Option<RowProblem> = None;
        if found.any() {
            if self.mask {
                text = pii::mask(&text).0;
                self.masked += 1;
                info = Some(RowProblem::PersonalDataMasked {
                    personnummer: found.personnummer,
                    phone: found.phone,
                });
            } else {
                problems.push((
                    self.column_name(Field::Description),
                    RowProblem::PersonalDataKept {
                        personnummer: found.personnummer,
                        phone: found.phone,
                    },
                ));
            }
        }
        // Every other column that is stored is masked the same way: a personnummer in the
        // place, category, assessment or id column is no less personal.
        let mut masked_elsewhere = false;
        let mut guard = |value: &str| -> String {
            if self.mask && pii::scan(value).any() {
                masked_elsewhere = true;
                pii::mask(value).0
            } else {
                value.to_string()
            }
        };
        let category_text = guard(clean(self.cell(rec, Field::Category)));
        let place_text = guard(clean(self.cell(rec, Field::Place)));
        let assessment =
            Some(guard(clean(self.cell(rec, Field::Assessment)))).filter(|s| !s.is_empty());
        let external_id =
            Some(guard(clean(self.cell(rec, Field::ExternalId)))).filter(|s| !s.is_empty());
        if masked_elsewhere && !found.any() {
            self.masked += 1;
            info = Some(RowProblem::PersonalDataMasked {
                personnummer: 0,
                phone: 0,
            });
        }

        let raw_needed = fatal.is_some()
            || partner_id.is_none()
            || (!problems.is_empty() && self.on_problem != OnProblem::Flag);
        let raw = raw_needed.then(|| Self::raw(rec));
        let preview = (self.previews < SAMPLE_ROWS).then(|| {
            self.previews += 1;
            Preview {
                date: when.map(|w| iso_date(w.date)),
                time: time.map(hh_mm),
                place: place_text.clone(),
                category: category_text.clone(),
                count,
                text: text.clone(),
            }
        });
        if let Some((column, problem)) = fatal {
            return Some(Checked::Fatal {
                line,
                column,
                problem,
                raw,
                preview,
            });
        }
        let (Some(w), Some(partner_id)) = (when, partner_id) else {
            // No partner named for the file and none in the row's partner column.
            return Some(Checked::Fatal {
                line,
                column: self.column_name(Field::Partner),
                problem: RowProblem::PartnerMissing,
                raw,
                preview,
            });
        };
        // "Inga händelser" is no report: the partner's silence that week is a zero.
        if crate::names::key(&category_text)
            == crate::names::key(crate::messages::template::NOTHING_TO_REPORT)
        {
            return Some(Checked::Nothing {
                line,
                column: self.column_name(Field::Category),
                partner_id,
                date: w.date,
                preview,
            });
        }
        // Rows the policy will not store need no lookups or key.
        let category_id = if problems.is_empty() || self.on_problem == OnProblem::Flag {
            self.category_id(&category_text)
        } else {
            0
        };
        let place_id = if problems.is_empty() || self.on_problem == OnProblem::Flag {
            self.place_id(&place_text)
        } else {
            None
        };
        let date = iso_date(w.date);
        let time_s = time.map(hh_mm);
        let key = match &external_id {
            Some(x) => rowkey::by_external_id(partner_id, x),
            None => rowkey::by_fields(&rowkey::KeyFields {
                partner: partner_id,
                date: &date,
                time: time_s.as_deref().unwrap_or(""),
                place: &place_text,
                category: &category_text,
                count,
                text: &text,
            }),
        };
        // Rows the policy stores take their key; a skipped row leaves it free.
        let stored = problems.is_empty() || self.on_problem != OnProblem::Skip;
        let duplicate = stored && self.keys.as_mut().is_some_and(|keys| !keys.insert(key));
        let draft = Draft {
            date,
            time: time_s,
            place_id,
            place_text: Some(place_text).filter(|s| !s.is_empty()),
            category_id,
            category_text,
            partner_id,
            count,
            text,
            assessment,
            external_id,
            key,
        };
        Some(Checked::Row {
            line,
            draft,
            duplicate,
            problems,
            info,
            raw,
            preview,
        })
    }

    /// Hands its tallies to the result.
    pub fn finish_into(self, done: &mut Done) {
        let mut unmapped: Vec<UnmappedLabel> = self
            .categories
            .unmapped
            .values()
            .map(|(label, rows)| UnmappedLabel {
                label: label.clone(),
                rows: *rows,
            })
            .collect();
        unmapped.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.label.cmp(&b.label)));
        done.unmapped = unmapped;
        done.unplaced = self.unplaced;
        done.counts.masked = self.masked;
        done.yearless = self.yearless;
    }
}

impl<'t> Writer<'t> {
    /// Switches duplicate detection to memory, for a bulk load with the unique index
    /// off: every existing key is loaded once and the checker keeps the set.
    pub fn keys_in_memory(&self, checker: &mut Checker) -> Result<()> {
        let mut keys = rowkey::KeySet::default();
        crate::db::report::for_each_row_key(self.tx, |k| {
            if let Ok(key) = <rowkey::RowKey>::try_from(k) {
                keys.insert(key);
            }
        })?;
        checker.keys = Some(keys);
        Ok(())
    }

    pub fn rows(&self) -> u32 {
        self.done.counts.rows_read
    }

    fn issue(
        &mut self,
        line: u64,
        column: Option<String>,
        message: String,
        action: RowAction,
        raw: Option<&str>,
    ) -> Result<()> {
        // Problem messages quote cells ("811218-9876" är inget giltigt antal) and a
        // skipped row is kept as read: both are masked like the stored columns.
        let (message, raw) = if self.mask {
            (pii::mask(&message).0, raw.map(|r| pii::mask(r).0))
        } else {
            (message, raw.map(str::to_string))
        };
        crate::db::import_batch::insert_issue(
            self.tx,
            self.batch,
            line,
            column.as_deref(),
            &message,
            action.as_str(),
            raw.as_deref(),
        )?;
        self.done.issues_total += 1;
        if self.done.issues.len() < MAX_LISTED_ISSUES {
            self.done.issues.push(RowIssue {
                line,
                column,
                message,
                action,
                needs_date: false,
            });
        }
        Ok(())
    }

    /// Stores (or skips, or lists) one checked row according to the problem policy.
    pub fn apply(&mut self, checked: Checked) -> Result<()> {
        self.done.counts.rows_read += 1;
        match checked {
            Checked::Nothing {
                line,
                column,
                partner_id,
                date,
                preview,
            } => {
                let week =
                    crate::picture::Period::containing(crate::picture::PeriodKind::Week, date);
                let (from, to) = (week.from.to_string(), week.to.to_string());
                crate::db::partner::insert_nil_report_for(
                    self.tx,
                    partner_id,
                    &from,
                    &to,
                    Some(self.batch),
                )?;
                self.sample(line, preview, None, None, RowAction::Info);
                let said = crate::messages::template::nothing_reported(&week.label(), &from, &to);
                self.issue(line, column, said, RowAction::Info, None)
            }
            Checked::Fatal {
                line,
                column,
                problem,
                raw,
                preview,
            } => {
                if self.on_problem == OnProblem::Abort && problem != RowProblem::SummaryRow {
                    return Err(self.abort(line, column, &problem));
                }
                self.done.counts.skipped += 1;
                self.sample(line, preview, None, None, RowAction::Skipped);
                let needs_date = matches!(
                    problem,
                    RowProblem::DateMissing | RowProblem::DateInvalid { .. }
                );
                self.issue(
                    line,
                    column,
                    problem.sv(),
                    RowAction::Skipped,
                    raw.as_deref(),
                )?;
                if needs_date && let Some(last) = self.done.issues.last_mut() {
                    last.needs_date = last.line == line;
                }
                Ok(())
            }
            Checked::Row {
                line,
                draft,
                duplicate,
                mut problems,
                info,
                raw,
                preview,
            } => {
                if !problems.is_empty() {
                    match self.on_problem {
                        OnProblem::Abort => {
                            let (column, problem) = problems.remove(0);
                            return Err(self.abort(line, column, &problem));
                        }
                        OnProblem::Skip => {
                            self.done.counts.skipped += 1;
                            for (column, p) in &problems {
                                self.issue(
                                    line,
                                    column.clone(),
                                    p.sv(),
                                    RowAction::Skipped,
                                    raw.as_deref(),
                                )?;
                            }
                            self.sample(line, preview, None, None, RowAction::Skipped);
                            return Ok(());
                        }
                        OnProblem::Flag => {}
                    }
                }
                let flagged = !problems.is_empty();
                let inserted = !duplicate && self.insert(&draft, flagged)?;
                let action = if !inserted {
                    self.done.counts.duplicates += 1;
                    RowAction::Duplicate
                } else if flagged {
                    self.done.counts.inserted += 1;
                    self.done.counts.flagged += 1;
                    RowAction::Flagged
                } else {
                    self.done.counts.inserted += 1;
                    RowAction::Stored
                };
                if inserted {
                    for (column, p) in &problems {
                        self.issue(line, column.clone(), p.sv(), RowAction::Flagged, None)?;
                    }
                    if let Some(p) = info {
                        let col = self.description_column.clone();
                        self.issue(line, col, p.sv(), RowAction::Info, None)?;
                    }
                }
                self.sample(
                    line,
                    preview,
                    draft.place_id,
                    Some(draft.category_id),
                    action,
                );
                Ok(())
            }
        }
    }

    fn abort(&self, line: u64, column: Option<String>, problem: &RowProblem) -> crate::Error {
        Message::ImportAborted {
            file: self.file.clone(),
            line,
            column: column.unwrap_or_else(|| "–".to_string()),
            problem: problem.sv(),
        }
        .into()
    }

    /// Keeps one of the first rows, as it will be stored, for the preview: the file's
    /// place and category texts beside the place and category Navet stores.
    fn sample(
        &mut self,
        line: u64,
        preview: Option<Preview>,
        place_id: Option<Id>,
        category_id: Option<Id>,
        action: RowAction,
    ) {
        let Some(p) = preview else { return };
        let name = |tx: &Transaction, kind: Kind, id: Option<Id>| {
            id.and_then(|id| named::get_name(tx, kind, id).ok())
        };
        self.done.sample.push(SampleRow {
            line,
            date: p.date,
            time: p.time,
            place: Some(p.place).filter(|x| !x.is_empty()),
            place_resolved: place_id.is_some(),
            stored_place: name(self.tx, Kind::Place, place_id),
            category: Some(p.category).filter(|c| !c.is_empty()),
            stored_category: name(self.tx, Kind::Category, category_id),
            count: p.count,
            text: p.text,
            action,
        });
    }

    /// Stores a draft; `false` when its duplicate key was already there.
    fn insert(&mut self, d: &Draft, flagged: bool) -> Result<bool> {
        let inserted = self.insert.insert(&ReportRow {
            date: &d.date,
            time: d.time.as_deref(),
            place_id: d.place_id,
            category_id: d.category_id,
            partner_id: d.partner_id,
            count: d.count,
            assessment: d.assessment.as_deref(),
            text: &d.text,
            source_place: d.place_text.as_deref(),
            source_category: Some(d.category_text.as_str()).filter(|s| !s.is_empty()),
            import_batch_id: Some(self.batch),
            external_id: d.external_id.as_deref(),
            row_key: Some(&d.key[..]),
            flagged,
        })?;
        if inserted {
            self.done.months.add(
                &d.date,
                d.time.as_deref(),
                d.place_id,
                d.category_id,
                d.partner_id,
                d.count,
            );
        }
        Ok(inserted)
    }

    pub fn finish(self, checker: Checker) -> Done {
        let mut done = self.done;
        checker.finish_into(&mut done);
        done
    }
}

/// `YYYY-MM-DD` without the format machinery (once per imported row).
fn iso_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    let year = d.year();
    if !(0..=9999).contains(&year) {
        return d.format("%Y-%m-%d").to_string();
    }
    let mut s = String::with_capacity(10);
    push_digits(&mut s, year as u32, 4);
    s.push('-');
    push_digits(&mut s, d.month(), 2);
    s.push('-');
    push_digits(&mut s, d.day(), 2);
    s
}

/// `HH:MM`.
fn hh_mm(t: NaiveTime) -> String {
    use chrono::Timelike;
    let mut s = String::with_capacity(5);
    push_digits(&mut s, t.hour(), 2);
    s.push(':');
    push_digits(&mut s, t.minute(), 2);
    s
}

/// The last `width` decimal digits of `n`, zero-padded.
fn push_digits(s: &mut String, n: u32, width: u32) {
    for i in (0..width).rev() {
        let digit = (n / 10u32.pow(i)) % 10;
        s.push(char::from(b'0' + digit as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_written_zero_padded() {
        let d = NaiveDate::from_ymd_opt(987, 3, 4).unwrap();
        assert_eq!(iso_date(d), "0987-03-04");
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(iso_date(d), "2026-11-22");
        let t = NaiveTime::from_hms_opt(9, 5, 0).unwrap();
        assert_eq!(hh_mm(t), "09:05");
        let t = NaiveTime::from_hms_opt(23, 59, 59).unwrap();
        assert_eq!(hh_mm(t), "23:59");
    }
}
