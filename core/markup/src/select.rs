//! CSS selectors: the subset the selector table uses, compiled once and matched right to left.
//!
//! Supported: type selectors and `*`, `.class`, `#id`, `[attr]`, `[attr="v"]`, `[attr~="v"]`, `[attr|="v"]`,
//! `[attr^="v"]`, `[attr$="v"]`, `[attr*="v"]` (each with an optional ` i` flag for an ASCII
//! case-insensitive value), the descendant (` `) and child (`>`) combinators, and selector lists (`a, b`).
//! Anything else (pseudo-classes, sibling combinators, namespaces) is a [`SelectorError`], so the table's
//! compile test catches a selector the matcher would silently get wrong.

use super::{Document, Element};

/// A selector the matcher does not support, or malformed CSS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    /// The CSS text.
    pub css: String,
    /// What is wrong.
    pub reason: &'static str,
}

impl std::fmt::Display for SelectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unsupported selector `{}`: {}", self.css, self.reason)
    }
}

impl std::error::Error for SelectorError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Exists,
    Equals,
    Word,
    DashPrefix,
    Prefix,
    Suffix,
    Substring,
}

#[derive(Clone, Debug)]
struct AttrTest {
    name: Box<str>,
    op: Op,
    value: Box<str>,
    ignore_case: bool,
}

#[derive(Clone, Debug, Default)]
struct Compound {
    tag: Option<Box<str>>,
    id: Option<Box<str>>,
    classes: Vec<Box<str>>,
    attrs: Vec<AttrTest>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Combinator {
    Descendant,
    Child,
}

/// One complex selector, rightmost compound first: `combinators[k]` joins `compounds[k]` to its left
/// neighbour `compounds[k + 1]`.
#[derive(Clone, Debug)]
struct Complex {
    compounds: Vec<Compound>,
    combinators: Vec<Combinator>,
}

/// A compiled selector list.
#[derive(Clone, Debug)]
pub struct Selector {
    alternatives: Vec<Complex>,
}

impl Selector {
    /// Compiles `css`.
    pub fn parse(css: &str) -> Result<Selector, SelectorError> {
        let err = |reason| SelectorError {
            css: css.to_string(),
            reason,
        };
        let mut p = Parser {
            s: css.as_bytes(),
            css,
            i: 0,
        };
        let mut alternatives = Vec::new();
        loop {
            alternatives.push(p.complex().map_err(err)?);
            p.spaces();
            match p.peek() {
                None => break,
                Some(b',') => p.i += 1,
                Some(_) => return Err(err("unexpected character")),
            }
        }
        Ok(Selector { alternatives })
    }

    /// Joins several selectors into one list (one pass over the page instead of one per selector).
    pub fn union<'s>(selectors: impl IntoIterator<Item = &'s Selector>) -> Selector {
        Selector {
            alternatives: selectors
                .into_iter()
                .flat_map(|s| s.alternatives.iter().cloned())
                .collect(),
        }
    }

    /// True when `el` matches any alternative.
    pub fn matches(&self, el: Element<'_>) -> bool {
        el.id != 0 && self.alternatives.iter().any(|c| c.matches(el, 0))
    }
}

/// A [`Selector`] bound to one document: tag and attribute names as the document's name ids, and only the
/// alternatives whose every name the document uses (the others cannot match anything there).
pub(crate) struct Bound<'s> {
    alternatives: Vec<BoundComplex<'s>>,
}

struct BoundComplex<'s> {
    compounds: Vec<BoundCompound<'s>>,
    combinators: &'s [Combinator],
}

