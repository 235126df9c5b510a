//! Sniffing a text file: its encoding, its delimiter, and a `sep=` directive.
//!
//! Swedish Excel writes "CSV (semikolonavgränsad)" in Windows-1252, or UTF-8 with a
//! BOM; other systems write UTF-8, tabs or pipes; a few write UTF-16 with a BOM.
//! What cannot be read for sure (UTF-32, NUL bytes, a delimiter tie) is refused
//! with a message rather than guessed.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::{Error, Result};
use crate::messages::{Message, Refusal};

/// What the sniffer found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextDialect {
    pub encoding: &'static Encoding,
    /// Bytes of BOM to skip.
    pub bom: usize,
    pub delimiter: u8,
    /// The file starts with a `sep=X` line (Excel's directive), to skip.
    pub sep_line: bool,
}

impl TextDialect {
    /// The encoding's name as the preview shows it.
    pub fn encoding_label(&self) -> String {
        match (self.encoding.name(), self.bom) {
            ("UTF-8", 3) => "UTF-8 med BOM".to_string(),
            (name @ ("UTF-16LE" | "UTF-16BE"), 0) => format!("{name} utan BOM"),
            ("windows-1252", _) => "Windows-1252".to_string(),
            (name, _) => name.to_string(),
        }
    }

    pub fn delimiter_label(&self) -> String {
        match self.delimiter {
            b'\t' => crate::messages::delimiter_name(b'\t'),
            b';' | b',' | b'|' | b'^' | b'=' | b':' => (self.delimiter as char).to_string(),
            other => format!("0x{other:02X}"),
        }
    }
}

/// How much of the file the delimiter and header sniffing look at.
pub const SAMPLE: usize = 64 * 1024;

fn refuse(file: &str, reason: Refusal) -> Error {
    Message::ImportRefused {
        file: file.to_string(),
        reason,
    }
    .into()
}

/// Decides the encoding from the BOM and the bytes: a file is UTF-8 only if all of
/// it is valid UTF-8, otherwise Windows-1252 (which decodes every byte). Also
/// refuses a file with an odd number of quote characters: a quote that never closes
/// would swallow every row after it into one cell.
pub fn sniff_encoding(file: &str, reader: &mut dyn Read) -> Result<(&'static Encoding, usize)> {
    let mut head = vec![0u8; 8192];
    let mut got = 0;
    while got < head.len() {
        let n = reader
            .read(&mut head[got..])
            .map_err(|e| Error::io(file, e))?;
        if n == 0 {
            break;
        }
        got += n;
    }
    head.truncate(got);
    if head.starts_with(&[0xFF, 0xFE, 0, 0]) || head.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(refuse(file, Refusal::Utf32));
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return Ok((UTF_16LE, 2));
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Ok((UTF_16BE, 2));
    }
    if let Some(encoding) = utf16_without_bom(&head) {
        return Ok((encoding, 0));
    }
    if head.contains(&0) {
        return Err(refuse(file, Refusal::NulBytes));
    }
    let bom = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    // Stream the whole file once: UTF-8 validity (carrying a split character across
    // chunks). Quotes are checked once the delimiter is known (see `QuoteCheck`).
    let mut utf8 = true;
    let mut carry: Vec<u8> = Vec::new();
    let mut chunk = head;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        if utf8 {
            carry.extend_from_slice(&chunk);
            match std::str::from_utf8(&carry) {
                Ok(_) => carry.clear(),
                Err(e) if e.error_len().is_none() => {
                    carry = carry.split_off(e.valid_up_to());
                }
                Err(_) => utf8 = false,
            }
        }
        let n = reader.read(&mut buf).map_err(|e| Error::io(file, e))?;
        if n == 0 {
            break;
        }
        chunk.clear();
        chunk.extend_from_slice(&buf[..n]);
    }
    if utf8 && carry.is_empty() {
        return Ok((UTF_8, bom));
    }
    if bom == 3 {
        return Err(refuse(file, Refusal::InvalidUtf8));
    }
    Ok((WINDOWS_1252, 0))
}

