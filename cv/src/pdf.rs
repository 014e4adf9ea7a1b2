//! Writes a [`Layout`] as PDF 1.7 with `pdf-writer`: each weight's font subset (`subsetter`) embedded as a
//! CID-keyed TrueType font (Identity-H) with a ToUnicode map, so text can be selected, copied and extracted;
//! kerning as `TJ` adjustments; Flate-compressed streams; the document's title, language and creation date.
//! Deterministic: the same layout and date give the same bytes (file id and subset tags are content hashes).

use crate::content::{Fonts, Weight};
use crate::font::FontFace;
use crate::layout::{Layout, Mark, Style, PAGE_HEIGHT, PAGE_WIDTH};
use pdf_writer::types::{ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

/// The document's metadata.
pub struct Metadata<'a> {
    /// Title ("Inès Duval – CV").
    pub title: &'a str,
    /// BCP 47 language of the labels.
    pub language: &'a str,
    /// Creation time, milliseconds since the Unix epoch (UTC).
    pub created_at_ms: u64,
}

/// Why the PDF could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// The font could not be subset (unsupported or malformed tables).
    Subset(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Subset(e) => write!(f, "cannot subset the font: {e}"),
        }
    }
}

/// The glyphs a weight uses, each with the character it shows (for the ToUnicode map).
type GlyphUse = BTreeMap<u16, char>;

fn resource_name(weight: Weight) -> Name<'static> {
    match weight {
        Weight::Regular => Name(b"F1"),
        Weight::Bold => Name(b"F2"),
    }
}

/// 64-bit FNV-1a.
fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(seed, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 9)
}

/// Hands out object ids in order.
struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// One embedded font, subset to the glyphs used.
struct Embedded {
    weight: Weight,
    /// Old glyph id → new glyph id (the CID).
    cids: BTreeMap<u16, u16>,
    upem: f32,
}

/// Writes the layout; returns the PDF bytes.
pub fn write(layout: &Layout, fonts: &Fonts, meta: &Metadata) -> Result<Vec<u8>, PdfError> {
    let mut used: BTreeMap<Weight, GlyphUse> = BTreeMap::new();
    for mark in layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.marks)
    {
        if let Mark::Text { style, text, .. } = mark {
            let glyphs = used.entry(style.weight).or_default();
            for (glyph, c, _) in fonts.face(style.weight).glyphs(text) {
                glyphs.entry(glyph).or_insert(c);
            }
        }
    }

    let mut pdf = Pdf::new();
    let mut ids = Ids(0);
    let catalog_id = ids.next();
    let tree_id = ids.next();
    let info_id = ids.next();
    let mut embedded = Vec::new();
    let mut font_refs = Vec::new();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for (&weight, glyphs) in &used {
        let mut remapper = subsetter::GlyphRemapper::new();
        let cids: BTreeMap<u16, u16> = glyphs
            .keys()
            .map(|&old| (old, remapper.remap(old)))
            .collect();
        let (font_ref, font) =
            embed_font(&mut pdf, &mut ids, fonts.face(weight), glyphs, &remapper)?;
        hash = fnv1a(hash, &font);
        font_refs.push((weight, font_ref));
        embedded.push(Embedded {
            weight,
            cids,
            upem: fonts.face(weight).units_per_em(),
        });
    }

    let mut page_ids = Vec::new();
    for page in &layout.pages {
        let page_id = ids.next();
        let content_id = ids.next();
        page_ids.push(page_id);
        let (content, links) = page_content(page, fonts, &embedded);
        hash = fnv1a(hash, &content);
        let compressed = deflate(&content);
        pdf.stream(content_id, &compressed)
            .filter(Filter::FlateDecode);
        let mut link_ids = Vec::new();
        for (rect, uri) in links {
            let id = ids.next();
            link_ids.push(id);
            let mut annotation = pdf.annotation(id);
            annotation
                .subtype(AnnotationType::Link)
                .rect(rect)
                .border(0.0, 0.0, 0.0, None);
            annotation
                .action()
                .action_type(ActionType::Uri)
                .uri(Str(uri.as_bytes()));
        }
        let mut writer = pdf.page(page_id);
        writer
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .parent(tree_id)
            .contents(content_id);
        if !link_ids.is_empty() {
            writer.annotations(link_ids);
        }
        let mut resources = writer.resources();
        let mut dict = resources.fonts();
        for (weight, font_ref) in &font_refs {
            dict.pair(resource_name(*weight), *font_ref);
        }
    }
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    if !meta.language.is_empty() {
        catalog.lang(TextStr(meta.language));
    }
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();

    hash = fnv1a(hash, meta.title.as_bytes());
    hash = fnv1a(hash, &meta.created_at_ms.to_be_bytes());
    pdf.document_info(info_id)
        .title(TextStr(meta.title))
        .creator(TextStr("Personio Sourcing for LinkedIn"))
        .producer(TextStr("Personio Sourcing CV (pdf-writer)"))
        .creation_date(date(meta.created_at_ms));
    let id = [hash.to_be_bytes(), fnv1a(!hash, b"cv").to_be_bytes()].concat();
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

