//! Name policy: how a LinkedIn display name becomes a first and a last name.
//!
//! The raw display name is always kept as displayed (`display_name`). First and last name are derived
//! from a normalised copy, and every rule that fired is recorded as a [`NameFlag`] so the popup can ask
//! the recruiter to confirm:
//!
//! 1. **Source.** When LinkedIn's embedded page data for this same profile carries `firstName` /
//!    `lastName`, those are used (the member typed them separately; no guessing). Otherwise the display
//!    name is split by the rules below.
//! 2. **Emoji and decorations** (pictographs, flags, dingbats, variation selectors, zero-width joiners,
//!    decorative separators such as `|` and what follows them) are removed: `emoji_removed`.
//! 3. **Credentials** are removed: everything after the first comma (", PhD", ", MBA, CFA"), credential
//!    tokens at the end without a comma ("PhD", "MBA", "M.Sc."), and honorific prefixes ("Dr.",
//!    "Prof.", "Dipl.-Ing.", "Mr.", "Mme", …): `credentials_removed`. Generational suffixes ("Jr.",
//!    "III") stay part of the last name.
//! 4. **Nicknames and alternates in parentheses or quotes** ("Katarzyna (Kasia) Nowak",
//!    `Robert "Bob" Lindqvist`, "Anna Schmidt (geb. Weber)") are removed: `nickname_removed`.
//! 5. **"LinkedIn Member"** (and its translations), shown for out-of-network private profiles, yields no
//!    first or last name: `private_member`.
//! 6. **Splitting.** One word → first name only (`single_name`). A surname particle (van, von, de, da,
//!    del, della, di, du, la, le, der, den, ter, ten, bin, al, dos, das, y, St.) starts the last name at
//!    the first particle after the first word ("Jean-Luc van der Berg" → "Jean-Luc" / "van der Berg").
//!    Otherwise the last word is the last name and all words before it the first name; with three or
//!    more words this is a guess (middle name or double surname?): `ambiguous_split`.
//! 7. **Last initial only** ("Martin B.", "Martin B") → last name "B.": `last_initial_only`.
//! 8. **Non-Latin scripts.** Names in Han, Hiragana/Katakana or Hangul are written family name first:
//!    with a space, the first word is the last name; without a space, Hangul names take the first
//!    syllable as family name, Han names of two or three characters the first character, four characters
//!    two and two; all flagged `family_name_first` (and `ambiguous_split` without a space). Other
//!    scripts (Cyrillic, Greek, Arabic, Hebrew, Devanagari, …) follow the Latin rules.
//!
//! Never auto-submitted: the popup shows the split with its flags for confirmation.

pub use crate::profile::NameFlag;

/// The result of applying the policy to a display name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SplitName {
    /// First (given) name(s).
    pub first: Option<String>,
    /// Last (family) name(s).
    pub last: Option<String>,
    /// Rules that fired.
    pub flags: Vec<NameFlag>,
}

#[rustfmt::skip]
const PRIVATE: &[&str] = &["linkedin member", "linkedin-mitglied", "membre de linkedin", "miembro de linkedin", "membro del linkedin", "membro do linkedin"];
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "dr", "dr.", "prof", "prof.", "prof.dr.", "dipl.-ing.", "dipl.-kfm.", "dipl.-inf.", "ing.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx.", "herr", "frau", "mme", "mme.", "mlle",
    "m.", "sr.", "sra.", "dra.", "dott.", "dott.ssa", "sir", "dame",
];
#[rustfmt::skip]
const CREDENTIALS: &[&str] = &[
    "phd", "ph.d.", "ph.d", "dphil", "mba", "msc", "m.sc.", "m.sc", "bsc", "b.sc.", "ma", "m.a.", "ba", "b.a.", "meng", "m.eng.", "beng", "llm", "ll.m.", "md", "m.d.", "cpa", "cfa", "pmp", "cissp", "ceng", "pe", "p.eng.",
    "frm", "acca", "shrm-cp", "shrm-scp", "sphr", "phr", "cipd", "mcipd", "chrp", "rn", "esq.", "esq",
];
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "der", "den", "ter", "ten", "bin", "al", "dos", "das", "y", "st.", "zu", "vom", "zum", "zur", "af", "av", "lo",
];

fn is_emoji(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE00..=0xFE0F | 0x200D | 0x20E3
        | 0xE0020..=0xE007F | 0x2300..=0x23FF | 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x3030 | 0x303D
        | 0x3297 | 0x3299 | 0x2122 | 0x2139 | 0x24C2)
}

fn is_east_asian(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0xF900..=0xFAFF)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF)
}

