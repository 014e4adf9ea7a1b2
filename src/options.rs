//! The settings page (`options.html`): the Personio connection an admin enters, "Test connection" with the
//! rights it grants, and the disclaimer's acceptance. Secrets are write-only: the page is only told whether
//! one is stored, and can remove it ("Remove") or forget the whole connection. The candidate data section
//! lists how long each kind of data stays in this browser and deletes all of it on request (after asking).
//! Settings the admin policy locks are read-only with "Set by your administrator" in their description; a
//! policy default says so and stays editable. The candidate-information section holds the GDPR Art. 14
//! settings (controller, contact, retention, legal basis, the "inform by" tag).

use crate::bridge::{self, BridgeError};
use crate::components::confirm::ConfirmButton;
use crate::components::disclaimer::Disclaimer;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sourcing_core::messages::{
    AcceptDisclaimer, DeleteCandidateData, ForgetConnection, GetSetup, RemoveSecret, SaveReply,
    SaveSettings, SetupState, TestConnection,
};
use sourcing_core::personio::{ApiVersion, ConnectionInfo, PersonioError};
use sourcing_core::policy::Setting;
use sourcing_core::privacy::LegalBasis;
use sourcing_core::retention::{DeletedData, DRAFT_RETENTION_DAYS};
use sourcing_core::settings::{has_right, Right, SettingsInput, SettingsIssue, StoredSecret};
use webext::i18n::{t, t_with};

/// The outcome of the last action on the page.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    None,
    Saved,
    Invalid(Vec<SettingsIssue>),
    Connected(ConnectionInfo),
    Refused(PersonioError),
    Failed(String),
    SecretRemoved(StoredSecret),
    Forgotten,
}

/// The i18n key of a secret's field label.
fn secret_label(secret: StoredSecret) -> &'static str {
    match secret {
        StoredSecret::ClientSecret => "settingsClientSecret",
        StoredSecret::RecruitingToken => "settingsRecruitingToken",
    }
}

/// The i18n key for a connection failure, said plainly (including unsupported sign-in methods).
pub fn connection_error_key(error: &PersonioError) -> &'static str {
    match error {
        PersonioError::Unauthorized { .. } => "connectUnauthorized",
        PersonioError::Forbidden { .. } => "connectForbidden",
        PersonioError::UnsupportedAuth { .. } => "connectUnsupportedAuth",
        PersonioError::RateLimited { .. } => "connectRateLimited",
        PersonioError::Network { .. } => "connectNetwork",
        PersonioError::Server { .. } => "connectServer",
        _ => "connectFailed",
    }
}

fn issue_for(notice: &Notice, field: &str) -> Option<String> {
    match notice {
        Notice::Invalid(issues) => issues.iter().find(|i| i.field == field).map(|i| {
            let args: Vec<&str> = i.args.iter().map(String::as_str).collect();
            t_with(&i.key, &args)
        }),
        _ => None,
    }
}

/// How the admin policy sets `setting` on this page: `None`, or whether it is locked.
fn managed_state(setup: RwSignal<SetupState>, setting: Setting) -> Signal<Option<bool>> {
    Signal::derive(move || setup.with(|s| s.settings.managed(setting).map(|m| m.locked)))
}

/// The line under a field the policy sets (its id is part of the field's accessible description).
#[component]
fn ManagedNote(
    /// Input name.
    name: &'static str,
    /// `Some(locked)` when the policy sets the field.
    managed: Signal<Option<bool>>,
    /// A secret: the locked line says it is not shown.
    #[prop(default = false)]
    secret: bool,
) -> impl IntoView {
    let id = format!("{name}-managed");
    view! {
        <small id=id class="managed" data-managed=move || match managed.get() {
            Some(true) => "locked",
            Some(false) => "default",
            None => "",
        }>
            {move || match managed.get() {
                Some(true) if secret => t("settingsManagedSecret"),
                Some(true) => t("settingsManagedLocked"),
                Some(false) => t("settingsManagedDefault"),
                None => String::new(),
            }}
        </small>
    }
}

