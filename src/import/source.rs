//! Where rows come from: a CSV/text file, a spreadsheet sheet, or police events.
//!
//! Every source fills the same reusable `csv::StringRecord` with the cells of one
//! row as text and tells the row's line (CSV: the line the record starts on;
//! sheets: the row number Excel shows), so everything after this point treats all
//! formats alike. Spreadsheet dates become ISO text here, in the right date system.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, Reader};
use csv::StringRecord;
use encoding_rs_io::DecodeReaderBytesBuilder;

use super::police;
use super::sniff::{self, TextDialect};
use crate::error::{Error, Result};
use crate::messages::{Message, Refusal};

/// The kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Format {
    Csv,
    Xlsx,
    Xls,
    Ods,
    PoliceJson,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Xlsx => "XLSX",
            Format::Xls => "XLS",
            Format::Ods => "ODS",
            Format::PoliceJson => "Polisens händelser (JSON)",
        }
    }
}

/// Reads rows one at a time into a reused record.
pub trait RowReader {
    /// Fills `row` with the next row; `Ok(false)` at the end.
    fn read(&mut self, row: &mut StringRecord) -> Result<bool>;
    /// The line (or sheet row) of the row last read, 1-based.
    fn line(&self) -> u64;
}

/// What a workbook's sheet or a police JSON file holds, parsed once when the file is
/// opened and shared by every reader of it (header search, day order, load, and the
/// app's next preview): such files are parsed whole by their libraries, so reading
/// them again would parse them again.
#[derive(Debug, Clone)]
enum Held {
    Sheet(Arc<SparseSheet>),
    Rows(Arc<Vec<(u64, Vec<String>)>>),
}

/// An opened file, ready to be read (and read again for the commit).
#[derive(Debug, Clone)]
pub struct Source {
    pub path: std::path::PathBuf,
    pub file_name: String,
    pub format: Format,
    pub dialect: Option<TextDialect>,
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    /// Set when the header is the police API's fields flattened into columns.
    pub police_columns: Option<police::FlatColumns>,
    sample_bytes: u64,
    sample_lines: u64,
    /// A workbook's chosen sheet or the police events, held once (text files stream).
    held: Option<Held>,
}

