//! The page layout: one column on A4. The content becomes a flow of lines (header, headings, entries,
//! paragraphs), each knowing whether it must stay on the page of the line after it; the flow is then cut into
//! pages so that a heading never ends a page (it moves with its first line), an entry's title stays with its
//! subtitle and first line, and paragraphs leave neither a single first line at a page's foot nor a single
//! last line at a page's head. Every page gets the footer (made-from line, page numbers); pages after the
//! first a running head with the name.
//!
//! Coordinates are points from the page's top-left corner; the PDF writer flips them.

use crate::content::{Content, Entry, Fonts, Weight};
use crate::text::show;
use crate::wrap::{wrap, wrap_list};
use sourcing_core::cv::CvLabels;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margin (20 mm).
pub const MARGIN_X: f32 = 56.69;
/// Where the body starts (20 mm).
pub const BODY_TOP: f32 = 56.69;
/// Where the body must end (22 mm above the bottom edge).
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 62.36;
/// Baseline of the footer (12 mm above the bottom edge).
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 34.0;
/// Baseline of the running head on pages after the first.
const RUNNING_HEAD_BASELINE: f32 = 36.0;
/// The text column.
const COLUMN: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

/// At most this many lines move to the next page to stay together; a longer group is broken inside.
const MAX_MOVED_LINES: usize = 10;

/// An RGB colour, components 0–1.
pub type Color = [f32; 3];
const INK: Color = [0.11, 0.11, 0.12];
const SOFT: Color = [0.24, 0.24, 0.26];
const MUTED: Color = [0.40, 0.40, 0.43];
const ACCENT: Color = [0.09, 0.27, 0.44];
const HAIRLINE: Color = [0.78, 0.80, 0.83];

/// How a text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Regular or bold.
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    /// Line height in points.
    pub leading: f32,
    /// Fill colour.
    pub color: Color,
}

const NAME: Style = Style {
    weight: Weight::Bold,
    size: 22.0,
    leading: 27.0,
    color: INK,
};
const HEADLINE: Style = Style {
    weight: Weight::Regular,
    size: 11.5,
    leading: 15.5,
    color: SOFT,
};
const CONTACT: Style = Style {
    weight: Weight::Regular,
    size: 9.5,
    leading: 13.0,
    color: MUTED,
};
const LINK: Style = Style {
    color: ACCENT,
    ..CONTACT
};
const NOTICE: Style = Style {
    weight: Weight::Regular,
    size: 9.0,
    leading: 12.0,
    color: MUTED,
};
const HEADING: Style = Style {
    weight: Weight::Bold,
    size: 11.5,
    leading: 15.0,
    color: ACCENT,
};
const TITLE: Style = Style {
    weight: Weight::Bold,
    size: 10.5,
    leading: 14.0,
    color: INK,
};
const SUBTITLE: Style = Style {
    weight: Weight::Regular,
    size: 9.5,
    leading: 13.0,
    color: MUTED,
};
const BODY: Style = Style {
    weight: Weight::Regular,
    size: 10.0,
    leading: 14.0,
    color: INK,
};
const FOOTER: Style = Style {
    weight: Weight::Regular,
    size: 8.0,
    leading: 10.0,
    color: MUTED,
};

/// What a line is, for the page breaking (and the tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Name, headline, contact line, the rule under them.
    Header,
    /// The sentence about text that is not shown.
    Notice,
    /// A section heading.
    Heading,
    /// An entry's title line (with its period).
    EntryTitle,
    /// An entry's subtitle line.
    EntrySubtitle,
    /// Paragraph text, skills, languages.
    Body,
    /// The footer and the running head (outside the body).
    PageFurniture,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A run of text; `baseline` from the page top.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// How it is set.
        style: Style,
        /// What it says (covered by the style's font).
        text: String,
    },
    /// A horizontal line.
    Rule {
        /// Start.
        x0: f32,
        /// End.
        x1: f32,
        /// Height from the page top.
        y: f32,
        /// Stroke width.
        width: f32,
        /// Colour.
        color: Color,
    },
    /// A clickable area opening `uri`.
    Link {
        /// Left, top, right, bottom.
        rect: [f32; 4],
        /// Target.
        uri: String,
    },
}

/// One line of a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// What it is.
    pub role: Role,
    /// Top of its box from the page top.
    pub top: f32,
    /// Its height.
    pub height: f32,
    /// What it draws.
    pub marks: Vec<Mark>,
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Body lines top to bottom, then the page furniture.
    pub lines: Vec<Line>,
}

/// The laid-out CV.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The pages.
    pub pages: Vec<Page>,
    /// How often a page break was moved up to keep lines together (for the tests: proves the rule acts).
    pub breaks_moved: usize,
}

