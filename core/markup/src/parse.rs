//! The parser: one forward pass over the markup, no backtracking, no recursion.
//!
//! Its input is what Chromium's `outerHTML` produces (the HTML fragment serialisation algorithm): every
//! non-void element has an end tag, attribute values are double-quoted, texts escape only `&amp; &lt; &gt;
//! &nbsp;` (attributes `&amp; &quot; &nbsp;`, newer Chromium also `&lt; &gt;`), and raw text only occurs in
//! `script`, `style`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript` and `plaintext`. So no implied end
//! tags, foster parenting or adoption agency are needed. Anything else (single-quoted or unquoted values,
//! stray end tags, unclosed elements, bogus comments) is read loosely and never fails.

use super::{AttrData, Document, Kind, NameHasher, NodeData, Span, NONE};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is serialised unescaped.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// How an element of a given name is parsed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Normal,
    Void,
    RawText,
}

/// Slots of the name cache.
const NAME_CACHE: usize = 128;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

struct Builder<'s> {
    src: &'s str,
    doc: Document,
    /// `Document::names` by text, and whether each is a void / raw-text element name.
    name_ids: HashMap<&'s str, u32, BuildHasherDefault<NameHasher>>,
    recent: [Option<(&'s str, u32)>; NAME_CACHE],
    name_kinds: Vec<NameKind>,
    /// Last child of each node (while building).
    last_child: Vec<u32>,
    /// Open elements, the root first.
    open: Vec<u32>,
}

pub(super) fn parse(html: &str) -> Document {
    let mut b = Builder {
        src: html,
        doc: Document {
            // A serialised page has roughly one node per 30 bytes and one attribute per 60.
            nodes: Vec::with_capacity(html.len() / 24 + 1),
            attrs: Vec::with_capacity(html.len() / 48 + 1),
            // The buffer starts as a copy of the source: texts and values without references stay there.
            buf: {
                let mut buf = String::with_capacity(html.len() + html.len() / 16);
                buf.push_str(html);
                buf
            },
            names: vec!["".into()],
            name_ids: HashMap::default(),
        },
        name_ids: HashMap::default(),
        recent: [None; NAME_CACHE],
        name_kinds: vec![NameKind::Normal],
        last_child: Vec::with_capacity(html.len() / 24 + 1),
        open: Vec::with_capacity(64),
    };
    b.push_node(Kind::Element, 0, Span::default(), 0, 0);
    b.open.push(0);
    b.run();
    while let Some(id) = b.open.pop() {
        b.close(id);
    }
    let mut doc = b.doc;
    doc.name_ids = doc
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i as u32))
        .collect();
    doc
}

impl<'s> Builder<'s> {
    fn push_node(
        &mut self,
        kind: Kind,
        name: u32,
        span: Span,
        attr_start: u32,
        attr_len: u32,
    ) -> u32 {
        let id = self.doc.nodes.len() as u32;
        let parent = self.open.last().copied().unwrap_or(NONE);
        let mut prev = NONE;
        if parent != NONE {
            prev = self.last_child[parent as usize];
            if prev == NONE {
                self.doc.nodes[parent as usize].first_child = id;
            } else {
                self.doc.nodes[prev as usize].next = id;
            }
            self.last_child[parent as usize] = id;
        }
        self.doc.nodes.push(NodeData {
            kind,
            parent,
            prev,
            next: NONE,
            first_child: NONE,
            end: id + 1,
            span,
            name,
            attr_start,
            attr_len,
        });
        self.last_child.push(NONE);
        id
    }

    fn close(&mut self, id: u32) {
        self.doc.nodes[id as usize].end = self.doc.nodes.len() as u32;
    }

    /// Appends `raw` to the buffer, decoding character references unless `verbatim`.
    /// The span of `raw` (a slice of the source): in place in the buffer's copy of the source, or, when it
    /// has character references to decode, decoded at the buffer's end.
    fn intern(&mut self, raw: &str, verbatim: bool) -> Span {
        if raw.is_empty() {
            return Span::default();
        }
        let offset = (raw.as_ptr() as usize)
            .checked_sub(self.src.as_ptr() as usize)
            .filter(|o| o + raw.len() <= self.src.len());
        if let (Some(start), true) = (offset, verbatim || !raw.contains('&')) {
            return Span {
                start: start as u32,
                len: raw.len() as u32,
            };
        }
        let start = self.doc.buf.len() as u32;
        if verbatim {
            self.doc.buf.push_str(raw);
        } else {
            decode_into(&mut self.doc.buf, raw);
        }
        Span {
            start,
            len: self.doc.buf.len() as u32 - start,
        }
    }

