//! PDF documents in three layers, so only the last one knows printpdf:
//! [`doc`] (what to say: headings, paragraphs, tables, charts) → [`layout`] (where:
//! measured with the embedded font's metrics, wrapped, paginated, table headers
//! repeated, "Sida n av m") → [`emit`] (printpdf operations, the font subset, the
//! creation date set explicitly).

pub mod doc;
pub mod emit;
pub mod fonts;
pub mod layout;

/// Lays out and writes a document; returns the PDF bytes.
pub fn render(document: &doc::Document) -> crate::Result<Vec<u8>> {
    let fonts = fonts::Fonts::load()?;
    let pages = layout::layout(document, &fonts);
    emit::emit(document, &pages)
}
