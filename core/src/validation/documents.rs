//! The one check of a document's type: `.pdf`, `.doc`, `.docx`, `.odt` by extension ([`precheck_document`],
//! before the bytes are read) and by content (magic bytes, [`check_document`]), at most
//! [`MAX_DOCUMENT_BYTES`], not empty; a program renamed to a document is refused as such.

use std::fmt;

/// Largest document Personio accepts: 20 MB (20 × 1024 × 1024 bytes).
pub const MAX_DOCUMENT_BYTES: u64 = crate::personio::encode::RECRUITING_MAX_FILE_BYTES;
/// How many leading bytes of a document [`check_document`] wants (and how many trailing bytes it can use).
pub const DOCUMENT_HEAD_BYTES: usize = 64 * 1024;

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
