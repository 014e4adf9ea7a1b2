//! Validation of what the recruiter types and attaches, with messages keyed for the UI.
//!
//! Everything here is pure: a rule takes the raw value and answers `Ok` or a reason whose [`Problem::key`] /
//! [`DocumentError::key`] is a stable i18n key of `static/_locales/<lang>/messages.json` (the UI localises it).
//! Rules:
//! - [`email`]: a practical subset of RFC 5322 / 6531 (dot-atom local part, no quoted strings, no IP literals);
//! - [`phone`]: optional; digits and `+ ( ) - / .` and spaces, 6–20 digits;
//! - [`first_name`], [`last_name`]: required, at most [`MAX_NAME_CHARS`];
//! - [`position`]: a job position must be picked;
//! - [`tag`], [`tags`], [`normalize_tags`]: trimmed, non-empty, unique ignoring case, at most [`MAX_TAG_CHARS`];
//! - [`message`] (the recruiter's comment): at most [`MAX_MESSAGE_CHARS`];
//! - [`precheck_document`], [`check_document`]: `.pdf`, `.doc`, `.docx`, `.odt` only, checked by extension *and*
//!   by content (magic bytes), at most [`MAX_DOCUMENT_BYTES`], not empty.

use crate::personio::PositionId;
use std::fmt;

/// Largest document Personio accepts: 20 MB (20 × 1024 × 1024 bytes).
pub const MAX_DOCUMENT_BYTES: u64 = 20 * 1024 * 1024;
/// How many leading bytes of a document [`check_document`] wants (and how many trailing bytes it can use).
pub const DOCUMENT_HEAD_BYTES: usize = 64 * 1024;
/// Longest first or last name (characters).
pub const MAX_NAME_CHARS: usize = 255;
/// Longest tag (characters).
pub const MAX_TAG_CHARS: usize = 50;
/// Most tags on one application.
pub const MAX_TAGS: usize = 30;
/// Longest recruiter comment (characters). Our own limit: Personio documents none.
pub const MAX_MESSAGE_CHARS: usize = 5_000;
/// Longest e-mail address (RFC 5321 path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest local part of an e-mail address (before the `@`).
pub const MAX_EMAIL_LOCAL_CHARS: usize = 64;
/// Fewest and most digits in a phone number.
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 6..=20;

/// Why a typed value was refused. [`Problem::key`] is the i18n key of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// No e-mail address.
    EmailRequired,
    /// Whitespace inside the address.
    EmailSpaces,
    /// No `@`.
    EmailMissingAt,
    /// More than one `@` (quoted local parts are not supported).
    EmailMultipleAt,
    /// Nothing before the `@`.
    EmailLocalEmpty,
    /// Nothing after the `@`.
    EmailDomainEmpty,
    /// A domain without a dot (`name@example`).
    EmailDomainNoDot,
    /// A character that is not allowed (`,`, `;`, `<`, `"`, …).
    EmailInvalidChar,
    /// A dot at the start or end of a part, or two dots in a row.
    EmailDots,
    /// Longer than [`MAX_EMAIL_CHARS`] or a local part longer than [`MAX_EMAIL_LOCAL_CHARS`].
    EmailTooLong,
    /// A domain label starting or ending with `-`, longer than 63, or a top-level domain that is too short
    /// or numeric.
    EmailDomainLabel,
    /// A character other than digits, spaces and `+ ( ) - / .` in a phone number.
    PhoneChars,
    /// A `+` that is not the first character.
    PhonePlus,
    /// Fewer digits than [`PHONE_DIGITS`] allows.
    PhoneTooShort,
    /// More digits than [`PHONE_DIGITS`] allows.
    PhoneTooLong,
    /// No first name.
    FirstNameRequired,
    /// No last name.
    LastNameRequired,
    /// A name longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    /// No job position picked.
    PositionRequired,
    /// An empty tag.
    TagEmpty,
    /// A tag longer than [`MAX_TAG_CHARS`].
    TagTooLong,
    /// A tag already present (ignoring case).
    TagDuplicate,
    /// More than [`MAX_TAGS`] tags.
    TagsTooMany,
    /// A comment longer than [`MAX_MESSAGE_CHARS`].
    MessageTooLong,
}

