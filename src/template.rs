//! The partner reporting template: a file partners fill in that Navet imports back
//! with no mapping at all (its headers are the ones the importer suggests itself).
//!
//! XLSX: a "Rapporter" sheet with the columns, date and time formats, the category
//! list as a drop-down, and a sheet of instructions in Swedish. CSV: UTF-8 with BOM
//! and semicolons, the header row only, as Swedish Excel opens it.

use std::path::Path;

use rust_xlsxwriter::{DataValidation, Format, FormatBorder, Formula, Workbook};

use crate::error::{Error, Result};
use crate::messages::{Message, field, template as words};

/// The template's columns, in order, with their widths; each header is a field label
/// the importer maps by itself.
pub const COLUMNS: &[(&str, f64)] = &[
    (field::DATE, 12.0),
    (field::TIME, 8.0),
    (field::PLACE, 28.0),
    (field::AREA, 16.0),
    (field::CATEGORY, 24.0),
    (field::COUNT, 8.0),
    (field::ASSESSMENT, 12.0),
    (field::DESCRIPTION, 60.0),
];

/// Rows with the drop-down and formats.
const ROWS: u32 = 2000;

fn xlsx_error(path: &Path, e: rust_xlsxwriter::XlsxError) -> Error {
    Error::from(Message::File {
        path: path.display().to_string(),
        detail: e.to_string(),
    })
}

/// Writes the template as XLSX or CSV, chosen by the file extension, offering
/// `categories` in the drop-down.
pub fn write(path: &Path, categories: &[String]) -> Result<()> {
    match crate::export::TableFormat::of_path(path) {
        Some(crate::export::TableFormat::Xlsx) => write_xlsx(path, categories),
        Some(crate::export::TableFormat::Csv) => {
            let header: Vec<&str> = COLUMNS.iter().map(|(h, _)| *h).collect();
            let text = format!("\u{feff}{}\r\n", header.join(";"));
            crate::export::write_atomically(path, text.as_bytes())
        }
        None => Err(Message::File {
            path: path.display().to_string(),
            detail: words::WRONG_EXTENSION.into(),
        }
        .into()),
    }
}

fn write_xlsx(path: &Path, categories: &[String]) -> Result<()> {
    let err = |e| xlsx_error(path, e);
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color("#DDE8E6")
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    let text = Format::new().set_text_wrap();

    let ws = wb
        .add_worksheet()
        .set_name(words::REPORTS_SHEET)
        .map_err(err)?;
    for (i, (name, width)) in COLUMNS.iter().enumerate() {
        let col = i as u16;
        ws.write_string_with_format(0, col, *name, &header)
            .map_err(err)?;
        ws.set_column_width(col, *width).map_err(err)?;
    }
    ws.set_column_format(0, &date).map_err(err)?;
    ws.set_column_format(1, &time).map_err(err)?;
    ws.set_column_format(7, &text).map_err(err)?;
    ws.set_freeze_panes(1, 0).map_err(err)?;
    let category_col = COLUMNS
        .iter()
        .position(|(h, _)| *h == field::CATEGORY)
        .unwrap_or(4) as u16;
    // The categories, then "Inga händelser" for a week with nothing to report.
    let choices: Vec<&str> = categories
        .iter()
        .map(String::as_str)
        .chain([words::NOTHING_TO_REPORT])
        .collect();
    let last = choices.len();
    let list = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "={}!$A$1:$A${last}",
            words::LISTS_SHEET
        )))
        .set_input_title(field::CATEGORY)
        .map_err(err)?
        .set_input_message(words::CATEGORY_PROMPT)
        .map_err(err)?
        .set_error_message(words::CATEGORY_ERROR)
        .map_err(err)?;
    ws.add_data_validation(1, category_col, ROWS, category_col, &list)
        .map_err(err)?;
    let count_col = COLUMNS
        .iter()
        .position(|(h, _)| *h == field::COUNT)
        .unwrap_or(5) as u16;
    let count = DataValidation::new()
        .allow_whole_number(rust_xlsxwriter::DataValidationRule::Between(1, 100_000))
        .set_error_message(words::COUNT_ERROR)
        .map_err(err)?;
    ws.add_data_validation(1, count_col, ROWS, count_col, &count)
        .map_err(err)?;

    let help = wb
        .add_worksheet()
        .set_name(words::INSTRUCTIONS_SHEET)
        .map_err(err)?;
    let title = Format::new().set_bold().set_font_size(14);
    help.set_column_width(0, 100).map_err(err)?;
    for (i, line) in words::INSTRUCTIONS.iter().enumerate() {
        if i == 0 {
            help.write_string_with_format(0, 0, *line, &title)
                .map_err(err)?;
        } else {
            help.write_string(i as u32, 0, *line).map_err(err)?;
        }
    }

    let lists = wb
        .add_worksheet()
        .set_name(words::LISTS_SHEET)
        .map_err(err)?;
    for (i, c) in choices.iter().enumerate() {
        lists.write_string(i as u32, 0, *c).map_err(err)?;
    }
    lists.set_hidden(true);
    let bytes = wb.save_to_buffer().map_err(err)?;
    crate::export::write_atomically(path, &bytes)
}