struct BoundCompound<'s> {
    tag: Option<u32>,
    id: Option<(u32, &'s str)>,
    classes: Option<(u32, &'s [Box<str>])>,
    attrs: Vec<(u32, &'s AttrTest)>,
}

impl Selector {
    pub(crate) fn bind<'s>(&'s self, doc: &Document) -> Bound<'s> {
        let bind_compound = |c: &'s Compound| -> Option<BoundCompound<'s>> {
            Some(BoundCompound {
                tag: match &c.tag {
                    Some(t) => Some(doc.name_id(t)?),
                    None => None,
                },
                id: match &c.id {
                    Some(v) => Some((doc.name_id("id")?, &**v)),
                    None => None,
                },
                classes: if c.classes.is_empty() {
                    None
                } else {
                    Some((doc.name_id("class")?, &c.classes[..]))
                },
                attrs: c
                    .attrs
                    .iter()
                    .map(|t| Some((doc.name_id(&t.name)?, t)))
                    .collect::<Option<_>>()?,
            })
        };
        Bound {
            alternatives: self
                .alternatives
                .iter()
                .filter_map(|c| {
                    Some(BoundComplex {
                        compounds: c
                            .compounds
                            .iter()
                            .map(bind_compound)
                            .collect::<Option<_>>()?,
                        combinators: &c.combinators,
                    })
                })
                .collect(),
        }
    }
}

impl Bound<'_> {
    /// True when no element of the document can match.
    pub(crate) fn is_empty(&self) -> bool {
        self.alternatives.is_empty()
    }

    pub(crate) fn matches(&self, el: Element<'_>) -> bool {
        el.id != 0 && self.alternatives.iter().any(|c| c.matches(el, 0))
    }
}

impl BoundComplex<'_> {
    fn matches(&self, el: Element<'_>, k: usize) -> bool {
        if !self.compounds[k].matches(el) {
            return false;
        }
        if k + 1 == self.compounds.len() {
            return true;
        }
        match self.combinators[k] {
            Combinator::Child => el
                .parent()
                .is_some_and(|p| p.id != 0 && self.matches(p, k + 1)),
            Combinator::Descendant => el
                .ancestors()
                .take_while(|a| a.id != 0)
                .any(|a| self.matches(a, k + 1)),
        }
    }
}

impl BoundCompound<'_> {
    fn matches(&self, el: Element<'_>) -> bool {
        if self.tag.is_some_and(|t| el.data().name != t) {
            return false;
        }
        if let Some((name, value)) = self.id {
            if el.attr_by_id(name) != Some(value) {
                return false;
            }
        }
        if let Some((name, classes)) = self.classes {
            let Some(class) = el.attr_by_id(name) else {
                return false;
            };
            if !classes
                .iter()
                .all(|c| class.split_ascii_whitespace().any(|w| w == &**c))
            {
                return false;
            }
        }
        self.attrs
            .iter()
            .all(|(name, t)| match el.attr_by_id(*name) {
                Some(v) => t.test(v),
                None => false,
            })
    }
}

impl Complex {
    fn matches(&self, el: Element<'_>, k: usize) -> bool {
        if !self.compounds[k].matches(el) {
            return false;
        }
        if k + 1 == self.compounds.len() {
            return true;
        }
        match self.combinators[k] {
            Combinator::Child => el
                .parent()
                .is_some_and(|p| p.id != 0 && self.matches(p, k + 1)),
            Combinator::Descendant => el
                .ancestors()
                .take_while(|a| a.id != 0)
                .any(|a| self.matches(a, k + 1)),
        }
    }
}

impl Compound {
    fn matches(&self, el: Element<'_>) -> bool {
        if let Some(tag) = &self.tag {
            if el.name() != &**tag {
                return false;
            }
        }
        if let Some(id) = &self.id {
            if el.attr("id") != Some(&**id) {
                return false;
            }
        }
        if !self.classes.is_empty() {
            let Some(class) = el.attr("class") else {
                return false;
            };
            if !self
                .classes
                .iter()
                .all(|c| class.split_ascii_whitespace().any(|w| w == &**c))
            {
                return false;
            }
        }
        self.attrs.iter().all(|t| match el.attr(&t.name) {
            Some(v) => t.test(v),
            None => false,
        })
    }
}

