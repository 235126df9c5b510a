//! Layout: places the document's blocks on A4 pages. Text is measured with the
//! embedded font's metrics and wrapped; a block that does not fit starts a new page;
//! a table that runs over repeats its header row; every page gets the running header
//! and "Sida n av m". Positions are points from the page's top-left corner.

use super::doc::{self, Align, Block, Document, Rgb, RowStyle, Table};
use super::fonts::Fonts;

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 51.0;
const TOP: f32 = 68.0;
const BOTTOM: f32 = 58.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    /// `y` is the top edge.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Rgb,
    },
    /// A filled shape (trend arrows).
    Polygon { points: Vec<(f32, f32)>, color: Rgb },
    /// A photo; `y` is the top edge.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        photo: doc::Photo,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Page>,
    y: f32,
}

impl<'f> Layout<'f> {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    fn room(&self) -> f32 {
        PAGE_H - BOTTOM - self.y
    }

    fn ensure(&mut self, h: f32) {
        if h > self.room() && self.y > TOP {
            self.new_page();
        }
    }

    /// A photo at most 70 % of the text's width and 300 pt high, its caption below.
    fn photo(&mut self, p: &doc::Photo, caption: &str) {
        let (pw, ph) = (p.width.max(1) as f32, p.height.max(1) as f32);
        let scale = (CONTENT_W * 0.7 / pw).min(300.0 / ph);
        let (w, h) = (pw * scale, ph * scale);
        self.ensure(h + 28.0);
        let top = self.y;
        self.page().items.push(Item::Image {
            x: MARGIN_X,
            y: top,
            w,
            h,
            photo: p.clone(),
        });
        self.y += h + 4.0;
        self.paragraph(caption, 7.5, false, doc::MUTED, 12.0);
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: impl Into<String>) {
        self.page().items.push(Item::Text {
            x,
            y,
            size,
            bold,
            color,
            text: text.into(),
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.page().items.push(Item::Rect { x, y, w, h, color });
    }

    fn line(&mut self, points: Vec<(f32, f32)>, width: f32, color: Rgb) {
        self.page().items.push(Item::Line {
            points,
            width,
            color,
        });
    }

    /// Wrapped text across the content width, breaking pages between lines.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, color: Rgb, after: f32) {
        let lh = size * 1.35;
        for line in self.fonts.wrap(text, size, bold, CONTENT_W) {
            self.ensure(lh);
            self.y += lh;
            self.text(MARGIN_X, self.y - size * 0.3, size, bold, color, line);
        }
        self.y += after;
    }

    fn table(&mut self, t: &Table) {
        const SIZE: f32 = 8.5;
        const PAD: f32 = 3.5;
        let lh = SIZE * 1.3;
        let total: f32 = t.columns.iter().map(|c| c.width).sum::<f32>().max(1.0);
        let widths: Vec<f32> = t
            .columns
            .iter()
            .map(|c| CONTENT_W * c.width / total)
            .collect();
        let wrap_row = |cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| self.fonts.wrap(c, SIZE, bold, w - 2.0 * PAD))
                .collect()
        };
        let header: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
        let header_lines = wrap_row(&header, true);
        let header_h = header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;

        let draw_row =
            |l: &mut Layout, lines: &[Vec<String>], h: f32, bold: bool, bg: Option<Rgb>| {
                let top = l.y;
                if let Some(bg) = bg {
                    l.rect(MARGIN_X, top, CONTENT_W, h, bg);
                }
                let mut x = MARGIN_X;
                for ((cell, w), col) in lines.iter().zip(&widths).zip(&t.columns) {
                    for (i, line) in cell.iter().enumerate() {
                        let tx = match col.align {
                            Align::Left => x + PAD,
                            Align::Right => x + w - PAD - l.fonts.width(line, SIZE, bold),
                        };
                        if col.trend
                            && !bold
                            && let Ok(change) = line.trim_start_matches(['+', '±']).parse::<i64>()
                        {
                            let (ax, ay) = (tx - 10.0, top + PAD + (i as f32) * lh + 2.0);
                            let (points, color) = match change.signum() {
                                1 => (
                                    vec![(ax, ay + 7.0), (ax + 3.5, ay), (ax + 7.0, ay + 7.0)],
                                    doc::RED,
                                ),
                                -1 => (
                                    vec![(ax, ay), (ax + 7.0, ay), (ax + 3.5, ay + 7.0)],
                                    doc::GREEN,
                                ),
                                _ => (
                                    vec![(ax, ay), (ax + 7.0, ay + 3.5), (ax, ay + 7.0)],
                                    doc::GREY,
                                ),
                            };
                            l.page().items.push(Item::Polygon { points, color });
                        }
                        l.text(
                            tx,
                            top + PAD + (i as f32 + 1.0) * lh - SIZE * 0.3,
                            SIZE,
                            bold,
                            doc::INK,
                            line.clone(),
                        );
                    }
                    x += w;
                }
                l.y += h;
                l.line(
                    vec![(MARGIN_X, l.y), (MARGIN_X + CONTENT_W, l.y)],
                    0.4,
                    doc::LINE,
                );
            };