    /// The index of a tag or attribute name (lower-cased) in `Document::names`.
    fn name(&mut self, raw: &'s str) -> u32 {
        // A direct-mapped cache of recent spellings in front of the map: most names repeat.
        let b = raw.as_bytes();
        let slot = match b {
            [] => 0,
            [first, .., last] => {
                (b.len() * 31 + usize::from(*first) * 7 + usize::from(*last)) % NAME_CACHE
            }
            [only] => (31 + usize::from(*only) * 8) % NAME_CACHE,
        };
        if let Some((spelling, id)) = self.recent[slot] {
            if spelling == raw {
                return id;
            }
        }
        let id = self.name_uncached(raw);
        self.recent[slot] = Some((raw, id));
        id
    }

    fn name_uncached(&mut self, raw: &'s str) -> u32 {
        if let Some(&id) = self.name_ids.get(raw) {
            return id;
        }
        let lower = raw.to_ascii_lowercase();
        let id = match self.doc.names.iter().position(|n| **n == *lower) {
            Some(i) => i as u32,
            None => {
                let kind = if VOID.contains(&lower.as_str()) {
                    NameKind::Void
                } else if RAW_TEXT.contains(&lower.as_str()) {
                    NameKind::RawText
                } else {
                    NameKind::Normal
                };
                self.doc.names.push(lower.into());
                self.name_kinds.push(kind);
                (self.doc.names.len() - 1) as u32
            }
        };
        self.name_ids.insert(raw, id);
        id
    }

    fn text(&mut self, raw: &str, verbatim: bool) {
        if raw.is_empty() {
            return;
        }
        let span = self.intern(raw, verbatim);
        self.push_node(Kind::Text, 0, span, 0, 0);
    }

    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut pos = 0;
        let mut text_start = 0;
        while pos < bytes.len() {
            // `str::find` of one ASCII byte is a word-at-a-time memchr.
            let Some(lt) = src[pos..].find('<').map(|i| pos + i) else {
                break;
            };
            let next = bytes.get(lt + 1).copied().unwrap_or(0);
            let construct = next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?');
            if !construct {
                pos = lt + 1;
                continue;
            }
            self.text(&src[text_start..lt], false);
            pos = match next {
                b'!' => self.markup_declaration(lt),
                b'?' => skip_past(bytes, lt, b'>'),
                b'/' => self.end_tag(lt),
                _ => self.start_tag(lt),
            };
            text_start = pos;
        }
        self.text(&src[text_start.min(src.len())..], false);
    }

    /// `<!-- … -->`, `<![CDATA[ … ]]>` (its content is text) or `<!DOCTYPE …>`; returns the position after it.
    fn markup_declaration(&mut self, lt: usize) -> usize {
        let src = self.src;
        let rest = &src[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            return match body.find("-->") {
                Some(i) => lt + 4 + i + 3,
                None => src.len(),
            };
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let (text, used) = match body.find("]]>") {
                Some(i) => (&body[..i], 9 + i + 3),
                None => (body, rest.len()),
            };
            self.text(text, true);
            return lt + used;
        }
        skip_past(src.as_bytes(), lt, b'>')
    }

    fn end_tag(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let start = lt + 2;
        let mut i = start;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
            i += 1;
        }
        let after = skip_past(bytes, i, b'>');
        if i == start {
            return after; // `</>` or `</ …>`: nothing to close
        }
        let name = self.name(&self.src[start..i]);
        // Close up to the nearest open element of that name; a stray end tag closes nothing.
        if let Some(depth) = self
            .open
            .iter()
            .rposition(|&id| id != 0 && self.doc.nodes[id as usize].name == name)
        {
            while self.open.len() > depth {
                let id = self.open.pop().unwrap_or(0);
                self.close(id);
            }
        }
        after
    }

    fn start_tag(&mut self, lt: usize) -> usize {
        let src = self.src;
        let bytes = src.as_bytes();
        let name_start = lt + 1;
        let mut i = name_start;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
            i += 1;
        }
        let tag = self.name(&src[name_start..i]);
        let attr_start = self.doc.attrs.len() as u32;
        let mut self_closing = false;
        // attributes
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let n0 = i;
            i += 1; // a name has at least one character (even `=`)
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'>' | b'/' | b'=')
            {
                i += 1;
            }
            let name = &src[n0..i];
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let v0 = i + 1;
                        // memchr (word at a time): values are most of a serialised page's bytes
                        let v1 = src[v0..]
                            .find(char::from(q))
                            .map_or(bytes.len(), |p| v0 + p);
                        value = &src[v0..v1];
                        i = (v1 + 1).min(bytes.len());
                    }
                    _ => {
                        let v0 = i;
                        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = &src[v0..i];
                    }
                }
            }
            let name = self.name(name);
            let duplicate = self.doc.attrs[attr_start as usize..]
                .iter()
                .any(|a| a.name == name);
            if !duplicate {
                let value = self.intern(value, false);
                self.doc.attrs.push(AttrData { name, value });
            }
        }
        let attr_len = self.doc.attrs.len() as u32 - attr_start;
        let id = self.push_node(Kind::Element, tag, Span::default(), attr_start, attr_len);
        let kind = self.name_kinds[tag as usize];
        if kind == NameKind::Void || self_closing {
            return i;
        }
        if kind == NameKind::RawText {
            let name = &self.doc.names[tag as usize];
            let end = find_end_tag(&src[i..], name).map_or(src.len(), |p| i + p);
            self.open.push(id);
            self.text(&src[i..end], true);
            return end;
        }
        self.open.push(id);
        i
    }
}

