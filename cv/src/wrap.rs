//! Line breaking: greedy, at spaces; a word wider than the line (a long URL) is broken between characters.

/// Breaks one paragraph (no line breaks inside) into lines no wider than `width`, measured by `measure`.
/// Words are measured once each; a line's width is the sum of its words and spaces.
pub fn wrap(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let space = measure(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = measure(word);
        if !line.is_empty() && line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line = word.to_string();
            line_width = word_width;
        } else {
            let mut pieces = break_word(word, width, measure);
            line = pieces.pop().unwrap_or_default();
            line_width = measure(&line);
            lines.extend(pieces);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Breaks a list ("Rust · Kafka · SQL") into lines: between items, each separator staying at the end of a line;
/// an item wider than the line is wrapped as a paragraph.
pub fn wrap_list(
    items: &[String],
    separator: &str,
    width: f32,
    measure: &dyn Fn(&str) -> f32,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let trailing = separator.trim_end();
    for (i, item) in items.iter().enumerate() {
        let candidate = if line.is_empty() {
            item.clone()
        } else {
            format!("{line}{separator}{item}")
        };
        // The separator after this item must fit too, unless it is the last one.
        let end = if i + 1 < items.len() { trailing } else { "" };
        if measure(&format!("{candidate}{end}")) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(format!("{line}{trailing}"));
        }
        let mut pieces = wrap(item, width, measure);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Splits a word into pieces that fit, between characters (at least one character per piece).
fn break_word(word: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if measure(&piece) > width && piece.chars().count() > 1 {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is one unit wide.
    fn chars(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn words_fill_lines_up_to_the_width() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10.0, &chars),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(wrap("", 10.0, &chars), Vec::<String>::new());
        assert_eq!(wrap("exactly10!", 10.0, &chars), vec!["exactly10!"]);
    }

    #[test]
    fn lists_break_between_items_with_the_separator_kept_at_the_line_end() {
        let items: Vec<String> = ["Rust", "Kafka", "Event sourcing", "SQL"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            wrap_list(&items, " · ", 16.0, &chars),
            vec!["Rust · Kafka ·", "Event sourcing ·", "SQL"]
        );
        assert_eq!(
            wrap_list(&["a very long skill name".to_string()], " · ", 10.0, &chars),
            vec!["a very", "long skill", "name"]
        );
    }

    #[test]
    fn an_overlong_word_is_broken_between_characters() {
        assert_eq!(
            wrap("see https://example.com/abcdefgh now", 10.0, &chars),
            vec!["see", "https://ex", "ample.com/", "abcdefgh", "now"]
        );
        assert_eq!(wrap("abc", 0.5, &chars), vec!["a", "b", "c"]);
    }
}
