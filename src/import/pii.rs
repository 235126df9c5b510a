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

/// Whether these digits (10 or 12) form a valid personnummer or samordningsnummer.
fn is_personnummer(digits: &[u8]) -> bool {
    let ten = match digits.len() {
        10 => digits,
        12 => {
            let century = u32::from(digits[0]) * 10 + u32::from(digits[1]);
            if !(18..=20).contains(&century) {
                return false;
            }
            &digits[2..]
        }
        _ => return false,
    };
    let month = u32::from(ten[2]) * 10 + u32::from(ten[3]);
    let mut day = u32::from(ten[4]) * 10 + u32::from(ten[5]);
    if day > 60 {
        day -= 60;
    }
    (1..=12).contains(&month) && (1..=31).contains(&day) && luhn_ok(ten)
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

fn personnummer_spans(text: &str) -> Vec<(usize, usize)> {
    digit_runs(text, b"-+ ")
        .into_iter()
        .filter(|s| !text[s.start..s.end].starts_with('+'))
        .filter_map(|s| {
            let raw = &text[s.start..s.end];
            let seps = raw.bytes().filter(|b| !b.is_ascii_digit()).count();
            // At most one separator, and only before the last four digits.
            let shape_ok = match seps {
                0 => true,
                1 => {
                    let pos = raw.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(0);
                    raw.len() - pos - 1 == 4
                }
                _ => false,
            };
            (shape_ok && is_personnummer(&s.digits)).then_some((s.start, s.end))
        })
        .collect()
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

    #[test]
    fn personnummer_in_every_format() {
        // 811218-9876 is the Skatteverket example number (valid Luhn).
        for s in [
            "811218-9876",
            "8112189876",
            "19811218-9876",
            "198112189876",
            "811218+9876",
            "19811218 9876",
        ] {
            let (m, f) = mask(&format!("Pojke {s} sågs vid torget."));
            assert_eq!(f.personnummer, 1, "{s}");
            assert_eq!(m, "Pojke [personnummer] sågs vid torget.", "{s}");
        }
        // Samordningsnummer: day + 60 (701063-2391 is a valid test number).
        assert_eq!(scan("samordningsnr 701063-2391").personnummer, 1);
    }

    #[test]
    fn dates_order_numbers_and_bad_checksums_are_not_personnummer() {
        for s in [
            "2026-11-18",
            "20261118",
            "811218-9875",
            "Order 1234567890",
            "811318-9876",
            "19811218-98765",
            "år 2026, 12 st",
        ] {
            assert_eq!(scan(s).personnummer, 0, "{s}");
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
