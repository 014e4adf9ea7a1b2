//! "Copy candidate notice" on the success view: the message that informs a sourced candidate (GDPR Art. 14),
//! composed by `sourcing_core::privacy::candidate_notice` from the privacy settings in use, in the language
//! the recruiter picks (the candidate's profile language when known, else the UI language). The text is also
//! shown to select by hand. While the privacy settings are incomplete, the section names what the admin must
//! fill in instead of offering an incomplete notice.

use crate::bridge;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::messages::GetSetup;
use sourcing_core::privacy::{
    candidate_notice, long_date, one_month_after, NoticeFacts, TextLanguage,
};
use wasm_bindgen_futures::JsFuture;
use webext::i18n::{t, t_with};

/// Who and what the notice is about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeSubject {
    /// The candidate's first name.
    pub first_name: String,
    /// The position.
    pub position: String,
    /// The LinkedIn profile.
    pub profile_url: String,
    /// When the data was taken over (`yyyy-mm-dd`).
    pub sourced_on: String,
    /// The language of the candidate's profile (a BCP 47 tag), when known.
    pub profile_language: Option<String>,
}

/// Writes `text` to the clipboard (the click is the user gesture it needs).
async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| {
            e.as_string()
                .or_else(|| {
                    js_sys::Reflect::get(&e, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string())
                })
                .unwrap_or_else(|| "clipboard".into())
        })
}

/// The notice section of the success view.
#[component]
pub fn CandidateNotice(
    /// Who and what the notice is about.
    subject: NoticeSubject,
) -> impl IntoView {
    let ui = TextLanguage::from_tag_or_english(&webext::i18n::ui_language());
    let initial = subject
        .profile_language
        .as_deref()
        .and_then(TextLanguage::from_tag)
        .unwrap_or(ui);
    let language = RwSignal::new(initial);
    // The privacy settings in use, read once from the background by a task that stops with the view (a
    // LocalResource would cost 27 KB of popup wasm for this one read).
    let setup = RwSignal::new(None);
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        setup.set(Some(bridge::call(&GetSetup {}).await));
    });
    let privacy = Memo::new(move |_| {
        setup
            .get()
            .and_then(Result::ok)
            .map(|reply| reply.setup.settings.privacy)
    });
    let failed = move || setup.get().and_then(Result::err).map(|e| e.sentence());
    let subject = StoredValue::new(subject);
    let notice = Memo::new(move |_| {
        let settings = privacy.get()?;
        Some(subject.with_value(|s| {
            candidate_notice(
                language.get(),
                &settings,
                &NoticeFacts {
                    first_name: &s.first_name,
                    position: &s.position,
                    profile_url: &s.profile_url,
                    sourced_on: &s.sourced_on,
                },
            )
        }))
    });
    // None: not copied yet; Some(Ok): copied; Some(Err): the clipboard refused.
    let copied = RwSignal::new(None::<Result<(), String>>);
    Effect::new(move |_| {
        language.track();
        copied.set(None);
    });
    let copy = move |_| {
        let Some(Ok(text)) = notice.get_untracked() else {
            return;
        };
        spawn_local(async move { copied.set(Some(copy_text(&text).await)) });
    };
    // What the section shows changes only with the settings, not with the language (the select keeps focus).
    let missing = Memo::new(move |_| {
        notice.with(|n| {
            n.as_ref()
                .map(|r| r.as_ref().err().cloned().unwrap_or_default())
        })
    });
    let text = move || notice.with(|n| n.clone().and_then(Result::ok).unwrap_or_default());
    let due = subject.with_value(|s| one_month_after(&s.sourced_on).map(|d| long_date(&d, ui)));
    view! {
        <section class="candidate-notice" aria-labelledby="notice-title">
            <h3 id="notice-title">{t("successNoticeTitle")}</h3>
            <p class="help">{t("successNoticeIntro")}</p>
            {due.map(|d| view! { <p id="notice-due">{t_with("successNoticeDue", &[&d])}</p> })}
            {move || match missing.get() {
                None => match failed() {
                    Some(sentence) => view! { <p class="error" role="alert" id="notice-failed">{sentence}</p> }.into_any(),
                    None => view! { <p class="status" role="status">{t("statusLoading")}</p> }.into_any(),
                },
                Some(missing) if !missing.is_empty() => {
                    let fields = missing.iter().map(|f| t(f.label_key())).collect::<Vec<_>>().join(", ");
                    view! {
                        <p class="notice-missing" id="notice-missing" role="status">
                            {t_with("successNoticeMissing", &[&fields])}
                        </p>
                    }.into_any()
                }
                Some(_) => view! {
                    <div class="field">
                        <label for="notice-language">{t("successNoticeLanguage")}</label>
                        <select id="notice-language"
                            on:change=move |ev| {
                                if let Some(l) = TextLanguage::from_tag(&event_target_value(&ev)) {
                                    language.set(l);
                                }
                            }>
                            {TextLanguage::ALL.into_iter().map(|l| view! {
                                <option value=l.code() lang=l.code() selected=move || language.get() == l>{l.native_name()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="button" id="copy-notice" on:click=copy>{t("successNoticeCopy")}</button>
                    <p id="notice-copied" role="status">
                        {move || match copied.get() {
                            Some(Ok(())) => t("successNoticeCopied"),
                            Some(Err(e)) => t_with("successNoticeCopyFailed", &[&e]),
                            None => String::new(),
                        }}
                    </p>
                    <details>
                        <summary>{t("successNoticeShow")}</summary>
                        <pre id="notice-text" class="notice-text" lang=move || language.get().code()>{text}</pre>
                    </details>
                }.into_any(),
            }}
        </section>
    }
}