impl Problem {
    /// The i18n key of the message (stable: the locale files use it).
    pub fn key(self) -> &'static str {
        match self {
            Problem::EmailRequired => "valEmailRequired",
            Problem::EmailSpaces => "valEmailSpaces",
            Problem::EmailMissingAt => "valEmailMissingAt",
            Problem::EmailMultipleAt => "valEmailMultipleAt",
            Problem::EmailLocalEmpty => "valEmailLocalEmpty",
            Problem::EmailDomainEmpty => "valEmailDomainEmpty",
            Problem::EmailDomainNoDot => "valEmailDomainNoDot",
            Problem::EmailInvalidChar => "valEmailInvalidChar",
            Problem::EmailDots => "valEmailDots",
            Problem::EmailTooLong => "valEmailTooLong",
            Problem::EmailDomainLabel => "valEmailDomainLabel",
            Problem::PhoneChars => "valPhoneChars",
            Problem::PhonePlus => "valPhonePlus",
            Problem::PhoneTooShort => "valPhoneTooShort",
            Problem::PhoneTooLong => "valPhoneTooLong",
            Problem::FirstNameRequired => "valFirstNameRequired",
            Problem::LastNameRequired => "valLastNameRequired",
            Problem::NameTooLong => "valNameTooLong",
            Problem::PositionRequired => "valPositionRequired",
            Problem::TagEmpty => "valTagEmpty",
            Problem::TagTooLong => "valTagTooLong",
            Problem::TagDuplicate => "valTagDuplicate",
            Problem::TagsTooMany => "valTagsTooMany",
            Problem::MessageTooLong => "valCommentTooLong",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for Problem {}

/// Characters allowed in the local part besides letters and digits (RFC 5322 `atext`, plus `.`).
const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-.";

/// Checks an e-mail address (surrounding whitespace is ignored: the submission trims it).
///
/// Accepted: `local@domain.tld` where the local part is letters (any script), digits, `.` and
/// ``!#$%&'*+/=?^_`{|}~-``, and the domain is dot-separated labels of letters, digits and inner `-`, with a
/// top-level domain of at least two characters that is not all digits.
pub fn email(input: &str) -> Result<(), Problem> {
    let value = input.trim();
    if value.is_empty() {
        return Err(Problem::EmailRequired);
    }
    if value.chars().any(char::is_whitespace) {
        return Err(Problem::EmailSpaces);
    }
    let (local, domain) = match value.split_once('@') {
        None => return Err(Problem::EmailMissingAt),
        Some((_, domain)) if domain.contains('@') => return Err(Problem::EmailMultipleAt),
        Some(parts) => parts,
    };
    if local.is_empty() {
        return Err(Problem::EmailLocalEmpty);
    }
    if domain.is_empty() {
        return Err(Problem::EmailDomainEmpty);
    }
    if value.chars().count() > MAX_EMAIL_CHARS || local.chars().count() > MAX_EMAIL_LOCAL_CHARS {
        return Err(Problem::EmailTooLong);
    }
    if !local
        .chars()
        .all(|c| c.is_alphanumeric() || LOCAL_SPECIALS.contains(c))
    {
        return Err(Problem::EmailInvalidChar);
    }
    if !domain
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    {
        return Err(Problem::EmailInvalidChar);
    }
    let bad_dots = |part: &str| part.starts_with('.') || part.ends_with('.') || part.contains("..");
    if bad_dots(local) || bad_dots(domain) {
        return Err(Problem::EmailDots);
    }
    if !domain.contains('.') {
        return Err(Problem::EmailDomainNoDot);
    }
    let labels_ok = domain.split('.').all(|label| {
        label.chars().count() <= 63 && !label.starts_with('-') && !label.ends_with('-')
    });
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if !labels_ok || tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::EmailDomainLabel);
    }
    Ok(())
}

