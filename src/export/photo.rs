//! A walk point's photo made printable: decoded (JPEG or PNG) within limits on what a
//! file may claim, turned upright by its EXIF orientation, and scaled down to print size.
//! Anything else (HEIC, WebP, GIF, a broken or hostile file) is not drawn; the protocol
//! then names the file instead.

use std::path::Path;
use std::sync::Arc;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::pdf::doc::Photo;

/// The longest side of a printed photo, in pixels: 300 pt at about 290 dpi.
pub const MAX_SIDE: u32 = 1200;
/// What a photo may claim before it is decoded: a phone's 50-megapixel photo fits; a
/// file claiming 100,000 × 100,000 pixels is not decoded at all.
const MAX_DIMENSION: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 400 * 1024 * 1024;

/// The photo at `path` ready to print, or `None` when it cannot be drawn.
pub fn printable(path: &Path) -> Option<Photo> {
    let mut reader = ImageReader::open(path).ok()?.with_guessed_format().ok()?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok()?;
    let mut img = DynamicImage::from_decoder(decoder).ok()?;
    img.apply_orientation(orientation);
    if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img = img.thumbnail(MAX_SIDE, MAX_SIDE);
    }
    let rgb = img.to_rgb8();
    Some(Photo {
        width: rgb.width(),
        height: rgb.height(),
        rgb: Arc::new(rgb.into_raw()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(dir: &Path, name: &str, w: u32, h: u32) -> std::path::PathBuf {
        let path = dir.join(name);
        image::RgbImage::from_pixel(w, h, image::Rgb([90, 120, 150]))
            .save(&path)
            .unwrap();
        path
    }

    #[test]
    fn photos_are_scaled_down_and_what_cannot_be_drawn_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let big = printable(&png(dir.path(), "stor.png", 2400, 1000)).unwrap();
        assert_eq!((big.width, big.height), (1200, 500));
        assert_eq!(big.rgb.len(), 1200 * 500 * 3);
        let small = printable(&png(dir.path(), "liten.png", 640, 480)).unwrap();
        assert_eq!((small.width, small.height), (640, 480), "never scaled up");
        // Wider than any photo: not decoded at all (a few kB on disk).
        let wide = png(dir.path(), "bred.png", 13_000, 4);
        assert!(std::fs::metadata(&wide).unwrap().len() < 100_000);
        assert!(printable(&wide).is_none());
        // Not an image, or cut short.
        let fake = dir.path().join("falsk.jpg");
        std::fs::write(&fake, b"\xff\xd8\xff\xe0 jpeg").unwrap();
        assert!(printable(&fake).is_none());
        let cut = dir.path().join("kapad.png");
        let bytes = std::fs::read(dir.path().join("stor.png")).unwrap();
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        assert!(printable(&cut).is_none());
    }
}
