//! "Already in Personio?" for the form and the toolbar icon: the candidate lookup by LinkedIn profile and by
//! e-mail ([`sourcing_core::personio::existing`]), cached in `storage.session` per profile and per e-mail, so
//! reopening the popup on the same profile costs no Personio call; the profiles found are what the icon's
//! badge marks ([`profile_known`]).
//!
//! An entry lives [`LOOKUP_TTL_MS`] (or until the browser closes, *Forget this connection* or *Delete all
//! candidate data*); a passing failure (network, 429) is never cached, and an application created through
//! the extension drops the entries of its profile and e-mail ([`forget`]).

use crate::clock::now_ms;
use crate::{icon, personio, settings};
use sourcing_core::personio::duplicates::linkedin_slug;
use sourcing_core::personio::{CandidateLookup, LinkedinCoverage, PersonQuery};
use sourcing_core::session_cache::{LookupCache as Cache, LookupEntry as Entry};
use sourcing_core::storage_keys::{LOOKUPS, TAB_STATES};
use sourcing_core::validation;
use webext::storage;
use webext::ExtResult;

/// How long a lookup is reused.
pub const LOOKUP_TTL_MS: u64 = 30 * 60 * 1000;

fn profile_key(slug: &str) -> String {
    format!("li:{slug}")
}

fn email_key(email: &str) -> String {
    format!("em:{}", email.trim().to_lowercase())
}

fn known_key(slug: &str) -> String {
    format!("known:{slug}")
}

async fn load(now: u64) -> ExtResult<Cache> {
    let mut cache = storage::get_or_default(&LOOKUPS).await?;
    cache
        .entries
        .retain(|_, e| now.saturating_sub(e.fetched_at_ms) < LOOKUP_TTL_MS);
    Ok(cache)
}

async fn save(cache: &Cache) -> ExtResult<()> {
    storage::set(&LOOKUPS, cache).await
}

/// True when a lookup of this session found a candidate for the profile at `url`.
pub async fn profile_known(url: &str) -> ExtResult<bool> {
    let Some(slug) = linkedin_slug(url) else {
        return Ok(false);
    };
    let cache = load(now_ms()).await?;
    Ok(cache.entries.contains_key(&known_key(&slug)))
}

/// The cached lookup under `key`, or a new one (stored when worth keeping).
async fn cached_or_new(key: &str, person: PersonQuery) -> ExtResult<CandidateLookup> {
    if let Some(entry) = load(now_ms()).await?.entries.get(key) {
        return Ok(entry.lookup.clone());
    }
    let now = now_ms();
    // The client only for the lookup itself: the cache below needs no Personio call.
    let lookup = {
        let mut client = personio::client().await?;
        let lookup = client.find_candidate(&person, now).await;
        lookup
    };
    if lookup.is_cacheable() {
        // Re-read: another lookup may have finished meanwhile.
        let mut cache = load(now).await?;
        cache.entries.insert(
            key.to_string(),
            Entry {
                fetched_at_ms: now,
                lookup: lookup.clone(),
            },
        );
        save(&cache).await?;
    }
    Ok(lookup)
}

/// The candidate of the profile at `linkedin_url` (or, when the profile finds no one, of `email` once it is a
/// valid address). When found, the profile is marked known and the icon of `tab_id` is refreshed.
pub async fn find(
    tab_id: Option<i32>,
    linkedin_url: &str,
    email: Option<&str>,
) -> ExtResult<CandidateLookup> {
    let attribute = settings::field_mapping().await?.linkedin_attribute_id;
    let slug = linkedin_slug(linkedin_url);
    let by_profile = match &slug {
        Some(slug) => Some(
            cached_or_new(
                &profile_key(slug),
                PersonQuery {
                    email: String::new(),
                    linkedin_url: Some(linkedin_url.to_string()),
                    linkedin_attribute: attribute.clone(),
                },
            )
            .await?,
        ),
        None => None,
    };
    let email = email
        .map(str::trim)
        .filter(|e| validation::email(e).is_ok());
    // The e-mail is looked up only when the profile found no one (or there is no profile).
    let linkedin = match &by_profile {
        None => Some(LinkedinCoverage::NotAsked),
        Some(CandidateLookup::NotFound { linkedin, .. }) => Some(linkedin.clone()),
        Some(_) => None,
    };
    let lookup = match (linkedin, email, by_profile) {
        (Some(linkedin), Some(email), _) => {
            let person = PersonQuery {
                email: email.to_string(),
                linkedin_url: None,
                linkedin_attribute: None,
            };
            match cached_or_new(&email_key(email), person).await? {
                CandidateLookup::NotFound { email_checked, .. } => CandidateLookup::NotFound {
                    linkedin,
                    email_checked,
                },
                other => other,
            }
        }
        (_, _, Some(by_profile)) => by_profile,
        (_, _, None) => CandidateLookup::NotFound {
            linkedin: LinkedinCoverage::NotAsked,
            email_checked: false,
        },
    };
    if let (Some(slug), Some(_)) = (&slug, lookup.found()) {
        let now = now_ms();
        let mut cache = load(now).await?;
        if let std::collections::btree_map::Entry::Vacant(vacant) =
            cache.entries.entry(known_key(slug))
        {
            vacant.insert(Entry {
                fetched_at_ms: now,
                lookup: lookup.clone(),
            });
            save(&cache).await?;
        }
        if let Some(tab_id) = tab_id {
            // The answer still counts when the tab closed meanwhile.
            let _ = icon::refresh(tab_id).await;
        }
    }
    Ok(lookup)
}

/// An application was created for this profile and e-mail: their lookups are asked again next time.
pub async fn forget(profile_url: &str, email: &str) -> ExtResult<()> {
    let mut cache = load(now_ms()).await?;
    if let Some(slug) = linkedin_slug(profile_url) {
        cache.entries.remove(&profile_key(&slug));
    }
    cache.entries.remove(&email_key(email));
    save(&cache).await
}

/// Every lookup goes (the credentials changed or were forgotten); the badges of the tabs the background
/// knows are re-derived.
pub async fn forget_all() -> ExtResult<()> {
    storage::remove(&LOOKUPS).await?;
    for key in storage::names(&TAB_STATES).await? {
        if let Some(tab_id) = TAB_STATES.id_of(&key).and_then(|id| id.parse().ok()) {
            // A tab that closed meanwhile has no icon to refresh.
            let _ = icon::refresh(tab_id).await;
        }
    }
    Ok(())
}
