//! Text as the CV shows it: whitespace tidied, control characters dropped, emoji and other decorations the font
//! lacks dropped silently, and every run of characters of a script the font lacks (Han, Arabic, …) replaced
//! by one [`NOT_SHOWN_MARK`], so the caller can be told which fields need the comment.

use crate::font::{FontFace, NOT_SHOWN_MARK};

/// A text prepared for one font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// What the CV prints (every character covered by the font).
    pub text: String,
    /// True when some of the original could not be shown (and is marked).
    pub marked: bool,
}

/// Pictographs, emoji and their modifiers: dropped when the font lacks them, as decorations of a name or a
/// headline rather than words.
fn is_decoration(c: char) -> bool {
    matches!(u32::from(c),
        0x200D // zero-width joiner
        | 0x20E3 // combining keycap
        | 0x2190..=0x21FF // arrows
        | 0x2300..=0x23FF // technical symbols (⌚, ⏰)
        | 0x2460..=0x24FF // enclosed alphanumerics
        | 0x25A0..=0x27BF // shapes, misc symbols, dingbats
        | 0x2900..=0x297F // supplemental arrows
        | 0x2B00..=0x2BFF // misc symbols and arrows (⭐)
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0xFE00..=0xFE0F // variation selectors
        | 0x1F000..=0x1FAFF // emoji, pictographs, flags, skin tones
        | 0xE0000..=0xE007F // tags (flag sequences)
    )
}

/// Prepares `text` for `font`. With `paragraphs`, line breaks are kept (one per paragraph, empty lines
/// dropped); otherwise the text becomes one line.
pub fn show(font: &FontFace, text: &str, paragraphs: bool) -> Shown {
    let mut out = String::with_capacity(text.len());
    let mut marked = false;
    // True while the output ends in a mark, possibly followed by spaces: the next missing character joins it.
    let mut in_mark = false;
    for c in text.chars() {
        if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
            push_break(&mut out, paragraphs);
            in_mark = false;
        } else if c == '\t' || (c.is_whitespace() && !font.covers(c)) {
            push_space(&mut out);
        } else if c.is_whitespace() {
            // Narrow / no-break spaces the font has: kept (a no-break space must not become a break).
            if c == ' ' {
                push_space(&mut out);
            } else {
                out.push(c);
            }
        } else if c.is_control() || is_format(c) {
            continue;
        } else if font.covers(c) {
            out.push(c);
            in_mark = false;
        } else if is_decoration(c) {
            continue;
        } else {
            marked = true;
            if in_mark {
                let kept = out.trim_end_matches(' ').len();
                out.truncate(kept);
            } else {
                out.push(NOT_SHOWN_MARK);
                in_mark = true;
            }
            if !out.ends_with(NOT_SHOWN_MARK) {
                out.push(NOT_SHOWN_MARK);
            }
        }
    }
    let text = out
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Shown { text, marked }
}

/// Zero-width format characters (bidi marks, soft hyphen, BOM) that print nothing.
fn is_format(c: char) -> bool {
    matches!(u32::from(c), 0x00AD | 0x200B | 0x200C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
        out.push(' ');
    }
}

fn push_break(out: &mut String, paragraphs: bool) {
    if paragraphs {
        let kept = out.trim_end_matches(' ').len();
        out.truncate(kept);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    } else {
        push_space(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../static/fonts/Inter-Regular.ttf");

    fn shown(text: &str, paragraphs: bool) -> (String, bool) {
        let font = FontFace::parse(REGULAR).unwrap();
        let s = show(&font, text, paragraphs);
        (s.text, s.marked)
    }

    #[test]
    fn latin_greek_and_cyrillic_pass_unchanged() {
        let text = "Ζωή Παπαδοπούλου · Анна Кузнецова · Łukasz Wróbel · Ségolène Çelik";
        assert_eq!(shown(text, false), (text.to_string(), false));
    }

    #[test]
    fn a_missing_script_becomes_one_mark_per_run() {
        assert_eq!(shown("王小明", false), ("…".into(), true));
        assert_eq!(
            shown("Wang Xiaoming (王 小明)", false),
            ("Wang Xiaoming (…)".into(), true)
        );
        assert_eq!(
            shown("مهندس برمجيات at Noor", false),
            ("… at Noor".into(), true)
        );
    }

    #[test]
    fn emoji_and_invisible_characters_are_dropped_without_a_mark() {
        assert_eq!(
            shown("🚀 Building\u{200B} things ✨ | 👩🏽‍💻", false),
            ("Building things |".into(), false)
        );
        assert_eq!(
            shown("\u{FEFF}Anna\u{00AD}lena", false),
            ("Annalena".into(), false)
        );
    }

    #[test]
    fn whitespace_is_tidied_and_paragraphs_kept_only_when_asked() {
        assert_eq!(
            shown("  One\tline  \n\n\n  Two  ", true),
            ("One line\nTwo".into(), false)
        );
        assert_eq!(shown("One\nTwo", false), ("One Two".into(), false));
    }
}
