//! Personal data in free text: Swedish personal identity numbers and phone numbers.
//!
//! Partners paste case notes into the description column, and coordinators type notes
//! into every form, sometimes with a personnummer or a phone number. Navet finds them
//! before anything is stored and, by default, masks them as `[personnummer]` and
//! `[telefon]`.
//!
//! A personnummer is 10 or 12 digits (`YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYYYMMDDNNNN`,
//! `YYMMDD/NNNN`, `YY MM DD NN NN`, …) with a possible birth date (day + 60 for a
//! samordningsnummer; never in the future) and, unless a dash says what it is, a valid
//! Luhn check digit, so dates, date-times, order numbers and phone numbers are not
//! taken for one. A phone number is a Swedish one (`070-123 45 67`, `(08) 123 45 67`,
//! `+46 (0)70 123 45 67`, `070.123.45.67`, …).
//!
//! This is a leaf: it uses nothing else of Navet's, so anyone may use it. The date a
//! birth date must not pass is the caller's (`scan_at`, `mask_at`) or, for `scan` and
//! `mask`, the system clock's, read in [`today`] only, and only when a text has a
//! candidate.

use std::cell::OnceCell;

use chrono::{Datelike, Duration, NaiveDate};

/// What a scan found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Found {
    pub personnummer: usize,
    pub phone: usize,
}

impl Found {
    pub fn any(&self) -> bool {
        self.personnummer + self.phone > 0
    }
}

pub const PERSONNUMMER_MASK: &str = "[personnummer]";
pub const PHONE_MASK: &str = "[telefon]";

/// Today by the system clock (local time): the one place `scan` and `mask` read it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Today, as given or read from the clock the first time it is needed (most texts
/// have no candidate, and every imported row passes here).
struct Today(OnceCell<NaiveDate>);

impl Today {
    fn at(day: NaiveDate) -> Today {
        Today(OnceCell::from(day))
    }

    fn from_clock() -> Today {
        Today(OnceCell::new())
    }

    fn get(&self) -> NaiveDate {
        *self.0.get_or_init(today)
    }
}

/// Luhn check over the 10-digit form.
fn luhn_ok(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            if v > 9 { v - 9 } else { v }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn pair(d: &[u8], at: usize) -> u32 {
    u32::from(d[at]) * 10 + u32::from(d[at + 1])
}

/// The birth date of 10 or 12 digits, if it is a possible one: a real calendar day
/// (day + 60 for a samordningsnummer), not after `today`. A 12-digit one is born
/// 1800 or later; a 10-digit one in the last hundred years (`+`: a hundred years
/// before that), as Skatteverket writes them.
fn birth_date(digits: &[u8], plus: bool, today: &Today) -> Option<NaiveDate> {
    let (year, ten) = match digits.len() {
        12 => {
            let year = pair(digits, 0) * 100 + pair(digits, 2);
            (Some(year), &digits[2..])
        }
        10 => (None, digits),
        _ => return None,
    };
    let month = pair(ten, 2);
    let mut day = pair(ten, 4);
    if day > 60 {
        day -= 60;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let now = today.get();
    let date = |y: u32| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, month, day);
    match year {
        Some(y) => date(y).filter(|d| y >= 1800 && *d <= now),
        None => {
            let yy = pair(ten, 0);
            let this_century = u32::try_from(now.year()).unwrap_or(2000) / 100 * 100;
            let mut y = this_century + yy;
            if date(y).is_none_or(|d| d > now) {
                y -= 100;
            }
            if plus {
                y -= 100;
            }
            date(y)
        }
    }
}

/// Whether the last four digits could be a time of day (`HHMM`).
fn clock_like(last_four: &[u8]) -> bool {
    pair(last_four, 0) < 24 && pair(last_four, 2) < 60
}

/// What stands between a personnummer's date and its last four digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Space,
    Slash,
    Dash,
    Plus,
}

/// Characters people put between a personnummer's date and its last four digits:
/// the hyphen, and what word processors and phones type instead (en and em dash,
/// minus sign, non-breaking and figure hyphens). The plus is its own (a centenarian).
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Spaces, breaking or not, that may stand around (or instead of) that separator.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\t')
}

