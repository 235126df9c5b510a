//! Emit: turns laid-out pages into a PDF with printpdf. The only module that knows it.

use printpdf::{
    Color, DateTime, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage, RawImageData, RawImageFormat,
    Rgb as PRgb, TextItem, WindingOrder, XObjectTransform,
};

use super::doc::{Document, Rgb};
use super::fonts;
use super::layout::{Item, PAGE_H, Page};
use crate::error::Result;
use crate::messages::Message;

fn color(c: Rgb) -> Color {
    Color::Rgb(PRgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn pt(x: f32, y_from_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_H - y_from_top),
    }
}

fn path(points: &[(f32, f32)]) -> Vec<LinePoint> {
    points
        .iter()
        .map(|(x, y)| LinePoint {
            p: pt(*x, *y),
            bezier: false,
        })
        .collect()
}

/// A filled shape through `points`.
fn fill(points: &[(f32, f32)], c: Rgb) -> [Op; 2] {
    [
        Op::SetFillColor { col: color(c) },
        Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: path(points),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        },
    ]
}

pub fn emit(d: &Document, pages: &[Page]) -> Result<Vec<u8>> {
    let bad_font = || Message::Storage {
        detail: "the embedded font could not be read".into(),
    };
    let regular =
        ParsedFont::from_bytes(fonts::REGULAR, 0, &mut Vec::new()).ok_or_else(bad_font)?;
    let bold = ParsedFont::from_bytes(fonts::BOLD, 0, &mut Vec::new()).ok_or_else(bad_font)?;
    let mut pdf = PdfDocument::new(&d.title);
    // An explicit creation date (the default would be 1970): the time the picture was
    // made or frozen, so a frozen picture exports to the same bytes again.
    if let Ok(created) = DateTime::from_unix_timestamp(d.created_unix) {
        pdf.metadata.info.creation_date = created;
        pdf.metadata.info.modification_date = created;
        pdf.metadata.info.metadata_date = created;
    }
    pdf.metadata.info.creator = "Navet".into();
    pdf.metadata.info.producer = "Navet".into();
    let regular_id = pdf.add_font(&regular);
    let bold_id = pdf.add_font(&bold);

    let mut out_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = Vec::with_capacity(page.items.len() * 6);
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    bold,
                    color: c,
                    text,
                } => {
                    let font = if *bold {
                        bold_id.clone()
                    } else {
                        regular_id.clone()
                    };
                    ops.extend([
                        Op::StartTextSection,
                        Op::SetFont {
                            font: PdfFontHandle::External(font),
                            size: Pt(*size),
                        },
                        Op::SetFillColor { col: color(*c) },
                        Op::SetTextCursor { pos: pt(*x, *y) },
                        Op::ShowText {
                            items: vec![TextItem::Text(text.clone())],
                        },
                        Op::EndTextSection,
                    ]);
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    color: c,
                } => ops.extend(fill(
                    &[(*x, *y), (x + w, *y), (x + w, y + h), (*x, y + h)],
                    *c,
                )),
                Item::Polygon { points, color: c } => ops.extend(fill(points, *c)),
                Item::Image { x, y, w, h, photo } => {
                    let id = pdf.add_image(&RawImage {
                        pixels: RawImageData::U8(photo.rgb.to_vec()),
                        width: photo.width as usize,
                        height: photo.height as usize,
                        data_format: RawImageFormat::RGB8,
                        tag: Vec::new(),
                    });
                    // At 72 dpi a pixel is a point; then scaled to the laid-out size and
                    // moved to its place (PDF measures from the page's bottom).
                    ops.push(Op::UseXobject {
                        id,
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(PAGE_H - y - h)),
                            scale_x: Some(w / photo.width.max(1) as f32),
                            scale_y: Some(h / photo.height.max(1) as f32),
                            dpi: Some(72.0),
                            ..Default::default()
                        },
                    });
                }
                Item::Line {
                    points,
                    width,
                    color: c,
                } => {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: printpdf::Line {
                            points: path(points),
                            is_closed: false,
                        },
                    });
                }
            }
        }
        out_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    let bytes = pdf
        .with_pages(out_pages)
        .save(&PdfSaveOptions::default(), &mut Vec::new());
    Ok(bytes)
}
