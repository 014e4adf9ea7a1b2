//! URL classification: which LinkedIn surface a URL shows, and its canonical form.
//! `https://de.linkedin.com/in/J%C3%BCrgen-M/details/experience/?utm_source=x` → `Profile { slug:
//! "Jürgen-M" }` with canonical `https://www.linkedin.com/in/J%C3%BCrgen-M/`. `/in/me/` (the viewer's
//! alias), the anti-bot checkpoint, the auth wall and every non-LinkedIn host are not profiles.

use super::PageKind;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters kept verbatim in a canonical slug (RFC 3986 unreserved).
const SLUG_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The path of a LinkedIn URL (absolute on any `*.linkedin.com` host, or site-relative `/…`), without
/// query and fragment. `None` for other hosts.
pub fn linkedin_path(url: &str) -> Option<&str> {
    let url = url.trim();
    let rest = if url.starts_with('/') && !url.starts_with("//") {
        url
    } else {
        let after_scheme = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .or_else(|| url.strip_prefix("//"))
            .unwrap_or(url);
        let end = after_scheme
            .find(['/', '?', '#'])
            .unwrap_or(after_scheme.len());
        let host = after_scheme[..end].rsplit('@').next().unwrap_or("");
        let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
        if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
            return None;
        }
        &after_scheme[end..]
    };
    let path = rest.split(['?', '#']).next().unwrap_or("");
    Some(if path.is_empty() { "/" } else { path })
}

fn decode(segment: &str) -> String {
    percent_decode_str(segment)
        .decode_utf8_lossy()
        .trim()
        .to_string()
}

/// The canonical member profile URL of a (decoded) slug.
pub fn canonical_profile_url(slug: &str) -> String {
    format!(
        "https://www.linkedin.com/in/{}/",
        utf8_percent_encode(slug, SLUG_KEEP)
    )
}