fn push(flags: &mut Vec<NameFlag>, f: NameFlag) {
    if !flags.contains(&f) {
        flags.push(f);
    }
}

/// Removes bracketed and quoted parts: `(Kasia)`, `[Kasia]`, `"Bob"`, `“Bob”`, `„Bob“`, `«Bob»`.
fn strip_nicknames(s: &str, flags: &mut Vec<NameFlag>) -> String {
    let pairs = [
        ('(', ')'),
        ('[', ']'),
        ('"', '"'),
        ('“', '”'),
        ('„', '“'),
        ('«', '»'),
        ('‘', '’'),
        ('（', '）'),
    ];
    let mut out = s.to_string();
    for (open, close) in pairs {
        while let Some(a) = out.find(open) {
            let after = a + open.len_utf8();
            let Some(rel) = out[after..].find(close) else {
                break;
            };
            let b = after + rel + close.len_utf8();
            out.replace_range(a..b, " ");
            push(flags, NameFlag::NicknameRemoved);
        }
    }
    out
}

/// Applies the policy to a display name.
pub fn split_display_name(display: &str) -> SplitName {
    let mut flags = Vec::new();
    let original = super::text::clean(display);
    if PRIVATE.contains(&original.to_lowercase().as_str()) {
        return SplitName {
            first: None,
            last: None,
            flags: vec![NameFlag::PrivateMember],
        };
    }
    // 2. emoji and decorations
    let mut s: String = original
        .chars()
        .map(|c| if is_emoji(c) { ' ' } else { c })
        .collect();
    if s.chars().filter(|c| !c.is_whitespace()).count()
        != original.chars().filter(|c| !c.is_whitespace()).count()
    {
        push(&mut flags, NameFlag::EmojiRemoved);
    }
    for sep in [" | ", "|", " • ", " – ", " — ", " ~ "] {
        if let Some((head, _)) = s.split_once(sep) {
            if !head.trim().is_empty() {
                s = head.to_string();
                push(&mut flags, NameFlag::EmojiRemoved);
            }
        }
    }
    // 4. nicknames
    s = strip_nicknames(&s, &mut flags);
    // 3. credentials after a comma
    if let Some((head, _)) = s.split_once([',', '，']) {
        if !head.trim().is_empty() {
            s = head.to_string();
            push(&mut flags, NameFlag::CredentialsRemoved);
        }
    }
    let mut words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
        push(&mut flags, NameFlag::CredentialsRemoved);
    }
    while words.len() > 1 && CREDENTIALS.contains(&words[words.len() - 1].to_lowercase().as_str()) {
        words.pop();
        push(&mut flags, NameFlag::CredentialsRemoved);
    }
    if words.is_empty() {
        return SplitName {
            first: None,
            last: None,
            flags,
        };
    }
    if PRIVATE.contains(&words.join(" ").to_lowercase().as_str()) {
        return SplitName {
            first: None,
            last: None,
            flags: vec![NameFlag::PrivateMember],
        };
    }
    // 8. East Asian scripts
    if words.iter().all(|w| w.chars().any(is_east_asian)) {
        push(&mut flags, NameFlag::FamilyNameFirst);
        if words.len() >= 2 {
            return SplitName {
                last: Some(words[0].clone()),
                first: Some(words[1..].join(" ")),
                flags,
            };
        }
        let chars: Vec<char> = words[0].chars().collect();
        let family_len = if chars.iter().all(|c| is_hangul(*c)) || chars.len() <= 3 {
            1
        } else {
            2
        };
        if chars.len() > family_len {
            push(&mut flags, NameFlag::AmbiguousSplit);
            return SplitName {
                last: Some(chars[..family_len].iter().collect()),
                first: Some(chars[family_len..].iter().collect()),
                flags,
            };
        }
        push(&mut flags, NameFlag::SingleName);
        return SplitName {
            first: Some(words[0].clone()),
            last: None,
            flags,
        };
    }
    // 6. splitting
    if words.len() == 1 {
        push(&mut flags, NameFlag::SingleName);
        return SplitName {
            first: Some(words[0].clone()),
            last: None,
            flags,
        };
    }
    let particle =
        (1..words.len() - 1).find(|&i| PARTICLES.contains(&words[i].to_lowercase().as_str()));
    let cut = match particle {
        Some(i) => i,
        None => {
            if words.len() >= 3 {
                push(&mut flags, NameFlag::AmbiguousSplit);
            }
            words.len() - 1
        }
    };
    let mut last = words[cut..].join(" ");
    let first = words[..cut].join(" ");
    // 7. last initial only
    let bare = last.trim_end_matches('.');
    if bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic) {
        push(&mut flags, NameFlag::LastInitialOnly);
        last = format!("{bare}.");
    }
    SplitName {
        first: Some(first),
        last: Some(last),
        flags,
    }
}

