//! Every `chrome.storage` key of the extension, in one catalogue: each key names its area, its value type and
//! its restore step, so a record can only be read as what it is and every reader gets it restored. The
//! bindings (`webext::storage`) read and write through these keys only; the names and the stored JSON are
//! those the extension always used (e2e tests and existing browsers read them as they are).
//!
//! A restore step runs once per JavaScript context (a service-worker start), at the first access of its key,
//! and its result is stored back before anyone reads or writes the key: see [`Restore`].

use crate::draft::ApplicationDraft;
use crate::hris::{ExportLog, KeptCvs};
use crate::messages::TabState;
use crate::outbox::Outbox;
use crate::personio::{ClientState, ConnectionInfo, Credentials, FieldMapping};
use crate::privacy::PrivacySettings;
use crate::retention::UnreferencedFiles;
use crate::session_cache::{CachedPositions, LookupCache, StatusCache};
use crate::settings::DisclaimerAcceptance;
use std::borrow::Cow;
use std::marker::PhantomData;

/// A storage area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Area {
    /// `chrome.storage.local`: persistent.
    Local,
    /// `chrome.storage.session`: in memory, survives service-worker restarts, cleared with the browser.
    Session,
}

/// What happens to a stored value before it is read in a new context.
pub enum Restore<T> {
    /// Read as stored.
    None,
    /// Applied once per service-worker start to the stored value (when there is one), then stored back,
    /// before any read or write of the key in that worker. For a step that must not run twice on the same
    /// data in one worker (the outbox's: a second run would count a create in flight as uncertain).
    OncePerStart(fn(&mut T)),
}

impl<T> Clone for Restore<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Restore<T> {}

/// A key holding a `T`.
pub struct StorageKey<T> {
    area: Area,
    name: Cow<'static, str>,
    restore: Restore<T>,
    value: PhantomData<fn() -> T>,
}

impl<T> StorageKey<T> {
    const fn fixed(area: Area, name: &'static str, restore: Restore<T>) -> Self {
        StorageKey {
            area,
            name: Cow::Borrowed(name),
            restore,
            value: PhantomData,
        }
    }

    /// Its area.
    pub fn area(&self) -> Area {
        self.area
    }

    /// The key as `chrome.storage` knows it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its restore step.
    pub fn restore(&self) -> Restore<T> {
        self.restore
    }

    /// The key without its value type (for removals).
    pub fn any(&self) -> AnyKey {
        AnyKey {
            area: self.area,
            name: self.name.to_string(),
        }
    }
}

impl<T> std::fmt::Debug for StorageKey<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}:{}", self.area, self.name)
    }
}

/// A family of keys `<prefix><id>` of one value type (a draft per profile URL, a state per tab). Never
/// restored.
pub struct KeyPrefix<T> {
    area: Area,
    prefix: &'static str,
    value: PhantomData<fn() -> T>,
}

impl<T> KeyPrefix<T> {
    const fn new(area: Area, prefix: &'static str) -> Self {
        KeyPrefix {
            area,
            prefix,
            value: PhantomData,
        }
    }

    /// Its area.
    pub fn area(&self) -> Area {
        self.area
    }

    /// The prefix every key of the family starts with.
    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The key of `id`.
    pub fn key(&self, id: &str) -> StorageKey<T> {
        StorageKey {
            area: self.area,
            name: Cow::Owned(format!("{}{id}", self.prefix)),
            restore: Restore::None,
            value: PhantomData,
        }
    }

    /// The id in a key of this family (`tab:12` → `12`), `None` for another key.
    pub fn id_of<'a>(&self, name: &'a str) -> Option<&'a str> {
        name.strip_prefix(self.prefix)
    }

    /// A key of this family by its full name (as listed by the bindings), without its value type.
    pub fn any(&self, name: &str) -> Option<AnyKey> {
        self.id_of(name).map(|id| self.key(id).any())
    }
}

/// A key whatever its value (removals never read the value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnyKey {
    /// Its area.
    pub area: Area,
    /// Its name.
    pub name: String,
}