        let first_row_h = t
            .rows
            .first()
            .map(|r| {
                wrap_row(&r.cells, false)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(1) as f32
                    * lh
                    + 2.0 * PAD
            })
            .unwrap_or(0.0);
        self.ensure(header_h + first_row_h);
        draw_row(self, &header_lines, header_h, true, Some(doc::HEADER_BG));
        for row in &t.rows {
            let bold = row.style == RowStyle::Bold;
            let lines = wrap_row(&row.cells, bold);
            let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
            if h > self.room() {
                self.new_page();
                // On the new page, whose table this is, then its header again.
                if let Some(continued) = &t.continued {
                    self.paragraph(continued, 10.0, true, doc::BRAND, 4.0);
                }
                draw_row(self, &header_lines, header_h, true, Some(doc::HEADER_BG));
            }
            let bg = (row.style == RowStyle::Flagged).then_some(doc::FLAG_BG);
            draw_row(self, &lines, h, bold, bg);
        }
        self.y += 10.0;
    }

    fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 1.6 + 60.0);
        self.y += size * 0.6;
        self.paragraph(text, size, true, doc::BRAND, size * 0.3);
    }

    fn bars(&mut self, title: &str, bars: &[doc::Bar], legend: &str) {
        const ROW: f32 = 15.0;
        const LABEL_W: f32 = 140.0;
        let h = 22.0 + bars.len() as f32 * ROW + 16.0;
        self.ensure(h);
        self.subheading(title);
        let max = bars
            .iter()
            .map(|b| b.value.max(b.mark.unwrap_or(0.0)))
            .fold(1.0f64, f64::max);
        let x0 = MARGIN_X + LABEL_W;
        let span = CONTENT_W - LABEL_W - 40.0;
        for b in bars {
            let top = self.y;
            self.text(MARGIN_X, top + 10.5, 8.5, false, doc::INK, b.label.clone());
            let w = (b.value / max) as f32 * span;
            self.rect(
                x0,
                top + 2.0,
                w.max(0.5),
                ROW - 5.0,
                if b.highlight { doc::RED } else { doc::BRAND },
            );
            if let Some(m) = b.mark {
                let mx = x0 + (m / max) as f32 * span;
                self.line(vec![(mx, top), (mx, top + ROW - 1.0)], 1.2, doc::INK);
            }
            self.text(
                x0 + w + 4.0,
                top + 10.5,
                8.5,
                false,
                doc::INK,
                format_number(b.value),
            );
            self.y += ROW;
        }
        self.paragraph(legend, 7.5, false, doc::MUTED, 8.0);
    }

    fn subheading(&mut self, text: &str) {
        self.y += 14.0;
        self.text(MARGIN_X, self.y - 2.0, 10.0, true, doc::INK, text);
        self.y += 6.0;
    }

    fn line_chart(&mut self, title: &str, points: &[(String, f64)]) {
        const H: f32 = 120.0;
        self.ensure(H + 50.0);
        self.subheading(title);
        let top = self.y + 6.0;
        let x0 = MARGIN_X + 30.0;
        let w = CONTENT_W - 40.0;
        let max = points.iter().map(|p| p.1).fold(1.0f64, f64::max);
        self.line(
            vec![(x0, top), (x0, top + H), (x0 + w, top + H)],
            0.6,
            doc::MUTED,
        );
        self.text(
            MARGIN_X,
            top + 6.0,
            7.5,
            false,
            doc::MUTED,
            format_number(max),
        );
        self.text(MARGIN_X, top + H, 7.5, false, doc::MUTED, "0");
        let n = points.len().max(2) as f32 - 1.0;
        let coords: Vec<(f32, f32)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| (x0 + w * i as f32 / n, top + H - (p.1 / max) as f32 * H))
            .collect();
        self.line(coords.clone(), 1.6, doc::BRAND);
        for ((x, y), (label, value)) in coords.iter().zip(points) {
            self.rect(x - 2.0, y - 2.0, 4.0, 4.0, doc::BRAND);
            let lw = self.fonts.width(label, 7.0, false);
            self.text(
                x - lw / 2.0,
                top + H + 11.0,
                7.0,
                false,
                doc::MUTED,
                label.clone(),
            );
            let vw = self.fonts.width(&format_number(*value), 7.0, false);
            self.text(
                x - vw / 2.0,
                y - 5.0,
                7.0,
                false,
                doc::INK,
                format_number(*value),
            );
        }
        self.y = top + H + 24.0;
    }

    fn heatmap(&mut self, title: &str, rows: &[String], cols: &[String], values: &[Vec<f64>]) {
        const CELL_H: f32 = 13.0;
        let h = 30.0 + rows.len() as f32 * CELL_H + 20.0;
        self.ensure(h);
        self.subheading(title);
        let x0 = MARGIN_X + 30.0;
        let cell_w = (CONTENT_W - 30.0) / cols.len().max(1) as f32;
        let max = values
            .iter()
            .flatten()
            .copied()
            .fold(0.0f64, f64::max)
            .max(1.0);
        let top = self.y + 2.0;
        for (c, label) in cols.iter().enumerate() {
            if c % 3 == 0 {
                self.text(
                    x0 + c as f32 * cell_w + 1.0,
                    top + 7.0,
                    6.5,
                    false,
                    doc::MUTED,
                    label.clone(),
                );
            }
        }
        let grid_top = top + 10.0;
        for (r, label) in rows.iter().enumerate() {
            let y = grid_top + r as f32 * CELL_H;
            self.text(MARGIN_X, y + 9.5, 7.5, false, doc::INK, label.clone());
            for (c, v) in values
                .get(r)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let t = (*v / max) as f32;
                let color = Rgb(
                    1.0 - t * (1.0 - doc::BRAND.0),
                    1.0 - t * (1.0 - doc::BRAND.1),
                    1.0 - t * (1.0 - doc::BRAND.2),
                );
                self.rect(x0 + c as f32 * cell_w, y, cell_w - 0.8, CELL_H - 0.8, color);
            }
        }
        self.y = grid_top + rows.len() as f32 * CELL_H + 10.0;
    }

    fn statuses(&mut self, items: &[doc::StatusItem]) {
        for s in items {
            let lines = self.fonts.wrap(&s.text, 9.0, false, CONTENT_W - 170.0);
            let h = (lines.len().max(1) as f32) * 12.0 + 10.0;
            self.ensure(h);
            let top = self.y;
            self.rect(MARGIN_X, top + 2.0, 12.0, 12.0, s.color);
            // The mark in black on light squares and white on dark ones (printed in
            // greyscale, the square's colour alone says nothing).
            let light = 0.299 * s.color.0 + 0.587 * s.color.1 + 0.114 * s.color.2 > 0.55;
            let mark_color = if light {
                doc::INK
            } else {
                doc::Rgb(1.0, 1.0, 1.0)
            };
            let mw = self.fonts.width(&s.mark, 8.0, true);
            self.text(
                MARGIN_X + 6.0 - mw / 2.0,
                top + 11.0,
                8.0,
                true,
                mark_color,
                s.mark.clone(),
            );
            self.text(
                MARGIN_X + 18.0,
                top + 11.5,
                10.0,
                true,
                doc::INK,
                s.label.clone(),
            );
            // The word in ink: "gul" in yellow on white could not be read.
            self.text(
                MARGIN_X + 110.0,
                top + 11.5,
                9.0,
                true,
                doc::INK,
                s.status.clone(),
            );
            for (i, l) in lines.iter().enumerate() {
                self.text(
                    MARGIN_X + 170.0,
                    top + 11.5 + i as f32 * 12.0,
                    9.0,
                    false,
                    doc::INK,
                    l.clone(),
                );
            }
            self.y += h;
        }
    }
}