/// A line of the flow before pagination: marks relative to the line's top.
struct FlowLine {
    role: Role,
    space_before: f32,
    height: f32,
    keep_with_next: bool,
    marks: Vec<Mark>,
}

struct Flow<'f, 'a> {
    fonts: &'f Fonts<'a>,
    lines: Vec<FlowLine>,
}

/// Baseline offset of a style within its line box.
fn baseline_in(fonts: &Fonts, style: Style) -> f32 {
    let (ascent, descent) = fonts.face(style.weight).vertical_extent();
    (style.leading - style.size * (ascent - descent)) / 2.0 + style.size * ascent
}

impl Flow<'_, '_> {
    fn width(&self, style: Style, text: &str) -> f32 {
        self.fonts.face(style.weight).width(text, style.size)
    }

    fn text_mark(&self, style: Style, x: f32, text: &str) -> Mark {
        Mark::Text {
            x,
            baseline: baseline_in(self.fonts, style),
            style,
            text: text.to_string(),
        }
    }

    fn wrap(&self, style: Style, text: &str, width: f32) -> Vec<String> {
        let measure = |t: &str| self.width(style, t);
        wrap(text, width, &measure)
    }

    fn push(&mut self, role: Role, space_before: f32, height: f32, keep: bool, marks: Vec<Mark>) {
        self.lines.push(FlowLine {
            role,
            space_before,
            height,
            keep_with_next: keep,
            marks,
        });
    }

    /// Wrapped text, one flow line per line: no orphan (first line alone) and no widow (last line alone).
    /// `keep_last`: the last line stays with what follows.
    fn paragraph(
        &mut self,
        role: Role,
        style: Style,
        text: &str,
        space_before: f32,
        keep_last: bool,
    ) {
        let lines = self.wrap(style, text, COLUMN);
        self.block(role, style, &lines, space_before, keep_last);
    }

