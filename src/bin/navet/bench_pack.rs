//! `navet bench pack`: the EST documents' page time (the operative and strategic meeting
//! packs and the law's lägesbild, from the demo with its cycle) against headless
//! Chromium printing the same content, page for page. Every block of the document model
//! has an HTML form here (charts as inline SVG), so Chromium prints exactly what Navet
//! lays out.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use navet::error::{Error, Result};
use navet::export::pdf::doc::{Align, Block, Document};
use navet::ops;

/// One document's figures.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackBench {
    pub document: String,
    pub pages: usize,
    /// Median layout and PDF writing time, of `runs`.
    pub navet_ms: f64,
    pub navet_page_ms: f64,
    /// The whole use case once: gathering from the database, layout, writing the file.
    pub whole_ms: f64,
    pub chromium_pages: Option<usize>,
    pub chromium_ms: Option<f64>,
    pub chromium_page_ms: Option<f64>,
    /// Navet's page time divided by Chromium's.
    pub ratio: Option<f64>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The document as HTML: the same words, tables and charts.
pub fn document_html(doc: &Document) -> String {
    let mut h = String::from(
        "<!doctype html><html lang=sv><meta charset=utf-8><style>@page{size:A4;margin:24mm 18mm 20mm}body{font-family:'Noto Sans',sans-serif;font-size:9pt;color:#1b2b2a}h1{color:#1f5f5b;font-size:22pt}h2{color:#1f5f5b}table{border-collapse:collapse;width:100%;margin:6px 0}th{background:#e8efee;text-align:left}th,td{padding:3px;border-bottom:1px solid #d5dddc;vertical-align:top}thead{display:table-header-group}td.n,th.n{text-align:right}.small{font-size:7.5pt;color:#5c6b6b}</style>",
    );
    for b in &doc.blocks {
        match b {
            Block::Title { text, subtitle } => {
                h.push_str(&format!("<h1>{}</h1><p>{}</p>", esc(text), esc(subtitle)));
            }
            Block::Heading(t) => h.push_str(&format!("<h2>{}</h2>", esc(t))),
            Block::Subheading(t) => h.push_str(&format!("<h3>{}</h3>", esc(t))),
            Block::Paragraph(t) => h.push_str(&format!("<p>{}</p>", esc(t))),
            Block::Small(t) => h.push_str(&format!("<p class=small>{}</p>", esc(t))),
            Block::Statuses(items) => {
                h.push_str("<ul>");
                for s in items {
                    h.push_str(&format!(
                        "<li><b>{} {}</b> {}: {}</li>",
                        esc(&s.mark),
                        esc(&s.label),
                        esc(&s.status),
                        esc(&s.text)
                    ));
                }
                h.push_str("</ul>");
            }
            Block::Table(t) => {
                let class = |a: Align| if a == Align::Right { " class=n" } else { "" };
                h.push_str("<table><thead><tr>");
                for c in &t.columns {
                    h.push_str(&format!("<th{}>{}", class(c.align), esc(&c.title)));
                }
                h.push_str("</thead><tbody>");
                for r in &t.rows {
                    h.push_str("<tr>");
                    for (i, cell) in r.cells.iter().enumerate() {
                        let align = t.columns.get(i).map_or(Align::Left, |c| c.align);
                        h.push_str(&format!("<td{}>{}", class(align), esc(cell)));
                    }
                }
                h.push_str("</tbody></table>");
            }
            Block::Bars {
                title,
                bars,
                legend,
            } => {
                let max = bars.iter().map(|b| b.value).fold(1.0, f64::max);
                h.push_str(&format!(
                    "<h3>{}</h3><svg width=500 height={}>",
                    esc(title),
                    bars.len() * 15 + 5
                ));
                for (i, b) in bars.iter().enumerate() {
                    let w = b.value / max * 300.0;
                    h.push_str(&format!(
                        "<text x=0 y={y} font-size=9>{l}</text><rect x=150 y={r} width={w:.1} height=10 fill=#1f5f5b /><text x={t:.1} y={y} font-size=9>{v}</text>",
                        y = 12 + i * 15,
                        r = 3 + i * 15,
                        l = esc(&b.label),
                        t = 155.0 + w,
                        v = b.value
                    ));
                }
                h.push_str(&format!("</svg><p class=small>{}</p>", esc(legend)));
            }
            Block::Line { title, points } => {
                let max = points.iter().map(|p| p.1).fold(1.0, f64::max);
                h.push_str(&format!(
                    "<h3>{}</h3><svg width=500 height=150><polyline fill=none stroke=#1f5f5b stroke-width=2 points='",
                    esc(title)
                ));
                for (i, (_, v)) in points.iter().enumerate() {
                    h.push_str(&format!("{},{:.1} ", 30 + i * 38, 140.0 - v / max * 120.0));
                }
                h.push_str("'/>");
                for (i, (label, _)) in points.iter().enumerate() {
                    h.push_str(&format!(
                        "<text x={} y=150 font-size=8>{}</text>",
                        20 + i * 38,
                        esc(label)
                    ));
                }
                h.push_str("</svg>");
            }
            Block::Heatmap {
                title,
                rows,
                cols,
                values,
            } => {
                let max = values.iter().flatten().copied().fold(1.0, f64::max);
                h.push_str(&format!(
                    "<h3>{}</h3><svg width=520 height={}>",
                    esc(title),
                    rows.len() * 13 + 15
                ));
                for (r, (label, row)) in rows.iter().zip(values).enumerate() {
                    h.push_str(&format!(
                        "<text x=0 y={} font-size=8>{}</text>",
                        r * 13 + 10,
                        esc(label)
                    ));
                    for (c, v) in row.iter().enumerate() {
                        h.push_str(&format!(
                            "<rect x={} y={} width=18 height=12 fill='rgba(31,95,91,{:.2})'/>",
                            40 + c * 19,
                            r * 13,
                            v / max
                        ));
                    }
                }
                for (c, label) in cols.iter().enumerate() {
                    h.push_str(&format!(
                        "<text x={} y={} font-size=7>{}</text>",
                        42 + c * 19,
                        rows.len() * 13 + 12,
                        esc(label)
                    ));
                }
                h.push_str("</svg>");
            }
            Block::Photo { photo, caption } => h.push_str(&format!(
                "<figure><div style='width:{}px;height:{}px;background:#888'></div><figcaption>{}</figcaption></figure>",
                photo.width,
                photo.height,
                esc(caption)
            )),
            Block::Spacer(pt) => h.push_str(&format!("<div style='height:{pt}pt'></div>")),
            Block::PageBreak => h.push_str("<div style='break-after:page'></div>"),
        }
    }
    h.push_str("</html>");
    h
}