/// Checks a phone number. Empty is fine (the field is optional); otherwise only digits, spaces and
/// `+ ( ) - / .`, a `+` only in front, and between 6 and 20 digits.
pub fn phone(input: &str) -> Result<(), Problem> {
    let value = input.trim();
    if value.is_empty() {
        return Ok(());
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-/.".contains(c))
    {
        return Err(Problem::PhoneChars);
    }
    if value.rfind('+').is_some_and(|at| at > 0) {
        return Err(Problem::PhonePlus);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if digits < *PHONE_DIGITS.start() {
        return Err(Problem::PhoneTooShort);
    }
    if digits > *PHONE_DIGITS.end() {
        return Err(Problem::PhoneTooLong);
    }
    Ok(())
}

fn name(input: &str, missing: Problem) -> Result<(), Problem> {
    let value = input.trim();
    if value.is_empty() {
        Err(missing)
    } else if value.chars().count() > MAX_NAME_CHARS {
        Err(Problem::NameTooLong)
    } else {
        Ok(())
    }
}

/// Checks a first name: required (not only whitespace), at most [`MAX_NAME_CHARS`].
pub fn first_name(input: &str) -> Result<(), Problem> {
    name(input, Problem::FirstNameRequired)
}

/// Checks a last name: required (not only whitespace), at most [`MAX_NAME_CHARS`].
pub fn last_name(input: &str) -> Result<(), Problem> {
    name(input, Problem::LastNameRequired)
}

/// Checks that a job position was picked and returns it.
pub fn position(selected: Option<PositionId>) -> Result<PositionId, Problem> {
    selected
        .filter(|p| p.is_valid())
        .ok_or(Problem::PositionRequired)
}

/// Trims a tag and collapses inner runs of whitespace to one space.
fn clean_tag(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks a new tag against the tags already present and returns it cleaned (trimmed, inner whitespace
/// collapsed). Refuses empty tags, tags longer than [`MAX_TAG_CHARS`], duplicates ignoring case, and any tag
/// beyond [`MAX_TAGS`].
pub fn tag(raw: &str, existing: &[String]) -> Result<String, Problem> {
    let cleaned = clean_tag(raw);
    if cleaned.is_empty() {
        return Err(Problem::TagEmpty);
    }
    if cleaned.chars().count() > MAX_TAG_CHARS {
        return Err(Problem::TagTooLong);
    }
    let lower = cleaned.to_lowercase();
    if existing
        .iter()
        .any(|t| clean_tag(t).to_lowercase() == lower)
    {
        return Err(Problem::TagDuplicate);
    }
    if normalize_tags(existing).len() >= MAX_TAGS {
        return Err(Problem::TagsTooMany);
    }
    Ok(cleaned)
}

/// Cleans a tag list for submission: trims, drops empty tags and drops later duplicates ignoring case
/// (the first spelling wins). Over-long tags are kept: [`tags`] reports them.
pub fn normalize_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for raw in tags {
        let cleaned = clean_tag(raw);
        let lower = cleaned.to_lowercase();
        if !cleaned.is_empty() && !out.iter().any(|t| t.to_lowercase() == lower) {
            out.push(cleaned);
        }
    }
    out
}

/// Checks a whole tag list as it will be sent (after [`normalize_tags`]): at most [`MAX_TAGS`] tags of at most
/// [`MAX_TAG_CHARS`] characters.
pub fn tags(tags: &[String]) -> Result<(), Problem> {
    let tags = normalize_tags(tags);
    if tags.len() > MAX_TAGS {
        return Err(Problem::TagsTooMany);
    }
    if tags.iter().any(|t| t.chars().count() > MAX_TAG_CHARS) {
        return Err(Problem::TagTooLong);
    }
    Ok(())
}

/// Checks the recruiter's comment (Personio's `message`): optional, at most [`MAX_MESSAGE_CHARS`].
pub fn message(input: &str) -> Result<(), Problem> {
    if input.trim().chars().count() > MAX_MESSAGE_CHARS {
        Err(Problem::MessageTooLong)
    } else {
        Ok(())
    }
}

/// A document type Personio accepts from this extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// PDF (`%PDF-`).
    Pdf,
    /// Legacy Word (OLE2 compound file).
    Doc,
    /// Word (Office Open XML, a ZIP with `[Content_Types].xml` and `word/`).
    Docx,
    /// OpenDocument text (a ZIP whose first entry is `mimetype` = `application/vnd.oasis.opendocument.text`).
    Odt,
}

impl DocumentKind {
    /// Every accepted kind.
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Pdf,
        DocumentKind::Doc,
        DocumentKind::Docx,
        DocumentKind::Odt,
    ];

    /// The file extension, lower case, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "pdf",
            DocumentKind::Doc => "doc",
            DocumentKind::Docx => "docx",
            DocumentKind::Odt => "odt",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "application/pdf",
            DocumentKind::Doc => "application/msword",
            DocumentKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            DocumentKind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    /// The kind a file name's extension claims (case-insensitive), if accepted.
    pub fn from_name(name: &str) -> Option<DocumentKind> {
        let (_, ext) = name.trim().rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        DocumentKind::ALL.into_iter().find(|k| k.extension() == ext)
    }
}

/// The `accept` attribute of a file input for the accepted kinds.
pub const DOCUMENT_ACCEPT: &str = ".pdf,.doc,.docx,.odt";

/// Why a document was refused. [`DocumentError::key`] is the i18n key of the message; its first substitution is
/// the file name, the others are listed on each variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentError {
    /// The extension is not `.pdf`, `.doc`, `.docx` or `.odt` (or there is none).
    WrongType,
    /// The file has no bytes.
    Empty,
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge,
    /// The content is a program (Windows `MZ`, ELF, Mach-O, a script), whatever the extension says.
    Executable,
    /// The content is an accepted kind, but not the one the extension claims (a `.docx` renamed `.pdf`).
    /// Substitution `$2`: the extension the content really has.
    Mismatch {
        /// What the extension claims.
        claimed: DocumentKind,
        /// What the content is.
        found: DocumentKind,
    },
    /// The content is not what the extension claims, nor any accepted kind.
    /// Substitution `$2`: the claimed extension.
    Content {
        /// What the extension claims.
        claimed: DocumentKind,
    },
    /// The file could not be read (moved, deleted, access lost). Never produced by the pure checks here: the
    /// UI reports it when reading the bytes fails.
    Unreadable,
}