/// Position after the first `stop` at or after `from` (the end when there is none).
fn skip_past(bytes: &[u8], from: usize, stop: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == stop))
        .map_or(bytes.len(), |p| from + p + 1)
}

/// Offset of `</name` (case-insensitive, followed by a space, `/` or `>`) in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = s[from..].find("</").map(|p| from + p) {
        let n0 = p + 2;
        let n1 = n0 + name.len();
        if bytes.len() >= n1
            && s.is_char_boundary(n1)
            && s[n0..n1].eq_ignore_ascii_case(name)
            && bytes
                .get(n1)
                .is_none_or(|&b| is_space(b) || b == b'>' || b == b'/')
        {
            return Some(p);
        }
        from = p + 2;
    }
    None
}

/// Named character references worth knowing (what serialisers emit, plus common typography).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("shy", '\u{ad}'),
    ("middot", '·'),
    ("bull", '•'),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("euro", '€'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
];

/// Decodes the character reference at the start of `s` (which starts with `&`): the character and the
/// bytes used.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()))
            .count();
        if len == 0 || len > 8 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len], radix).ok()?;
        let c = match char::from_u32(value) {
            Some(c) if value != 0 => c,
            _ => '\u{fffd}',
        };
        let semi = digits.as_bytes().get(len) == Some(&b';');
        return Some((c, skip + len + usize::from(semi)));
    }
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if body.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let name = &body[..len];
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| (c, len + 2))
}

fn decode_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference(rest) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::super::{Child, Document};

    fn texts(doc: &Document) -> Vec<String> {
        doc.root().descendant_texts().map(str::to_string).collect()
    }

    #[test]
    fn decodes_what_serialisers_escape() {
        let doc = Document::parse(
            r#"<p title="a &quot;b&quot; &amp; c&nbsp;&lt;d&gt;">x &lt;y&gt; &amp;amp; &#233;&#x1F600; &bogus; & z</p>"#,
        );
        let p = doc.elements().next().unwrap();
        assert_eq!(p.attr("title"), Some("a \"b\" & c\u{a0}<d>"));
        assert_eq!(texts(&doc), ["x <y> &amp; é😀 &bogus; & z"]);
    }

    #[test]
    fn raw_text_and_void_elements() {
        let doc = Document::parse(
            r#"<div><script>if (a < b && c) { x = "</div>"; }</script><img src="x.png"><br><input value=1>after</div><style>p{}</STYLE >"#,
        );
        let names: Vec<&str> = doc.elements().map(|e| e.name()).collect();
        assert_eq!(names, ["div", "script", "img", "br", "input", "style"]);
        assert_eq!(
            texts(&doc),
            [r#"if (a < b && c) { x = "</div>"; }"#, "after", "p{}"]
        );
        let input = doc.elements().nth(4).unwrap();
        assert_eq!(input.attr("value"), Some("1"));
    }

    #[test]
    fn tolerates_broken_markup() {
        for html in [
            "",
            "<",
            "</",
            "<a",
            "<a href=",
            "<a href=\"x",
            "a < b > c",
            "</p></div>text<p>",
            "<!--",
            "<!-- x",
            "<![CDATA[x",
            "<div><span></div></span>",
            "<p a=1 a=2 B='3' c d=\"&#0;&#xFFFFFFFF;\">",
            "<script>never closed",
            "<svg><path d=\"M0\"/></svg>tail",
            "\u{feff}<é>ü</é>",
        ] {
            let doc = Document::parse(html);
            for e in doc.elements() {
                let _ = (e.name(), e.attrs().count(), e.children().count());
            }
        }
        let doc = Document::parse("<div><span></div>after");
        let div = doc.elements().next().unwrap();
        assert_eq!(div.child_elements().count(), 1);
        assert!(matches!(
            doc.root().children().last(),
            Some(Child::Text("after"))
        ));
        let doc = Document::parse("<p a=1 a=2 B='3' c>");
        let p = doc.elements().next().unwrap();
        let attrs: Vec<_> = p.attrs().collect();
        assert_eq!(attrs, [("a", "1"), ("b", "3"), ("c", "")]);
    }

    #[test]
    fn comments_and_cdata() {
        let doc = Document::parse("<span><!---->Jul 2021<!----></span><svg><![CDATA[a<b]]></svg>");
        assert_eq!(texts(&doc), ["Jul 2021", "a<b"]);
    }
}
