//! The legal disclaimer on handling candidate data, which must be accepted before first use.

use leptos::prelude::*;
use webext::i18n::t;

/// The disclaimer text with an "Accept" button; `on_accept` runs when the recruiter accepts.
#[component]
pub fn Disclaimer(
    /// Called when the recruiter accepts.
    on_accept: Callback<()>,
) -> impl IntoView {
    let (busy, set_busy) = signal(false);
    view! {
        <section class="disclaimer" aria-labelledby="disclaimer-title">
            <h2 id="disclaimer-title">{t("disclaimerTitle")}</h2>
            <p>{t("disclaimerIntro")}</p>
            <ul>
                <li>{t("disclaimerPointPurpose")}</li>
                <li>{t("disclaimerPointMinimal")}</li>
                <li>{t("disclaimerPointInform")}</li>
                <li>{t("disclaimerPointRetention")}</li>
                <li>{t("disclaimerPointLocal")}</li>
            </ul>
            <p class="muted">{t("disclaimerPrivacy")}</p>
            <button
                type="button"
                class="primary"
                id="accept-disclaimer"
                disabled=move || busy.get()
                on:click=move |_| {
                    set_busy.set(true);
                    on_accept.run(());
                }
            >
                {t("disclaimerAccept")}
            </button>
        </section>
    }
}