// ---- storage.local ----

/// The outbox: every queued and finished application. Restored at each worker start: a create armed by the
/// previous worker may have reached Personio ([`Outbox::on_restore`]).
pub const OUTBOX: StorageKey<Outbox> = StorageKey::fixed(
    Area::Local,
    "outbox",
    Restore::OncePerStart(Outbox::on_restore),
);
/// The Personio credentials the settings page stored (secrets: `storage.local` is locked to the extension's
/// contexts).
pub const CREDENTIALS: StorageKey<Credentials> =
    StorageKey::fixed(Area::Local, "credentials", Restore::None);
/// The accepted disclaimer.
pub const DISCLAIMER: StorageKey<DisclaimerAcceptance> =
    StorageKey::fixed(Area::Local, "disclaimer", Restore::None);
/// The last successful connection check.
pub const CONNECTION: StorageKey<ConnectionInfo> =
    StorageKey::fixed(Area::Local, "connection", Restore::None);
/// How form fields map onto Personio fields.
pub const FIELD_MAPPING: StorageKey<FieldMapping> =
    StorageKey::fixed(Area::Local, "field_mapping", Restore::None);
/// The privacy settings (GDPR Art. 14).
pub const PRIVACY: StorageKey<PrivacySettings> =
    StorageKey::fixed(Area::Local, "privacy", Restore::None);
/// The default tags of every application (absent: none set).
pub const DEFAULT_TAGS: StorageKey<Vec<String>> =
    StorageKey::fixed(Area::Local, "default_tags", Restore::None);
/// The CVs kept for the HRIS export.
pub const KEPT_CVS: StorageKey<KeptCvs> =
    StorageKey::fixed(Area::Local, "hris_kept_cvs", Restore::None);
/// Every HRIS export, finished or interrupted.
pub const EXPORTS: StorageKey<ExportLog> =
    StorageKey::fixed(Area::Local, "hris_exports", Restore::None);
/// Files seen without a reference, kept between purges.
pub const UNREFERENCED_FILES: StorageKey<UnreferencedFiles> =
    StorageKey::fixed(Area::Local, "purge_unreferenced_files", Restore::None);
/// The recruiter's choice "Attach a CV made from this profile" (absent: on). A preference of this browser
/// profile, the same for every draft; "Delete all candidate data" leaves it, as it leaves the settings.
pub const CV_ATTACH_MADE: StorageKey<bool> =
    StorageKey::fixed(Area::Local, "cv_attach_made", Restore::None);
/// A profile's draft, by profile URL: the popup saves it, the background deletes it once the application
/// exists, when the recruiter discards it, or [`crate::retention::DRAFT_RETENTION_DAYS`] after its last
/// change (the purge lists drafts by the prefix).
pub const DRAFTS: KeyPrefix<ApplicationDraft> = KeyPrefix::new(Area::Local, "draft:");

// ---- storage.session ----

/// The Personio client's state (tokens, request budget, cool-down, backoff).
pub const CLIENT_STATE: StorageKey<ClientState> =
    StorageKey::fixed(Area::Session, "personio_client_state", Restore::None);
/// Whose session state is stored: subdomain, client id and Company ID (no secret).
pub const SESSION_OWNER: StorageKey<String> =
    StorageKey::fixed(Area::Session, "personio_session_owner", Restore::None);
/// The published positions, as last read.
pub const POSITIONS: StorageKey<CachedPositions> =
    StorageKey::fixed(Area::Session, "positions_cache", Restore::None);
/// The candidates' statuses, as last read (`_v2`: the status shape of the v2 reads as live tenants answer).
pub const STATUS_CACHE: StorageKey<StatusCache> =
    StorageKey::fixed(Area::Session, "hris_status_cache_v2", Restore::None);
/// The "Already in Personio?" lookups.
pub const LOOKUPS: StorageKey<LookupCache> =
    StorageKey::fixed(Area::Session, "candidate_lookups", Restore::None);
/// A tab's state, by tab id (it holds the page read).
pub const TAB_STATES: KeyPrefix<TabState> = KeyPrefix::new(Area::Session, "tab:");