/// Pages by `pdfinfo` (Chromium compresses its page objects), else by counting them.
fn pages_of(pdf: &Path, bytes: &[u8]) -> usize {
    std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().ok()))
                .flatten()
        })
        .unwrap_or_else(|| crate::bench::pdf_pages(bytes))
        .max(1)
}

/// Makes one document: writes its PDF through the use case and returns its model.
type Make = Box<dyn Fn(&navet::Store, &Path) -> Result<Document>>;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(0.0)
}

/// Times the three EST documents of the demo (with its cycle) against Chromium.
pub fn packs(runs: u32, dir: Option<PathBuf>) -> Result<Vec<PackBench>> {
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-pack-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let db = dir.join("pack.sqlite");
    let _ = std::fs::remove_file(&db);
    let mut store = navet::Store::open(&db)?;
    let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default();
    ops::load_demo_with_cycle(&mut store, 52, end)?;
    let meetings = ops::meetings::list(&store)?;
    let latest = |series: &str| meetings.iter().find(|m| m.series == series).map(|m| m.id);
    let mut out = Vec::new();
    let mut documents: Vec<(String, Make)> = Vec::new();
    for series in ["Operativ grupp", "Strategisk grupp"] {
        if let Some(id) = latest(series) {
            documents.push((
                format!("mötesunderlag {series}"),
                Box::new(move |s, path| {
                    ops::meetings::pack(s, id, path)?;
                    ops::meetings::pack_document_of(s, id)
                }),
            ));
        }
    }
    documents.push((
        "lägesbild enligt lag".into(),
        Box::new(move |s, path| {
            let request = ops::law::LawRequest::default();
            ops::law::lagesbild_pdf(s, &request, end, path)?;
            Ok(ops::law::lagesbild_document(s, &request, end)?.0)
        }),
    ));
    for (i, (name, make)) in documents.iter().enumerate() {
        let pdf = dir.join(format!("navet-{i}.pdf"));
        let started = Instant::now();
        let document = make(&store, &pdf)?;
        let whole_ms = started.elapsed().as_secs_f64() * 1000.0;
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            bytes = navet::export::pdf::render(&document)?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let navet_ms = median(times);
        let pages = pages_of(&pdf, &bytes);
        let html = dir.join(format!("chromium-{i}.html"));
        std::fs::write(&html, document_html(&document)).map_err(|e| Error::io(&html, e))?;
        let chrome_pdf = dir.join(format!("chromium-{i}.pdf"));
        let chromium_ms = crate::bench::chromium_print(&dir, &html, &chrome_pdf, 3);
        let chromium_pages = chromium_ms
            .and_then(|_| std::fs::read(&chrome_pdf).ok())
            .map(|b| pages_of(&chrome_pdf, &b));
        let chromium_page_ms = chromium_ms.zip(chromium_pages).map(|(ms, p)| ms / p as f64);
        let navet_page_ms = navet_ms / pages as f64;
        out.push(PackBench {
            document: name.clone(),
            pages,
            navet_ms,
            navet_page_ms,
            whole_ms,
            chromium_pages,
            chromium_ms,
            chromium_page_ms,
            ratio: chromium_page_ms.map(|c| navet_page_ms / c),
        });
    }
    Ok(out)
}
