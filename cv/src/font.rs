//! One font of the CV: glyph lookup, advances and pair kerning (GPOS `kern`) for measuring and writing text,
//! and the metrics its PDF font descriptor needs. Text is not shaped beyond that: the scripts the font covers
//! (Latin, Greek, Cyrillic) need no more for a CV.

use std::cell::RefCell;
use std::collections::HashMap;
use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use ttf_parser::{Face, GlyphId, Tag};

/// Why a font file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FontError {
    /// Not an OpenType / TrueType font.
    Unreadable,
    /// A font without the ellipsis the CV marks text it cannot show with.
    NoEllipsis,
}

impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FontError::Unreadable => f.write_str("not a readable OpenType font"),
            FontError::NoEllipsis => f.write_str("the font has no ellipsis (U+2026)"),
        }
    }
}

/// The mark that stands for text the font cannot show.
pub const NOT_SHOWN_MARK: char = '…';

/// A parsed font with its kerning pairs resolved lazily.
pub struct FontFace<'a> {
    data: &'a [u8],
    face: Face<'a>,
    kern_lookups: Vec<u16>,
    kern_cache: RefCell<HashMap<(u16, u16), i16>>,
    /// Glyph and advance per character looked up so far.
    glyph_cache: RefCell<HashMap<char, Option<(u16, i32)>>>,
}

/// Metrics for the PDF font descriptor, in 1/1000 em.
#[derive(Clone, Copy, Debug)]
pub struct DescriptorMetrics {
    /// Font bounding box (x0, y0, x1, y1).
    pub bbox: (f32, f32, f32, f32),
    /// Ascender.
    pub ascent: f32,
    /// Descender (negative).
    pub descent: f32,
    /// Height of capitals.
    pub cap_height: f32,
    /// Italic angle in degrees.
    pub italic_angle: f32,
    /// Estimated vertical stem width.
    pub stem_v: f32,
    /// usWeightClass.
    pub weight: u16,
}

impl<'a> FontFace<'a> {
    /// Parses `data` (a TrueType or CFF OpenType font, face 0).
    pub fn parse(data: &'a [u8]) -> Result<Self, FontError> {
        let face = Face::parse(data, 0).map_err(|_| FontError::Unreadable)?;
        if face.glyph_index(NOT_SHOWN_MARK).is_none() {
            return Err(FontError::NoEllipsis);
        }
        let kern_lookups = face
            .tables()
            .gpos
            .map(|gpos| {
                let mut lookups: Vec<u16> = gpos
                    .features
                    .into_iter()
                    .filter(|f| f.tag == Tag::from_bytes(b"kern"))
                    .flat_map(|f| f.lookup_indices.into_iter())
                    .collect();
                lookups.sort_unstable();
                lookups.dedup();
                lookups
            })
            .unwrap_or_default();
        Ok(FontFace {
            data,
            face,
            kern_lookups,
            kern_cache: Default::default(),
            glyph_cache: Default::default(),
        })
    }

    /// The font file.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The glyph for `c` and its advance in font units, if the font has one.
    fn lookup(&self, c: char) -> Option<(u16, i32)> {
        if let Some(&found) = self.glyph_cache.borrow().get(&c) {
            return found;
        }
        let found = self
            .face
            .glyph_index(c)
            .map(|g| g.0)
            .filter(|&g| g != 0)
            .map(|g| (g, self.advance(g)));
        self.glyph_cache.borrow_mut().insert(c, found);
        found
    }