fn shown(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn refuse(file: &str, reason: Refusal) -> Error {
    Message::ImportRefused {
        file: file.to_string(),
        reason,
    }
    .into()
}

/// A workbook its reader cannot open: `detail` is what the reader said (made Swedish by
/// the catalog) or Navet's own words.
fn unreadable_workbook(file: &str, detail: impl std::fmt::Display) -> Error {
    refuse(
        file,
        Refusal::Workbook {
            detail: detail.to_string(),
        },
    )
}

/// Decides the format from the extension and the first bytes.
fn detect(path: &Path, file: &str) -> Result<Format> {
    let mut head = [0u8; 8];
    let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
    let n = f.read(&mut head).map_err(|e| Error::io(path, e))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let zip = n >= 4 && head[..4] == *b"PK\x03\x04";
    let ole = n >= 8 && head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    Ok(match ext.as_str() {
        "xlsx" | "xlsm" if zip => Format::Xlsx,
        "ods" if zip => Format::Ods,
        "xls" if ole => Format::Xls,
        "xlsx" | "xlsm" | "ods" | "xls" => {
            return Err(refuse(file, Refusal::NotASpreadsheet));
        }
        "json" => Format::PoliceJson,
        _ if zip => Format::Xlsx,
        _ if ole => Format::Xls,
        _ => {
            let first = head[..n].iter().find(|b| !b.is_ascii_whitespace());
            if matches!(first, Some(b'[')) && ext != "csv" {
                Format::PoliceJson
            } else {
                Format::Csv
            }
        }
    })
}

impl Source {
    /// Opens and sniffs a file. `sheet` picks a sheet by name (default: the first non-empty).
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<Source> {
        let file = shown(path);
        // Only regular files: a FIFO would block the reader, a directory or a device
        // is no partner file.
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if !meta.is_file() {
            return Err(refuse(&file, Refusal::NotAFile));
        }
        let format = detect(path, &file)?;
        if matches!(format, Format::Xlsx | Format::Ods) {
            preflight_archive(path, &file)?;
        }
        let mut src = Source {
            path: path.to_path_buf(),
            file_name: file.clone(),
            format,
            dialect: None,
            sheet: None,
            sheets: Vec::new(),
            police_columns: None,
            sample_bytes: 0,
            sample_lines: 0,
            held: None,
        };
        match format {
            Format::Csv => {
                let mut f = BufReader::new(File::open(path).map_err(|e| Error::io(path, e))?);
                let (encoding, bom) = sniff::sniff_encoding(&file, &mut f)?;
                let sample = read_sample(path, encoding, bom)?;
                src.sample_bytes = sample.len() as u64;
                src.sample_lines = sample.lines().count() as u64;
                if sample.trim().is_empty() {
                    return Err(refuse(&file, Refusal::Empty));
                }
                let (delimiter, sep_line) = match sniff::sniff_delimiter(&file, &sample) {
                    Ok(d) => d,
                    Err(_) if bom == 2 => {
                        return Err(refuse(&file, Refusal::BadUtf16));
                    }
                    Err(e) => return Err(e),
                };
                let dialect = TextDialect {
                    encoding,
                    bom,
                    delimiter,
                    sep_line,
                };
                if quote_left_open(path, &dialect)? {
                    return Err(refuse(&file, Refusal::UnclosedQuote));
                }
                src.dialect = Some(dialect);
            }
            Format::Xlsx => {
                let (sheets, chosen, cells) = read_xlsx_sparse(path, &file, sheet)?;
                src.sheets = sheets;
                src.sheet = Some(chosen);
                src.held = Some(Held::Sheet(Arc::new(cells)));
            }
            Format::Xls | Format::Ods => {
                if format == Format::Xls {
                    preflight_xls(path, &file)?;
                }
                let mut wb = calamine::open_workbook_auto(path)
                    .map_err(|e| unreadable_workbook(&file, e))?;
                src.sheets = wb.sheet_names();
                let unreadable = |sheet: &str, e: calamine::Error| {
                    refuse(
                        &file,
                        Refusal::SheetUnreadable {
                            sheet: sheet.to_string(),
                            detail: e.to_string(),
                        },
                    )
                };
                let (chosen, range) = match sheet {
                    Some(name) => {
                        let found = src
                            .sheets
                            .iter()
                            .find(|s| crate::names::key(s) == crate::names::key(name))
                            .cloned();
                        let Some(found) = found else {
                            return Err(refuse(
                                &file,
                                Refusal::NoSuchSheet {
                                    sheet: name.to_string(),
                                    sheets: src.sheets.clone(),
                                },
                            ));
                        };
                        let range = wb
                            .worksheet_range(&found)
                            .map_err(|e| unreadable(&found, e))?;
                        (found, range)
                    }
                    None => {
                        let mut pick = None;
                        for name in &src.sheets {
                            if let Ok(range) = wb.worksheet_range(name)
                                && range
                                    .used_cells()
                                    .any(|(_, _, c)| !matches!(c, Data::Empty))
                            {
                                pick = Some((name.clone(), range));
                                break;
                            }
                        }
                        pick.ok_or_else(|| refuse(&file, Refusal::AllSheetsEmpty))?
                    }
                };
                src.sheet = Some(chosen);
                src.held = Some(Held::Sheet(Arc::new(SparseSheet::from_range(
                    &range, &file,
                )?)));
            }
            Format::PoliceJson => {
                let rows = police::read(path, &file)?;
                src.held = Some(Held::Rows(Arc::new(rows)));
            }
        }
        Ok(src)
    }

    /// About how many rows the file holds: from the file size and the sample's
    /// bytes per line for text files; exact enough to choose a loading strategy.
    pub fn estimated_rows(&self) -> u64 {
        let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        match self.format {
            Format::Csv => {
                let lines = self.sample_lines.max(1);
                size * lines / self.sample_bytes.max(1)
            }
            // Spreadsheets compress about 10 bytes a cell, police JSON ~350 bytes an event.
            Format::Xlsx | Format::Xls | Format::Ods => size / 60,
            Format::PoliceJson => size / 350,
        }
    }

    /// A fresh reader from the first row.
    pub fn rows(&self) -> Result<Box<dyn RowReader + Send>> {
        let inner = self.raw_rows()?;
        Ok(match &self.police_columns {
            Some(cols) => Box::new(PoliceFlatRows {
                inner,
                cols: cols.clone(),
                header_seen: false,
                buf: StringRecord::new(),
            }),
            None => inner,
        })
    }

    fn raw_rows(&self) -> Result<Box<dyn RowReader + Send>> {
        match (&self.held, self.format) {
            (Some(Held::Sheet(range)), _) => Ok(Box::new(SheetRows::new(range.clone()))),
            (Some(Held::Rows(rows)), _) => Ok(Box::new(VecRows {
                rows: rows.clone(),
                at: 0,
            })),
            (None, Format::Csv) => {
                let d = self
                    .dialect
                    .as_ref()
                    .ok_or_else(|| refuse(&self.file_name, Refusal::UnknownDialect))?;
                Ok(Box::new(CsvRows::open(&self.path, d)?))
            }
            (None, _) => Err(refuse(&self.file_name, Refusal::UnknownDialect)),
        }
    }
}

/// Reads the whole decoded text once to see whether a quoted field is never closed
/// (which would swallow every row after it); see [`sniff::QuoteCheck`].
fn quote_left_open(path: &Path, d: &TextDialect) -> Result<bool> {
    // Quotes, delimiters and line ends are the same bytes in UTF-8 and Windows-1252, so
    // those are checked as they are; only UTF-16 is decoded first.
    let mut text: Box<dyn Read + Send> =
        if d.encoding == encoding_rs::UTF_8 || d.encoding == encoding_rs::WINDOWS_1252 {
            let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
            f.seek(SeekFrom::Start(d.bom as u64))
                .map_err(|e| Error::io(path, e))?;
            Box::new(f)
        } else {
            decoded(path, d)?
        };
    let mut check = sniff::QuoteCheck::new(d.delimiter);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = text.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            return Ok(check.unclosed());
        }
        check.feed(&buf[..n]);
    }
}