/// Cleans one name part typed separately by the member (embedded `firstName` / `lastName`): emoji,
/// credentials after a comma, nicknames in parentheses and honorific prefixes are removed.
pub fn clean_part(part: &str, flags: &mut Vec<NameFlag>) -> Option<String> {
    let original = super::text::clean(part);
    let mut s: String = original
        .chars()
        .map(|c| if is_emoji(c) { ' ' } else { c })
        .collect();
    if s.split_whitespace().count() != original.split_whitespace().count()
        || super::text::clean(&s) != original
    {
        push(flags, NameFlag::EmojiRemoved);
    }
    s = strip_nicknames(&s, flags);
    if let Some((head, _)) = s.split_once(',') {
        s = head.to_string();
        push(flags, NameFlag::CredentialsRemoved);
    }
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
        push(flags, NameFlag::CredentialsRemoved);
    }
    while words.len() > 1 && CREDENTIALS.contains(&words[words.len() - 1].to_lowercase().as_str()) {
        words.pop();
        push(flags, NameFlag::CredentialsRemoved);
    }
    let v = words.join(" ");
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::NameFlag::*;
    use super::*;

    fn split(s: &str) -> (Option<String>, Option<String>, Vec<NameFlag>) {
        let r = split_display_name(s);
        (r.first, r.last, r.flags)
    }
    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn plain_and_particles() {
        assert_eq!(
            split("Maren Okafor"),
            (some("Maren"), some("Okafor"), vec![])
        );
        assert_eq!(
            split("Jean-Luc van der Berg"),
            (some("Jean-Luc"), some("van der Berg"), vec![])
        );
        assert_eq!(
            split("Lucía de la Fuente"),
            (some("Lucía"), some("de la Fuente"), vec![])
        );
        assert_eq!(
            split("Anna Maria Schmidt"),
            (some("Anna Maria"), some("Schmidt"), vec![AmbiguousSplit])
        );
    }

    #[test]
    fn emoji_credentials_nicknames() {
        assert_eq!(
            split("Tobias Renner 🚀"),
            (some("Tobias"), some("Renner"), vec![EmojiRemoved])
        );
        assert_eq!(
            split("Dr. Ilse Brandauer, PhD"),
            (some("Ilse"), some("Brandauer"), vec![CredentialsRemoved])
        );
        assert_eq!(
            split("Priya Raman MBA"),
            (some("Priya"), some("Raman"), vec![CredentialsRemoved])
        );
        assert_eq!(
            split("Katarzyna (Kasia) Nowicka"),
            (some("Katarzyna"), some("Nowicka"), vec![NicknameRemoved])
        );
        assert_eq!(
            split("Robert \"Bob\" Lindqvist"),
            (some("Robert"), some("Lindqvist"), vec![NicknameRemoved])
        );
        assert_eq!(
            split("Sam Ortiz | Hiring!"),
            (some("Sam"), some("Ortiz"), vec![EmojiRemoved])
        );
    }

    #[test]
    fn private_initial_single_and_scripts() {
        assert_eq!(split("LinkedIn Member"), (None, None, vec![PrivateMember]));
        assert_eq!(
            split("LinkedIn-Mitglied"),
            (None, None, vec![PrivateMember])
        );
        assert_eq!(
            split("Martin B."),
            (some("Martin"), some("B."), vec![LastInitialOnly])
        );
        assert_eq!(split("Cher"), (some("Cher"), None, vec![SingleName]));
        assert_eq!(
            split("王小明"),
            (
                some("小明"),
                some("王"),
                vec![FamilyNameFirst, AmbiguousSplit]
            )
        );
        assert_eq!(
            split("山田 花子"),
            (some("花子"), some("山田"), vec![FamilyNameFirst])
        );
        assert_eq!(
            split("김민준"),
            (
                some("민준"),
                some("김"),
                vec![FamilyNameFirst, AmbiguousSplit]
            )
        );
        assert_eq!(
            split("Алексей Смирнов"),
            (some("Алексей"), some("Смирнов"), vec![])
        );
    }

    #[test]
    fn clean_parts() {
        let mut flags = vec![];
        assert_eq!(clean_part("Renner 🚀", &mut flags), some("Renner"));
        assert_eq!(clean_part("Brandauer, PhD", &mut flags), some("Brandauer"));
        assert_eq!(flags, vec![EmojiRemoved, CredentialsRemoved]);
    }
}