fn ascii_eq(a: &[u8], b: &[u8], ignore_case: bool) -> bool {
    if ignore_case {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

impl AttrTest {
    fn test(&self, v: &str) -> bool {
        let (v, w, ic) = (v.as_bytes(), self.value.as_bytes(), self.ignore_case);
        match self.op {
            Op::Exists => true,
            Op::Equals => ascii_eq(v, w, ic),
            Op::Word => {
                !w.is_empty()
                    && v.split(|b| b.is_ascii_whitespace())
                        .any(|x| ascii_eq(x, w, ic))
            }
            Op::DashPrefix => {
                ascii_eq(v, w, ic)
                    || (v.len() > w.len() && v[w.len()] == b'-' && ascii_eq(&v[..w.len()], w, ic))
            }
            Op::Prefix => !w.is_empty() && v.len() >= w.len() && ascii_eq(&v[..w.len()], w, ic),
            Op::Suffix => {
                !w.is_empty() && v.len() >= w.len() && ascii_eq(&v[v.len() - w.len()..], w, ic)
            }
            Op::Substring => {
                !w.is_empty()
                    && v.len() >= w.len()
                    && v.windows(w.len()).any(|x| ascii_eq(x, w, ic))
            }
        }
    }
}

struct Parser<'s> {
    s: &'s [u8],
    css: &'s str,
    i: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn spaces(&mut self) -> bool {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
        self.i > start
    }

    fn ident(&mut self) -> Result<&str, &'static str> {
        let start = self.i;
        while self.peek().is_some_and(is_ident_byte) {
            self.i += 1;
        }
        if self.i == start {
            return Err("a name is missing");
        }
        Ok(&self.css[start..self.i])
    }

    fn complex(&mut self) -> Result<Complex, &'static str> {
        self.spaces();
        let mut compounds = vec![self.compound()?];
        let mut combinators = Vec::new();
        loop {
            let spaced = self.spaces();
            let combinator = match self.peek() {
                Some(b'>') => {
                    self.i += 1;
                    self.spaces();
                    Combinator::Child
                }
                Some(b'+' | b'~') => return Err("sibling combinators are not supported"),
                None | Some(b',') => break,
                Some(_) if spaced => Combinator::Descendant,
                Some(_) => return Err("unexpected character"),
            };
            combinators.push(combinator);
            compounds.push(self.compound()?);
        }
        compounds.reverse();
        combinators.reverse();
        Ok(Complex {
            compounds,
            combinators,
        })
    }

    fn compound(&mut self) -> Result<Compound, &'static str> {
        let mut c = Compound::default();
        let start = self.i;
        match self.peek() {
            Some(b'*') => self.i += 1,
            Some(b) if is_ident_byte(b) => c.tag = Some(self.ident()?.to_ascii_lowercase().into()),
            _ => {}
        }
        loop {
            match self.peek() {
                Some(b'#') => {
                    self.i += 1;
                    c.id = Some(self.ident()?.into());
                }
                Some(b'.') => {
                    self.i += 1;
                    c.classes.push(self.ident()?.into());
                }
                Some(b'[') => {
                    self.i += 1;
                    c.attrs.push(self.attribute()?);
                }
                Some(b':') => return Err("pseudo-classes are not supported"),
                Some(b'|') => return Err("namespaces are not supported"),
                _ => break,
            }
        }
        if self.i == start {
            return Err("a selector is missing");
        }
        Ok(c)
    }

    fn attribute(&mut self) -> Result<AttrTest, &'static str> {
        self.spaces();
        let name: Box<str> = self.ident()?.to_ascii_lowercase().into();
        self.spaces();
        let op = match (self.peek(), self.s.get(self.i + 1).copied()) {
            (Some(b']'), _) => {
                self.i += 1;
                return Ok(AttrTest {
                    name,
                    op: Op::Exists,
                    value: "".into(),
                    ignore_case: false,
                });
            }
            (Some(b'='), _) => Op::Equals,
            (Some(b'~'), Some(b'=')) => Op::Word,
            (Some(b'|'), Some(b'=')) => Op::DashPrefix,
            (Some(b'^'), Some(b'=')) => Op::Prefix,
            (Some(b'$'), Some(b'=')) => Op::Suffix,
            (Some(b'*'), Some(b'=')) => Op::Substring,
            _ => return Err("unknown attribute operator"),
        };
        self.i += if op == Op::Equals { 1 } else { 2 };
        self.spaces();
        let value: String = match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                self.i += 1;
                let mut v = Vec::new();
                loop {
                    match self.peek() {
                        None => return Err("unterminated string"),
                        Some(b) if b == q => {
                            self.i += 1;
                            break;
                        }
                        Some(b'\\') => {
                            v.push(*self.s.get(self.i + 1).ok_or("unterminated string")?);
                            self.i += 2;
                        }
                        Some(b) => {
                            v.push(b);
                            self.i += 1;
                        }
                    }
                }
                String::from_utf8(v).map_err(|_| "invalid string")?
            }
            _ => self.ident()?.to_string(),
        };
        self.spaces();
        let mut ignore_case = false;
        match self.peek() {
            Some(b'i' | b'I') => {
                ignore_case = true;
                self.i += 1;
            }
            Some(b's' | b'S') => self.i += 1,
            _ => {}
        }
        self.spaces();
        if self.peek() != Some(b']') {
            return Err("`]` expected");
        }
        self.i += 1;
        Ok(AttrTest {
            name,
            op,
            value: value.into(),
            ignore_case,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Document;
    use super::*;

    fn count(html: &str, css: &str) -> usize {
        let doc = Document::parse(html);
        let sel = Selector::parse(css).unwrap();
        doc.root().select(&sel).count()
    }

    const PAGE: &str = r#"<main id="main"><section class="card top" data-member-id="7" componentkey="com.linkedin.sdui.profile.card.refAB1Topcard">
        <h2>Ada</h2><a href="/in/ada/overlay/contact-info/" lang="en-GB">c</a></section>
        <div componentkey="com.linkedin.sdui.profile.card.refAB1SuggestedForYou"><section><h2>Bo</h2></section></div>
        <ul><li class="x"><span aria-hidden="true">1</span></li><li><p><span>2</span></p></li></ul></main>"#;

    #[test]
    fn matches_the_subset() {
        let cases = [
            ("h2", 2),
            ("*", 13),
            ("#main", 1),
            ("section.card.top", 1),
            (".card.nope", 0),
            ("[data-member-id]", 1),
            ("[data-member-id=\"7\"]", 1),
            ("[data-member-id='8']", 0),
            ("[componentkey$=\"Topcard\"]", 1),
            ("[componentkey$=\"topcard\"]", 0),
            ("[componentkey$=\"topcard\" i]", 1),
            ("[componentkey^=\"com.linkedin.sdui.profile.card.ref\"]", 2),
            ("[componentkey*=\"Suggested\"]", 1),
            ("[class~=\"top\"]", 1),
            ("[lang|=en]", 1),
            ("a[href*=\"/overlay/\"]", 1),
            ("main h2", 2),
            ("main > section > h2", 1),
            ("div section h2", 1),
            ("li span", 2),
            ("ul > li > span", 1),
            ("li > span[aria-hidden=\"true\"], p span", 2),
            ("main section", 2),
        ];
        let doc = Document::parse(PAGE);
        for (css, n) in cases {
            assert_eq!(count(PAGE, css), n, "{css}");
            // the unbound matcher (one element at a time) agrees with the bound scan
            let sel = Selector::parse(css).unwrap();
            assert_eq!(
                doc.elements().filter(|e| sel.matches(*e)).count(),
                n,
                "{css}"
            );
        }
        // a name the document never uses: nothing to scan
        assert_eq!(count(PAGE, "[data-anonymize], video"), 0);
    }

    #[test]
    fn the_root_never_matches() {
        assert_eq!(count("<p></p>", "*"), 1);
        assert_eq!(count("<p></p>", "* p"), 0);
    }

    #[test]
    fn rejects_what_it_does_not_support() {
        for css in [
            "", " ", "a:hover", "a + b", "a ~ b", "[x", "[x^y]", "a,", ",a", "[x=\"y]", "svg|a",
            "a >", "a..b", "#",
        ] {
            assert!(Selector::parse(css).is_err(), "{css:?} should not compile");
        }
        assert!(Selector::parse(" a  >  b , c[d = 'e' i] ").is_ok());
    }
}
