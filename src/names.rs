//! Names as users type them: normalisation for lookups, and "did you mean" suggestions.
//!
//! SQLite's NOCASE folds only ASCII, so "Östra torget" and "östra torget" would differ;
//! every name therefore gets a key made here (Unicode lower case, whitespace collapsed)
//! and the key is what is unique and what lookups compare.

/// The word a value is stored and shown as: its serde name ("pågående", "operativ",
/// "tydlig förbättring"), the one spelling of every such choice.
pub fn word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The lookup key of a name: trimmed, inner whitespace collapsed to one space, lower case.
/// Text as it may be stored and exported: no control characters but the line break and
/// the tab (a NUL pasted into a form would make Navet's own CSV unreadable to its own
/// import, and to Excel), line breaks as `\n`.
pub fn clean_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Appends the key of `name` to `out`: the same bytes as [`key`], without a new
/// string per call (the duplicate key hashes three of these for each imported row).
pub fn key_into(name: &str, out: &mut Vec<u8>) {
    let mut first = true;
    let mut buf = [0u8; 4];
    for word in name.split_whitespace() {
        if !first {
            out.push(b' ');
        }
        first = false;
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// A display name: trimmed with inner whitespace collapsed, case kept.
pub fn clean(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Up to `max` candidates closest to `wanted`, best first, good enough to suggest.
///
/// Scores with Jaro-Winkler on the keys (kind to typos at the end and to prefixes),
/// and also accepts a candidate that contains the wanted text or vice versa.
pub fn suggest<'a, I>(wanted: &str, candidates: I, max: usize) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted_key = key(wanted);
    if wanted_key.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, String)> = candidates
        .into_iter()
        .filter_map(|c| {
            let ck = key(c);
            let mut score = strsim::jaro_winkler(&wanted_key, &ck);
            if ck.contains(&wanted_key) || wanted_key.contains(&ck) {
                score = score.max(0.9);
            }
            (score >= 0.86).then(|| (score, c.to_string()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_folds_swedish_letters_and_whitespace() {
        assert_eq!(key("  Östra   Torget "), "östra torget");
        assert_eq!(key("ÅÄÖ"), key("åäö"));
    }

    #[test]
    fn key_into_feeds_the_same_bytes_as_key() {
        for s in ["  Östra   Torget ", "ABC def", "", "Ärende 12: Åby–Öby"] {
            let mut out = Vec::new();
            key_into(s, &mut out);
            assert_eq!(out, key(s).into_bytes(), "{s}");
        }
    }

    #[test]
    fn suggests_close_names_first() {
        let names = ["Stortorget", "Storgatan", "Järnvägsstationen", "Parken"];
        let s = suggest("stortorgt", names, 3);
        assert_eq!(s.first().map(String::as_str), Some("Stortorget"));
        assert!(!s.contains(&"Parken".to_string()));
    }

    #[test]
    fn suggests_nothing_for_nonsense() {
        assert!(suggest("qqqqqq", ["Stortorget", "Parken"], 3).is_empty());
        assert!(suggest("   ", ["Stortorget"], 3).is_empty());
    }
}