type Chars<'a> = &'a [(usize, char)];

fn char_at(chars: Chars, at: usize) -> Option<char> {
    chars.get(at).map(|(_, c)| *c)
}

fn digit_at(chars: Chars, at: usize) -> bool {
    char_at(chars, at).is_some_and(|c| c.is_ascii_digit())
}

/// `count` digits from `at`; their values and the index after them.
fn take_digits(chars: Chars, at: usize, count: usize) -> Option<(Vec<u8>, usize)> {
    let run = chars.get(at..at + count)?;
    run.iter().all(|(_, c)| c.is_ascii_digit()).then(|| {
        (
            run.iter().map(|(_, c)| *c as u8 - b'0').collect(),
            at + count,
        )
    })
}

/// `groups` pairs of digits, each after the first behind one space: `85 03 12`.
fn take_pairs(chars: Chars, at: usize, groups: usize) -> Option<(Vec<u8>, usize)> {
    let mut digits = Vec::with_capacity(groups * 2);
    let mut i = at;
    for g in 0..groups {
        if g > 0 {
            i = chars.get(i).filter(|(_, c)| is_space(*c)).map(|_| i + 1)?;
        }
        let (d, next) = take_digits(chars, i, 2)?;
        digits.extend(d);
        i = next;
    }
    // A pair of a longer number is not a pair.
    (!digit_at(chars, i)).then_some((digits, i))
}

/// One separator between date and number: a dash, plus or slash (spaces around it
/// allowed), or a single space (refused with `dash_only`, which takes a dash only).
/// Returns the index after it and its kind.
fn take_separator(chars: Chars, at: usize, dash_only: bool) -> Option<(usize, Sep)> {
    let mut i = at;
    let mut spaces = 0;
    while char_at(chars, i).is_some_and(is_space) {
        i += 1;
        spaces += 1;
    }
    let kind = match char_at(chars, i) {
        Some(c) if is_dash(c) => Some(Sep::Dash),
        Some('+') if !dash_only => Some(Sep::Plus),
        Some('/') if !dash_only => Some(Sep::Slash),
        _ => None,
    };
    if let Some(kind) = kind {
        i += 1;
        while char_at(chars, i).is_some_and(is_space) {
            i += 1;
        }
        return Some((i, kind));
    }
    (!dash_only && spaces == 1).then_some((i, Sep::Space))
}

/// The last four digits: `1234`, or in pairs `12 34` when the date came in pairs.
fn take_number(chars: Chars, at: usize, pairs: bool) -> Option<(Vec<u8>, usize)> {
    take_digits(chars, at, 4)
        .filter(|(_, i)| !digit_at(chars, *i))
        .or_else(|| pairs.then(|| take_pairs(chars, at, 2)).flatten())
}

/// A candidate: its digits (10 or 12), the index after it and its separator.
type Candidate = (Vec<u8>, usize, Sep);