/// One entry of [`catalogue`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its area.
    pub area: Area,
    /// The key, or a family's prefix.
    pub name: &'static str,
    /// A family of keys `<name><id>`.
    pub prefix: bool,
    /// It has a restore step.
    pub restored: bool,
}

fn entry<T>(key: &StorageKey<T>) -> Entry {
    let Cow::Borrowed(name) = key.name else {
        unreachable!("catalogue keys are fixed")
    };
    Entry {
        area: key.area,
        name,
        prefix: false,
        restored: matches!(key.restore, Restore::OncePerStart(_)),
    }
}

fn family<T>(prefix: &KeyPrefix<T>) -> Entry {
    Entry {
        area: prefix.area,
        name: prefix.prefix,
        prefix: true,
        restored: false,
    }
}

/// Every key and key family above.
pub fn catalogue() -> Vec<Entry> {
    vec![
        entry(&OUTBOX),
        entry(&CREDENTIALS),
        entry(&DISCLAIMER),
        entry(&CONNECTION),
        entry(&FIELD_MAPPING),
        entry(&PRIVACY),
        entry(&DEFAULT_TAGS),
        entry(&KEPT_CVS),
        entry(&EXPORTS),
        entry(&UNREFERENCED_FILES),
        entry(&CV_ATTACH_MADE),
        family(&DRAFTS),
        entry(&CLIENT_STATE),
        entry(&SESSION_OWNER),
        entry(&POSITIONS),
        entry(&STATUS_CACHE),
        entry(&LOOKUPS),
        family(&TAB_STATES),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::{PositionChoice, SubmitRequest};
    use crate::personio::{CandidateForm, FieldMapping, PositionId};

    #[test]
    fn no_two_keys_share_a_name_and_no_key_falls_into_a_family() {
        let all = catalogue();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.area != b.area {
                    continue;
                }
                assert_ne!(a.name, b.name, "{a:?} and {b:?}");
                let overlaps = (a.prefix && b.name.starts_with(a.name))
                    || (b.prefix && a.name.starts_with(b.name));
                assert!(!overlaps, "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn only_the_outbox_is_restored_and_its_restore_is_the_outboxs() {
        let restored: Vec<_> = catalogue()
            .into_iter()
            .filter(|e| e.restored)
            .map(|e| e.name)
            .collect();
        assert_eq!(restored, ["outbox"]);

        // An outbox whose create was armed when the worker died: the key's restore marks it uncertain.
        let mut outbox = Outbox::default();
        let request = SubmitRequest {
            profile_url: "https://www.linkedin.com/in/maren-okafor-4b2a1c/".into(),
            position: PositionChoice {
                id: PositionId(1001),
                name: "Data Engineer".into(),
            },
            candidate: CandidateForm {
                first_name: "Maren".into(),
                last_name: "Okafor".into(),
                email: "maren@example.com".into(),
                ..CandidateForm::default()
            },
            documents: vec![],
        };
        outbox.enqueue(request, &FieldMapping::default(), 1, None);
        outbox.entries[0].job.create_armed = true;
        let mut expected = outbox.clone();
        expected.on_restore();
        assert_ne!(expected, outbox, "the restore changes an armed job");
        let Restore::OncePerStart(restore) = OUTBOX.restore() else {
            panic!("the outbox is restored")
        };
        restore(&mut outbox);
        assert_eq!(outbox, expected);
    }

    #[test]
    fn family_keys_carry_their_id() {
        let key = TAB_STATES.key("12");
        assert_eq!((key.area(), key.name()), (Area::Session, "tab:12"));
        assert_eq!(TAB_STATES.id_of("tab:12"), Some("12"));
        assert_eq!(TAB_STATES.id_of("draft:tab:12"), None);
        assert_eq!(
            DRAFTS.any("draft:https://www.linkedin.com/in/a/"),
            Some(AnyKey {
                area: Area::Local,
                name: "draft:https://www.linkedin.com/in/a/".into()
            })
        );
    }
}
