//! The rules of what the recruiter types: e-mail, phone, names, the position, tags and the comment, each
//! answering `Ok` or a [`Problem`] whose key the UI localises.

use crate::personio::PositionId;
use std::fmt;

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
}
