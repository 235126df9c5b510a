//! The embedded fonts (Noto Sans, OFL, in `assets/fonts/`) and their metrics.

use crate::error::Result;
use crate::messages::Message;

pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

pub struct Fonts {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Fonts {
    pub fn load() -> Result<Fonts> {
        let parse = |b: &'static [u8]| {
            ttf_parser::Face::parse(b, 0).map_err(|e| Message::Storage {
                detail: format!("font: {e}"),
            })
        };
        Ok(Fonts {
            regular: parse(REGULAR)?,
            bold: parse(BOLD)?,
        })
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let upem = f32::from(face.units_per_em());
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map(f32::from)
                    .unwrap_or(upem * 0.5)
            })
            .sum();
        units / upem * size
    }

    /// Whether the regular face has a glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.regular.glyph_index(c).is_some()
    }

    /// Splits `text` into lines no wider than `max` points (words longer than a line are cut).
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, bold) <= max
                    || line.is_empty() && self.width(word, size, bold) <= max
                {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut by characters.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size, bold) > max && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_swedish_letters_but_no_arrows() {
        // Noto Sans lacks ↑ ↓ →, so trend arrows are drawn as shapes (layout.rs).
        let f = Fonts::load().unwrap();
        for c in ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é', '–', '·'] {
            assert!(f.has_glyph(c), "{c}");
        }
        assert!(!f.has_glyph('↑'));
    }

    #[test]
    fn measures_and_wraps_swedish_text() {
        let f = Fonts::load().unwrap();
        let w = f.width("Skadegörelse", 10.0, false);
        assert!(w > 40.0 && w < 80.0, "{w}");
        assert!(f.width("ÅÄÖ", 10.0, true) > f.width("ÅÄÖ", 10.0, false));
        let lines = f.wrap(
            "Boende uppger att de undviker platsen efter mörkrets inbrott",
            10.0,
            false,
            120.0,
        );
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| f.width(l, 10.0, false) <= 120.0));
        assert_eq!(
            lines.join(" "),
            "Boende uppger att de undviker platsen efter mörkrets inbrott"
        );
    }
}
