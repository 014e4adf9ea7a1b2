//! The candidate-information duty of GDPR Art. 14 (personal data not obtained from the data subject): the
//! privacy settings an admin enters (controller, contact, retention, legal basis, the "inform by" tag), the
//! sourcing line every application created through the extension carries in its comment, the tag that marks
//! when the candidate must be informed at the latest (Art. 14(3)(a): within one month), and the ready
//! candidate notice.
//!
//! The texts here are not UI strings: they are content that goes into Personio or to the candidate, in a
//! language chosen per text (the comment in the recruiter's UI language, the notice in the recruiter's or
//! the candidate's), so all four languages live here as data and are tested natively. Dates are `yyyy-mm-dd`
//! (the recruiter's local calendar date; core reads no clock).

use serde::{Deserialize, Serialize};

/// The legal basis of processing a sourced candidate's data (Art. 6(1) GDPR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// Legitimate interest, Art. 6(1)(f).
    LegitimateInterest,
    /// Consent, Art. 6(1)(a).
    Consent,
    /// Steps prior to entering into a contract, Art. 6(1)(b).
    PreContractual,
}

impl LegalBasis {
    /// Every basis, in the settings page's order.
    pub const ALL: [LegalBasis; 3] = [
        LegalBasis::LegitimateInterest,
        LegalBasis::Consent,
        LegalBasis::PreContractual,
    ];

    /// The value in settings, policies and the settings page's select.
    pub fn as_str(self) -> &'static str {
        match self {
            LegalBasis::LegitimateInterest => "legitimate_interest",
            LegalBasis::Consent => "consent",
            LegalBasis::PreContractual => "pre_contractual",
        }
    }

    /// The basis of a settings value (`legitimate_interest`, …).
    pub fn parse(value: &str) -> Option<LegalBasis> {
        LegalBasis::ALL
            .into_iter()
            .find(|b| b.as_str() == value.trim())
    }

    /// The i18n key of its label on the settings page.
    pub fn label_key(self) -> &'static str {
        match self {
            LegalBasis::LegitimateInterest => "settingsLegalBasisLegitimateInterest",
            LegalBasis::Consent => "settingsLegalBasisConsent",
            LegalBasis::PreContractual => "settingsLegalBasisPreContractual",
        }
    }

    /// How the comment and the notice name it, in `language`.
    pub fn text(self, language: TextLanguage) -> &'static str {
        use LegalBasis::*;
        use TextLanguage::*;
        match (self, language) {
            (LegitimateInterest, En) => "legitimate interest, Art. 6(1)(f) GDPR",
            (LegitimateInterest, De) => "berechtigtes Interesse, Art. 6 Abs. 1 lit. f DSGVO",
            (LegitimateInterest, Fr) => "intérêt légitime, art. 6, par. 1, point f) du RGPD",
            (LegitimateInterest, Es) => "interés legítimo, art. 6.1.f) del RGPD",
            (Consent, En) => "consent, Art. 6(1)(a) GDPR",
            (Consent, De) => "Einwilligung, Art. 6 Abs. 1 lit. a DSGVO",
            (Consent, Fr) => "consentement, art. 6, par. 1, point a) du RGPD",
            (Consent, Es) => "consentimiento, art. 6.1.a) del RGPD",
            (PreContractual, En) => "steps prior to entering into a contract, Art. 6(1)(b) GDPR",
            (PreContractual, De) => "vorvertragliche Maßnahmen, Art. 6 Abs. 1 lit. b DSGVO",
            (PreContractual, Fr) => "mesures précontractuelles, art. 6, par. 1, point b) du RGPD",
            (PreContractual, Es) => "medidas precontractuales, art. 6.1.b) del RGPD",
        }
    }
}

