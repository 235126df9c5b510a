//! The document model: what a PDF says, with no positions and no printpdf.

/// A colour, 0–1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const INK: Rgb = Rgb(0.106, 0.169, 0.165);
pub const MUTED: Rgb = Rgb(0.36, 0.42, 0.42);
pub const BRAND: Rgb = Rgb(0.122, 0.373, 0.357);
pub const LINE: Rgb = Rgb(0.84, 0.87, 0.86);
pub const HEADER_BG: Rgb = Rgb(0.91, 0.94, 0.93);
pub const FLAG_BG: Rgb = Rgb(1.0, 0.95, 0.82);
pub const GREEN: Rgb = Rgb(0.18, 0.55, 0.29);
pub const YELLOW: Rgb = Rgb(0.93, 0.73, 0.12);
pub const RED: Rgb = Rgb(0.78, 0.16, 0.14);
pub const GREY: Rgb = Rgb(0.7, 0.72, 0.72);

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The PDF's title (metadata) and the running header's right side.
    pub title: String,
    /// The running header's left side (e.g. the municipality).
    pub header: String,
    /// The footer's left side (e.g. "Skapad 2026-11-22 10:15").
    pub footer: String,
    /// Creation time written into the PDF, seconds since 1970 (UTC): fixed for a frozen
    /// picture, so it exports identically.
    pub created_unix: i64,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width.
    pub width: f32,
    pub align: Align,
    /// Cells are signed changes ("+4", "-2", "0"): drawn with an up, down or level arrow.
    pub trend: bool,
}

impl Column {
    /// A plain column (no trend arrows).
    pub fn new(title: &str, width: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            width,
            align,
            trend: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStyle {
    Normal,
    Bold,
    Flagged,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub style: RowStyle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Heads the table where it runs onto a new page ("Norrby (forts.)").
    pub continued: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// A table of plain rows that needs no heading where it runs onto a new page.
    pub fn plain(columns: Vec<Column>, rows: Vec<Vec<String>>) -> Block {
        Block::Table(Table {
            continued: None,
            columns,
            rows: rows
                .into_iter()
                .map(|cells| Row {
                    cells,
                    style: RowStyle::Normal,
                })
                .collect(),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Drawn as a thin mark: e.g. the baseline.
    pub mark: Option<f64>,
    pub highlight: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusItem {
    pub label: String,
    pub status: String,
    pub color: Rgb,
    /// Drawn inside the square, so the status reads without colour (its step on the
    /// scale: 1 is best).
    pub mark: String,
    pub text: String,
}

/// A photo ready to print: RGB pixels, already scaled down to print size.
#[derive(Clone, PartialEq)]
pub struct Photo {
    pub width: u32,
    pub height: u32,
    /// `width × height × 3` bytes, row by row.
    pub rgb: std::sync::Arc<Vec<u8>>,
}

impl std::fmt::Debug for Photo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Photo({} × {})", self.width, self.height)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title {
        text: String,
        subtitle: String,
    },
    Heading(String),
    Subheading(String),
    Paragraph(String),
    Small(String),
    Statuses(Vec<StatusItem>),
    Table(Table),
    Bars {
        title: String,
        bars: Vec<Bar>,
        legend: String,
    },
    Line {
        title: String,
        points: Vec<(String, f64)>,
    },
    Heatmap {
        title: String,
        rows: Vec<String>,
        cols: Vec<String>,
        values: Vec<Vec<f64>>,
    },
    /// A photo with its caption below it.
    Photo {
        photo: Photo,
        caption: String,
    },
    Spacer(f32),
    PageBreak,
}
