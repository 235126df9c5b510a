//! XLSX exports: one sheet, bold header, filters, numbers as numbers.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::tables::{Cell, ExportTable};
use crate::error::{Error, Result};
use crate::messages::Message;

pub fn write_file(path: &Path, sheet: &str, table: &ExportTable) -> Result<()> {
    let err = |e: rust_xlsxwriter::XlsxError| {
        Error::from(Message::File {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
    };
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet().set_name(sheet).map_err(err)?;
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell {
                Cell::Text(s) => ws.write_string(r, c, s).map_err(err)?,
                Cell::Number(n) => ws.write_number(r, c, *n).map_err(err)?,
            };
        }
    }
    let last_col = table.header.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, table.rows.len() as u32, last_col)
        .map_err(err)?;
    ws.set_freeze_panes(1, 0).map_err(err)?;
    ws.autofit();
    wb.save(path).map_err(err)
}