/// UTF-16 written without a byte-order mark (some exports of "Unicode text"): text of
/// mostly Latin letters then has a NUL in every other byte, on the high side of each
/// character. Read as UTF-16 when at least nine in ten characters of the head have a
/// NUL high byte and at most one in ten a NUL low byte; anything else with NUL bytes is
/// no text file.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut nul_even, mut nul_odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        nul_even += usize::from(pair[0] == 0);
        nul_odd += usize::from(pair[1] == 0);
    }
    let most = |n: usize| n * 10 >= pairs * 9;
    let few = |n: usize| n * 10 <= pairs;
    if most(nul_odd) && few(nul_even) {
        Some(UTF_16LE)
    } else if most(nul_even) && few(nul_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether a quoted field is left open at the end of the file, by Excel's rule: a
/// quote opens a quoted field only as the first character of a field; inside one, `""`
/// is a quote and `"` closes it; anywhere else a quote is just a character (`Skärm 24"
/// trasig`, an inch mark). Fed the text in chunks; it jumps from quote to quote, so a
/// file is checked at memchr's speed.
#[derive(Debug, Clone, Copy)]
pub struct QuoteCheck {
    delimiter: u8,
    /// The byte before the next one outside quotes (`\n` at the start of the file).
    prev: u8,
    in_quotes: bool,
    /// Inside a quoted field, the last byte was a quote (an escape or the end).
    quote_seen: bool,
}

impl QuoteCheck {
    pub fn new(delimiter: u8) -> QuoteCheck {
        QuoteCheck {
            delimiter,
            prev: b'\n',
            in_quotes: false,
            quote_seen: false,
        }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            if self.in_quotes {
                if self.quote_seen {
                    self.quote_seen = false;
                    if bytes[i] == b'"' {
                        i += 1;
                        continue;
                    }
                    self.in_quotes = false;
                    self.prev = b'"';
                    continue;
                }
                match memchr::memchr(b'"', &bytes[i..]) {
                    Some(j) => {
                        i += j + 1;
                        self.quote_seen = true;
                    }
                    None => i = bytes.len(),
                }
                continue;
            }
            match memchr::memchr(b'"', &bytes[i..]) {
                Some(j) => {
                    let before = if j > 0 { bytes[i + j - 1] } else { self.prev };
                    self.in_quotes = before == self.delimiter || before == b'\n';
                    self.prev = b'"';
                    i += j + 1;
                }
                None => {
                    self.prev = bytes[bytes.len() - 1];
                    i = bytes.len();
                }
            }
        }
    }

    /// True when the text ended inside a quoted field.
    pub fn unclosed(&self) -> bool {
        self.in_quotes && !self.quote_seen
    }
}

/// Field counts of the first records of `sample` read with `delimiter` (quote-aware).
fn field_counts(sample: &str, delimiter: u8) -> Vec<usize> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample.as_bytes());
    let mut counts = Vec::new();
    let mut rec = csv::ByteRecord::new();
    while counts.len() < 60 {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {
                if rec.iter().any(|f| !f.is_empty()) {
                    counts.push(rec.len());
                }
            }
            _ => break,
        }
    }
    // The last record of a cut sample may be partial.
    if sample.len() >= SAMPLE {
        counts.pop();
    }
    counts
}

/// Delimiters tried, in order of preference for Swedish files when scores tie exactly
/// on a single line (more lines decide otherwise).
const CANDIDATES: &[u8] = b";,\t|^\x1f";