/// The shapes a personnummer is typed in, tried at one position: YYYY-MM-DD-NNNN,
/// YYYYMMDD-NNNN, CC YY MM DD-NN NN, YY MM DD-NN NN, YYMMDD-NNNN, each with any
/// separator above or none. Returns the index after the match.
///
/// Written with a dash or plus, the personnummer form itself says what it is, so a
/// possible birth date is enough (a mistyped check digit still points at a person),
/// unless the date is recent and the last four a time of day (`20261123-1530` is a
/// date and a time). Bare digits, a space or a slash must also pass the Luhn check,
/// as order numbers and sums come that way.
fn personnummer_at(chars: Chars, at: usize, today: &Today) -> Option<usize> {
    type Shape<'a> = &'a dyn Fn() -> Option<Candidate>;
    let date_then_number = |date: Option<(Vec<u8>, usize)>, pairs: bool| {
        let (mut d, i) = date?;
        let (i, sep) = take_separator(chars, i, false).unwrap_or((i, Sep::None));
        let (n, i) = take_number(chars, i, pairs)?;
        d.extend(n);
        Some((d, i, sep))
    };
    let shapes: [Shape; 5] = [
        // YYYY-MM-DD-NNNN (dashes only: a date and a time of day must not match).
        &|| {
            let (mut d, i) = take_digits(chars, at, 4)?;
            let i = chars.get(i).filter(|(_, c)| is_dash(*c)).map(|_| i + 1)?;
            let (m, i) = take_digits(chars, i, 2)?;
            let i = chars.get(i).filter(|(_, c)| is_dash(*c)).map(|_| i + 1)?;
            let (day, i) = take_digits(chars, i, 2)?;
            let (i, sep) = take_separator(chars, i, true)?;
            let (n, i) = take_digits(chars, i, 4)?;
            d.extend(m);
            d.extend(day);
            d.extend(n);
            Some((d, i, sep))
        },
        // YYYYMMDD-NNNN, YYYYMMDDNNNN, YYYYMMDD/NNNN.
        &|| date_then_number(take_digits(chars, at, 8), false),
        // CC YY MM DD-NN NN, CC YY MM DD NN NN.
        &|| date_then_number(take_pairs(chars, at, 4), true),
        // YY MM DD-NN NN, YY MM DD NN NN.
        &|| date_then_number(take_pairs(chars, at, 3), true),
        // YYMMDD-NNNN, YYMMDDNNNN, YYMMDD/NNNN.
        &|| date_then_number(take_digits(chars, at, 6), false),
    ];
    // Pairs of a longer list of pairs ("12 85 03 12 12 34 56") are not one.
    let in_list =
        |i: usize| i >= 2 && char_at(chars, i - 1).is_some_and(is_space) && digit_at(chars, i - 2);
    shapes.iter().enumerate().find_map(|(k, shape)| {
        let (digits, end, sep) = shape()?;
        let paired = k == 2 || k == 3;
        // Not part of a longer number: no digit right after (a letter may follow), and
        // not the year of a date that goes on ("2026-11-09-2026-11-15").
        let goes_on = char_at(chars, end).is_some_and(is_dash) && digit_at(chars, end + 1);
        let list_goes_on = paired
            && (in_list(at)
                || (char_at(chars, end).is_some_and(is_space) && digit_at(chars, end + 1)));
        if digit_at(chars, end) || goes_on || list_goes_on {
            return None;
        }
        let born = birth_date(&digits, sep == Sep::Plus, today)?;
        let last_four = &digits[digits.len() - 4..];
        let date_time = clock_like(last_four) && born >= today.get() - Duration::days(730);
        let marked = matches!(sep, Sep::Dash | Sep::Plus) && !date_time;
        let ten = &digits[digits.len() - 10..];
        (marked || luhn_ok(ten)).then_some(end)
    })
}

