//! XLSX exports: the table on one sheet (bold header, filters; numbers, dates and times
//! as real Excel values with Swedish formats; a hidden count as an empty cell with its
//! reason beside it), and a sheet "Om filen" that says what the file is.

use std::path::Path;

use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::tables::{Cell, ExportTable};
use crate::error::{Error, Result};
use crate::messages::{Message, table as words};

/// The name of the sheet that describes the file.
pub const ABOUT_SHEET: &str = "Om filen";

pub fn write_file(
    path: &Path,
    sheet: &str,
    table: &ExportTable,
    about: &[(String, String)],
) -> Result<()> {
    let err = |e: rust_xlsxwriter::XlsxError| {
        Error::from(Message::File {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
    };
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let time_format = Format::new().set_num_format("hh:mm");
    let hidden_any = table.rows.iter().any(|r| r.contains(&Cell::Suppressed));
    let ws = wb.add_worksheet().set_name(sheet).map_err(err)?;
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    let note_col = table.header.len() as u16;
    if hidden_any {
        ws.write_string_with_format(0, note_col, words::NOTE, &bold)
            .map_err(err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let mut hidden_here = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) => {
                    ws.write_string(r, col, s).map_err(err)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, col, *n).map_err(err)?;
                }
                Cell::Date(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .map_err(err)?;
                    ws.write_datetime_with_format(r, col, &x, &date_format)
                        .map_err(err)?;
                }
                Cell::Time(t) => {
                    let x = ExcelDateTime::from_hms(t.hour() as u16, t.minute() as u8, 0)
                        .map_err(err)?;
                    ws.write_datetime_with_format(r, col, &x, &time_format)
                        .map_err(err)?;
                }
                Cell::Suppressed => {
                    ws.write_string(r, col, super::release::HIDDEN_MARK)
                        .map_err(err)?;
                    if let Some(h) = table.header.get(c) {
                        hidden_here.push(*h);
                    }
                }
            }
        }
        if !hidden_here.is_empty() {
            ws.write_string(r, note_col, words::hidden_note(&hidden_here))
                .map_err(err)?;
        }
    }
    let last_col = table.header.len().saturating_sub(1) as u16 + u16::from(hidden_any);
    ws.autofilter(0, 0, table.rows.len() as u32, last_col)
        .map_err(err)?;
    ws.set_freeze_panes(1, 0).map_err(err)?;
    ws.autofit();
    let info = wb.add_worksheet().set_name(ABOUT_SHEET).map_err(err)?;
    for (r, (k, v)) in about.iter().enumerate() {
        info.write_string_with_format(r as u32, 0, k, &bold)
            .map_err(err)?;
        info.write_string(r as u32, 1, v).map_err(err)?;
    }
    info.autofit();
    // Written whole through a temporary file renamed over the target.
    let bytes = wb.save_to_buffer().map_err(err)?;
    super::write_atomically(path, &bytes)
}