/// One labelled settings input with its inline error.
#[component]
fn SettingField(
    /// Input name (a [`SettingsInput`] field).
    name: &'static str,
    /// i18n key of the label.
    label: &'static str,
    /// i18n key of the help text.
    help: &'static str,
    /// Bound value.
    value: RwSignal<String>,
    /// Placeholder (e.g. "saved" for a stored secret).
    #[prop(into)]
    placeholder: Signal<String>,
    /// The current notice, for the inline error.
    notice: ReadSignal<Notice>,
    /// The page's set-up state (whether the policy sets this field).
    setup: RwSignal<SetupState>,
    /// Secret input.
    #[prop(default = false)]
    secret: bool,
    /// `inputmode` (e.g. `numeric`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let error = move || notice.with(|n| issue_for(n, name));
    let managed = Setting::named(name)
        .map(|s| managed_state(setup, s))
        .unwrap_or_else(|| Signal::derive(|| None));
    let locked = move || managed.get() == Some(true);
    let help_id = format!("{name}-help");
    let error_id = format!("{name}-error");
    let described = format!("{name}-managed {help_id} {error_id}");
    view! {
        <div class="field">
            <label for=name>{t(label)}</label>
            <input
                id=name
                name=name
                type=if secret { "password" } else { "text" }
                inputmode=inputmode
                autocomplete="off"
                spellcheck="false"
                placeholder=move || if locked() && secret { t("settingsManagedSecret") } else { placeholder.get() }
                readonly=locked
                aria-readonly=move || locked().to_string()
                aria-describedby=described
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                bind:value=value
            />
            <ManagedNote name=name managed=managed secret=secret />
            <small id=help_id class="help">{t(help)}</small>
            <p id=error_id class="field-error" role="alert">{error}</p>
        </div>
    }
}

/// The legal basis select (GDPR Art. 6(1)).
#[component]
fn LegalBasisField(
    /// Bound value ([`LegalBasis::as_str`], empty for none).
    value: RwSignal<String>,
    /// The current notice, for the inline error.
    notice: ReadSignal<Notice>,
    /// The page's set-up state.
    setup: RwSignal<SetupState>,
) -> impl IntoView {
    let name = "legal_basis";
    let managed = managed_state(setup, Setting::LegalBasis);
    let locked = move || managed.get() == Some(true);
    let error = move || notice.with(|n| issue_for(n, name));
    view! {
        <div class="field">
            <label for=name>{t("settingsPrivacyLegalBasis")}</label>
            <select id=name name=name disabled=locked
                aria-describedby="legal_basis-managed legal_basis-help legal_basis-error"
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{t("settingsLegalBasisNone")}</option>
                {LegalBasis::ALL
                    .into_iter()
                    .map(|basis| view! {
                        <option value=basis.as_str() selected=move || value.get() == basis.as_str()>{t(basis.label_key())}</option>
                    })
                    .collect_view()}
            </select>
            <ManagedNote name=name managed=managed />
            <small id="legal_basis-help" class="help">{t("settingsPrivacyLegalBasisHelp")}</small>
            <p id="legal_basis-error" class="field-error" role="alert">{error}</p>
        </div>
    }
}

/// The "tag candidates to be informed" toggle.
#[component]
fn InformTagField(
    /// Bound value.
    value: RwSignal<bool>,
    /// The page's set-up state.
    setup: RwSignal<SetupState>,
) -> impl IntoView {
    let managed = managed_state(setup, Setting::InformTag);
    let locked = move || managed.get() == Some(true);
    view! {
        <div class="field checkbox">
            <input type="checkbox" id="inform_tag" name="inform_tag" disabled=locked
                aria-describedby="inform_tag-managed inform_tag-help"
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev)) />
            <label for="inform_tag">{t("settingsInformTag")}</label>
            <ManagedNote name="inform_tag" managed=managed />
            <small id="inform_tag-help" class="help">{t("settingsInformTagHelp")}</small>
        </div>
    }
}