/// Byte spans of personnummer and samordningsnummer in `text`, in every shape people
/// type them (see [`personnummer_at`]); letters may touch them (`pnr811218-9876`).
fn personnummer_spans(text: &str, today: &Today) -> Vec<(usize, usize)> {
    // Ten digits at least, or there is none (most texts; every imported row passes here).
    if text.bytes().filter(u8::is_ascii_digit).count() < 10 {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].1.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_ascii_digit());
        if starts && let Some(end) = personnummer_at(&chars, i, today) {
            let byte_end = chars.get(end).map_or(text.len(), |(b, _)| *b);
            out.push((chars[i].0, byte_end));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the text before `at` lets a phone number start there: not a digit, not a
/// dash, dot or slash right after a digit (a longer number), and a letter only as the
/// end of a word (`ring0701234567`, `tel0701234567`), not a lone letter as in a police
/// case number (`K0123456-26`).
fn phone_may_start(chars: Chars, at: usize) -> bool {
    let Some(before) = at.checked_sub(1).and_then(|b| char_at(chars, b)) else {
        return true;
    };
    if before.is_ascii_digit() {
        return false;
    }
    if (is_dash(before) || before == '.' || before == '/' || before == '+')
        && at >= 2
        && digit_at(chars, at - 2)
    {
        return false;
    }
    if before.is_alphanumeric() {
        let letters = chars[..at]
            .iter()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .count();
        return letters >= 2;
    }
    true
}

/// A phone number's digits in groups, as read from one position.
struct PhoneRun {
    /// Digits of the number after a country code (`+46`, `0046`) or all of them.
    digits: Vec<u8>,
    /// How many digits each group has.
    groups: Vec<usize>,
    international: bool,
    dotted: bool,
    end: usize,
}

/// Reads the longest run of digit groups a phone number could be from `at`: an
/// optional `+46`/`0046` (and `(0)`), or an area code in parentheses, then groups
/// joined by one space, a dash (spaces around it allowed) or, all alike, dots.
fn phone_run(chars: Chars, at: usize) -> Option<PhoneRun> {
    let mut i = at;
    let mut digits = Vec::new();
    let mut groups = Vec::new();
    let mut international = false;
    let skip_spaces = |mut i: usize| {
        while char_at(chars, i).is_some_and(is_space) {
            i += 1;
        }
        i
    };
    let literal = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| char_at(chars, i + k) == Some(c))
    };
    if literal(i, "+46") || literal(i, "0046") {
        international = true;
        i += if literal(i, "+46") { 3 } else { 4 };
        i = skip_spaces(i);
        if char_at(chars, i).is_some_and(is_dash) {
            i = skip_spaces(i + 1);
        }
        if literal(i, "(0)") {
            i = skip_spaces(i + 3);
        }
    } else if char_at(chars, i) == Some('(') {
        let mut j = i + 1;
        while digit_at(chars, j) {
            digits.push(chars[j].1 as u8 - b'0');
            j += 1;
        }
        let area = j - i - 1;
        if !(2..=4).contains(&area) || char_at(chars, j) != Some(')') {
            return None;
        }
        groups.push(area);
        i = skip_spaces(j + 1);
        if char_at(chars, i).is_some_and(is_dash) {
            i = skip_spaces(i + 1);
        }
    }
    let mut dotted = None;
    let mut end = i;
    loop {
        let start = i;
        while digit_at(chars, i) {
            digits.push(chars[i].1 as u8 - b'0');
            i += 1;
        }
        if i == start {
            break;
        }
        groups.push(i - start);
        end = i;
        // The separator to the next group, if one follows.
        let next = match char_at(chars, i) {
            Some('.') if dotted != Some(false) => {
                dotted = Some(true);
                i + 1
            }
            Some(c) if dotted != Some(true) && (is_space(c) || is_dash(c)) => {
                dotted = Some(false);
                let j = skip_spaces(i);
                match char_at(chars, j) {
                    Some(d) if is_dash(d) => skip_spaces(j + 1),
                    _ if j == i + 1 => j,
                    _ => break,
                }
            }
            _ => break,
        };
        if !digit_at(chars, next) {
            break;
        }
        i = next;
    }
    (!groups.is_empty()).then_some(PhoneRun {
        digits,
        groups,
        international,
        dotted: dotted == Some(true),
        end,
    })
}

/// Whether a run is a Swedish phone number and not a date, a time span or a sum.
fn is_phone(run: &PhoneRun) -> bool {
    let d = &run.digits;
    let g = &run.groups;
    let number_ok = if run.international {
        // After +46 the trunk 0 is left out (`+46 70`) or, wrongly, typed (`+46 070`).
        let national = if d.first() == Some(&0) {
            &d[1..]
        } else {
            &d[..]
        };
        national.first().is_some_and(|&x| x != 0) && (7..=9).contains(&national.len())
    } else {
        // Swedish national numbers: 0 then a non-zero area code, 8 to 10 digits in all,
        // the area code at least two digits (`08`).
        d.first() == Some(&0)
            && d.get(1).is_some_and(|&x| x != 0)
            && (8..=10).contains(&d.len())
            && g[0] >= 2
    };
    // Groups after the first have two digits or more (`0 12 34 56 78` is a list).
    let groups_ok = g.iter().skip(1).all(|&n| n >= 2);
    let as_pairs = |k: usize| u32::from(d[k]) * 10 + u32::from(d[k + 1]);
    // 01-11-2026, 01.11.2026: a date, day first.
    let date = g.as_slice() == [2, 2, 4]
        && (1..=31).contains(&as_pairs(0))
        && (1..=12).contains(&as_pairs(2));
    // 0800-1700: a span of time.
    let times = g.as_slice() == [4, 4]
        && as_pairs(0) < 24
        && as_pairs(2) < 60
        && as_pairs(4) < 24
        && as_pairs(6) < 60;
    // 07.00.09.30: pairs with dots are times, not a number.
    let dotted_pairs = run.dotted && g.iter().all(|&n| n == 2);
    number_ok && groups_ok && !date && !times && !dotted_pairs
}