/// The file's text as UTF-8, past any byte-order mark.
fn decoded(path: &Path, d: &TextDialect) -> Result<Box<dyn Read + Send>> {
    let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(if d.encoding == encoding_rs::UTF_8 {
        f.seek(SeekFrom::Start(d.bom as u64))
            .map_err(|e| Error::io(path, e))?;
        Box::new(BufReader::with_capacity(1 << 16, f))
    } else {
        Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(d.encoding))
                .bom_override(true)
                .build(BufReader::with_capacity(1 << 16, f)),
        )
    })
}

/// The first [`sniff::SAMPLE`] bytes, decoded.
fn read_sample(
    path: &Path,
    encoding: &'static encoding_rs::Encoding,
    bom: usize,
) -> Result<String> {
    let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
    f.seek(SeekFrom::Start(bom as u64))
        .map_err(|e| Error::io(path, e))?;
    let mut raw = Vec::with_capacity(sniff::SAMPLE);
    f.take(sniff::SAMPLE as u64)
        .read_to_end(&mut raw)
        .map_err(|e| Error::io(path, e))?;
    let (text, _) = encoding.decode_without_bom_handling(&raw);
    Ok(text.into_owned())
}

struct CsvRows {
    rdr: csv::Reader<Box<dyn Read + Send>>,
    line: u64,
    file: String,
}