/// The decoded slug of a member-profile link (`/in/<slug>/…`), with the sub-route after it
/// (`"overlay/contact-info"`, `""` for the profile itself).
pub fn profile_link(href: &str) -> Option<(String, String)> {
    let path = linkedin_path(href)?;
    let mut parts = path.split('/').filter(|s| !s.is_empty());
    if parts.next()? != "in" {
        return None;
    }
    let slug = decode(parts.next()?);
    if slug.is_empty() {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    Some((slug, rest.join("/")))
}

/// Classifies a LinkedIn URL.
pub fn classify(url: &str) -> PageKind {
    let Some(path) = linkedin_path(url) else {
        return PageKind::NotProfile;
    };
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match parts.as_slice() {
        ["in", slug, ..] => {
            let slug = decode(slug);
            if slug.is_empty() || slug.eq_ignore_ascii_case("me") {
                return PageKind::NotProfile;
            }
            PageKind::Profile {
                canonical_url: canonical_profile_url(&slug),
                slug,
            }
        }
        ["sales", "lead" | "people", lead, ..] => {
            let lead = decode(lead);
            let id = lead.split(',').next().unwrap_or("").trim().to_string();
            if id.is_empty() {
                return PageKind::NotProfile;
            }
            let canonical_url = format!(
                "https://www.linkedin.com/sales/lead/{}",
                encode_keep_commas(&lead)
            );
            PageKind::SalesLead { id, canonical_url }
        }
        ["talent", rest @ ..] => {
            let pos = rest.iter().position(|p| *p == "profile");
            match pos.and_then(|i| rest.get(i + 1)) {
                Some(id) if !decode(id).is_empty() => {
                    let id = decode(id);
                    let canonical_url = format!(
                        "https://www.linkedin.com/talent/profile/{}",
                        utf8_percent_encode(&id, SLUG_KEEP)
                    );
                    PageKind::RecruiterProfile { id, canonical_url }
                }
                _ => PageKind::NotProfile,
            }
        }
        _ => PageKind::NotProfile,
    }
}

fn encode_keep_commas(s: &str) -> String {
    s.split(',')
        .map(|p| utf8_percent_encode(p, SLUG_KEEP).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(url: &str) -> Option<(String, String)> {
        match classify(url) {
            PageKind::Profile {
                slug,
                canonical_url,
            } => Some((slug, canonical_url)),
            _ => None,
        }
    }

    #[test]
    fn member_profiles_and_sub_routes() {
        let want = Some((
            "maren-okafor-4b2a1c".to_string(),
            "https://www.linkedin.com/in/maren-okafor-4b2a1c/".to_string(),
        ));
        assert_eq!(
            slug("https://www.linkedin.com/in/maren-okafor-4b2a1c/"),
            want
        );
        assert_eq!(
            slug("https://www.linkedin.com/in/maren-okafor-4b2a1c"),
            want
        );
        assert_eq!(
            slug("https://www.linkedin.com/in/maren-okafor-4b2a1c/details/experience/"),
            want
        );
        assert_eq!(
            slug("https://www.linkedin.com/in/maren-okafor-4b2a1c/overlay/contact-info/"),
            want
        );
        assert_eq!(
            slug("https://uk.linkedin.com/in/maren-okafor-4b2a1c?originalSubdomain=uk"),
            want
        );
        assert_eq!(
            slug("http://linkedin.com/in/maren-okafor-4b2a1c/#experience"),
            want
        );
        assert_eq!(slug("https://www.linkedin.com/in/maren-okafor-4b2a1c/?utm_source=share&utm_medium=member"), want);
    }

    #[test]
    fn percent_encoded_slugs_are_decoded_and_re_encoded() {
        let (s, c) = slug("https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7f3/").unwrap();
        assert_eq!(s, "jürgen-müller-7f3");
        assert_eq!(
            c,
            "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7f3/"
        );
    }

    #[test]
    fn not_profiles() {
        for url in [
            "https://www.linkedin.com/in/me/",
            "https://www.linkedin.com/feed/",
            "https://www.linkedin.com/checkpoint/challenge/AgH3x?ut=1",
            "https://www.linkedin.com/authwall?trk=gf",
            "https://www.linkedin.com/company/fjordlight-analytics/",
            "https://notlinkedin.com/in/maren/",
            "https://www.linkedin.com.evil.example/in/maren/",
            "https://www.linkedin.com/in/",
            "",
            "garbage",
        ] {
            assert_eq!(classify(url), PageKind::NotProfile, "{url}");
        }
    }

    #[test]
    fn sales_navigator_and_recruiter() {
        assert_eq!(
            classify("https://www.linkedin.com/sales/lead/ACwAAB1x2y3,NAME_SEARCH,Ab9Z?_ntb=x"),
            PageKind::SalesLead {
                id: "ACwAAB1x2y3".into(),
                canonical_url: "https://www.linkedin.com/sales/lead/ACwAAB1x2y3,NAME_SEARCH,Ab9Z"
                    .into()
            }
        );
        assert!(matches!(
            classify("https://www.linkedin.com/sales/people/ACwAAB1x2y3,NAME_SEARCH"),
            PageKind::SalesLead { .. }
        ));
        assert_eq!(
            classify("https://www.linkedin.com/talent/hire/123/discover/recruiterSearch/profile/AEMAAB7q?project=9"),
            PageKind::RecruiterProfile { id: "AEMAAB7q".into(), canonical_url: "https://www.linkedin.com/talent/profile/AEMAAB7q".into() }
        );
    }

    #[test]
    fn profile_links() {
        assert_eq!(
            profile_link("/in/a-b/overlay/contact-info/"),
            Some(("a-b".into(), "overlay/contact-info".into()))
        );
        assert_eq!(
            profile_link("https://www.linkedin.com/in/a-b/"),
            Some(("a-b".into(), String::new()))
        );
        assert_eq!(profile_link("/company/x/"), None);
    }
}