    /// Lines already broken, kept as [`Flow::paragraph`] keeps them.
    fn block(
        &mut self,
        role: Role,
        style: Style,
        lines: &[String],
        space_before: f32,
        keep_last: bool,
    ) {
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let keep = (i + 1 == n && keep_last) || (n > 1 && (i == 0 || i + 2 == n));
            let mark = self.text_mark(style, MARGIN_X, line);
            let before = if i == 0 { space_before } else { 0.0 };
            self.push(role, before, style.leading, keep, vec![mark]);
        }
    }

    fn paragraphs(&mut self, text: &str, space_before: f32) {
        for (i, paragraph) in text.split('\n').enumerate() {
            let before = if i == 0 { space_before } else { 5.0 };
            self.paragraph(Role::Body, BODY, paragraph, before, false);
        }
    }

    fn heading(&mut self, label: &str) {
        let label = show(self.fonts.face(HEADING.weight), label, false).text;
        let mark = self.text_mark(HEADING, MARGIN_X, &label);
        let rule_y = baseline_in(self.fonts, HEADING) + 5.0;
        let rule = Mark::Rule {
            x0: MARGIN_X,
            x1: PAGE_WIDTH - MARGIN_X,
            y: rule_y,
            width: 0.5,
            color: HAIRLINE,
        };
        self.push(
            Role::Heading,
            18.0,
            HEADING.leading + 7.0,
            true,
            vec![mark, rule],
        );
    }

    fn entry(&mut self, entry: &Entry, first: bool) {
        let period_width = if entry.period.is_empty() {
            0.0
        } else {
            self.width(SUBTITLE, &entry.period) + 12.0
        };
        let title_lines = if entry.title.is_empty() {
            Vec::new()
        } else {
            self.wrap(
                TITLE,
                &entry.title,
                (COLUMN - period_width).max(COLUMN / 2.0),
            )
        };
        let has_more = !entry.subtitle.is_empty() || !entry.description.is_empty();
        let space = if first { 4.0 } else { 9.0 };
        let n = title_lines.len();
        for (i, line) in title_lines.iter().enumerate() {
            let mut marks = vec![self.text_mark(TITLE, MARGIN_X, line)];
            if i == 0 && !entry.period.is_empty() {
                let x = PAGE_WIDTH - MARGIN_X - self.width(SUBTITLE, &entry.period);
                // The period sits on the title's baseline.
                marks.push(Mark::Text {
                    x,
                    baseline: baseline_in(self.fonts, TITLE),
                    style: SUBTITLE,
                    text: entry.period.clone(),
                });
            }
            let keep = i + 1 < n || has_more;
            self.push(
                Role::EntryTitle,
                if i == 0 { space } else { 0.0 },
                TITLE.leading,
                keep,
                marks,
            );
        }
        if !entry.subtitle.is_empty() {
            let lines = self.wrap(SUBTITLE, &entry.subtitle, COLUMN);
            let n = lines.len();
            for (i, line) in lines.iter().enumerate() {
                let mark = self.text_mark(SUBTITLE, MARGIN_X, line);
                let keep = i + 1 < n || !entry.description.is_empty();
                let before = if i == 0 && title_lines.is_empty() {
                    space
                } else {
                    0.0
                };
                self.push(
                    Role::EntrySubtitle,
                    before,
                    SUBTITLE.leading,
                    keep,
                    vec![mark],
                );
            }
        }
        if !entry.description.is_empty() {
            self.paragraphs(&entry.description, 3.0);
        }
    }

    fn section(&mut self, label: &str, entries: &[Entry]) {
        if entries.is_empty() {
            return;
        }
        self.heading(label);
        for (i, entry) in entries.iter().enumerate() {
            self.entry(entry, i == 0);
        }
    }

    fn header(&mut self, content: &Content, labels: &CvLabels) {
        if !content.name.is_empty() {
            for line in self.wrap(NAME, &content.name, COLUMN) {
                let mark = self.text_mark(NAME, MARGIN_X, &line);
                self.push(Role::Header, 0.0, NAME.leading, true, vec![mark]);
            }
        }
        if !content.headline.is_empty() {
            for line in self.wrap(HEADLINE, &content.headline, COLUMN) {
                let mark = self.text_mark(HEADLINE, MARGIN_X, &line);
                self.push(Role::Header, 2.0, HEADLINE.leading, true, vec![mark]);
            }
        }
        self.contact(&content.location, &content.profile_url);
        if !content.not_shown.is_empty() {
            let notice = show(self.fonts.face(NOTICE.weight), &labels.not_shown, false).text;
            self.paragraph(Role::Notice, NOTICE, &notice, 6.0, true);
        }
        let rule = Mark::Rule {
            x0: MARGIN_X,
            x1: PAGE_WIDTH - MARGIN_X,
            y: 8.0,
            width: 1.0,
            color: ACCENT,
        };
        self.push(Role::Header, 0.0, 10.0, false, vec![rule]);
    }

    /// "Location · URL" on one line when it fits, else a line each; the URL is a link.
    fn contact(&mut self, location: &str, url: &str) {
        const SEPARATOR: &str = "  ·  ";
        let one_line = !location.is_empty()
            && !url.is_empty()
            && self.width(CONTACT, location)
                + self.width(CONTACT, SEPARATOR)
                + self.width(LINK, url)
                <= COLUMN;
        if one_line {
            let url_x = MARGIN_X + self.width(CONTACT, &format!("{location}{SEPARATOR}"));
            let mut marks = vec![
                self.text_mark(CONTACT, MARGIN_X, &format!("{location}{SEPARATOR}")),
                self.text_mark(LINK, url_x, url),
            ];
            marks.extend(self.link(url_x, url, url));
            self.push(Role::Header, 4.0, CONTACT.leading, true, marks);
            return;
        }
        if !location.is_empty() {
            for line in self.wrap(CONTACT, location, COLUMN) {
                let mark = self.text_mark(CONTACT, MARGIN_X, &line);
                self.push(Role::Header, 4.0, CONTACT.leading, true, vec![mark]);
            }
        }
        if !url.is_empty() {
            for line in self.wrap(LINK, url, COLUMN) {
                let mut marks = vec![self.text_mark(LINK, MARGIN_X, &line)];
                marks.extend(self.link(MARGIN_X, &line, url));
                self.push(Role::Header, 0.0, CONTACT.leading, true, marks);
            }
        }
    }

    /// A link over `text` (drawn at `x` in the link style) to `url`; only web addresses are linked.
    fn link(&self, x: f32, text: &str, url: &str) -> Option<Mark> {
        let web = url.starts_with("https://") || url.starts_with("http://");
        web.then(|| Mark::Link {
            rect: [x, 0.0, x + self.width(LINK, text), CONTACT.leading],
            uri: url.to_string(),
        })
    }
}

/// Lays `content` out on pages.
pub fn lay_out(content: &Content, labels: &CvLabels, fonts: &Fonts) -> Layout {
    let mut flow = Flow {
        fonts,
        lines: Vec::new(),
    };
    flow.header(content, labels);
    if !content.about.is_empty() {
        flow.heading(&labels.about);
        flow.paragraphs(&content.about, 4.0);
    }
    flow.section(&labels.experience, &content.experience);
    flow.section(&labels.education, &content.education);
    if !content.skills.is_empty() {
        flow.heading(&labels.skills);
        let measure = |t: &str| flow.width(BODY, t);
        let lines = wrap_list(&content.skills, " · ", COLUMN, &measure);
        flow.block(Role::Body, BODY, &lines, 4.0, false);
    }
    if !content.languages.is_empty() {
        flow.heading(&labels.languages);
        // A short list stays together (see `MAX_MOVED_LINES`).
        let n = content.languages.len();
        for (i, language) in content.languages.iter().enumerate() {
            flow.paragraph(
                Role::Body,
                BODY,
                language,
                if i == 0 { 4.0 } else { 0.0 },
                i + 1 < n,
            );
        }
    }
    let mut layout = paginate(flow.lines);
    furnish(&mut layout, content, labels, fonts);
    layout
}

