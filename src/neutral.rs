//! Formula neutralising of spreadsheet cells, shared by the exports (which add it) and
//! the importer (which takes it off again): a leaf both depend on.
//!
//! Any cell that begins with `=`, `+`, `-`, `@`, tab or CR would be taken for a formula
//! by a spreadsheet (CSV injection); it gets one more leading `'`. The rule is exactly
//! reversible ([`unneutralize`]).

fn trigger(b: u8) -> bool {
    matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

/// Leading quotes, then a formula trigger: such a cell needs (or carries) protection.
fn protected_shape(s: &str) -> Option<usize> {
    let quotes = s.bytes().take_while(|b| *b == b'\'').count();
    s.as_bytes()
        .get(quotes)
        .filter(|b| trigger(**b))
        .map(|_| quotes)
}

/// A plain number (`-1`, `+3`, `6,0`, `-0.5`): a spreadsheet reads it as a number, never
/// as a formula, so it is written as it is (a change of −1 stays `-1`, not `'-1`).
fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once([',', '.']).unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Makes a cell safe to open in a spreadsheet: one more leading `'` on any cell of the
/// form `'*[=+-@\t\r]…` that is not a plain number.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if is_number(cell) {
        return cell.into();
    }
    match protected_shape(cell) {
        Some(_) => format!("'{cell}").into(),
        None => cell.into(),
    }
}

/// The exact reverse of [`neutralize`]: one leading `'` fewer on a cell of the form
/// `'+[=+-@\t\r]…`.
pub fn unneutralize(cell: &str) -> &str {
    match protected_shape(cell) {
        Some(q) if q > 0 => &cell[1..],
        _ => cell,
    }
}

/// Whether a cell would change under [`unneutralize`] (a cheap first-byte test).
pub fn is_neutralized(cell: &str) -> bool {
    cell.starts_with('\'') && protected_shape(cell).is_some_and(|q| q > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralizing_is_exactly_reversible() {
        for cell in [
            "=SUM(A1)", "+46 70", "-5", "@x", "\tx", "\rx", "'=x", "''+x", "'plain", "plain", "",
            "a=b", "'", "''",
        ] {
            let safe = neutralize(cell);
            assert_eq!(unneutralize(&safe), cell, "{cell:?}");
            assert!(
                !safe.starts_with(['=', '+', '-', '@', '\t', '\r']) || is_number(&safe),
                "{safe:?}"
            );
        }
        assert_eq!(neutralize("=1+1"), "'=1+1");
        // Numbers stay numbers: a change of −1 is -1 in the file.
        for n in ["-1", "+3", "-0,5", "6,0", "12"] {
            assert_eq!(neutralize(n), n);
        }
        for text in ["-5 grader", "+46 70 123 45 67", "-", "+", "-,5", "1-2"] {
            assert!(
                neutralize(text).starts_with('\'') || !text.starts_with(['-', '+']),
                "{text}"
            );
        }
        assert_eq!(neutralize("Stöld"), "Stöld");
        assert_eq!(
            unneutralize("'plain"),
            "'plain",
            "a quote before plain text is the user's"
        );
    }
}