impl CsvRows {
    fn open(path: &Path, d: &TextDialect) -> Result<CsvRows> {
        let inner = decoded(path, d)?;
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(d.delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(Box::new(CrlfToLf::new(inner)) as Box<dyn Read + Send>);
        if d.sep_line {
            let mut skip = csv::ByteRecord::new();
            let _ = rdr.read_byte_record(&mut skip);
        }
        Ok(CsvRows {
            rdr,
            line: 0,
            file: shown(path),
        })
    }
}

impl RowReader for CsvRows {
    fn read(&mut self, row: &mut StringRecord) -> Result<bool> {
        match self.rdr.read_record(row) {
            Ok(more) => {
                // The csv crate numbers a record after blank lines by the first blank
                // line (rust-csv #208), so the line is counted back from where the
                // record ended: past its terminator, less the line breaks inside its
                // quoted fields.
                let end = self.rdr.position().line();
                let inner: u64 = row
                    .as_byte_record()
                    .iter()
                    .map(|f| memchr::memchr_iter(b'\n', f).count() as u64)
                    .sum();
                // A last record with no terminator ends on its own line: never
                // before where the crate says it starts.
                let start = row.position().map_or(1, |p| p.line());
                self.line = end.saturating_sub(1 + inner).max(start).max(1);
                // Undo the CSV-injection protection Navet's own exports add.
                if row.iter().any(crate::neutral::is_neutralized) {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| crate::neutral::unneutralize(c).to_string())
                        .collect();
                    row.clear();
                    for c in &cells {
                        row.push_field(c);
                    }
                }
                Ok(more)
            }
            Err(e) => {
                if let csv::ErrorKind::Io(io) = e.kind()
                    && let Some(LineTooLong(line)) = io
                        .get_ref()
                        .and_then(|inner| inner.downcast_ref::<LineTooLong>())
                {
                    return Err(refuse(
                        &self.file,
                        Refusal::LineTooLong {
                            line: *line,
                            megabytes: (MAX_LINE / (1024 * 1024)) as u64,
                        },
                    ));
                }
                let line = e.position().map(|p| p.line()).unwrap_or(self.line + 1);
                Err(Message::ImportRow {
                    file: self.file.clone(),
                    line,
                    reason: e.to_string(),
                }
                .into())
            }
        }
    }

    fn line(&self) -> u64 {
        self.line
    }
}

/// The largest part of a spreadsheet archive Navet inflates (declared size), and the
/// whole archive: far above any partner's file, far below the machine's memory.
pub const MAX_ARCHIVE_PART: u64 = 512 * 1024 * 1024;
pub const MAX_ARCHIVE_TOTAL: u64 = 1024 * 1024 * 1024;
/// The most filled cells Navet holds from one sheet (a million rows of a dozen columns);
/// with rows and columns capped at Excel's own 1,048,576 and 16,384.
pub const MAX_CELLS: u64 = 12_000_000;
const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u32 = 16_383;

/// The most cells (filled or not) of an XLS sheet's bounding box Navet lets calamine lay
/// out: a full-height XLS sheet (65,536 rows) of 61 columns. calamine builds an XLS
/// sheet as one dense grid from its first to its last cell, and first reserves what the
/// sheet's DIMENSIONS record claims, so a 5.6 kB file with one far cell (IV65536) took
/// 1.07 GB.
pub const MAX_XLS_GRID: u64 = 4_000_000;

/// A sheet's rows and columns spanned so far: (first row, last row, first column, last
/// column).
type Span = (u32, u32, u32, u32);

/// Widens the innermost open substream's span by a cell record's row and columns.
fn widen(spans: &mut [Option<Span>], row: Option<u32>, first: Option<u32>, last: Option<u32>) {
    let (Some(row), Some(first), Some(last), Some(slot)) = (row, first, last, spans.last_mut())
    else {
        return;
    };
    let (lo, hi) = (first.min(last), first.max(last));
    *slot = Some(match *slot {
        Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(lo), c1.max(hi)),
        None => (row, row, lo, hi),
    });
}