/// Cuts the flow into pages; a line that must stay with the next one moves to the next page with it.
fn paginate(lines: Vec<FlowLine>) -> Layout {
    let mut layout = Layout::default();
    let mut start = 0;
    while start < lines.len() {
        // Find how many lines fit from `start`.
        let mut y = BODY_TOP;
        let mut end = start;
        while end < lines.len() {
            let line = &lines[end];
            let before = if end == start { 0.0 } else { line.space_before };
            if end > start && y + before + line.height > BODY_BOTTOM {
                break;
            }
            y += before + line.height;
            end += 1;
        }
        if end < lines.len() {
            // Move the break up past lines that must stay with the first line of the next page.
            let mut cut = end;
            while cut > start + 1 && lines[cut - 1].keep_with_next {
                cut -= 1;
            }
            let page_is_one_chain = cut == start + 1 && lines[start].keep_with_next;
            if !page_is_one_chain && end - cut <= MAX_MOVED_LINES {
                if cut != end {
                    layout.breaks_moved += 1;
                }
                end = cut;
            } else {
                // Too long to move whole (a long list): break inside it, but never after a heading.
                while end > start + 1 && lines[end - 1].role == Role::Heading {
                    end -= 1;
                    layout.breaks_moved += 1;
                }
            }
        }
        let mut page = Page::default();
        let mut y = BODY_TOP;
        for (i, line) in lines[start..end].iter().enumerate() {
            if i > 0 {
                y += line.space_before;
            }
            page.lines.push(Line {
                role: line.role,
                top: y,
                height: line.height,
                marks: line.marks.iter().map(|m| shift(m, y)).collect(),
            });
            y += line.height;
        }
        layout.pages.push(page);
        start = end;
    }
    if layout.pages.is_empty() {
        layout.pages.push(Page::default());
    }
    layout
}

fn shift(mark: &Mark, dy: f32) -> Mark {
    match mark.clone() {
        Mark::Text {
            x,
            baseline,
            style,
            text,
        } => Mark::Text {
            x,
            baseline: baseline + dy,
            style,
            text,
        },
        Mark::Rule {
            x0,
            x1,
            y,
            width,
            color,
        } => Mark::Rule {
            x0,
            x1,
            y: y + dy,
            width,
            color,
        },
        Mark::Link { rect, uri } => Mark::Link {
            rect: [rect[0], rect[1] + dy, rect[2], rect[3] + dy],
            uri,
        },
    }
}

/// The footer on every page, the running head on pages after the first.
fn furnish(layout: &mut Layout, content: &Content, labels: &CvLabels, fonts: &Fonts) {
    let face = fonts.face(FOOTER.weight);
    let made_from = show(face, &labels.made_from, false).text;
    let total = layout.pages.len();
    for (index, page) in layout.pages.iter_mut().enumerate() {
        let number = labels
            .page
            .replace("{page}", &(index + 1).to_string())
            .replace("{pages}", &total.to_string());
        let number = show(face, &number, false).text;
        let number_x = PAGE_WIDTH - MARGIN_X - face.width(&number, FOOTER.size);
        let mut marks = vec![
            Mark::Rule {
                x0: MARGIN_X,
                x1: PAGE_WIDTH - MARGIN_X,
                y: FOOTER_BASELINE - 12.0,
                width: 0.5,
                color: HAIRLINE,
            },
            Mark::Text {
                x: MARGIN_X,
                baseline: FOOTER_BASELINE,
                style: FOOTER,
                text: made_from.clone(),
            },
            Mark::Text {
                x: number_x,
                baseline: FOOTER_BASELINE,
                style: FOOTER,
                text: number,
            },
        ];
        if index > 0 && !content.name.is_empty() {
            marks.push(Mark::Text {
                x: MARGIN_X,
                baseline: RUNNING_HEAD_BASELINE,
                style: Style {
                    weight: Weight::Bold,
                    ..FOOTER
                },
                text: content.name.clone(),
            });
        }
        page.lines.push(Line {
            role: Role::PageFurniture,
            top: RUNNING_HEAD_BASELINE - FOOTER.size,
            height: 0.0,
            marks,
        });
    }
}