/// The rights a checked connection grants.
#[component]
fn RightsList(
    /// The checked connection.
    info: ConnectionInfo,
) -> impl IntoView {
    let api = match info.api {
        ApiVersion::V1 => t("connectApiV1"),
        ApiVersion::V2 => t("connectApiV2"),
    };
    view! {
        <p>{api}</p>
        <ul class="rights">
            {Right::ALL
                .iter()
                .map(|right| {
                    let (class, state) = match has_right(&info, *right) {
                        Some(true) => ("right-yes", t("rightGranted")),
                        Some(false) => ("right-no", t("rightMissing")),
                        None => ("right-unknown", t("rightUnknown")),
                    };
                    view! {
                        <li class=class data-right=format!("{right:?}")>
                            {t(right.label_key())} ": " <strong>{state}</strong>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "Remove" next to a stored secret: deletes it now (nothing else changes).
#[component]
fn RemoveSecretButton(
    /// The secret.
    secret: StoredSecret,
    /// The page's set-up state (the button shows only while the secret is stored).
    setup: RwSignal<SetupState>,
    /// Runs the removal.
    on_remove: Callback<StoredSecret>,
    /// True while another action runs.
    busy: ReadSignal<bool>,
) -> impl IntoView {
    move || {
        let from_policy = |s: &SetupState| {
            let setting = Setting::named(secret.field()).expect("a secret is a setting");
            s.settings.managed(setting).is_some()
        };
        // A secret the policy sets cannot be removed here (only a locally saved one could shadow it).
        setup.with(|s| secret.is_stored(&s.settings) && !from_policy(s)).then(|| {
            view! {
                <button type="button" class="danger-outline remove-secret" id=format!("remove-{}", secret.field())
                    disabled=move || busy.get() on:click=move |_| on_remove.run(secret)>
                    {t_with("settingsRemoveSecret", &[&t(secret_label(secret))])}
                </button>
            }
        })
    }
}

/// How long each kind of candidate data stays in this browser (the periods the purge applies).
#[component]
fn RetentionList() -> impl IntoView {
    let drafts = DRAFT_RETENTION_DAYS.to_string();
    let cvs = sourcing_core::hris::CV_RETENTION_DAYS.to_string();
    let history = sourcing_core::outbox::FINISHED_KEPT.to_string();
    view! {
        <ul class="retention" id="retention">
            <li>{t_with("settingsRetentionDrafts", &[&drafts])}</li>
            <li>{t("settingsRetentionRefused")}</li>
            <li>{t_with("settingsRetentionCvs", &[&cvs])}</li>
            <li>{t_with("settingsRetentionHistory", &[&history])}</li>
            <li>{t("settingsRetentionPages")}</li>
        </ul>
    }
}

/// The settings page.
#[component]
pub fn OptionsPage() -> impl IntoView {
    let subdomain = RwSignal::new(String::new());
    let client_id = RwSignal::new(String::new());
    let client_secret = RwSignal::new(String::new());
    let company_id = RwSignal::new(String::new());
    let recruiting_token = RwSignal::new(String::new());
    let linkedin_attribute_id = RwSignal::new(String::new());
    let default_tags = RwSignal::new(String::new());
    let privacy_controller = RwSignal::new(String::new());
    let privacy_contact = RwSignal::new(String::new());
    let retention_months = RwSignal::new(String::new());
    let legal_basis = RwSignal::new(String::new());
    let inform_tag = RwSignal::new(false);
    let setup = RwSignal::new(SetupState::default());
    let (notice, set_notice) = signal(Notice::None);
    let (busy, set_busy) = signal(false);
    // The fields stay disabled until the stored settings are in, so nothing typed is overwritten by them.
    let loaded = RwSignal::new(false);

    let apply_setup = move |state: SetupState| {
        subdomain.set(state.settings.subdomain.to_string());
        client_id.set(state.settings.client_id.clone());
        company_id.set(state.settings.company_id.clone());
        linkedin_attribute_id.set(state.settings.linkedin_attribute_id.clone());
        default_tags.set(state.settings.default_tags.join(", "));
        let privacy = &state.settings.privacy;
        privacy_controller.set(privacy.controller.clone());
        privacy_contact.set(privacy.contact.clone());
        retention_months.set(
            privacy
                .retention_months
                .map(|m| m.to_string())
                .unwrap_or_default(),
        );
        legal_basis.set(
            privacy
                .legal_basis
                .map(|b| b.as_str().to_string())
                .unwrap_or_default(),
        );
        inform_tag.set(privacy.tags_inform_by());
        client_secret.set(String::new());
        recruiting_token.set(String::new());
        setup.set(state);
    };
    spawn_local(async move {
        match bridge::call(&GetSetup {}).await {
            Ok(reply) => apply_setup(reply.setup),
            Err(e) => set_notice.set(Notice::Failed(e.sentence())),
        }
        loaded.set(true);
    });

    let save = move |test_after: bool| {
        let optional =
            |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let input = SettingsInput {
            subdomain: subdomain.get_untracked(),
            client_id: client_id.get_untracked(),
            client_secret: optional(client_secret),
            company_id: company_id.get_untracked(),
            recruiting_token: optional(recruiting_token),
            linkedin_attribute_id: linkedin_attribute_id.get_untracked(),
            default_tags: default_tags.get_untracked(),
            privacy_controller: privacy_controller.get_untracked(),
            privacy_contact: privacy_contact.get_untracked(),
            retention_months: retention_months.get_untracked(),
            legal_basis: legal_basis.get_untracked(),
            inform_tag: inform_tag.get_untracked(),
        };
        set_busy.set(true);
        spawn_local(async move {
            let saved = bridge::call(&SaveSettings { input }).await;
            let next = match saved {
                Ok(SaveReply::Setup { setup }) => {
                    apply_setup(*setup);
                    if test_after {
                        test_connection().await
                    } else {
                        Notice::Saved
                    }
                }
                Ok(SaveReply::SettingsInvalid { issues }) => Notice::Invalid(issues),
                Err(e) => Notice::Failed(e.sentence()),
            };
            set_notice.set(next);
            set_busy.set(false);
        });
    };

    let secret_placeholder = move |stored: fn(&SetupState) -> bool| {
        Signal::derive(move || {
            if setup.with(stored) {
                t("settingsSecretStored")
            } else {
                String::new()
            }
        })
    };
    let remove_secret = Callback::new(move |secret: StoredSecret| {
        set_busy.set(true);
        spawn_local(async move {
            let next = match bridge::call(&RemoveSecret { secret }).await {
                Ok(reply) => {
                    apply_setup(reply.setup);
                    Notice::SecretRemoved(secret)
                }
                Err(e) => Notice::Failed(e.sentence()),
            };
            set_notice.set(next);
            set_busy.set(false);
        });
    });
    let forget = Callback::new(move |_| {
        set_busy.set(true);
        spawn_local(async move {
            let next = match bridge::call(&ForgetConnection {}).await {
                Ok(reply) => {
                    apply_setup(reply.setup);
                    Notice::Forgotten
                }
                Err(e) => Notice::Failed(e.sentence()),
            };
            set_notice.set(next);
            set_busy.set(false);
        });
    });
    let (data_notice, set_data_notice) = signal(None::<Result<DeletedData, String>>);
    let delete_data = Callback::new(move |_| {
        set_busy.set(true);
        spawn_local(async move {
            set_data_notice.set(Some(
                bridge::call(&DeleteCandidateData {})
                    .await
                    .map(|reply| reply.deleted)
                    .map_err(|e| e.sentence()),
            ));
            set_busy.set(false);
        });
    });
    let accept = Callback::new(move |_| {
        spawn_local(async move {
            match bridge::call(&AcceptDisclaimer {}).await {
                Ok(reply) => setup.set(reply.setup),
                Err(e) => set_notice.set(Notice::Failed(e.sentence())),
            }
        });
    });

    view! {
        <header class="app-header">
            <h1>{t("settingsTitle")}</h1>
            <div class="header-actions">
                <a class="header-link" id="settings-candidates" href="candidates.html">{t("candidatesLink")}</a>
            </div>
        </header>
        <main class="options">
            <form on:submit=move |ev| {
                ev.prevent_default();
                save(true);
            }>
                <fieldset class="plain" disabled=move || !loaded.get() aria-busy=move || (!loaded.get()).to_string()>
                <section aria-labelledby="company-title">
                    <h2 id="company-title">{t("settingsCompany")}</h2>
                    <SettingField name="subdomain" label="settingsSubdomain" help="settingsSubdomainHelp" value=subdomain placeholder="acme" notice=notice setup=setup />
                </section>
                <section aria-labelledby="v2-title">
                    <h2 id="v2-title">{t("settingsV2Title")}</h2>
                    <p class="help">{t("settingsV2Help")}</p>
                    <SettingField name="client_id" label="settingsClientId" help="settingsClientIdHelp" value=client_id placeholder="" notice=notice setup=setup />
                    <SettingField name="client_secret" label="settingsClientSecret" help="settingsClientSecretHelp" value=client_secret placeholder=secret_placeholder(|s| s.settings.has_client_secret) notice=notice setup=setup secret=true />
                    <RemoveSecretButton secret=StoredSecret::ClientSecret setup=setup on_remove=remove_secret busy=busy />
                </section>
                <section aria-labelledby="v1-title">
                    <h2 id="v1-title">{t("settingsV1Title")}</h2>
                    <p class="help">{t("settingsV1Help")}</p>
                    <SettingField name="company_id" label="settingsCompanyId" help="settingsCompanyIdHelp" value=company_id placeholder="" notice=notice setup=setup />
                    <SettingField name="recruiting_token" label="settingsRecruitingToken" help="settingsRecruitingTokenHelp" value=recruiting_token placeholder=secret_placeholder(|s| s.settings.has_recruiting_token) notice=notice setup=setup secret=true />
                    <RemoveSecretButton secret=StoredSecret::RecruitingToken setup=setup on_remove=remove_secret busy=busy />
                </section>
                <section aria-labelledby="mapping-title">
                    <h2 id="mapping-title">{t("settingsMappingTitle")}</h2>
                    <SettingField name="linkedin_attribute_id" label="settingsLinkedinAttribute" help="settingsLinkedinAttributeHelp" value=linkedin_attribute_id placeholder="custom_attribute_1001" notice=notice setup=setup />
                </section>
                <section aria-labelledby="defaults-title">
                    <h2 id="defaults-title">{t("settingsDefaultsTitle")}</h2>
                    <SettingField name="default_tags" label="settingsDefaultTags" help="settingsDefaultTagsHelp" value=default_tags placeholder="linkedin" notice=notice setup=setup />
                </section>
                <section aria-labelledby="privacy-title" id="privacy-settings">
                    <h2 id="privacy-title">{t("settingsPrivacyTitle")}</h2>
                    <p class="help">{t("settingsPrivacyHelp")}</p>
                    <SettingField name="privacy_controller" label="settingsPrivacyController" help="settingsPrivacyControllerHelp" value=privacy_controller placeholder="" notice=notice setup=setup />
                    <SettingField name="privacy_contact" label="settingsPrivacyContact" help="settingsPrivacyContactHelp" value=privacy_contact placeholder="privacy@example.com" notice=notice setup=setup />
                    <SettingField name="retention_months" label="settingsPrivacyRetention" help="settingsPrivacyRetentionHelp" value=retention_months placeholder="6" notice=notice setup=setup inputmode="numeric" />
                    <LegalBasisField value=legal_basis notice=notice setup=setup />
                    <InformTagField value=inform_tag setup=setup />
                </section>
                <p class="help">{t("settingsSignInNote")}</p>
                <div class="actions">
                    <button type="submit" class="primary" id="save-and-test" disabled=move || busy.get()>{t("settingsSaveAndTest")}</button>
                    <button type="button" id="save-only" disabled=move || busy.get() on:click=move |_| save(false)>{t("settingsSave")}</button>
                </div>
                </fieldset>
            </form>
            <section class="connection-status" aria-live="polite" id="connection-status">
                {move || match notice.get() {
                    Notice::None => view! {
                        <p>{if setup.with(|s| s.connection.is_some()) { t("settingsConnected") } else if setup.with(|s| s.settings.is_configured()) { t("settingsNotChecked") } else { t("settingsNotConnected") }}</p>
                    }.into_any(),
                    Notice::Saved => view! { <p class="ok">{t("settingsSaved")}</p> }.into_any(),
                    Notice::Invalid(_) => view! { <p class="error">{t("settingsFixFields")}</p> }.into_any(),
                    Notice::Connected(info) => view! {
                        <div class="ok"><p><strong>{t("settingsConnected")}</strong></p><RightsList info=info /></div>
                    }.into_any(),
                    Notice::Refused(error) => view! {
                        <p class="error" role="alert">{t(connection_error_key(&error))} " " <span class="detail">{error.to_string()}</span></p>
                    }.into_any(),
                    Notice::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                    Notice::SecretRemoved(secret) => view! { <p class="ok">{t_with("settingsSecretRemoved", &[&t(secret_label(secret))])}</p> }.into_any(),
                    Notice::Forgotten => view! { <p class="ok">{t("settingsForgotten")}</p> }.into_any(),
                }}
                {move || setup.with(|s| s.settings != Default::default() || s.connection.is_some()).then(|| view! {
                    <ConfirmButton id="forget-connection" label="settingsForget" question="settingsForgetQuestion"
                        confirm="settingsForgetConfirm" on_confirm=forget disabled=busy />
                })}
            </section>
            <section class="candidate-data" aria-labelledby="data-title">
                <h2 id="data-title">{t("settingsDataTitle")}</h2>
                <p class="help">{t("settingsDataIntro")}</p>
                <RetentionList />
                <ConfirmButton id="delete-candidate-data" label="settingsDeleteData" question="settingsDeleteDataQuestion"
                    confirm="settingsDeleteDataConfirm" on_confirm=delete_data disabled=busy />
                <p id="data-status" role="status">
                    {move || data_notice.get().map(|result| match result {
                        Ok(d) => view! { <span class="ok">{t_with("settingsDataDeleted", &[&d.drafts.to_string(), &d.files.to_string(), &d.applications.to_string()])}</span> }.into_any(),
                        Err(message) => view! { <span class="error">{message}</span> }.into_any(),
                    })}
                </p>
            </section>
            <section class="disclaimer-status" aria-labelledby="disclaimer-status-title">
                <h2 id="disclaimer-status-title">{t("settingsDisclaimer")}</h2>
                {move || match setup.with(|s| s.disclaimer.clone()).filter(|d| d.is_current()) {
                    Some(accepted) => {
                        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(accepted.accepted_at_ms as f64));
                        let when: String = date.to_locale_date_string(&webext::i18n::ui_language(), &wasm_bindgen::JsValue::UNDEFINED).into();
                        view! { <p id="disclaimer-accepted">{t_with("disclaimerAcceptedOn", &[&when, &accepted.version])}</p> }.into_any()
                    }
                    None => view! { <Disclaimer on_accept=accept /> }.into_any(),
                }}
            </section>
        </main>
    }
}

async fn test_connection() -> Notice {
    match bridge::call(&TestConnection {}).await {
        Ok(reply) => Notice::Connected(reply.info),
        Err(BridgeError::Personio(error)) => Notice::Refused(error),
        Err(e) => Notice::Failed(e.sentence()),
    }
}