impl DocumentError {
    /// The i18n key of the message (stable: the locale files use it).
    pub fn key(self) -> &'static str {
        match self {
            DocumentError::WrongType => "docRefusedType",
            DocumentError::Empty => "docRefusedEmpty",
            DocumentError::TooLarge => "docRefusedSize",
            DocumentError::Executable => "docRefusedExecutable",
            DocumentError::Mismatch { .. } => "docRefusedMismatch",
            DocumentError::Content { .. } => "docRefusedContent",
            DocumentError::Unreadable => "docRefusedUnreadable",
        }
    }

    /// The substitutions after the file name (`$2`…), e.g. `[".docx"]` for a mismatch.
    pub fn args(self) -> Vec<String> {
        match self {
            DocumentError::Mismatch { found, .. } => vec![format!(".{}", found.extension())],
            DocumentError::Content { claimed } => vec![format!(".{}", claimed.extension())],
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for DocumentError {}

/// The checks that need no content: extension, then emptiness, then size. Run it before reading the file.
pub fn precheck_document(name: &str, size: u64) -> Result<DocumentKind, DocumentError> {
    let kind = DocumentKind::from_name(name).ok_or(DocumentError::WrongType)?;
    if size == 0 {
        return Err(DocumentError::Empty);
    }
    if size > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge);
    }
    Ok(kind)
}

/// Checks a document by name, size and content.
///
/// `head` is the file's first bytes: [`DOCUMENT_HEAD_BYTES`] (64 KiB) or the whole file when smaller. Enough for
/// PDF and DOC (magic at the start) and for ODT (`mimetype` is the first entry); for DOCX the `[Content_Types].xml`
/// and `word/…` entries must appear in a ZIP local header within `head`. Word writes them first; LibreOffice
/// writes `[Content_Types].xml` last, so callers should use [`check_document_with_tail`] and pass the end of the
/// file too (the ZIP central directory names every entry).
pub fn check_document(name: &str, size: u64, head: &[u8]) -> Result<DocumentKind, DocumentError> {
    check_document_with_tail(name, size, head, &[])
}

/// [`check_document`] with the file's last bytes (`tail`, e.g. the last 64 KiB; empty when `head` is the whole
/// file), where ZIP entries are also looked up in the central directory.
pub fn check_document_with_tail(
    name: &str,
    size: u64,
    head: &[u8],
    tail: &[u8],
) -> Result<DocumentKind, DocumentError> {
    let claimed = precheck_document(name, size)?;
    match sniff(head, tail) {
        Sniffed::Kind(found) if found == claimed => Ok(claimed),
        Sniffed::Kind(found) => Err(DocumentError::Mismatch { claimed, found }),
        Sniffed::Executable => Err(DocumentError::Executable),
        Sniffed::Unknown => Err(DocumentError::Content { claimed }),
    }
}

/// What the content looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sniffed {
    Kind(DocumentKind),
    Executable,
    Unknown,
}

const PDF_MAGIC: &[u8] = b"%PDF-";
/// Readers accept the PDF header within the first 1024 bytes.
const PDF_MAGIC_WINDOW: usize = 1024;
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_LOCAL: &[u8] = b"PK\x03\x04";
const ZIP_CENTRAL: &[u8] = b"PK\x01\x02";
const ODT_MIME: &[u8] = b"application/vnd.oasis.opendocument.text";
/// Program headers: Windows/DOS `MZ`, ELF, Mach-O (32/64, both byte orders, fat), a script's `#!`.
const EXECUTABLE_MAGICS: &[&[u8]] = &[
    b"MZ",
    b"\x7fELF",
    &[0xFE, 0xED, 0xFA, 0xCE],
    &[0xFE, 0xED, 0xFA, 0xCF],
    &[0xCE, 0xFA, 0xED, 0xFE],
    &[0xCF, 0xFA, 0xED, 0xFE],
    &[0xCA, 0xFE, 0xBA, 0xBE],
    b"#!",
];