/// What calamine makes of a DIMENSIONS record (its `parse_dimensions`): the cells it
/// reserves, or `None` where its arithmetic would run below zero (a last row before the
/// first), which Navet refuses rather than let it panic.
fn claimed_cells(d: &[u8]) -> Option<Option<u64>> {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([d[i], d[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
    let (rf, rl, mut cf, cl) = match d.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        // calamine refuses any other length itself.
        _ => return None,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    if rl == 0 || cl == 0 {
        return Some(Some(1));
    }
    let (rows, cols) = ((rl - 1).checked_sub(rf), (cl - 1).checked_sub(cf));
    Some(
        rows.zip(cols)
            .map(|(r, c)| (u64::from(r) + 1) * (u64::from(c) + 1)),
    )
}

/// Looks into an XLS file's record stream before calamine opens it: each sheet's claimed
/// dimensions and the box its cells span must stay within [`MAX_XLS_GRID`]. Reads record
/// by record (each at most 64 kB), so it holds almost nothing.
fn preflight_xls(path: &Path, file: &str) -> Result<()> {
    let broken = |e: std::io::Error| unreadable_workbook(file, e);
    let too_large = |cells: u64| {
        refuse(
            file,
            Refusal::GridTooLarge {
                cells,
                limit: MAX_XLS_GRID,
            },
        )
    };
    let mut cfb = cfb::open(path).map_err(broken)?;
    let name = if cfb.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let mut records = BufReader::new(cfb.open_stream(name).map_err(broken)?);
    let mut spans: Vec<Option<Span>> = Vec::new();
    let mut data = vec![0u8; usize::from(u16::MAX)];
    loop {
        let mut head = [0u8; 4];
        let read = records.read_exact(&mut head).and_then(|()| {
            let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
            records.read_exact(&mut data[..len]).map(|()| len)
        });
        let len = match read {
            Ok(len) => len,
            // The end of the stream (or a record cut short, which calamine names).
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(broken(e)),
        };
        let d = &data[..len];
        let at = |i: usize| {
            d.get(i..i + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        match u16::from_le_bytes([head[0], head[1]]) {
            // BOF: a substream (a sheet, a chart in it) begins.
            0x0809 => spans.push(None),
            // EOF: it ends, and its cells span one box.
            0x000A => {
                if let Some(Some((r0, r1, c0, c1))) = spans.pop() {
                    let cells = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
                    if cells > MAX_XLS_GRID {
                        return Err(too_large(cells));
                    }
                }
            }
            // DIMENSIONS: what the sheet claims, and calamine reserves.
            0x0200 => match claimed_cells(d) {
                Some(Some(cells)) if cells > MAX_XLS_GRID => return Err(too_large(cells)),
                Some(None) => {
                    return Err(unreadable_workbook(
                        file,
                        "bladets angivna storlek går inte ihop: sista raden före den första",
                    ));
                }
                _ => {}
            },
            // A cell: its row, then its column.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 => {
                widen(&mut spans, at(0), at(2), at(2));
            }
            // MULRK: a row, its first column, its cells, its last column.
            0x00BD if len >= 6 => widen(&mut spans, at(0), at(2), at(len - 2)),
            _ => {}
        }
    }
}

/// Looks into a spreadsheet archive before any library inflates it: every part's
/// declared size (the zip reader stops at it) and the whole, and the shared strings'
/// claimed count against their part's size (a forged count made calamine reserve
/// 2^64 strings and panic).
fn preflight_archive(path: &Path, file: &str) -> Result<()> {
    let f = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(f))
        .map_err(|e| unreadable_workbook(file, e))?;
    let mut total = 0u64;
    let mut strings_size = None;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let size = entry.size();
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        total = total.saturating_add(size);
        if size > MAX_ARCHIVE_PART || total > MAX_ARCHIVE_TOTAL {
            return Err(refuse(
                file,
                Refusal::ArchiveTooLarge {
                    part: name,
                    megabytes: size.max(total) / (1024 * 1024),
                },
            ));
        }
        if name.ends_with("sharedStrings.xml") {
            strings_size = Some((i, size));
        }
    }
    if let Some((i, size)) = strings_size {
        let mut head = Vec::with_capacity(4096);
        if let Ok(entry) = zip.by_index(i) {
            let _ = entry.take(4096).read_to_end(&mut head);
        }
        let text = String::from_utf8_lossy(&head);
        let claimed = ["uniqueCount=\"", "count=\""].iter().find_map(|attr| {
            let at = text.find(attr)? + attr.len();
            let digits: String = text[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            Some(digits.parse::<u128>().unwrap_or(u128::MAX))
        });
        // Every string is at least "<si><t/></si>" (13 bytes).
        if claimed.is_some_and(|n| n > u128::from(size / 13 + 1)) {
            return Err(refuse(file, Refusal::SharedStringsBroken));
        }
    }
    Ok(())
}

/// A sheet's filled cells, sorted by row and column: a far cell (XFD1048576) costs one
/// cell, not a grid of seventeen billion.
#[derive(Debug, Default)]
pub struct SparseSheet {
    cells: Vec<(u32, u32, Data)>,
    first_col: u32,
}

impl SparseSheet {
    fn push(&mut self, row: u32, col: u32, value: Data, file: &str) -> Result<()> {
        if matches!(value, Data::Empty) || row > MAX_ROW || col > MAX_COL {
            return Ok(());
        }
        if self.cells.len() as u64 >= MAX_CELLS {
            return Err(refuse(file, Refusal::TooManyCells { limit: MAX_CELLS }));
        }
        self.cells.push((row, col, value));
        Ok(())
    }

    fn finish(mut self) -> SparseSheet {
        self.cells.sort_by_key(|(r, c, _)| (*r, *c));
        self.first_col = self.cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
        self
    }

    fn from_range(range: &calamine::Range<Data>, file: &str) -> Result<SparseSheet> {
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut s = SparseSheet::default();
        for (r, c, v) in range.used_cells() {
            s.push(r0 + r as u32, c0 + c as u32, v.clone(), file)?;
        }
        Ok(s.finish())
    }

    fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

/// Reads an XLSX's sheets cell by cell (calamine's cell reader): the chosen sheet, or
/// the first with a filled cell. Returns the sheet names, the chosen one and its cells.
fn read_xlsx_sparse(
    path: &Path,
    file: &str,
    asked: Option<&str>,
) -> Result<(Vec<String>, String, SparseSheet)> {
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e: calamine::XlsxError| unreadable_workbook(file, e))?;
    let sheets = wb.sheet_names();
    let unreadable = |sheet: &str, e: calamine::XlsxError| {
        refuse(
            file,
            Refusal::SheetUnreadable {
                sheet: sheet.to_string(),
                detail: e.to_string(),
            },
        )
    };
    let candidates: Vec<String> = match asked {
        Some(name) => {
            let found = sheets
                .iter()
                .find(|s| crate::names::key(s) == crate::names::key(name))
                .cloned();
            match found {
                Some(f) => vec![f],
                None => {
                    return Err(refuse(
                        file,
                        Refusal::NoSuchSheet {
                            sheet: name.to_string(),
                            sheets: sheets.clone(),
                        },
                    ));
                }
            }
        }
        None => sheets.clone(),
    };
    for name in candidates {
        let mut sheet = SparseSheet::default();
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&name, e))?;
        while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&name, e))? {
            let (r, c) = cell.get_position();
            let value: Data = cell.get_value().clone().into();
            sheet.push(r, c, value, file)?;
        }
        let sheet = sheet.finish();
        if !sheet.is_empty() || asked.is_some() {
            return Ok((sheets, name, sheet));
        }
    }
    Err(refuse(file, Refusal::AllSheetsEmpty))
}