/// A language the comment line and the candidate notice are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextLanguage {
    /// English.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl TextLanguage {
    /// Every language, in the notice's language select.
    pub const ALL: [TextLanguage; 4] = [
        TextLanguage::En,
        TextLanguage::De,
        TextLanguage::Fr,
        TextLanguage::Es,
    ];

    /// The language of a BCP 47 tag (`de`, `de-AT`, `fr_FR`, …), `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<TextLanguage> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        TextLanguage::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language of a tag, English for any language without texts.
    pub fn from_tag_or_english(tag: &str) -> TextLanguage {
        TextLanguage::from_tag(tag).unwrap_or(TextLanguage::En)
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            TextLanguage::En => "en",
            TextLanguage::De => "de",
            TextLanguage::Fr => "fr",
            TextLanguage::Es => "es",
        }
    }

    /// The language's own name (the notice's language select shows each in itself).
    pub fn native_name(self) -> &'static str {
        match self {
            TextLanguage::En => "English",
            TextLanguage::De => "Deutsch",
            TextLanguage::Fr => "Français",
            TextLanguage::Es => "Español",
        }
    }
}

/// What the admin enters about the company's data protection (settings page or managed policy). Empty /
/// `None` means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrivacySettings {
    /// The controller: the company's legal name.
    pub controller: String,
    /// Where candidates exercise their rights: an e-mail address or an `https://` URL.
    pub contact: String,
    /// How long candidate data is kept, in months.
    pub retention_months: Option<u32>,
    /// The legal basis named in the comment and the notice.
    pub legal_basis: Option<LegalBasis>,
    /// Tag every application with `inform-by-<date>` (one month after sourcing).
    pub inform_tag: Option<bool>,
}

/// The longest retention the settings accept (10 years).
pub const MAX_RETENTION_MONTHS: u32 = 120;

/// A privacy setting the candidate notice needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrivacyField {
    /// [`PrivacySettings::controller`].
    Controller,
    /// [`PrivacySettings::contact`].
    Contact,
    /// [`PrivacySettings::retention_months`].
    RetentionMonths,
    /// [`PrivacySettings::legal_basis`].
    LegalBasis,
}

impl PrivacyField {
    /// The i18n key of its label on the settings page.
    pub fn label_key(self) -> &'static str {
        match self {
            PrivacyField::Controller => "settingsPrivacyController",
            PrivacyField::Contact => "settingsPrivacyContact",
            PrivacyField::RetentionMonths => "settingsPrivacyRetention",
            PrivacyField::LegalBasis => "settingsPrivacyLegalBasis",
        }
    }
}

impl PrivacySettings {
    /// True when applications get the "inform by" tag.
    pub fn tags_inform_by(&self) -> bool {
        self.inform_tag.unwrap_or(false)
    }

    /// What the candidate notice still needs, in the settings page's order (empty: the notice can be made).
    pub fn missing_for_notice(&self) -> Vec<PrivacyField> {
        let mut missing = Vec::new();
        if self.controller.trim().is_empty() {
            missing.push(PrivacyField::Controller);
        }
        if self.contact.trim().is_empty() {
            missing.push(PrivacyField::Contact);
        }
        if self.retention_months.is_none() {
            missing.push(PrivacyField::RetentionMonths);
        }
        if self.legal_basis.is_none() {
            missing.push(PrivacyField::LegalBasis);
        }
        missing
    }
}

/// True when `contact` is usable as the privacy contact: an e-mail address or an `https://` URL.
pub fn is_contact(contact: &str) -> bool {
    let c = contact.trim();
    if let Some(rest) = c.strip_prefix("https://") {
        return !rest.is_empty() && !rest.contains(char::is_whitespace);
    }
    crate::validation::email(c).is_ok()
}