    /// The glyph for `c`, if the font has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.lookup(c).map(|(g, _)| g)
    }

    /// True when the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> f32 {
        f32::from(self.face.units_per_em())
    }

    /// Advance width of a glyph in font units.
    pub fn advance(&self, glyph: u16) -> i32 {
        i32::from(self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0))
    }

    /// The kerning between two glyphs in font units (negative: closer).
    pub fn kerning(&self, left: u16, right: u16) -> i32 {
        if self.kern_lookups.is_empty() {
            return 0;
        }
        if let Some(&cached) = self.kern_cache.borrow().get(&(left, right)) {
            return i32::from(cached);
        }
        let value = self.lookup_kerning(GlyphId(left), GlyphId(right));
        self.kern_cache.borrow_mut().insert((left, right), value);
        i32::from(value)
    }

    fn lookup_kerning(&self, left: GlyphId, right: GlyphId) -> i16 {
        let Some(gpos) = self.face.tables().gpos else {
            return 0;
        };
        for &index in &self.kern_lookups {
            let Some(lookup) = gpos.lookups.get(index) else {
                continue;
            };
            for i in 0..lookup.subtables.len() {
                let Some(PositioningSubtable::Pair(pair)) =
                    lookup.subtables.get::<PositioningSubtable>(i)
                else {
                    continue;
                };
                let found = match pair {
                    PairAdjustment::Format1 { coverage, sets } => coverage
                        .get(left)
                        .and_then(|at| sets.get(at))
                        .and_then(|set| set.get(right)),
                    PairAdjustment::Format2 {
                        coverage,
                        classes,
                        matrix,
                    } => coverage
                        .get(left)
                        .and_then(|_| matrix.get((classes.0.get(left), classes.1.get(right)))),
                };
                if let Some((first, _)) = found {
                    // The first pair found in lookup order applies (as a shaper would).
                    return first.x_advance;
                }
            }
        }
        0
    }

    /// The glyphs of `text` (every character must be covered: see [`crate::text`]) with their advances in
    /// font units, kerning included.
    pub fn glyphs(&self, text: &str) -> Vec<(u16, char, i32)> {
        let glyphs: Vec<(u16, char, i32)> = text
            .chars()
            .map(|c| {
                let (glyph, advance) = self.lookup(c).unwrap_or((0, 0));
                (glyph, c, advance)
            })
            .collect();
        glyphs
            .iter()
            .enumerate()
            .map(|(i, &(glyph, c, advance))| {
                let kern = glyphs
                    .get(i + 1)
                    .map(|&(next, _, _)| self.kerning(glyph, next))
                    .unwrap_or(0);
                (glyph, c, advance + kern)
            })
            .collect()
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: i32 = self.glyphs(text).iter().map(|g| g.2).sum();
        units as f32 * size / self.units_per_em()
    }

    /// Ascender and descender as fractions of the em (descender negative).
    pub fn vertical_extent(&self) -> (f32, f32) {
        let upem = self.units_per_em();
        (
            f32::from(self.face.ascender()) / upem,
            f32::from(self.face.descender()) / upem,
        )
    }

    /// The PostScript name (name ID 6), for the PDF's `BaseFont`.
    pub fn postscript_name(&self) -> String {
        self.face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .map(|n| n.chars().filter(|c| c.is_ascii_graphic()).collect())
            .unwrap_or_else(|| "Font".into())
    }

    /// The descriptor metrics in 1/1000 em.
    pub fn descriptor_metrics(&self) -> DescriptorMetrics {
        let scale = 1000.0 / self.units_per_em();
        let bbox = self.face.global_bounding_box();
        let weight = self.face.weight().to_number();
        DescriptorMetrics {
            bbox: (
                f32::from(bbox.x_min) * scale,
                f32::from(bbox.y_min) * scale,
                f32::from(bbox.x_max) * scale,
                f32::from(bbox.y_max) * scale,
            ),
            ascent: f32::from(self.face.ascender()) * scale,
            descent: f32::from(self.face.descender()) * scale,
            cap_height: f32::from(self.face.capital_height().unwrap_or(self.face.ascender()))
                * scale,
            italic_angle: self.face.italic_angle(),
            // The usual estimate from the weight class (PDF readers only use it for substitution).
            stem_v: 10.0 + 0.244 * (f32::from(weight) - 50.0),
            weight,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../static/fonts/Inter-Regular.ttf");

    #[test]
    fn the_font_covers_latin_greek_and_cyrillic_but_not_han_or_arabic() {
        let font = FontFace::parse(REGULAR).unwrap();
        for c in "AÄßéçñøąłőțΩαβγλπωЖжЯяЁёЇїҐґ€–…·".chars() {
            assert!(font.covers(c), "{c} not covered");
        }
        for c in "王明ش".chars() {
            assert!(!font.covers(c), "{c} covered");
        }
    }

    #[test]
    fn kerning_pulls_known_pairs_together() {
        let font = FontFace::parse(REGULAR).unwrap();
        let (t, o) = (font.glyph('T').unwrap(), font.glyph('o').unwrap());
        assert!(font.kerning(t, o) < 0, "T·o not kerned");
        let (h, i) = (font.glyph('H').unwrap(), font.glyph('i').unwrap());
        assert_eq!(font.kerning(h, i), 0);
        assert!(font.width("To", 10.0) < font.width("T", 10.0) + font.width("o", 10.0));
    }

    #[test]
    fn a_non_font_is_refused() {
        assert_eq!(
            FontFace::parse(b"%PDF-1.7 not a font").err(),
            Some(FontError::Unreadable)
        );
    }
}