fn date(ms: u64) -> Date {
    let (year, month, day) = sourcing_core::personio::date::civil_from_ms(ms);
    let seconds = (ms / 1000) % 86_400;
    Date::new(year.clamp(0, 9999) as u16)
        .month(month as u8)
        .day(day as u8)
        .hour((seconds / 3600) as u8)
        .minute((seconds / 60 % 60) as u8)
        .second((seconds % 60) as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// A subset tag of six capitals from the glyph set (the same glyphs give the same tag).
fn subset_tag(glyphs: &GlyphUse) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for glyph in glyphs.keys() {
        hash = fnv1a(hash, &glyph.to_be_bytes());
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

/// Embeds one weight's subset: Type0 font → CIDFontType2 → descriptor → FontFile2, plus ToUnicode.
/// `remapper` holds the glyphs used (old id → new id = CID). Returns the font's object and the subset.
fn embed_font(
    pdf: &mut Pdf,
    ids: &mut Ids,
    face: &FontFace,
    glyphs: &GlyphUse,
    remapper: &subsetter::GlyphRemapper,
) -> Result<(Ref, Vec<u8>), PdfError> {
    let subset =
        subsetter::subset(face.data(), 0, remapper).map_err(|e| PdfError::Subset(e.to_string()))?;

    let type0_id = ids.next();
    let cid_id = ids.next();
    let descriptor_id = ids.next();
    let file_id = ids.next();
    let cmap_id = ids.next();
    let base_font = format!("{}+{}", subset_tag(glyphs), face.postscript_name());
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };

    pdf.type0_font(type0_id)
        .base_font(Name(base_font.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    // Widths per new glyph id (the CID), in 1/1000 em; `.notdef` first.
    let scale = 1000.0 / face.units_per_em();
    let mut by_cid: BTreeMap<u16, u16> = BTreeMap::new();
    by_cid.insert(0, 0);
    for &old in glyphs.keys() {
        if let Some(new) = remapper.get(old) {
            by_cid.insert(new, old);
        }
    }
    let widths: Vec<f32> = by_cid
        .values()
        .map(|&old| (face.advance(old) as f32 * scale).round())
        .collect();
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(base_font.as_bytes()))
        .system_info(system_info)
        .font_descriptor(descriptor_id)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid.widths().consecutive(0, widths);
    cid.finish();

    let m = face.descriptor_metrics();
    let mut flags = FontFlags::SYMBOLIC;
    if m.italic_angle != 0.0 {
        flags |= FontFlags::ITALIC;
    }
    pdf.font_descriptor(descriptor_id)
        .name(Name(base_font.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(m.bbox.0, m.bbox.1, m.bbox.2, m.bbox.3))
        .italic_angle(m.italic_angle)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(m.stem_v)
        .weight(m.weight)
        .font_file2(file_id);

    let compressed = deflate(&subset);
    pdf.stream(file_id, &compressed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system_info);
    for (&old, &c) in glyphs {
        if let Some(new) = remapper.get(old) {
            if new != 0 {
                cmap.pair(new, c);
            }
        }
    }
    let cmap = deflate(&cmap.finish().into_vec());
    pdf.cmap(cmap_id, &cmap).filter(Filter::FlateDecode);
    Ok((type0_id, subset))
}

fn rgb(color: [f32; 3]) -> (f32, f32, f32) {
    (color[0], color[1], color[2])
}

/// The content stream of a page and its links (PDF rectangles, URIs).
fn page_content(
    page: &crate::layout::Page,
    fonts: &Fonts,
    embedded: &[Embedded],
) -> (Vec<u8>, Vec<(Rect, String)>) {
    let mut content = Content::new();
    let mut links = Vec::new();
    // The footer and running head first: readers that extract text in stream order put them apart.
    let mut marks: Vec<&Mark> = page
        .lines
        .iter()
        .filter(|l| l.role == crate::layout::Role::PageFurniture)
        .flat_map(|l| &l.marks)
        .collect();
    marks.extend(
        page.lines
            .iter()
            .filter(|l| l.role != crate::layout::Role::PageFurniture)
            .flat_map(|l| &l.marks),
    );
    for mark in marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                style,
                text,
            } => text_run(&mut content, fonts, embedded, *x, *baseline, *style, text),
            Mark::Rule {
                x0,
                x1,
                y,
                width,
                color,
            } => {
                let (r, g, b) = rgb(*color);
                content
                    .save_state()
                    .set_line_width(*width)
                    .set_stroke_rgb(r, g, b)
                    .move_to(*x0, PAGE_HEIGHT - y)
                    .line_to(*x1, PAGE_HEIGHT - y)
                    .stroke()
                    .restore_state();
            }
            Mark::Link { rect, uri } => links.push((
                Rect::new(
                    rect[0],
                    PAGE_HEIGHT - rect[3],
                    rect[2],
                    PAGE_HEIGHT - rect[1],
                ),
                uri.clone(),
            )),
        }
    }
    (content.finish().into_vec(), links)
}

/// One run of text: `BT /Fn size Tf x y Td [<cids> kern <cids> …] TJ ET`.
fn text_run(
    content: &mut Content,
    fonts: &Fonts,
    embedded: &[Embedded],
    x: f32,
    baseline: f32,
    style: Style,
    text: &str,
) {
    let Some(font) = embedded.iter().find(|e| e.weight == style.weight) else {
        return;
    };
    let glyphs = fonts.face(style.weight).glyphs(text);
    let (r, g, b) = rgb(style.color);
    content
        .begin_text()
        .set_fill_rgb(r, g, b)
        .set_font(resource_name(style.weight), style.size)
        .next_line(x, PAGE_HEIGHT - baseline);
    let mut runs: Vec<(Vec<u8>, f32)> = vec![(Vec::new(), 0.0)];
    let face = fonts.face(style.weight);
    for (glyph, _, advance) in glyphs {
        let cid = font.cids.get(&glyph).copied().unwrap_or(0);
        let run = runs.last_mut().expect("one run");
        run.0.extend_from_slice(&cid.to_be_bytes());
        let kern = advance - face.advance(glyph);
        if kern != 0 {
            // TJ numbers are thousandths of an em, positive moving left.
            run.1 = -(kern as f32) * 1000.0 / font.upem;
            runs.push((Vec::new(), 0.0));
        }
    }
    let mut positioned = content.show_positioned();
    let mut items = positioned.items();
    for (cids, adjust) in &runs {
        if !cids.is_empty() {
            items.show(Str(cids));
        }
        if *adjust != 0.0 {
            items.adjust(*adjust);
        }
    }
    items.finish();
    positioned.finish();
    content.end_text();
}