/// A calendar date `(year, month, day)` of a `yyyy-mm-dd` text.
fn parse_date(iso: &str) -> Option<(i32, u32, u32)> {
    if !crate::personio::is_iso_date(iso) {
        return None;
    }
    Some((
        iso[0..4].parse().ok()?,
        iso[5..7].parse().ok()?,
        iso[8..10].parse().ok()?,
    ))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The date one month after `sourced_on` (`yyyy-mm-dd`): the same day of the next month, or that month's
/// last day when it is shorter (31 January → 28/29 February). `None` for a malformed date.
pub fn one_month_after(sourced_on: &str) -> Option<String> {
    let (year, month, day) = parse_date(sourced_on)?;
    let (year, month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let day = day.min(days_in_month(year, month));
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The prefix of the "inform by" tag.
pub const INFORM_TAG_PREFIX: &str = "inform-by-";

/// The tag marking when the candidate sourced on `sourced_on` must be informed at the latest:
/// `inform-by-YYYY-MM-DD`, one month later ([`one_month_after`]). Language-independent, so it sorts and
/// filters the same for every recruiter.
pub fn inform_tag(sourced_on: &str) -> Option<String> {
    one_month_after(sourced_on).map(|d| format!("{INFORM_TAG_PREFIX}{d}"))
}

/// `yyyy-mm-dd` written out in `language` ("2 December 2026", "2. Dezember 2026", …); a malformed date as is.
pub fn long_date(sourced_on: &str, language: TextLanguage) -> String {
    let Some((year, month, day)) = parse_date(sourced_on) else {
        return sourced_on.to_string();
    };
    let months: [&str; 12] = match language {
        TextLanguage::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        TextLanguage::De => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        TextLanguage::Fr => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        TextLanguage::Es => [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    };
    let name = months[(month - 1) as usize];
    match language {
        TextLanguage::En => format!("{day} {name} {year}"),
        TextLanguage::De => format!("{day}. {name} {year}"),
        TextLanguage::Fr if day == 1 => format!("1er {name} {year}"),
        TextLanguage::Fr => format!("{day} {name} {year}"),
        TextLanguage::Es => format!("{day} de {name} de {year}"),
    }
}

/// The line every application created through the extension carries at the end of its comment:
/// "Sourced from LinkedIn (<profile URL>) on <date> through the sourcing extension; legal basis: <…>."
/// (without the legal basis when none is set), in `language`.
pub fn sourcing_line(
    language: TextLanguage,
    profile_url: &str,
    sourced_on: &str,
    basis: Option<LegalBasis>,
) -> String {
    let date = long_date(sourced_on, language);
    let url = profile_url.trim();
    let head = match language {
        TextLanguage::En => {
            format!("Sourced from LinkedIn ({url}) on {date} through the sourcing extension")
        }
        TextLanguage::De => {
            format!("Über LinkedIn gefunden ({url}) am {date} mit der Sourcing-Erweiterung")
        }
        TextLanguage::Fr => {
            format!("Sourcé sur LinkedIn ({url}) le {date} via l’extension de sourcing")
        }
        TextLanguage::Es => {
            format!("Captado en LinkedIn ({url}) el {date} mediante la extensión de sourcing")
        }
    };
    match basis {
        Some(basis) => {
            let label = match language {
                TextLanguage::En => "legal basis",
                TextLanguage::De => "Rechtsgrundlage",
                TextLanguage::Fr => "base légale",
                TextLanguage::Es => "base jurídica",
            };
            format!("{head}; {label}: {}.", basis.text(language))
        }
        None => format!("{head}."),
    }
}

/// Appends the sourcing line to a comment (after a blank line), unless the comment already ends with it:
/// composing twice never doubles it.
pub fn with_sourcing_line(message: Option<String>, line: &str) -> String {
    match message
        .map(|m| m.trim_end().to_string())
        .filter(|m| !m.is_empty())
    {
        Some(m) if m.ends_with(line) => m,
        Some(m) => format!("{m}\n\n{line}"),
        None => line.to_string(),
    }
}

/// What the candidate notice is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeFacts<'a> {
    /// The candidate's first name (the greeting), may be empty.
    pub first_name: &'a str,
    /// The position they were considered for.
    pub position: &'a str,
    /// Their LinkedIn profile.
    pub profile_url: &'a str,
    /// When their data was taken over (`yyyy-mm-dd`).
    pub sourced_on: &'a str,
}

/// The message informing a sourced candidate (Art. 14(1)–(2) GDPR): the controller and its contact, the
/// purpose (this position's recruitment) and legal basis, the source (their public LinkedIn profile), the
/// retention, and the rights of access, rectification, erasure, restriction, objection and to lodge a
/// complaint with a supervisory authority. `Err` lists the settings still missing: no incomplete notice.
pub fn candidate_notice(
    language: TextLanguage,
    privacy: &PrivacySettings,
    facts: &NoticeFacts<'_>,
) -> Result<String, Vec<PrivacyField>> {
    let missing = privacy.missing_for_notice();
    let (Some(months), Some(basis), true) = (
        privacy.retention_months,
        privacy.legal_basis,
        missing.is_empty(),
    ) else {
        return Err(missing);
    };
    let controller = privacy.controller.trim();
    let contact = privacy.contact.trim();
    let name = facts.first_name.trim();
    let position = facts.position.trim();
    let url = facts.profile_url.trim();
    let date = long_date(facts.sourced_on, language);
    let basis = basis.text(language);
    let text = match language {
        TextLanguage::En => format!(
            "{greeting}\n\n\
             We, {controller}, found your public LinkedIn profile ({url}) and on {date} took over the data it \
             shows (name, headline, location, experience, education, skills, languages) into our applicant \
             management system.\n\n\
             Purpose: to consider you for the position \"{position}\" and to contact you about it. Legal basis: \
             {basis}. Source of the data: LinkedIn (your public profile).\n\n\
             We keep your data for {months} months, unless you apply with us, and delete it afterwards.\n\n\
             Your rights: you may ask for access to your data, its rectification or erasure, the restriction of \
             its processing, and object to the processing at any time. You also have the right to lodge a \
             complaint with a data protection supervisory authority.\n\n\
             Contact for data protection and your rights: {contact}\n\n\
             {controller}",
            greeting = if name.is_empty() { "Hello,".to_string() } else { format!("Hello {name},") },
        ),
        TextLanguage::De => format!(
            "{greeting}\n\n\
             wir, {controller}, haben Ihr öffentliches LinkedIn-Profil ({url}) gefunden und am {date} die dort \
             gezeigten Daten (Name, Überschrift, Ort, Berufserfahrung, Ausbildung, Kenntnisse, Sprachen) in \
             unser Bewerbermanagement übernommen.\n\n\
             Zweck: Sie für die Stelle „{position}“ zu berücksichtigen und Sie dazu anzusprechen. \
             Rechtsgrundlage: {basis}. Herkunft der Daten: LinkedIn (Ihr öffentliches Profil).\n\n\
             Wir speichern Ihre Daten {months} Monate lang, sofern Sie sich nicht bei uns bewerben, und löschen \
             sie danach.\n\n\
             Ihre Rechte: Sie können Auskunft über Ihre Daten, deren Berichtigung oder Löschung und die \
             Einschränkung der Verarbeitung verlangen und der Verarbeitung jederzeit widersprechen. Außerdem \
             haben Sie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren.\n\n\
             Kontakt für Datenschutz und Ihre Rechte: {contact}\n\n\
             {controller}",
            greeting = if name.is_empty() { "Guten Tag,".to_string() } else { format!("Guten Tag {name},") },
        ),
        TextLanguage::Fr => format!(
            "{greeting}\n\n\
             Nous, {controller}, avons trouvé votre profil LinkedIn public ({url}) et avons repris le {date} \
             les données qu’il affiche (nom, titre, lieu, expérience, formation, compétences, langues) dans \
             notre système de gestion des candidatures.\n\n\
             Finalité : étudier votre candidature au poste « {position} » et vous contacter à ce sujet. Base \
             légale : {basis}. Source des données : LinkedIn (votre profil public).\n\n\
             Nous conservons vos données pendant {months} mois, sauf si vous postulez chez nous, puis nous les \
             supprimons.\n\n\
             Vos droits : vous pouvez demander l’accès à vos données, leur rectification ou leur effacement, \
             la limitation du traitement, et vous opposer au traitement à tout moment. Vous avez également le \
             droit d’introduire une réclamation auprès d’une autorité de contrôle de la protection des \
             données.\n\n\
             Contact pour la protection des données et vos droits : {contact}\n\n\
             {controller}",
            greeting = if name.is_empty() { "Bonjour,".to_string() } else { format!("Bonjour {name},") },
        ),
        TextLanguage::Es => format!(
            "{greeting}\n\n\
             Nosotros, {controller}, encontramos su perfil público de LinkedIn ({url}) y el {date} \
             incorporamos los datos que muestra (nombre, titular, ubicación, experiencia, formación, \
             aptitudes, idiomas) a nuestro sistema de gestión de candidaturas.\n\n\
             Finalidad: tenerle en cuenta para el puesto «{position}» y contactarle al respecto. Base \
             jurídica: {basis}. Origen de los datos: LinkedIn (su perfil público).\n\n\
             Conservamos sus datos durante {months} meses, salvo que presente su candidatura, y después los \
             suprimimos.\n\n\
             Sus derechos: puede solicitar el acceso a sus datos, su rectificación o supresión y la limitación \
             del tratamiento, y oponerse al tratamiento en cualquier momento. También tiene derecho a \
             presentar una reclamación ante una autoridad de control de protección de datos.\n\n\
             Contacto para la protección de datos y sus derechos: {contact}\n\n\
             {controller}",
            greeting = if name.is_empty() { "Hola:".to_string() } else { format!("Hola, {name}:") },
        ),
    };
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> PrivacySettings {
        PrivacySettings {
            controller: "Acme Robotics GmbH".into(),
            contact: "privacy@acme.example".into(),
            retention_months: Some(6),
            legal_basis: Some(LegalBasis::LegitimateInterest),
            inform_tag: Some(true),
        }
    }

    fn facts() -> NoticeFacts<'static> {
        NoticeFacts {
            first_name: "Maren",
            position: "Data Engineer",
            profile_url: "https://www.linkedin.com/in/maren-okafor-4b2a1c/",
            sourced_on: "2026-01-31",
        }
    }

    #[test]
    fn the_sourcing_line_names_the_profile_the_date_and_the_basis_in_each_language() {
        let url = "https://www.linkedin.com/in/maren-okafor-4b2a1c/";
        assert_eq!(
            sourcing_line(TextLanguage::En, url, "2026-12-02", Some(LegalBasis::LegitimateInterest)),
            "Sourced from LinkedIn (https://www.linkedin.com/in/maren-okafor-4b2a1c/) on 2 December 2026 \
             through the sourcing extension; legal basis: legitimate interest, Art. 6(1)(f) GDPR."
        );
        assert_eq!(
            sourcing_line(TextLanguage::De, url, "2026-03-01", Some(LegalBasis::Consent)),
            "Über LinkedIn gefunden (https://www.linkedin.com/in/maren-okafor-4b2a1c/) am 1. März 2026 mit \
             der Sourcing-Erweiterung; Rechtsgrundlage: Einwilligung, Art. 6 Abs. 1 lit. a DSGVO."
        );
        let fr = sourcing_line(
            TextLanguage::Fr,
            url,
            "2026-03-01",
            Some(LegalBasis::PreContractual),
        );
        assert!(
            fr.contains("le 1er mars 2026") && fr.contains("art. 6, par. 1, point b)"),
            "{fr}"
        );
        let es = sourcing_line(TextLanguage::Es, url, "2026-08-15", None);
        assert_eq!(
            es,
            "Captado en LinkedIn (https://www.linkedin.com/in/maren-okafor-4b2a1c/) el 15 de agosto de 2026 \
             mediante la extensión de sourcing."
        );
    }

    #[test]
    fn the_line_is_appended_once() {
        let line = "Sourced from LinkedIn (u) on 1 May 2026 through the sourcing extension.";
        let once = with_sourcing_line(Some("Strong Rust\n".into()), line);
        assert_eq!(once, format!("Strong Rust\n\n{line}"));
        assert_eq!(with_sourcing_line(Some(once.clone()), line), once);
        assert_eq!(with_sourcing_line(None, line), line);
        assert_eq!(with_sourcing_line(Some("  ".into()), line), line);
    }

    #[test]
    fn the_inform_tag_is_one_month_later_clamped_to_the_month_end() {
        assert_eq!(
            inform_tag("2026-12-02").as_deref(),
            Some("inform-by-2027-01-02")
        );
        assert_eq!(
            inform_tag("2026-01-31").as_deref(),
            Some("inform-by-2026-02-28")
        );
        assert_eq!(
            inform_tag("2028-01-30").as_deref(),
            Some("inform-by-2028-02-29")
        );
        assert_eq!(
            inform_tag("2026-03-31").as_deref(),
            Some("inform-by-2026-04-30")
        );
        assert_eq!(inform_tag("2026-13-01"), None);
        assert_eq!(inform_tag("yesterday"), None);
    }

    #[test]
    fn languages_come_from_tags() {
        assert_eq!(TextLanguage::from_tag("de-AT"), Some(TextLanguage::De));
        assert_eq!(TextLanguage::from_tag("fr_FR"), Some(TextLanguage::Fr));
        assert_eq!(TextLanguage::from_tag("ES"), Some(TextLanguage::Es));
        assert_eq!(TextLanguage::from_tag("pt-BR"), None);
        assert_eq!(TextLanguage::from_tag_or_english("pt-BR"), TextLanguage::En);
        assert_eq!(LegalBasis::parse("consent"), Some(LegalBasis::Consent));
        assert_eq!(LegalBasis::parse("vibes"), None);
        assert_eq!(
            serde_json::to_value(LegalBasis::PreContractual).unwrap(),
            "pre_contractual"
        );
    }

    #[test]
    fn every_notice_names_controller_source_purpose_retention_contact_and_every_right() {
        let rights: [(TextLanguage, [&str; 6]); 4] = [
            (
                TextLanguage::En,
                [
                    "access",
                    "rectification",
                    "erasure",
                    "restriction",
                    "object",
                    "complaint",
                ],
            ),
            (
                TextLanguage::De,
                [
                    "Auskunft",
                    "Berichtigung",
                    "Löschung",
                    "Einschränkung",
                    "widersprechen",
                    "beschweren",
                ],
            ),
            (
                TextLanguage::Fr,
                [
                    "accès",
                    "rectification",
                    "effacement",
                    "limitation",
                    "opposer",
                    "réclamation",
                ],
            ),
            (
                TextLanguage::Es,
                [
                    "acceso",
                    "rectificación",
                    "supresión",
                    "limitación",
                    "oponerse",
                    "reclamación",
                ],
            ),
        ];
        for (language, words) in rights {
            let text = candidate_notice(language, &complete(), &facts()).unwrap();
            let date = long_date("2026-01-31", language);
            for needle in [
                "Acme Robotics GmbH",
                "privacy@acme.example",
                "LinkedIn",
                "https://www.linkedin.com/in/maren-okafor-4b2a1c/",
                "Data Engineer",
                "Maren",
                LegalBasis::LegitimateInterest.text(language),
                date.as_str(),
            ] {
                assert!(text.contains(needle), "{language:?} lacks {needle}: {text}");
            }
            assert!(
                text.contains(" 6 "),
                "{language:?} lacks the retention: {text}"
            );
            for word in words {
                assert!(
                    text.contains(word),
                    "{language:?} lacks the right {word}: {text}"
                );
            }
        }
    }

    #[test]
    fn an_incomplete_setting_gives_no_notice_but_what_is_missing() {
        let missing = candidate_notice(
            TextLanguage::En,
            &PrivacySettings {
                controller: "Acme".into(),
                ..PrivacySettings::default()
            },
            &facts(),
        )
        .unwrap_err();
        assert_eq!(
            missing,
            vec![
                PrivacyField::Contact,
                PrivacyField::RetentionMonths,
                PrivacyField::LegalBasis
            ]
        );
        assert!(complete().missing_for_notice().is_empty());
    }

    #[test]
    fn contacts_are_an_email_or_an_https_url() {
        assert!(is_contact("privacy@acme.example"));
        assert!(is_contact("https://acme.example/privacy"));
        assert!(!is_contact("http://acme.example/privacy"));
        assert!(!is_contact("call us"));
        assert!(!is_contact("https://"));
    }
}