/// A sheet's rows, from its first filled row to its last; a row between with no cell
/// is an empty record. A merged title keeps its value in its top-left cell and the rest
/// empty, so it reads as a one-cell row, which header detection skips.
struct SheetRows {
    sheet: Arc<SparseSheet>,
    /// The next row to give, and where its cells begin.
    row: u32,
    at: usize,
    line: u64,
}

impl SheetRows {
    fn new(sheet: Arc<SparseSheet>) -> SheetRows {
        let row = sheet.cells.first().map_or(0, |(r, _, _)| *r);
        SheetRows {
            sheet,
            row,
            at: 0,
            line: 0,
        }
    }
}

/// A cell as text: dates in ISO, integers without decimals, errors as Excel shows them.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("_x000D_", "").replace("\r\n", "\n"),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "SANT" } else { "FALSKT" }.to_string(),
        Data::DateTime(dt) => {
            if dt.is_duration() || dt.as_f64() < 1.0 {
                let secs = (dt.as_f64().fract() * 86_400.0).round() as u32;
                format!("{:02}:{:02}", (secs / 3600) % 24, (secs / 60) % 60)
            } else {
                match dt.as_datetime() {
                    Some(d) if d.time() == chrono::NaiveTime::MIN => {
                        d.format("%Y-%m-%d").to_string()
                    }
                    Some(d) => d.format("%Y-%m-%d %H:%M").to_string(),
                    None => dt.as_f64().to_string(),
                }
            }
        }
        Data::DateTimeIso(s) => s.replace('T', " "),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#FEL {e}"),
    }
}

