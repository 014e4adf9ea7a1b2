//! Which layout a snapshot shows: the first layout of the selector table, among those of the URL's
//! surface, whose markers match anywhere in the snapshot. A page matching none is unrecognised: nothing
//! is read from it (a field silently wrong is worse than one absent, research §2.1b).

use super::dom;
use super::markup::Element;
use super::selectors::TABLE;
use super::{Layout, PageKind};

/// The layouts a surface can show, in the order they are tried.
fn candidates(page: &PageKind) -> &'static [Layout] {
    match page {
        PageKind::Profile { .. } => &[Layout::Cards2026, Layout::Ember2024, Layout::Hashed2025],
        PageKind::SalesLead { .. } => &[Layout::SalesNavigator],
        PageKind::RecruiterProfile { .. } => &[Layout::Recruiter],
        PageKind::NotProfile => &[],
    }
}

/// The layout `root` shows for `page`.
pub fn detect(page: &PageKind, root: Element<'_>) -> Layout {
    let wanted = candidates(page);
    TABLE
        .layouts
        .iter()
        .filter(|l| wanted.contains(&l.layout))
        .find(|l| dom::first_of_any(root, l.markers).is_some())
        .map_or(Layout::Unknown, |l| l.layout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkedin::markup::Document;
    use crate::linkedin::url::classify;

    fn layout(html: &str, url: &str) -> Layout {
        let doc = Document::parse(html);
        detect(&classify(url), doc.root())
    }

    #[test]
    fn recognises_each_layout_by_its_markers() {
        let profile = "https://www.linkedin.com/in/ada-q/";
        assert_eq!(
            layout(
                r#"<main><div componentkey="com.linkedin.sdui.profile.card.refACoAA1Topcard"><h2>Ada</h2></div></main>"#,
                profile
            ),
            Layout::Cards2026
        );
        assert_eq!(
            layout(
                r#"<main><section id="x.refACoAA1TopCard"><h2>Ada</h2></section></main>"#,
                profile
            ),
            Layout::Cards2026
        );
        assert_eq!(
            layout(
                r#"<main><section data-member-id="1"><h1>Ada</h1></section></main>"#,
                profile
            ),
            Layout::Ember2024
        );
        assert_eq!(
            layout(
                r#"<main><section class="_a"><h1 class="_b">Ada</h1></section></main>"#,
                profile
            ),
            Layout::Hashed2025
        );
        assert_eq!(
            layout(
                r#"<main><article><div role="heading">Ada</div></article></main>"#,
                profile
            ),
            Layout::Unknown
        );
        // markers of another surface do not count
        assert_eq!(
            layout(
                r#"<main><h1 data-anonymize="person-name">Ada</h1></main>"#,
                profile
            ),
            Layout::Unknown
        );
        assert_eq!(
            layout(
                r#"<main><h1 data-anonymize="person-name">Ada</h1></main>"#,
                "https://www.linkedin.com/sales/lead/ACwAA1,NAME_SEARCH,x"
            ),
            Layout::SalesNavigator
        );
    }
}
