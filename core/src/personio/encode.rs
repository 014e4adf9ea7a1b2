//! Body and URL encoding done by the client itself, so a transport only ever ships bytes:
//! `multipart/form-data`, `application/x-www-form-urlencoded`, query components, file types.

use crate::validation::DocumentKind;

/// Percent-encodes a string for a query component or a form value (RFC 3986 unreserved kept).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Encodes name/value pairs as `application/x-www-form-urlencoded` (also usable as a query string).
pub fn form_urlencode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads one query parameter from a URL (used to follow `_meta.links.next.href` cursors).
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1.split('#').next().unwrap_or("");
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (url_decode(k) == name).then(|| url_decode(v))
    })
}

/// Decodes `%XX` and `+` in a query component.
pub fn url_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A `multipart/form-data` body under construction.
#[derive(Debug)]
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Multipart {
    /// Starts a body whose boundary is derived from `seed` and the file content passed later
    /// (see [`Multipart::finish`]); the boundary is checked not to occur in the content.
    pub fn new(seed: &[u8]) -> Self {
        let mut n = 0;
        loop {
            let boundary = format!("----PersonioSourcing{:016x}{n}", fnv1a(seed));
            if !contains(seed, boundary.as_bytes()) {
                return Self {
                    boundary,
                    body: Vec::new(),
                };
            }
            n += 1;
        }
    }

    /// Adds a text field.
    pub fn text(&mut self, name: &str, value: &str) -> &mut Self {
        self.body.extend_from_slice(
            format!(
                "--{}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n",
                self.boundary,
                quote(name)
            )
            .as_bytes(),
        );
        self.body.extend_from_slice(value.as_bytes());
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// Adds a file field with its file name and content type.
    pub fn file(
        &mut self,
        name: &str,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> &mut Self {
        self.body.extend_from_slice(
            format!(
                "--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                self.boundary,
                quote(name),
                quote(file_name),
                content_type
            )
            .as_bytes(),
        );
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// Closes the body; returns the `Content-Type` header value and the bytes.
    pub fn finish(mut self) -> (String, Vec<u8>) {
        self.body
            .extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        (
            format!("multipart/form-data; boundary={}", self.boundary),
            self.body,
        )
    }
}

fn quote(s: &str) -> String {
    s.replace('"', "%22").replace(['\r', '\n'], " ")
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return false;
    };
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        match hay[i..=hay.len() - needle.len()]
            .iter()
            .position(|b| *b == first)
        {
            Some(p) => {
                i += p;
                if &hay[i..i + needle.len()] == needle {
                    return true;
                }
                i += 1;
            }
            None => return false,
        }
    }
    false
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// File types the recruiting documents endpoint accepts (official list).
pub const RECRUITING_FILE_TYPES: &[&str] = &[
    "pdf", "pptx", "xlsx", "docx", "doc", "xls", "ppt", "ods", "odt", "7z", "gz", "rar", "zip",
    "bmp", "gif", "jpg", "png", "tif", "csv", "txt", "rtf", "mp4", "3gp", "mov", "avi", "wmv",
];

/// Maximum size of one recruiting document (20 MB).
pub const RECRUITING_MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Lower-cased extension of a file name, if any.
pub fn extension(file_name: &str) -> Option<String> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Renames extensions Personio's list spells differently (`.jpeg` → `.jpg`, `.tiff` → `.tif`).
pub fn normalise_file_name(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((stem, ext)) if ext.eq_ignore_ascii_case("jpeg") => format!("{stem}.jpg"),
        Some((stem, ext)) if ext.eq_ignore_ascii_case("tiff") => format!("{stem}.tif"),
        _ => file_name.to_string(),
    }
}

/// MIME type for a file name (by extension), `application/octet-stream` when unknown. The document kinds the
/// extension attaches take theirs from [`DocumentKind::mime`].
pub fn mime_for(file_name: &str) -> &'static str {
    if let Some(kind) = DocumentKind::from_name(file_name) {
        return kind.mime();
    }
    match extension(file_name).as_deref() {
        Some("xls") => "application/vnd.ms-excel",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("ppt") => "application/vnd.ms-powerpoint",
        Some("pptx") => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Some("ods") => "application/vnd.oasis.opendocument.spreadsheet",
        Some("txt") => "text/plain",
        Some("csv") => "text/csv",
        Some("rtf") => "application/rtf",
        Some("png") => "image/png",
        Some("jpg") | Some("jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("bmp") => "image/bmp",
        Some("tif") | Some("tiff") => "image/tiff",
        Some("zip") => "application/zip",
        Some("gz") => "application/gzip",
        Some("7z") => "application/x-7z-compressed",
        Some("rar") => "application/vnd.rar",
        Some("mp4") => "video/mp4",
        Some("3gp") => "video/3gpp",
        Some("mov") => "video/quicktime",
        Some("avi") => "video/x-msvideo",
        Some("wmv") => "video/x-ms-wmv",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_and_query() {
        assert_eq!(form_urlencode(&[("a b", "c&d=é")]), "a%20b=c%26d%3D%C3%A9");
        assert_eq!(
            query_param("http://x/y?limit=2&cursor=cur%5F1", "cursor").as_deref(),
            Some("cur_1")
        );
        assert_eq!(query_param("http://x/y", "cursor"), None);
    }

    #[test]
    fn multipart_shape() {
        let mut m = Multipart::new(b"hello");
        m.file("file", "C\"V.pdf", "application/pdf", b"hello");
        let (ct, body) = m.finish();
        let boundary = ct.split("boundary=").nth(1).unwrap();
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("filename=\"C%22V.pdf\""));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    }

    #[test]
    fn file_names() {
        assert_eq!(extension("a.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(normalise_file_name("me.JPEG"), "me.jpg");
        assert_eq!(
            mime_for("x.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
    }
}
