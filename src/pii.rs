//! Personal data in free text: Swedish personal identity numbers and phone numbers.
//!
//! Partners paste case notes into the description column, sometimes with a
//! personnummer or a phone number. Navet finds them before anything is stored and,
//! by default, masks them as `[personnummer]` and `[telefon]`. A personnummer is
//! 10 or 12 digits (`YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYYYMMDDNNNN`, …) with a valid
//! date (day + 60 for a samordningsnummer) and a valid Luhn check digit, so dates,
//! order numbers and phone numbers are not taken for one.

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

/// The 10-digit form of 10 or 12 digits whose date is a possible birth date (day + 60
/// for a samordningsnummer; a 12-digit one born 1800–2099).
fn ten_digits(digits: &[u8]) -> Option<&[u8]> {
    let ten = match digits.len() {
        10 => digits,
        12 => {
            let century = u32::from(digits[0]) * 10 + u32::from(digits[1]);
            if !(18..=20).contains(&century) {
                return None;
            }
            &digits[2..]
        }
        _ => return None,
    };
    let month = u32::from(ten[2]) * 10 + u32::from(ten[3]);
    let mut day = u32::from(ten[4]) * 10 + u32::from(ten[5]);
    if day > 60 {
        day -= 60;
    }
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(ten)
}

/// Whether the digits carry a possible date (see [`ten_digits`]).
fn date_ok(digits: &[u8]) -> bool {
    ten_digits(digits).is_some()
}

/// Whether these digits (10 or 12) form a valid personnummer or samordningsnummer:
/// a possible date and a valid Luhn check digit.
fn is_personnummer(digits: &[u8]) -> bool {
    ten_digits(digits).is_some_and(luhn_ok)
}

/// A candidate span: start and end byte offsets and its digits.
struct Span {
    start: usize,
    end: usize,
    digits: Vec<u8>,
}

/// Runs of digits with at most the separators a number of this kind may hold.
fn digit_runs(text: &str, separators: &[u8]) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_plus = b[i] == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || starts_plus) || (i > 0 && (b[i - 1].is_ascii_alphanumeric()))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::new();
        let mut end = i;
        let mut j = i;
        if starts_plus {
            j += 1;
        }
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits.push(b[j] - b'0');
                j += 1;
                end = j;
            } else if separators.contains(&b[j])
                && b.get(j + 1)
                    .is_some_and(|c| c.is_ascii_digit() || separators.contains(c))
            {
                j += 1;
            } else {
                break;
            }
        }
        let bounded = end >= b.len() || !b[end].is_ascii_alphanumeric();
        if bounded {
            out.push(Span { start, end, digits });
        }
        i = end.max(i + 1);
    }
    out
}

/// Characters people put between a personnummer's date and its last four digits:
/// the hyphen and plus, and what word processors and phones type instead (en and em
/// dash, minus sign, non-breaking and figure hyphens).
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '+' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Spaces, breaking or not, that may stand around (or instead of) that separator.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\t')
}

/// `count` digits from `at`; their values and the index after them.
fn take_digits(chars: &[(usize, char)], at: usize, count: usize) -> Option<(Vec<u8>, usize)> {
    let run = chars.get(at..at + count)?;
    run.iter().all(|(_, c)| c.is_ascii_digit()).then(|| {
        (
            run.iter().map(|(_, c)| *c as u8 - b'0').collect(),
            at + count,
        )
    })
}

/// One separator between date and number: a dash (spaces around it allowed), or a
/// single space; `dash_only` refuses the space. Returns the index after it and
/// whether it was a dash.
fn take_separator(chars: &[(usize, char)], at: usize, dash_only: bool) -> Option<(usize, bool)> {
    let mut i = at;
    let mut spaces = 0;
    while chars.get(i).is_some_and(|(_, c)| is_space(*c)) {
        i += 1;
        spaces += 1;
    }
    if chars.get(i).is_some_and(|(_, c)| is_dash(*c)) {
        i += 1;
        while chars.get(i).is_some_and(|(_, c)| is_space(*c)) {
            i += 1;
        }
        return Some((i, true));
    }
    (!dash_only && spaces == 1).then_some((i, false))
}

