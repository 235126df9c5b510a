//! CSV files Navet writes for people and for partners' systems.
//!
//! Swedish Excel opens UTF-8 with a BOM and semicolons without asking, so that is the
//! dialect. Any cell that begins with `=`, `+`, `-`, `@`, tab or CR would be taken for a
//! formula by a spreadsheet (CSV injection); it gets a leading `'` ([`crate::neutral`]).
//! The rule is exactly reversible, and Navet's importer applies the reverse, so a file
//! Navet wrote imports back to the same values.

use std::path::Path;

use crate::error::{Error, Result};
use crate::neutral::neutralize;

/// Writes a CSV (UTF-8 with BOM, `;`, CRLF) with every cell neutralised.
pub fn write_file<'a, I, R>(path: &Path, header: &[&str], rows: I) -> Result<()>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = &'a str>,
{
    // Built in memory and written through a temporary file renamed over the target,
    // so the path holds the old file or the whole new one, never a part.
    let io = |e: std::io::Error| Error::io(path, e);
    let mut buf: Vec<u8> = Vec::new();
    std::io::Write::write_all(&mut buf, "\u{feff}".as_bytes()).map_err(io)?;
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(buf);
    let map = |e: ::csv::Error| Error::io(path, std::io::Error::other(e.to_string()));
    w.write_record(header.iter().map(|h| neutralize(h).into_owned()))
        .map_err(map)?;
    for row in rows {
        w.write_record(row.into_iter().map(|c| neutralize(c).into_owned()))
            .map_err(map)?;
    }
    w.flush().map_err(io)?;
    let bytes = w
        .into_inner()
        .map_err(|e| Error::io(path, std::io::Error::other(e.to_string())))?;
    super::write_atomically(path, &bytes)
}