/// Numbers as Swedes write them: integers plain, decimals with a comma.
pub fn format_number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        one_decimal(v)
    }
}

/// One decimal with a comma, always ("6,0" beside "2,1", never "6"): normal levels.
pub fn one_decimal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// Lays the document out into pages, with running header and page numbers.
pub fn layout(d: &Document, fonts: &Fonts) -> Vec<Page> {
    let mut l = Layout {
        fonts,
        pages: vec![Page::default()],
        y: TOP,
    };
    for block in &d.blocks {
        match block {
            Block::Title { text, subtitle } => {
                l.y += 30.0;
                l.paragraph(text, 24.0, true, doc::BRAND, 4.0);
                l.paragraph(subtitle, 12.0, false, doc::MUTED, 14.0);
            }
            Block::Heading(t) => l.heading(t, 15.0),
            Block::Subheading(t) => {
                l.ensure(60.0);
                l.subheading(t);
            }
            Block::Paragraph(t) => l.paragraph(t, 9.5, false, doc::INK, 6.0),
            Block::Small(t) => l.paragraph(t, 7.5, false, doc::MUTED, 6.0),
            Block::Statuses(items) => l.statuses(items),
            Block::Table(t) => l.table(t),
            Block::Bars {
                title,
                bars,
                legend,
            } => l.bars(title, bars, legend),
            Block::Line { title, points } => l.line_chart(title, points),
            Block::Heatmap {
                title,
                rows,
                cols,
                values,
            } => l.heatmap(title, rows, cols, values),
            Block::Photo { photo, caption } => l.photo(photo, caption),
            Block::Spacer(h) => l.y += h,
            Block::PageBreak => l.new_page(),
        }
    }
    let total = l.pages.len();
    for (i, page) in l.pages.iter_mut().enumerate() {
        page.items.push(Item::Text {
            x: MARGIN_X,
            y: 38.0,
            size: 8.0,
            bold: false,
            color: doc::MUTED,
            text: d.header.clone(),
        });
        let tw = fonts.width(&d.title, 8.0, true);
        page.items.push(Item::Text {
            x: PAGE_W - MARGIN_X - tw,
            y: 38.0,
            size: 8.0,
            bold: true,
            color: doc::MUTED,
            text: d.title.clone(),
        });
        page.items.push(Item::Line {
            points: vec![(MARGIN_X, 45.0), (PAGE_W - MARGIN_X, 45.0)],
            width: 0.5,
            color: doc::LINE,
        });
        let n = format!("Sida {} av {}", i + 1, total);
        let nw = fonts.width(&n, 8.0, false);
        page.items.push(Item::Text {
            x: PAGE_W - MARGIN_X - nw,
            y: PAGE_H - 28.0,
            size: 8.0,
            bold: false,
            color: doc::MUTED,
            text: n,
        });
        page.items.push(Item::Text {
            x: MARGIN_X,
            y: PAGE_H - 28.0,
            size: 8.0,
            bold: false,
            color: doc::MUTED,
            text: d.footer.clone(),
        });
    }
    l.pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::doc::{Column, Row};

    fn texts(p: &Page) -> Vec<String> {
        p.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn long_tables_repeat_their_header_and_pages_are_numbered() {
        let fonts = Fonts::load().unwrap();
        let table = Table {
            continued: None,
            columns: vec![
                Column {
                    title: "Plats".into(),
                    width: 3.0,
                    align: Align::Left,
                    trend: false,
                },
                Column {
                    title: "Antal".into(),
                    width: 1.0,
                    align: Align::Right,
                    trend: false,
                },
            ],
            rows: (0..200)
                .map(|i| Row {
                    cells: vec![format!("Plats {i}"), i.to_string()],
                    style: RowStyle::Normal,
                })
                .collect(),
        };
        let d = Document {
            title: "T".into(),
            header: "H".into(),
            footer: "F".into(),
            created_unix: 0,
            blocks: vec![Block::Table(table)],
        };
        let pages = layout(&d, &fonts);
        assert!(pages.len() >= 3, "{}", pages.len());
        for (i, p) in pages.iter().enumerate() {
            let t = texts(p);
            assert!(
                t.contains(&"Plats".to_string()),
                "page {} repeats the header",
                i + 1
            );
            assert!(t.contains(&format!("Sida {} av {}", i + 1, pages.len())));
            for item in &p.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y <= PAGE_H && *y >= 0.0);
                }
            }
        }
        let all: Vec<String> = pages.iter().flat_map(texts).collect();
        assert!(all.contains(&"Plats 199".to_string()));
    }

    #[test]
    fn numbers_use_a_decimal_comma() {
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(2.45), "2,5");
    }
}