fn sniff(head: &[u8], tail: &[u8]) -> Sniffed {
    let window = &head[..head.len().min(PDF_MAGIC_WINDOW)];
    if head.starts_with(OLE2_MAGIC) {
        return Sniffed::Kind(DocumentKind::Doc);
    }
    if head.starts_with(ZIP_LOCAL) {
        if first_entry_is_odt_mimetype(head) {
            return Sniffed::Kind(DocumentKind::Odt);
        }
        let names: Vec<&[u8]> = zip_entry_names(head).chain(zip_entry_names(tail)).collect();
        let has_types = names.iter().any(|n| *n == b"[Content_Types].xml");
        let has_word = names.iter().any(|n| n.starts_with(b"word/"));
        return if has_types && has_word {
            Sniffed::Kind(DocumentKind::Docx)
        } else {
            Sniffed::Unknown
        };
    }
    if EXECUTABLE_MAGICS.iter().any(|m| head.starts_with(m)) {
        return Sniffed::Executable;
    }
    if find(window, PDF_MAGIC).is_some() {
        return Sniffed::Kind(DocumentKind::Pdf);
    }
    Sniffed::Unknown
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn u16_le(bytes: &[u8], at: usize) -> Option<usize> {
    bytes
        .get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
}

/// ODT: the first local header names `mimetype`, is stored (method 0) with exactly the ODT MIME type as its
/// data (so templates, `…text-template`, and master documents, `…text-master`, do not count).
fn first_entry_is_odt_mimetype(bytes: &[u8]) -> bool {
    let (Some(method), Some(size), Some(name_len), Some(extra_len)) = (
        u16_le(bytes, 8),
        u16_le(bytes, 18),
        u16_le(bytes, 26),
        u16_le(bytes, 28),
    ) else {
        return false;
    };
    let name_start = 30;
    let data_start = name_start + name_len + extra_len;
    method == 0
        && size == ODT_MIME.len()
        && bytes.get(20..22) == Some([0, 0].as_slice())
        && bytes.get(name_start..name_start + name_len) == Some(b"mimetype".as_slice())
        && bytes.get(data_start..data_start + ODT_MIME.len()) == Some(ODT_MIME)
}

/// Entry names of every ZIP local header (`PK\x03\x04`, name at +30) and central directory header
/// (`PK\x01\x02`, name at +46) found in `bytes`. Headers are located by signature, so a truncated buffer (the
/// head or the tail of a file) works; a stray signature inside compressed data only adds a meaningless name.
fn zip_entry_names(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    (0..bytes.len().saturating_sub(3)).filter_map(move |at| {
        let sig = &bytes[at..at + 4];
        let (len_at, name_at) = if sig == ZIP_LOCAL {
            (at + 26, at + 30)
        } else if sig == ZIP_CENTRAL {
            (at + 28, at + 46)
        } else {
            return None;
        };
        let len = u16_le(bytes, len_at)?;
        bytes.get(name_at..name_at + len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // ----- e-mail -----

    #[test]
    fn accepts_practical_addresses() {
        for ok in [
            "ines.duval@example.com",
            "  padded@example.org  ",
            "first+tag@sub.example.co.uk",
            "o'brien@example.ie",
            "jürgen.müller@exämple.de",
            "a_b-c@x-y.io",
            "x@a.bc",
        ] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn email_reasons_are_specific() {
        let cases = [
            ("", Problem::EmailRequired),
            ("   ", Problem::EmailRequired),
            ("ines duval@example.com", Problem::EmailSpaces),
            ("ines.example.com", Problem::EmailMissingAt),
            ("a@b@example.com", Problem::EmailMultipleAt),
            ("@example.com", Problem::EmailLocalEmpty),
            ("ines@", Problem::EmailDomainEmpty),
            ("ines@example", Problem::EmailDomainNoDot),
            ("ines,duval@example.com", Problem::EmailInvalidChar),
            ("<ines@example.com>", Problem::EmailInvalidChar),
            ("ines@[10.0.0.1]", Problem::EmailInvalidChar),
            ("ines@exa_mple.com", Problem::EmailInvalidChar),
            (".ines@example.com", Problem::EmailDots),
            ("ines.@example.com", Problem::EmailDots),
            ("in..es@example.com", Problem::EmailDots),
            ("ines@example..com", Problem::EmailDots),
            ("ines@.example.com", Problem::EmailDots),
            ("ines@example.com.", Problem::EmailDots),
            ("ines@-example.com", Problem::EmailDomainLabel),
            ("ines@example-.com", Problem::EmailDomainLabel),
            ("ines@example.c", Problem::EmailDomainLabel),
            ("ines@10.0.0.1", Problem::EmailDomainLabel),
        ];
        for (input, expected) in cases {
            assert_eq!(email(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn email_length_limits() {
        let local = "a".repeat(65);
        assert_eq!(
            email(&format!("{local}@example.com")),
            Err(Problem::EmailTooLong)
        );
        let long_domain = format!("{}.com", ["abcdefghij"; 25].join("."));
        assert_eq!(
            email(&format!("ines@{long_domain}")),
            Err(Problem::EmailTooLong)
        );
        assert_eq!(
            email(&format!("ines@{}.com", "a".repeat(64))),
            Err(Problem::EmailDomainLabel)
        );
        assert_eq!(email(&format!("{}@example.com", "a".repeat(64))), Ok(()));
    }

    // ----- phone -----

    #[test]
    fn phone_is_optional_and_accepts_common_formats() {
        for ok in [
            "",
            "  ",
            "+49 170 1234567",
            "(030) 123-456",
            "030/1234567",
            "+33 6.12.34.56.78",
            "123456",
        ] {
            assert_eq!(phone(ok), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn phone_reasons_are_specific() {
        assert_eq!(phone("+49 170 ABC"), Err(Problem::PhoneChars));
        assert_eq!(phone("0170 123456 ext. 5"), Err(Problem::PhoneChars));
        assert_eq!(phone("0049+170123456"), Err(Problem::PhonePlus));
        assert_eq!(phone("++49170123456"), Err(Problem::PhonePlus));
        assert_eq!(phone("12345"), Err(Problem::PhoneTooShort));
        assert_eq!(phone("+1 (2) 3-4"), Err(Problem::PhoneTooShort));
        assert_eq!(phone(&"1".repeat(21)), Err(Problem::PhoneTooLong));
        assert_eq!(phone(&"1".repeat(20)), Ok(()));
    }

    // ----- names, position, comment -----

    #[test]
    fn names_are_required_and_bounded() {
        assert_eq!(first_name("Inès"), Ok(()));
        assert_eq!(first_name(" \t"), Err(Problem::FirstNameRequired));
        assert_eq!(last_name(""), Err(Problem::LastNameRequired));
        assert_eq!(last_name(&"x".repeat(256)), Err(Problem::NameTooLong));
        assert_eq!(
            last_name(&"é".repeat(255)),
            Ok(()),
            "counted in characters, not bytes"
        );
    }

    #[test]
    fn position_must_be_picked() {
        assert_eq!(position(Some(PositionId(42))), Ok(PositionId(42)));
        assert_eq!(
            position(Some(PositionId(-1))),
            Err(Problem::PositionRequired)
        );
        assert_eq!(position(None), Err(Problem::PositionRequired));
    }

    #[test]
    fn message_is_bounded() {
        assert_eq!(message(""), Ok(()));
        assert_eq!(message(&"ü".repeat(MAX_MESSAGE_CHARS)), Ok(()));
        assert_eq!(
            message(&"x".repeat(MAX_MESSAGE_CHARS + 1)),
            Err(Problem::MessageTooLong)
        );
    }

    // ----- tags -----

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_new_tag_is_cleaned_and_checked() {
        let existing = strings(&["Backend", "Rust"]);
        assert_eq!(
            tag("  Senior   Engineer ", &existing),
            Ok("Senior Engineer".into())
        );
        assert_eq!(tag("   ", &existing), Err(Problem::TagEmpty));
        assert_eq!(tag("rust", &existing), Err(Problem::TagDuplicate));
        assert_eq!(tag(" BACKEND ", &existing), Err(Problem::TagDuplicate));
        assert_eq!(
            tag(&"t".repeat(MAX_TAG_CHARS + 1), &existing),
            Err(Problem::TagTooLong)
        );
        assert_eq!(
            tag(&"ß".repeat(MAX_TAG_CHARS), &existing).map(|t| t.chars().count()),
            Ok(MAX_TAG_CHARS)
        );
    }

    #[test]
    fn tag_lists_are_normalized_and_bounded() {
        let raw = strings(&[" Rust ", "rust", "", "  ", "Go", "RUST", "go "]);
        assert_eq!(normalize_tags(&raw), strings(&["Rust", "Go"]));
        assert_eq!(tags(&raw), Ok(()));
        let many: Vec<String> = (0..=MAX_TAGS).map(|i| format!("tag{i}")).collect();
        assert_eq!(tags(&many), Err(Problem::TagsTooMany));
        assert_eq!(
            tag("one more", &many[..MAX_TAGS]),
            Err(Problem::TagsTooMany)
        );
        assert_eq!(
            tag("one more", &many[..MAX_TAGS - 1]),
            Ok("one more".into())
        );
        assert_eq!(tag("TAG0", &many), Err(Problem::TagDuplicate));
        assert_eq!(tags(&many[..MAX_TAGS]), Ok(()));
        assert_eq!(
            tags(&["x".repeat(MAX_TAG_CHARS + 1)]),
            Err(Problem::TagTooLong)
        );
    }

    #[test]
    fn keys_are_unique_and_prefixed() {
        let all = [
            Problem::EmailRequired,
            Problem::EmailSpaces,
            Problem::EmailMissingAt,
            Problem::EmailMultipleAt,
            Problem::EmailLocalEmpty,
            Problem::EmailDomainEmpty,
            Problem::EmailDomainNoDot,
            Problem::EmailInvalidChar,
            Problem::EmailDots,
            Problem::EmailTooLong,
            Problem::EmailDomainLabel,
            Problem::PhoneChars,
            Problem::PhonePlus,
            Problem::PhoneTooShort,
            Problem::PhoneTooLong,
            Problem::FirstNameRequired,
            Problem::LastNameRequired,
            Problem::NameTooLong,
            Problem::PositionRequired,
            Problem::TagEmpty,
            Problem::TagTooLong,
            Problem::TagDuplicate,
            Problem::TagsTooMany,
            Problem::MessageTooLong,
        ];
        let keys: std::collections::HashSet<_> = all.iter().map(|p| p.key()).collect();
        assert_eq!(keys.len(), all.len());
        assert!(keys.iter().all(|k| k.starts_with("val")));
        assert_eq!(Problem::EmailMissingAt.to_string(), "valEmailMissingAt");
    }

    // ----- documents -----

    pub(crate) fn pdf() -> Vec<u8> {
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n".to_vec()
    }

    pub(crate) fn doc() -> Vec<u8> {
        let mut bytes = OLE2_MAGIC.to_vec();
        bytes.resize(512, 0);
        bytes
    }

    /// A ZIP local header for `name` with `data` stored uncompressed.
    fn local_entry(name: &str, data: &[u8]) -> Vec<u8> {
        let mut out = ZIP_LOCAL.to_vec();
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0]); // version, flags, method 0 (stored)
        out.extend_from_slice(&[0; 8]); // time, date, crc
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        out
    }

    /// A central directory header for `name` (only the fields the sniffer reads are meaningful).
    fn central_entry(name: &str) -> Vec<u8> {
        let mut out = ZIP_CENTRAL.to_vec();
        out.extend_from_slice(&[0; 24]);
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 16]);
        out.extend_from_slice(name.as_bytes());
        out
    }

    pub(crate) fn docx() -> Vec<u8> {
        let mut bytes = local_entry("[Content_Types].xml", b"<Types/>");
        bytes.extend(local_entry("_rels/.rels", b"<Relationships/>"));
        bytes.extend(local_entry("word/document.xml", b"<w:document/>"));
        bytes
    }

    pub(crate) fn odt() -> Vec<u8> {
        let mut bytes = local_entry("mimetype", ODT_MIME);
        bytes.extend(local_entry("content.xml", b"<office:document-content/>"));
        bytes
    }

    fn check(name: &str, bytes: &[u8]) -> Result<DocumentKind, DocumentError> {
        check_document(name, bytes.len() as u64, bytes)
    }

    #[test]
    fn accepts_each_kind_by_extension_and_content() {
        assert_eq!(check("CV.pdf", &pdf()), Ok(DocumentKind::Pdf));
        assert_eq!(check("Lebenslauf.DOC", &doc()), Ok(DocumentKind::Doc));
        assert_eq!(check("cover letter.docx", &docx()), Ok(DocumentKind::Docx));
        assert_eq!(check("zeugnis.odt", &odt()), Ok(DocumentKind::Odt));
    }

    #[test]
    fn pdf_header_may_follow_a_short_preamble() {
        let mut bytes = b"\r\n\r\n".to_vec();
        bytes.extend(pdf());
        assert_eq!(check("a.pdf", &bytes), Ok(DocumentKind::Pdf));
        let mut late = vec![b' '; PDF_MAGIC_WINDOW];
        late.extend(pdf());
        assert_eq!(
            check("a.pdf", &late),
            Err(DocumentError::Content {
                claimed: DocumentKind::Pdf
            })
        );
    }

    #[test]
    fn refuses_other_extensions() {
        for name in [
            "cv.exe",
            "cv.pdf.exe",
            "cv",
            "cv.txt",
            "photo.jpg",
            "cv.xlsx",
            "pdf",
        ] {
            assert_eq!(check(name, &pdf()), Err(DocumentError::WrongType), "{name}");
        }
        assert_eq!(
            precheck_document("cv.exe", 0),
            Err(DocumentError::WrongType),
            "type before emptiness"
        );
    }

    #[test]
    fn refuses_empty_and_too_large_files_before_reading() {
        assert_eq!(precheck_document("cv.pdf", 0), Err(DocumentError::Empty));
        assert_eq!(
            precheck_document("cv.pdf", MAX_DOCUMENT_BYTES),
            Ok(DocumentKind::Pdf)
        );
        assert_eq!(
            precheck_document("cv.pdf", MAX_DOCUMENT_BYTES + 1),
            Err(DocumentError::TooLarge)
        );
        assert_eq!(
            check_document("cv.pdf", 21 * 1024 * 1024, &pdf()),
            Err(DocumentError::TooLarge)
        );
        assert_eq!(MAX_DOCUMENT_BYTES, 20_971_520);
    }

    #[test]
    fn a_renamed_program_is_refused_as_such() {
        let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
        exe.extend(b"This program cannot be run in DOS mode. %PDF-1.4");
        assert_eq!(check("cv.pdf", &exe), Err(DocumentError::Executable));
        assert_eq!(
            check("cv.docx", b"\x7fELF\x02\x01\x01"),
            Err(DocumentError::Executable)
        );
        assert_eq!(
            check("cv.odt", b"#!/bin/sh\nrm -rf ~\n"),
            Err(DocumentError::Executable)
        );
        assert_eq!(DocumentError::Executable.key(), "docRefusedExecutable");
    }

    #[test]
    fn a_document_of_another_kind_is_a_mismatch() {
        let err = check("cv.pdf", &docx()).unwrap_err();
        assert_eq!(
            err,
            DocumentError::Mismatch {
                claimed: DocumentKind::Pdf,
                found: DocumentKind::Docx
            }
        );
        assert_eq!(
            (err.key(), err.args()),
            ("docRefusedMismatch", vec![".docx".to_string()])
        );
        assert_eq!(
            check("cv.docx", &doc()),
            Err(DocumentError::Mismatch {
                claimed: DocumentKind::Docx,
                found: DocumentKind::Doc
            })
        );
        assert_eq!(
            check("cv.doc", &odt()),
            Err(DocumentError::Mismatch {
                claimed: DocumentKind::Doc,
                found: DocumentKind::Odt
            })
        );
    }

    #[test]
    fn unknown_content_is_refused() {
        let err = check("cv.pdf", b"just some text").unwrap_err();
        assert_eq!(
            (err.key(), err.args()),
            ("docRefusedContent", vec![".pdf".to_string()])
        );
        // A plain ZIP, an .xlsx and an ODS spreadsheet are not Word or ODT documents.
        let zip = local_entry("notes.txt", b"hi");
        assert_eq!(
            check("cv.docx", &zip),
            Err(DocumentError::Content {
                claimed: DocumentKind::Docx
            })
        );
        let mut xlsx = local_entry("[Content_Types].xml", b"<Types/>");
        xlsx.extend(local_entry("xl/workbook.xml", b"<workbook/>"));
        assert_eq!(
            check("cv.docx", &xlsx),
            Err(DocumentError::Content {
                claimed: DocumentKind::Docx
            })
        );
        for other in [
            b"application/vnd.oasis.opendocument.text-template".as_slice(),
            b"application/vnd.oasis.opendocument.text-master".as_slice(),
        ] {
            assert_eq!(
                check("cv.odt", &local_entry("mimetype", other)),
                Err(DocumentError::Content {
                    claimed: DocumentKind::Odt
                })
            );
        }
        let ods = local_entry(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        );
        assert_eq!(
            check("cv.odt", &ods),
            Err(DocumentError::Content {
                claimed: DocumentKind::Odt
            })
        );
        // ODT requires `mimetype` to be the first entry.
        let mut late = local_entry("content.xml", b"<x/>");
        late.extend(local_entry("mimetype", ODT_MIME));
        assert_eq!(
            check("cv.odt", &late),
            Err(DocumentError::Content {
                claimed: DocumentKind::Odt
            })
        );
        assert_eq!(
            check_document("cv.pdf", 10, &[]),
            Err(DocumentError::Content {
                claimed: DocumentKind::Pdf
            })
        );
    }

    #[test]
    fn docx_entries_written_last_are_found_in_the_tail() {
        // LibreOffice order: `[Content_Types].xml` comes last, beyond the head the UI reads.
        let mut head = local_entry("_rels/.rels", b"<Relationships/>");
        head.extend(local_entry("word/document.xml", &vec![b'x'; 1000]));
        let mut tail = local_entry("[Content_Types].xml", b"<Types/>");
        for name in ["_rels/.rels", "word/document.xml", "[Content_Types].xml"] {
            tail.extend(central_entry(name));
        }
        let size = 10 * 1024 * 1024;
        assert_eq!(
            check_document("cv.docx", size, &head),
            Err(DocumentError::Content {
                claimed: DocumentKind::Docx
            })
        );
        assert_eq!(
            check_document_with_tail("cv.docx", size, &head, &tail),
            Ok(DocumentKind::Docx)
        );
    }

    #[test]
    fn kinds_know_their_extension_and_mime() {
        assert_eq!(
            DocumentKind::from_name(" Résumé.Final.PDF "),
            Some(DocumentKind::Pdf)
        );
        assert_eq!(DocumentKind::from_name("a.odt"), Some(DocumentKind::Odt));
        assert_eq!(DocumentKind::from_name("a.pages"), None);
        let accept: Vec<String> = DocumentKind::ALL
            .iter()
            .map(|k| format!(".{}", k.extension()))
            .collect();
        assert_eq!(accept.join(","), DOCUMENT_ACCEPT);
        assert_eq!(
            DocumentKind::Docx.mime(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
    }
}