impl RowReader for SheetRows {
    fn read(&mut self, row: &mut StringRecord) -> Result<bool> {
        let cells = &self.sheet.cells;
        if self.at >= cells.len() {
            return Ok(false);
        }
        row.clear();
        let mut col = self.sheet.first_col;
        while let Some((r, c, v)) = cells.get(self.at).filter(|(r, _, _)| *r == self.row) {
            let _ = r;
            while col < *c {
                row.push_field("");
                col += 1;
            }
            row.push_field(&cell_text(v));
            col += 1;
            self.at += 1;
        }
        self.line = u64::from(self.row) + 1;
        self.row += 1;
        Ok(true)
    }

    fn line(&self) -> u64 {
        self.line
    }
}

/// Rows already in memory (police events: a few thousand at most).
pub struct VecRows {
    pub rows: Arc<Vec<(u64, Vec<String>)>>,
    pub at: usize,
}

impl RowReader for VecRows {
    fn read(&mut self, row: &mut StringRecord) -> Result<bool> {
        let Some((_, cells)) = self.rows.get(self.at) else {
            return Ok(false);
        };
        row.clear();
        for c in cells {
            row.push_field(c);
        }
        self.at += 1;
        Ok(true)
    }

    fn line(&self) -> u64 {
        self.rows
            .get(self.at.saturating_sub(1))
            .map(|r| r.0)
            .unwrap_or(0)
    }
}

/// Police events flattened into columns (as an Excel export of the API would be),
/// read as if they were the JSON: the incident time comes from `name`.
struct PoliceFlatRows {
    inner: Box<dyn RowReader + Send>,
    cols: police::FlatColumns,
    header_seen: bool,
    buf: StringRecord,
}

impl RowReader for PoliceFlatRows {
    fn read(&mut self, row: &mut StringRecord) -> Result<bool> {
        if !self.inner.read(&mut self.buf)? {
            return Ok(false);
        }
        row.clear();
        if self.header_seen {
            for c in self.cols.cells(&self.buf) {
                row.push_field(&c);
            }
        } else if police::FlatColumns::detect(
            &self.buf.iter().map(str::to_string).collect::<Vec<_>>(),
        )
        .is_some()
        {
            self.header_seen = true;
            for h in police::HEADER {
                row.push_field(h);
            }
        } else {
            // Rows above the header pass through unchanged.
            for c in self.buf.iter() {
                row.push_field(c);
            }
        }
        Ok(true)
    }

