//! PDF documents in three layers, so only the last one knows printpdf:
//! [`doc`] (what to say: headings, paragraphs, tables, charts) → [`layout`] (where:
//! measured with the embedded font's metrics, wrapped, paginated, table headers
//! repeated, "Sida n av m") → [`emit`] (printpdf operations, the font subset, the
//! creation date set explicitly).

pub mod archive;
pub mod doc;
pub mod emit;
pub mod fonts;
pub mod layout;

/// The document as an archival PDF/A-2b file (see [`archive`]).
pub fn render_archival(document: &doc::Document) -> crate::Result<Vec<u8>> {
    archive::pdf_a(&render(document)?, document.created_unix)
}

/// Lays out and writes a document; returns the PDF bytes.
pub fn render(document: &doc::Document) -> crate::Result<Vec<u8>> {
    let fonts = fonts::Fonts::load()?;
    let pages = layout::layout(document, &fonts);
    emit::emit(document, &pages)
}