/// The shapes a personnummer is typed in, tried at one position: YYMMDD-NNNN,
/// YYYYMMDD-NNNN, YYYY-MM-DD-NNNN, each with any separator above or none. Returns the
/// index after the match. Written with a dash, the personnummer form itself says what
/// it is, so a valid date is enough (a mistyped check digit still points at a person);
/// bare digits, or a space, must also pass the Luhn check, as order numbers and sums
/// come that way.
fn personnummer_at(chars: &[(usize, char)], at: usize) -> Option<usize> {
    let four = |from: usize| take_digits(chars, from, 4);
    type Shape<'a> = &'a dyn Fn() -> Option<(Vec<u8>, usize, bool)>;
    let shapes: [Shape; 3] = [
        // YYYY-MM-DD-NNNN (dashes only: a date and a time of day must not match).
        &|| {
            let (mut d, i) = take_digits(chars, at, 4)?;
            let i = chars.get(i).filter(|(_, c)| is_dash(*c)).map(|_| i + 1)?;
            let (m, i) = take_digits(chars, i, 2)?;
            let i = chars.get(i).filter(|(_, c)| is_dash(*c)).map(|_| i + 1)?;
            let (day, i) = take_digits(chars, i, 2)?;
            let (i, _) = take_separator(chars, i, true)?;
            let (n, i) = four(i)?;
            d.extend(m);
            d.extend(day);
            d.extend(n);
            Some((d, i, true))
        },
        // YYYYMMDD-NNNN, YYYYMMDDNNNN.
        &|| {
            let (mut d, i) = take_digits(chars, at, 8)?;
            let (i, dash) = take_separator(chars, i, false).unwrap_or((i, false));
            let (n, i) = four(i)?;
            d.extend(n);
            Some((d, i, dash))
        },
        // YYMMDD-NNNN, YYMMDDNNNN.
        &|| {
            let (mut d, i) = take_digits(chars, at, 6)?;
            let (i, dash) = take_separator(chars, i, false).unwrap_or((i, false));
            let (n, i) = four(i)?;
            d.extend(n);
            Some((d, i, dash))
        },
    ];
    shapes.iter().find_map(|shape| {
        let (digits, end, dash) = shape()?;
        // Not part of a longer number: no digit right after (a letter may follow), and
        // not the year of a date that goes on ("2026-11-09-2026-11-15").
        let next_is_digit = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit());
        let goes_on = chars.get(end).is_some_and(|(_, c)| is_dash(*c)) && next_is_digit(end + 1);
        let bounded = !next_is_digit(end) && !goes_on;
        let valid = if dash {
            date_ok(&digits)
        } else {
            is_personnummer(&digits)
        };
        (bounded && valid).then_some(end)
    })
}

/// Byte spans of personnummer and samordningsnummer in `text`, in every shape people
/// type them (see [`personnummer_at`]); letters may touch them (`pnr811218-9876`).
fn personnummer_spans(text: &str) -> Vec<(usize, usize)> {
    // Ten digits at least, or there is none (most texts; every imported row passes here).
    if text.bytes().filter(u8::is_ascii_digit).count() < 10 {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].1.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_ascii_digit());
        if starts && let Some(end) = personnummer_at(&chars, i) {
            let byte_end = chars.get(end).map_or(text.len(), |(b, _)| *b);
            out.push((chars[i].0, byte_end));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn phone_spans(text: &str) -> Vec<(usize, usize)> {
    digit_runs(text, b"- ")
        .into_iter()
        .filter_map(|s| {
            let raw = &text[s.start..s.end];
            let d = &s.digits;
            let ok = if raw.starts_with("+46") || raw.starts_with("0046") {
                let national = if raw.starts_with('+') {
                    d.len() - 2
                } else {
                    d.len() - 4
                };
                (7..=10).contains(&national)
            } else {
                // Swedish national numbers: 0 then a non-zero area code, 8 to 10 digits in all.
                d.first() == Some(&0)
                    && d.get(1).is_some_and(|&x| x != 0)
                    && (8..=10).contains(&d.len())
            };
            // Dates written with dashes (2026-11-18) never start with 0, so they are not caught.
            ok.then_some((s.start, s.end))
        })
        .collect()
}

/// Finds personnummer and phone numbers without changing the text.
pub fn scan(text: &str) -> Found {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Found::default();
    }
    // Phone numbers are looked for after personnummer are masked (a personnummer must
    // not also count as a phone number); with none, the text itself is searched, with
    // no masked copy made (every imported row passes here).
    if personnummer_spans(text).is_empty() {
        return Found {
            personnummer: 0,
            phone: phone_spans(text).len(),
        };
    }
    mask(text).1
}

