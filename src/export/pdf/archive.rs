//! Archival PDF (PDF/A-2b): a finished PDF gains what the standard asks beyond what
//! Navet already writes (every font embedded, no transparency, no encryption): XMP
//! metadata that says it is PDF/A-2b and agrees with the document information, and an
//! sRGB output intent with its ICC profile (`assets/icc`, CC0). The empty information
//! entries printpdf writes, which the XMP would have to repeat, are left out.

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

use crate::error::Result;
use crate::messages::Message;

/// sRGB IEC 61966-2.1, version 2, 456 bytes (Compact-ICC-Profiles, CC0).
const SRGB: &[u8] = include_bytes!("../../../assets/icc/sRGB-v2-micro.icc");

fn failed(detail: impl std::fmt::Display) -> crate::Error {
    Message::Storage {
        detail: format!("PDF/A: {detail}"),
    }
    .into()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A PDF text string as text (UTF-16BE with its mark, or PDFDocEncoding read as Latin-1).
fn text_of(object: Option<&Object>) -> String {
    let Some(Object::String(bytes, _)) = object else {
        return String::new();
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// The XMP packet for a PDF/A-2b file.
fn xmp(title: &str, when: &str) -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n\
   <pdfaid:part>2</pdfaid:part>\n\
   <pdfaid:conformance>B</pdfaid:conformance>\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
   <xmp:CreatorTool>Navet</xmp:CreatorTool>\n\
   <xmp:CreateDate>{when}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{when}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{when}</xmp:MetadataDate>\n\
   <pdf:Producer>Navet</pdf:Producer>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        title = xml_escape(title),
    )
}

/// Makes a PDF Navet wrote (`bytes`, created at `created_unix`) a PDF/A-2b file.
pub fn pdf_a(bytes: &[u8], created_unix: i64) -> Result<Vec<u8>> {
    let mut doc = Document::load_mem(bytes).map_err(failed)?;
    let when = chrono::DateTime::from_timestamp(created_unix, 0).unwrap_or_default();
    let iso = when.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let pdf_date = when.format("D:%Y%m%d%H%M%SZ").to_string();

    // The document information: the entries the XMP repeats, nothing empty.
    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(failed)?;
    let title = {
        let info = doc
            .get_object_mut(info_id)
            .and_then(Object::as_dict_mut)
            .map_err(failed)?;
        let title = text_of(info.get(b"Title").ok());
        let mut clean = Dictionary::new();
        if let Ok(t) = info.get(b"Title") {
            clean.set("Title", t.clone());
        }
        clean.set("Creator", Object::string_literal("Navet"));
        clean.set("Producer", Object::string_literal("Navet"));
        clean.set("CreationDate", Object::string_literal(pdf_date.clone()));
        clean.set("ModDate", Object::string_literal(pdf_date));
        *info = clean;
        title
    };

    let profile = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        SRGB.to_vec(),
    ));
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::String(b"sRGB IEC61966-2.1".to_vec(), StringFormat::Literal),
        ),
        (
            "Info",
            Object::String(b"sRGB IEC61966-2.1".to_vec(), StringFormat::Literal),
        ),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let mut metadata = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(&title, &iso).into_bytes(),
    );
    // The XMP stays readable as it is (no compression), as archives expect.
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);
    let catalog = doc.catalog_mut().map_err(failed)?;
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    catalog.set("Metadata", Object::Reference(metadata));

    let mut out = Vec::with_capacity(bytes.len() + 4096);
    doc.save_to(&mut out).map_err(failed)?;
    Ok(out)
}