fn phone_spans(text: &str) -> Vec<(usize, usize)> {
    if text.bytes().filter(u8::is_ascii_digit).count() < 7 {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let may = (c.is_ascii_digit() || c == '+' || c == '(') && phone_may_start(&chars, i);
        let run = may.then(|| phone_run(&chars, i)).flatten();
        match run {
            Some(run) => {
                // A letter or digit right after: part of a word or a longer code.
                let bounded = !char_at(&chars, run.end).is_some_and(char::is_alphanumeric);
                if bounded && is_phone(&run) {
                    let byte_end = chars.get(run.end).map_or(text.len(), |(b, _)| *b);
                    out.push((chars[i].0, byte_end));
                }
                // The whole run is one number or none: no phone inside a longer one.
                i = run.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Finds personnummer and phone numbers without changing the text (a birth date must
/// not be after today by the system clock).
pub fn scan(text: &str) -> Found {
    scan_with(text, &Today::from_clock())
}

/// [`scan`] with the day a birth date must not pass.
pub fn scan_at(text: &str, today: NaiveDate) -> Found {
    scan_with(text, &Today::at(today))
}

fn scan_with(text: &str, today: &Today) -> Found {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Found::default();
    }
    // Phone numbers are looked for after personnummer are masked (a personnummer must
    // not also count as a phone number); with none, the text itself is searched, with
    // no masked copy made (every imported row passes here).
    if personnummer_spans(text, today).is_empty() {
        return Found {
            personnummer: 0,
            phone: phone_spans(text).len(),
        };
    }
    mask_with(text, today).1
}

/// Replaces personnummer and phone numbers with their masks (a birth date must not be
/// after today by the system clock).
pub fn mask(text: &str) -> (String, Found) {
    mask_with(text, &Today::from_clock())
}

/// [`mask`] with the day a birth date must not pass.
pub fn mask_at(text: &str, today: NaiveDate) -> (String, Found) {
    mask_with(text, &Today::at(today))
}

fn replace(text: &str, spans: &[(usize, usize)], with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (s, e) in spans {
        out.push_str(&text[last..*s]);
        out.push_str(with);
        last = *e;
    }
    out.push_str(&text[last..]);
    out
}

fn mask_with(text: &str, today: &Today) -> (String, Found) {
    let mut found = Found::default();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return (text.to_string(), found);
    }
    let pnr = personnummer_spans(text, today);
    found.personnummer = pnr.len();
    let after = replace(text, &pnr, PERSONNUMMER_MASK);
    let phones = phone_spans(&after);
    found.phone = phones.len();
    (replace(&after, &phones, PHONE_MASK), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day the tables are read on: fixed, so that no test changes with the clock.
    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default()
    }

    /// A shape with `?` for its check digit, filled in by Luhn over the nine digits
    /// before it (the century of a 12-digit form left out), so no sample is guessed.
    fn with_check(shape: &str) -> String {
        let Some((before, after)) = shape.split_once('?') else {
            return shape.to_string();
        };
        let digits: Vec<u8> = before
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let nine = &digits[digits.len() - 9..];
        let check = (0..=9u8)
            .find(|c| luhn_ok(&[nine, &[*c]].concat()))
            .unwrap_or(0);
        format!("{before}{check}{after}")
    }

    #[test]
    fn the_check_digit_helper_agrees_with_skatteverket() {
        assert_eq!(with_check("811218-987?"), "811218-9876");
        assert_eq!(with_check("19811218987?"), "198112189876");
        assert!(is_personnummer_text(&with_check("850312/123?")));
    }

    fn is_personnummer_text(text: &str) -> bool {
        scan_at(text, day()).personnummer == 1
    }

    /// Every shape people type a personnummer in: each must be masked, whole, and
    /// nothing else of the sentence. (811218-9876 is Skatteverket's example; `?` is a
    /// computed check digit; the others have valid check digits unless marked;
    /// 701063-2391 is a samordningsnummer.)
    const SHAPES: &[&str] = &[
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "811218+9876",
        "19811218 9876",
        "811218 9876",
        "811218\u{2013}9876",
        "811218\u{2011}9876",
        "811218\u{2212}9876",
        "811218\u{2014}9876",
        "811218 - 9876",
        "811218 \u{2013} 9876",
        "811218\u{00A0}-\u{00A0}9876",
        "811218\u{00A0}9876",
        "19811218\u{2013}9876",
        "1981-12-18-9876",
        "1981-12-18 - 9876",
        "1981\u{2013}12\u{2013}18\u{2013}9876",
        "pnr811218-9876",
        "Pnr:811218-9876",
        "811218-9876a",
        "(811218-9876)",
        "\"811218-9876\"",
        "811218-9875",
        "19811218-9875",
        "701063-2391",
        "7010632391",
        "19701063-2391",
        "850178-1234",
        "990690-456?",
        "640823-3234",
        "6408233234",
        "900101-1239",
        "200203045679",
        "020304-5679",
        "750228-4560",
        "121212-1212",
        "851130-1114",
        "990615-2229",
        "010101-0015",
        "450710-3457",
        "19450710-3457",
        "1945-07-10-3457",
        // A slash between date and number.
        "850312/123?",
        "19850312/123?",
        "850312 / 123?",
        // Digits in pairs.
        "85 03 12 12 3?",
        "85 03 12-12 3?",
        "85 03 12 - 12 3?",
        "85 03 12-123?",
        "19 85 03 12-12 3?",
        "19 85 03 12 12 3?",
        "20 01 02 03-12 3?",
        // Dashes a word processor types.
        "850312\u{2013}123?",
        "850312\u{2014}123?",
        "19850312\u{2013}123?",
        "850312 \u{2013} 123?",
        // Glued to words.
        "pnr850312-123?",
        "personnr:19850312123?",
        "personnr: 19850312-123?",
        "Personnummer:850312123?",
        "pnr:85 03 12-12 3?",
        // Recent births, in every century form.
        "20240101-123?",
        "240101-123?",
        "201203-123?",
        // A clock-like tail on an old date is still a person.
        "19850312-153?",
        "850312-1530",
        // A 10-digit date after today is the century before (born 1927).
        "270101-123?",
        "270101+123?",
    ];

    #[test]
    fn personnummer_in_every_shape_people_type() {
        assert!(SHAPES.len() >= 70);
        for shape in SHAPES {
            let shape = with_check(shape);
            let text = format!("Pojke {shape} sågs vid torget.");
            let (masked, found) = mask_at(&text, day());
            assert_eq!(found.personnummer, 1, "{shape:?}: {masked}");
            assert_eq!(found.phone, 0, "{shape:?}: {masked}");
            assert!(
                masked.starts_with("Pojke ") && masked.ends_with(" sågs vid torget."),
                "{shape:?}: {masked}"
            );
            assert!(masked.contains(PERSONNUMMER_MASK), "{shape:?}: {masked}");
            assert!(
                !masked.chars().any(|c| c.is_ascii_digit()),
                "{shape:?}: {masked}"
            );
            assert_eq!(scan_at(&text, day()), found, "{shape:?}");
        }
    }

    /// What looks like one and is not: dates, times, phone numbers, order numbers,
    /// sums, postcodes, bare digits with a wrong check digit, births after today.
    const LOOK_ALIKES: &[&str] = &[
        "2026-11-18",
        "20261118",
        "2026-11-18 1830",
        "2026-11-18 18.30",
        "18/11/2026",
        "18.11.2026 kl 21.30",
        "8112189875",
        "198112189875",
        "Order 1234567890",
        "ordernr 4711-2026",
        "811318-9876",
        "811200-9876",
        "19811218-98765",
        "8112189876543",
        "21811218-9876",
        "år 2026, 12 st",
        "070-123 45 67",
        "0701234567",
        "+46 70 123 45 67",
        "08-123 456 78",
        "postnr 702 10",
        "Summa 1 234 567 kr",
        "1234567,50 kr",
        "123 456 789",
        "kl. 07.00-09.30",
        "v. 47 2026",
        "2026-W47",
        "ISBN 978-91-0-012345-6",
        "bil ABC 123",
        "fakturanr 20261118-01",
        "12 personer, 3 bilar",
        "vecka 46 (2026-11-09 – 2026-11-15)",
        "2026-11-09-2026-11-15",
        "2026-11-09 - 2026-11-15",
        "0,5 promille",
        "1981",
        "811218",
        "9876",
        "lgh 1101, trappa 2",
        "orgnr 556677-8899",
        "556036-0793",
        "ärende 2026-1234",
        "dnr KS 2026/123",
        "tel 0046 70 123 45 67",
        // Born after today, even with a valid check digit.
        "20270101-123?",
        "202701011234?",
        "2027-01-01-123?",
        // A date and a time, not a birth.
        "20261123-1530",
        "20261123 1530",
        "261123-1530",
        "20261204-0800",
        "2026-11-23-1530",
        // A day no calendar has.
        "850230-123?",
        "19850230-123?",
        "850431-123?",
        "990691-456?",
        // Pairs in a longer list of pairs.
        "12 85 03 12 12 3? 56",
    ];

    #[test]
    fn look_alikes_stay() {
        assert!(LOOK_ALIKES.len() >= 55);
        for text in LOOK_ALIKES {
            let text = &with_check(text);
            let found = scan_at(text, day());
            assert_eq!(found.personnummer, 0, "{text:?}");
            if found.phone == 0 {
                assert_eq!(mask_at(text, day()).0, *text, "{text:?}");
            }
        }
    }

    /// Texts with no personal data at all, some of them very like it: nothing of them
    /// may be masked, neither as a personnummer nor as a phone number.
    const NOT_PERSONAL: &[&str] = &[
        // Dates and date-times.
        "2026-11-23",
        "23/11/2026",
        "23.11.2026",
        "01-11-2026",
        "01.11.2026",
        "01 11 2026",
        "2026-11-23 15:30",
        "2026-11-23 kl. 15.30",
        "20261123-1530",
        "20261123 15:30",
        "23/11/2026 15:30",
        "måndag 2026-11-23 08:00-16:00",
        // Police case numbers.
        "5000-K123456-26",
        "K123456-26",
        "0500-K1234567-24",
        "ärende 5000-K0123456-26",
        "K0123456-26",
        "polisens nr 0500-K1234567-24.",
        // Order, invoice and register numbers.
        "Order 1234567890",
        "ordernr 4711-2026",
        "fakturanr 20261118-01",
        "orgnr 556677-8899",
        "dnr KS 2026/123",
        "ärende 2026-1234",
        "artikel 123-456-789",
        // Amounts.
        "12 500 kr",
        "Summa 1 234 567 kr",
        "1234567,50 kr",
        "kostnad 250 000 kr",
        // Postcodes, addresses and counts.
        "postnr 702 10",
        "702 10 Örebro",
        "Storgatan 12, 702 10 Örebro",
        "lgh 1101, trappa 2",
        "12 personer, 3 bilar",
        "0 1 2 3 4 5 6 7 8 9",
        // Clock times and spans of time.
        "kl. 07.00-09.30",
        "kl 0700-0930",
        "0800-1700",
        "08.00 - 17.00",
        "07.00.09.30",
        "kl 22-02",
        // Weeks, years and versions.
        "v. 47 2026",
        "2026-W47",
        "vecka 46 (2026-11-09 – 2026-11-15)",
        "ISBN 978-91-0-012345-6",
        "version 0.12.3",
    ];

    #[test]
    fn nothing_personal_is_masked() {
        assert!(NOT_PERSONAL.len() >= 45);
        for text in NOT_PERSONAL {
            let found = scan_at(text, day());
            assert!(!found.any(), "{text:?}: {found:?}");
            assert_eq!(mask_at(text, day()).0, *text, "{text:?}");
        }
    }

    /// Phone numbers as people type them, each masked whole: (the text, what the
    /// mask makes of it).
    const PHONES: &[(&str, &str)] = &[
        ("070-123 45 67", "[telefon]"),
        ("0701234567", "[telefon]"),
        ("+46 70 123 45 67", "[telefon]"),
        ("+46701234567", "[telefon]"),
        ("08-123 456 78", "[telefon]"),
        ("019-12 34 56", "[telefon]"),
        ("0046 70 123 45 67", "[telefon]"),
        // Parentheses.
        ("(08) 123 45 67", "[telefon]"),
        ("(070) 123 45 67", "[telefon]"),
        ("(0480) 123 45", "[telefon]"),
        ("(08)-123 45 67", "[telefon]"),
        ("+46 (0)70 123 45 67", "[telefon]"),
        ("+46 (0)8 123 456 78", "[telefon]"),
        ("+46(0)701234567", "[telefon]"),
        // Dots.
        ("070.123.45.67", "[telefon]"),
        ("08.123.456.78", "[telefon]"),
        // Dashes a word processor types.
        ("070\u{2013}123 45 67", "[telefon]"),
        ("070 \u{2013} 123 45 67", "[telefon]"),
        ("070\u{2014}1234567", "[telefon]"),
        ("08\u{2013}12 34 56", "[telefon]"),
        ("070-123\u{00A0}45\u{00A0}67", "[telefon]"),
        // Glued to words.
        ("ring0701234567", "ring[telefon]"),
        ("tel:070-1234567", "tel:[telefon]"),
        ("tel.070-123 45 67", "tel.[telefon]"),
        ("mobil:+46701234567", "mobil:[telefon]"),
        ("Tfn0812345678", "Tfn[telefon]"),
    ];

    #[test]
    fn phone_numbers() {
        assert!(PHONES.len() >= 25);
        for (s, expected) in PHONES {
            let (m, f) = mask_at(&format!("Ring {s} imorgon"), day());
            assert_eq!((f.personnummer, f.phone), (0, 1), "{s}: {m}");
            assert_eq!(m, format!("Ring {expected} imorgon"), "{s}");
        }
        for s in [
            "2026-11-18",
            "kl 21.30",
            "3 personer",
            "postnr 702 10",
            "id 0012",
        ] {
            assert_eq!(scan_at(s, day()).phone, 0, "{s}");
        }
    }

    #[test]
    fn both_in_one_text() {
        let (m, f) = mask_at("Anmälare 19811218-9876, tel 070-123 45 67.", day());
        assert_eq!(m, "Anmälare [personnummer], tel [telefon].");
        assert_eq!((f.personnummer, f.phone), (1, 1));
        let text = with_check("pnr850312/123? ring(070) 123 45 67 kl 15.30 2026-11-23");
        let (m, f) = mask_at(&text, day());
        assert_eq!(m, "pnr[personnummer] ring[telefon] kl 15.30 2026-11-23");
        assert_eq!((f.personnummer, f.phone), (1, 1));
        assert!(!scan("Inget här").any());
    }

    /// A birth date is judged against the day given: the same digits are a person once
    /// that day has come, and `scan` and `mask` take today from the clock.
    #[test]
    fn a_birth_date_is_not_in_the_future() {
        let text = with_check("barn 20261201-123?");
        let before = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        assert_eq!(scan_at(&text, before).personnummer, 0);
        assert_eq!(scan_at(&text, day()).personnummer, 1);
        assert_eq!(mask_at(&text, day()).0, "barn [personnummer]");
        let now = with_check("19850312-123?");
        assert_eq!(scan(&now), scan_at(&now, today()));
        assert_eq!(mask(&now), mask_at(&now, today()));
    }

    /// Masking leaves nothing to find, and masking again changes nothing.
    #[test]
    fn masking_is_complete_and_stable() {
        let all: Vec<String> = SHAPES
            .iter()
            .chain(LOOK_ALIKES)
            .chain(NOT_PERSONAL)
            .map(|s| with_check(s))
            .chain(PHONES.iter().map(|(s, _)| s.to_string()))
            .collect();
        for text in &all {
            let (masked, _) = mask_at(text, day());
            assert!(!scan_at(&masked, day()).any(), "{text:?}: {masked}");
            assert_eq!(mask_at(&masked, day()).0, masked, "{text:?}");
        }
    }
}