    fn line(&self) -> u64 {
        self.inner.line()
    }
}

/// Turns CRLF into LF as bytes stream by (a lone CR stays). The CSV parser then
/// counts lines right for Windows files too (it reports a record after CRLF one
/// line early), and quoted multi-line cells hold plain newlines.
struct CrlfToLf<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    /// A CR that ended the last chunk, not yet known to precede an LF.
    pending_cr: bool,
    /// Bytes since the last line break, and the line breaks so far: a line past
    /// [`MAX_LINE`] stops the reading before the CSV reader holds it all.
    run: usize,
    lines: u64,
}

/// The longest line a text file may have: no partner's report comes near it, and a
/// file that is one endless line is refused before it is held in memory.
pub const MAX_LINE: usize = 4 * 1024 * 1024;

/// The reading stopped at a line longer than [`MAX_LINE`] (its number).
#[derive(Debug)]
pub struct LineTooLong(pub u64);

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} too long", self.0)
    }
}

impl std::error::Error for LineTooLong {}

impl<R: Read> CrlfToLf<R> {
    fn new(inner: R) -> Self {
        CrlfToLf {
            inner,
            buf: vec![0; 1 << 16],
            pos: 0,
            len: 0,
            pending_cr: false,
            run: 0,
            lines: 0,
        }
    }

    /// Reads the next chunk and converts it in place; false at the end.
    fn refill(&mut self) -> std::io::Result<bool> {
        loop {
            // Byte 0 is kept free for a held-back CR.
            let n = self.inner.read(&mut self.buf[1..])?;
            let mut w = 0;
            if self.pending_cr {
                self.pending_cr = false;
                if n == 0 || self.buf[1] != b'\n' {
                    self.buf[0] = b'\r';
                    w = 1;
                }
            }
            let end = n + 1;
            let mut i = 1;
            while i < end {
                let b = self.buf[i];
                if b == b'\r' {
                    if i + 1 == end {
                        self.pending_cr = true;
                        break;
                    }
                    if self.buf[i + 1] == b'\n' {
                        i += 1;
                        continue;
                    }
                }
                self.buf[w] = b;
                w += 1;
                i += 1;
            }
            self.pos = 0;
            self.len = w;
            if w > 0 || n == 0 {
                return Ok(w > 0);
            }
        }
    }
}

impl<R: Read> Read for CrlfToLf<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.len && !self.refill()? {
            return Ok(0);
        }
        let n = out.len().min(self.len - self.pos);
        let chunk = &self.buf[self.pos..self.pos + n];
        let breaks = memchr::memchr_iter(b'\n', chunk).count();
        match memchr::memrchr(b'\n', chunk) {
            Some(last) => self.run = n - last - 1,
            None => self.run += n,
        }
        self.lines += breaks as u64;
        if self.run > MAX_LINE {
            return Err(std::io::Error::other(LineTooLong(self.lines + 1)));
        }
        out[..n].copy_from_slice(chunk);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::CrlfToLf;
    use std::io::Read;

    fn through(input: &[u8], chunk: usize) -> Vec<u8> {
        struct Chunks<'a>(&'a [u8], usize);
        impl Read for Chunks<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(self.1).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut r = CrlfToLf::new(Chunks(input, chunk));
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn crlf_becomes_lf_across_chunk_boundaries() {
        let input = b"a;b\r\n1;2\r\n\"x\r\ny\";3\rlone\r\n";
        let want = b"a;b\n1;2\n\"x\ny\";3\rlone\n".to_vec();
        for chunk in 1..=input.len() {
            assert_eq!(through(input, chunk), want, "chunk {chunk}");
        }
        assert_eq!(through(b"end\r", 2), b"end\r".to_vec());
    }
}