/// Replaces personnummer and phone numbers with their masks.
pub fn mask(text: &str) -> (String, Found) {
    let mut found = Found::default();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return (text.to_string(), found);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let pnr = personnummer_spans(text);
    found.personnummer = pnr.len();
    for (s, e) in &pnr {
        out.push_str(&text[last..*s]);
        out.push_str(PERSONNUMMER_MASK);
        last = *e;
    }
    out.push_str(&text[last..]);
    let after = out;
    let phones = phone_spans(&after);
    found.phone = phones.len();
    let mut out = String::with_capacity(after.len());
    let mut last = 0;
    for (s, e) in &phones {
        out.push_str(&after[last..*s]);
        out.push_str(PHONE_MASK);
        last = *e;
    }
    out.push_str(&after[last..]);
    (out, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shape people type a personnummer in: each must be masked, whole, and
    /// nothing else of the sentence. (811218-9876 is Skatteverket's example; the others
    /// have valid check digits unless marked; 701063-2391 is a samordningsnummer.)
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
        "990691-4560",
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
    ];

    #[test]
    fn personnummer_in_every_shape_people_type() {
        assert!(SHAPES.len() >= 40);
        for shape in SHAPES {
            let (masked, found) = mask(&format!("Pojke {shape} sågs vid torget."));
            assert_eq!(found.personnummer, 1, "{shape:?}: {masked}");
            assert!(
                masked.starts_with("Pojke ") && masked.ends_with(" sågs vid torget."),
                "{shape:?}: {masked}"
            );
            assert!(masked.contains(PERSONNUMMER_MASK), "{shape:?}: {masked}");
            assert!(
                !masked.contains("9876") && !masked.contains("811218"),
                "{masked}"
            );
        }
    }

    /// What looks like one and is not: dates, times, phone numbers, order numbers,
    /// sums, postcodes, bare digits with a wrong check digit.
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
    ];

    #[test]
    fn look_alikes_stay() {
        assert!(LOOK_ALIKES.len() >= 40);
        for text in LOOK_ALIKES {
            let found = scan(text);
            assert_eq!(found.personnummer, 0, "{text:?}");
            if found.phone == 0 {
                assert_eq!(mask(text).0, *text, "{text:?}");
            }
        }
    }

    #[test]
    fn phone_numbers() {
        for s in [
            "070-123 45 67",
            "0701234567",
            "+46 70 123 45 67",
            "+46701234567",
            "08-123 456 78",
            "019-12 34 56",
        ] {
            let (m, f) = mask(&format!("Ring {s} imorgon"));
            assert_eq!(f.phone, 1, "{s}: {m}");
            assert_eq!(m, "Ring [telefon] imorgon", "{s}");
        }
        for s in [
            "2026-11-18",
            "kl 21.30",
            "3 personer",
            "postnr 702 10",
            "id 0012",
        ] {
            assert_eq!(scan(s).phone, 0, "{s}");
        }
    }

    #[test]
    fn both_in_one_text() {
        let (m, f) = mask("Anmälare 19811218-9876, tel 070-123 45 67.");
        assert_eq!(m, "Anmälare [personnummer], tel [telefon].");
        assert_eq!((f.personnummer, f.phone), (1, 1));
        assert!(!scan("Inget här").any());
    }
}