/// Picks the delimiter that splits the most lines into the same number (≥ 2) of fields.
pub fn sniff_delimiter(file: &str, sample: &str) -> Result<(u8, bool)> {
    let first_line = sample.lines().next().unwrap_or("").trim_end_matches('\r');
    if let Some(rest) = first_line.strip_prefix("sep=") {
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_ascii()
        {
            return Ok((c as u8, true));
        }
    }
    let mut best: Vec<(f64, u8)> = Vec::new();
    for &d in CANDIDATES {
        let counts = field_counts(sample, d);
        if counts.is_empty() {
            continue;
        }
        // The most common field count, and how many records have it.
        let mut freq = std::collections::BTreeMap::<usize, usize>::new();
        for c in &counts {
            *freq.entry(*c).or_default() += 1;
        }
        let (width, hits) = freq
            .iter()
            .max_by_key(|(w, n)| (**n, **w))
            .map(|(w, n)| (*w, *n))
            .unwrap_or((1, 0));
        if width < 2 {
            continue;
        }
        // Consistency first, then more fields; title and total rows lower it a little.
        let score = hits as f64 / counts.len() as f64 * 100.0 + (width.min(50) as f64) / 100.0;
        best.push((score, d));
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    match best.as_slice() {
        [] => Err(refuse(file, Refusal::OneColumn)),
        [(s1, d1), (s2, d2), ..] if (s1 - s2).abs() < 1e-9 => Err(refuse(
            file,
            Refusal::AmbiguousDelimiter {
                first: *d1,
                second: *d2,
            },
        )),
        [(_, d), ..] => Ok((*d, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(bytes: &[u8]) -> Result<(&'static Encoding, usize)> {
        sniff_encoding("x.csv", &mut &bytes[..])
    }

    #[test]
    fn quotes_open_a_field_only_at_its_start() {
        let unclosed = |text: &str| {
            let mut q = QuoteCheck::new(b';');
            // Byte by byte, as chunks may split anywhere.
            for b in text.as_bytes() {
                q.feed(std::slice::from_ref(b));
            }
            q.unclosed()
        };
        assert!(!unclosed("Datum;Text\n2026-11-18;Skärm 24\" trasig\n"));
        assert!(!unclosed("a;\"b;\"\"c\"\"\"\n"));
        assert!(!unclosed("a;\"rad ett\nrad två\"\n"));
        assert!(!unclosed("a;\"slut\""), "closed by the file's last byte");
        assert!(unclosed("a;\"aldrig stängd\nb;c\n"));
        assert!(unclosed("a;\"\"\"\n"), "an escaped quote does not close");
        assert!(unclosed("\"öppen från början;x\n"));
        assert!(!unclosed("x;y\"\n\"z\"\n"), "a new line starts a field");
    }

    #[test]
    fn encodings() {
        assert_eq!(enc(b"Datum;Plats\n").unwrap(), (UTF_8, 0));
        assert_eq!(enc(b"\xEF\xBB\xBFDatum;Plats\n").unwrap(), (UTF_8, 3));
        assert_eq!(enc(b"Datum;Omr\xe5de\n").unwrap(), (WINDOWS_1252, 0));
        assert_eq!(enc(b"\xFF\xFED\0a\0").unwrap(), (UTF_16LE, 2));
        assert!(enc(b"\xFF\xFE\0\0D\0\0\0").is_err());
        assert!(enc(b"Datum\0;Plats\n").is_err());
        // UTF-16 without a byte-order mark, either way round; NULs at random are no text.
        let le: Vec<u8> = "Datum;Plats;Antal\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Datum;Plats;Antal\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(enc(&le).unwrap(), (UTF_16LE, 0));
        assert_eq!(enc(&be).unwrap(), (UTF_16BE, 0));
        assert!(enc(b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xab\x12\0\0\x10\x02").is_err());
        assert!(enc(b"\xEF\xBB\xBFOmr\xe5de\n").is_err());
        assert!(enc(b"id,value\nA,\"1\"\"2\"\n").is_ok());
    }

    #[test]
    fn delimiters() {
        assert_eq!(
            sniff_delimiter(
                "x",
                "Datum;Plats;Text\n2026-11-18;Torget;Stöld, försök\n2026-11-19;Parken;Klotter\n"
            )
            .unwrap(),
            (b';', false)
        );
        assert_eq!(
            sniff_delimiter("x", "a\tb\n1\t2\n").unwrap(),
            (b'\t', false)
        );
        assert_eq!(
            sniff_delimiter("x", "a,b\n1,\"2,5\"\n").unwrap(),
            (b',', false)
        );
        assert_eq!(sniff_delimiter("x", "sep=|\na|b\n").unwrap(), (b'|', true));
        assert!(sniff_delimiter("x", "h1,h2;h3\n1,2;3\n").is_err());
        assert!(sniff_delimiter("x", "only\n1\n").is_err());
    }
}
