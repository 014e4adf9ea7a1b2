//! The candidates page (`candidates.html`, mounted into `#candidates`): the candidates imported through the
//! extension with their current status from Personio, and "Export to Personio" for hired ones, from three
//! places:
//!
//! * the list (`candidates.html`, `?status=hired` preselects the filter): filterable by status, one menu per
//!   row;
//! * a candidate's page (`?job=<job id>`): the details and the same menu;
//! * a position's pipeline (`?position=<id>`): its candidates grouped by stage, the hired stage holding the
//!   action.
//!
//! The action exists only for hired candidates that were not exported yet. It asks for confirmation
//! ([`dialog`]), then the background exports; the outcome ([`report`]) lists what was exported and what was
//! not available, or says why nothing was. With v1-only credentials the statuses are unknown, and the page
//! says so.

pub mod dialog;
pub mod menu;
pub mod report;

use crate::bridge::{self, BridgeError};
use crate::components::personio_lookup::stage_label;
use dialog::{refocus, ConfirmExport, PendingExport};
use leptos::prelude::*;
use leptos::task::spawn_local;
use menu::{ActionMenu, MenuAction, MenuItem};
use report::{
    failure_messages, field_key, filter_text, status_text, unknown_reason, ExportOutcome,
    OutcomeView,
};
use sourcing_core::hris::{
    filter_rows, positions_of, CandidateList, CandidateRow, PipelineCard, PositionPipeline,
    StatusFilter, StatusSource,
};
use sourcing_core::messages::{
    ExportCandidate, ExportReply, ListCandidates, ListPipeline, ListPositions,
};
use sourcing_core::outbox::JobId;
use sourcing_core::personio::PositionId;
use webext::i18n::{t, t_with};

/// Which view the page shows (from its query string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list, with an initial filter.
    List(StatusFilter),
    /// One candidate (its outbox job).
    Candidate(JobId),
    /// A position's pipeline.
    Pipeline(PositionId),
}

impl Route {
    /// The route for a query string such as `?position=1001`.
    pub fn parse(search: &str) -> Route {
        let params = web_sys::UrlSearchParams::new_with_str(search).ok();
        let get = |k: &str| params.as_ref().and_then(|p| p.get(k));
        if let Some(job) = get("job").filter(|j| !j.is_empty()) {
            Route::Candidate(JobId::from(job))
        } else if let Some(position) = get("position").and_then(|p| p.parse().ok()) {
            Route::Pipeline(position)
        } else {
            Route::List(StatusFilter::parse(&get("status").unwrap_or_default()))
        }
    }
}

/// Link to a candidate's page.
pub fn candidate_href(job_id: &JobId) -> String {
    format!(
        "candidates.html?job={}",
        js_sys::encode_uri_component(job_id.as_str())
    )
}

/// Link to a position's pipeline.
pub fn pipeline_href(position_id: PositionId) -> String {
    format!("candidates.html?position={position_id}")
}

/// What the page loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Load {
    Loading,
    Loaded(CandidateList),
    Failed(String),
}

async fn fetch(refresh_status: bool) -> Load {
    match bridge::call(&ListCandidates { refresh_status }).await {
        Ok(reply) => Load::Loaded(reply.list),
        Err(e) => Load::Failed(e.sentence()),
    }
}

/// A position's pipeline, or the sentence saying why it could not be read.
async fn fetch_pipeline(
    position_id: PositionId,
    refresh: bool,
) -> Result<PositionPipeline, String> {
    bridge::call(&ListPipeline {
        position_id,
        refresh,
    })
    .await
    .map(|reply| reply.pipeline)
    .map_err(|e| e.sentence())
}

/// Shared state of the page's views, provided as context by [`CandidatesPage`].
#[derive(Clone, Copy)]
struct Ctx {
    load: RwSignal<Load>,
    /// The pipeline of the position shown (pipeline view only), or why it could not be read.
    pipeline: RwSignal<Option<Result<PositionPipeline, String>>>,
    /// The position of the pipeline view.
    pipeline_of: StoredValue<Option<PositionId>>,
    outcome: RwSignal<Option<ExportOutcome>>,
    pending: RwSignal<Option<PendingExport>>,
}

impl Ctx {
    fn rows(&self) -> Vec<CandidateRow> {
        self.load.with(|l| match l {
            Load::Loaded(list) => list.rows.clone(),
            _ => Vec::new(),
        })
    }

    /// The menu of a row: open the candidate / the pipeline, and "Export to Personio" when allowed.
    fn menu(&self, row: &CandidateRow, place: &str) -> impl IntoView {
        let c = &row.candidate;
        let mut items = Vec::new();
        if place != "candidate" {
            items.push(MenuItem {
                action: "open",
                label: t("menuOpenCandidate"),
                on_select: MenuAction::Link(candidate_href(&c.job_id)),
            });
        }
        if place != "pipeline" {
            items.push(MenuItem {
                action: "pipeline",
                label: t("menuOpenPipeline"),
                on_select: MenuAction::Link(pipeline_href(c.position.id)),
            });
        }
        if row.can_export() {
            let pending = self.pending;
            let row = row.clone();
            items.push(MenuItem {
                action: "export",
                label: t("menuExport"),
                on_select: MenuAction::Run(Callback::new(move |opener_id: String| {
                    pending.set(Some(PendingExport {
                        row: row.clone(),
                        opener_id,
                    }))
                })),
            });
        }
        let id = format!("menu-{place}-{}", c.job_id);
        view! {
            <ActionMenu id=id label=t("actionsMenu") aria_label=t_with("actionsFor", &[&c.name()]) items=items />
        }
    }

    fn export(&self, job_id: JobId) {
        let ctx = *self;
        let pending = ctx.pending.get_untracked();
        ctx.pending.set(None);
        let name = pending
            .as_ref()
            .map(|p| p.row.candidate.name())
            .unwrap_or_default();
        ctx.outcome
            .set(Some(ExportOutcome::Running { name: name.clone() }));
        spawn_local(async move {
            let outcome = match bridge::call(&ExportCandidate { job_id }).await {
                Ok(ExportReply::Exported { report }) => ExportOutcome::Exported(report),
                Ok(ExportReply::ExportRefused { refusal }) => {
                    ExportOutcome::Refused { name, refusal }
                }
                Err(BridgeError::Personio(error)) => ExportOutcome::Failed { name, error },
                Err(other) => ExportOutcome::Broken {
                    name,
                    message: other.sentence(),
                },
            };
            // Show the new state (exported, no action any more) before the outcome, so that the page is
            // settled when the outcome is announced.
            let reloaded = fetch(false).await;
            if let Some(position) = ctx.pipeline_of.get_value() {
                ctx.pipeline
                    .set(Some(fetch_pipeline(position, false).await));
            }
            if matches!(reloaded, Load::Loaded(_)) {
                ctx.load.set(reloaded);
            }
            ctx.outcome.set(Some(outcome));
        });
    }
}

/// The status cell: the status, the stage, why it is unknown, and the export when done.
fn status_cell(row: &CandidateRow) -> impl IntoView {
    let stage = row.status.stage().map(stage_label);
    let why = unknown_reason(&row.status);
    let exported = row.export.as_ref().filter(|e| e.complete).map(|e| {
        view! { <span class="badge exported">{t_with("exportedBadge", &[&e.employee_id.to_string()])}</span> }
    });
    view! {
        <span class=format!("status-pill status-{}", row.status.key())>{status_text(&row.status)}</span>
        {stage.map(|s| view! { <span class="muted">{format!(" · {s}")}</span> })}
        {why.map(|w| view! { <span class="muted status-why">{format!(" ({w})")}</span> })}
        " "
        {exported}
    }
}

/// Why statuses are unknown, when they are.
fn source_notice(source: &StatusSource) -> Option<impl IntoView> {
    match source {
        StatusSource::Personio => None,
        StatusSource::NeedsV2 => Some(view! {
            <p class="notice warning" id="status-source" role="status">{t("statusNeedsV2")}</p>
        }.into_any()),
        StatusSource::Failed { error } => Some(view! {
            <p class="notice warning" id="status-source" role="status">{t_with("statusFailed", &[&error.to_string()])}</p>
        }.into_any()),
    }
}

/// The candidates list with its status filter.
#[component]
fn ListView(
    /// The filter.
    filter: RwSignal<StatusFilter>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <h2 id="view-title">{t("candidatesListTitle")}</h2>
        <div class="field filter">
            <label for="status-filter">{t("candidatesFilterLabel")}</label>
            <select
                id="status-filter"
                name="status"
                prop:value=move || filter.get().as_str()
                on:change=move |ev| filter.set(StatusFilter::parse(&event_target_value(&ev)))
            >
                {StatusFilter::ALL.into_iter().map(|f| view! {
                    <option value=f.as_str() selected=move || filter.get() == f>{filter_text(f)}</option>
                }).collect_view()}
            </select>
        </div>
        {move || {
            let all = ctx.rows();
            let rows = filter_rows(&all, filter.get());
            if all.is_empty() {
                view! { <p class="muted" id="candidates-empty">{t("candidatesEmpty")}</p> }.into_any()
            } else if rows.is_empty() {
                view! { <p class="muted" id="candidates-empty">{t("candidatesNoMatch")}</p> }.into_any()
            } else {
                view! {
                    <table class="candidates" aria-labelledby="view-title">
                        <thead>
                            <tr>
                                <th scope="col">{t("colName")}</th>
                                <th scope="col">{t("colPosition")}</th>
                                <th scope="col">{t("colStatus")}</th>
                                <th scope="col">{t("colActions")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let c = row.candidate.clone();
                                view! {
                                    <tr data-job=c.job_id.to_string() data-email=c.email.clone() data-status=row.status.key()>
                                        <th scope="row"><a href=candidate_href(&c.job_id)>{c.name()}</a>
                                            <br /><span class="muted">{c.email.clone()}</span></th>
                                        <td><a href=pipeline_href(c.position.id)>{c.position.name.clone()}</a></td>
                                        <td>{status_cell(&row)}</td>
                                        <td>{ctx.menu(&row, "list")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        }}
        <PositionsNav />
    }
}

/// Links to each position's pipeline: the positions of the imported candidates, then the other
/// published positions (their pipelines show the company's applications).
#[component]
fn PositionsNav() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The published positions add links; without them the nav still lists the candidates' positions.
    let published = RwSignal::new(None);
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        published.set(Some(bridge::call(&ListPositions { refresh: false }).await));
    });
    let published = move || match published.get() {
        Some(Ok(reply)) => reply.positions,
        Some(Err(e)) => {
            web_sys::console::warn_1(&format!("positions: {}", e.sentence()).into());
            Vec::new()
        }
        None => Vec::new(),
    };
    move || {
        let mut positions = positions_of(&ctx.rows());
        for p in published() {
            if !positions.iter().any(|known| known.id == p.id) {
                positions.push(sourcing_core::outbox::PositionChoice {
                    id: p.id,
                    name: p.name,
                });
            }
        }
        (!positions.is_empty()).then(|| {
            view! {
                <nav class="positions" aria-labelledby="positions-title">
                    <h2 id="positions-title">{t("pipelinesTitle")}</h2>
                    <ul>
                        {positions.into_iter().map(|p| view! {
                            <li><a href=pipeline_href(p.id)>{p.name}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}

/// One candidate's page.
#[component]
fn CandidateView(
    /// The candidate's job id.
    job_id: JobId,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let Some(row) = ctx
            .rows()
            .into_iter()
            .find(|r| r.candidate.job_id == job_id)
        else {
            return view! { <p class="error" role="alert" id="candidate-missing">{t("candidateNotFound")}</p> }.into_any();
        };
        let c = row.candidate.clone();
        let field_error = move |field: &'static str| {
            move || {
                ctx.outcome.with(|o| {
                    o.as_ref().and_then(|o| {
                        failure_messages(o)
                            .into_iter()
                            .find(|(f, _)| f == field)
                            .map(|(_, m)| m)
                    })
                })
            }
        };
        let hired_on = match &row.status {
            sourcing_core::hris::CandidateStatus::Known { since: Some(d), .. }
                if sourcing_core::hris::is_hired(&row.status) =>
            {
                Some(d.clone())
            }
            _ => None,
        };
        let cv = match (row.cv_kept, c.cv_name.clone()) {
            (true, Some(name)) => t_with("candidateCvKept", &[&name]),
            (false, Some(name)) => t_with("candidateCvGone", &[&name]),
            (_, None) => t("candidateNoCv"),
        };
        view! {
            <article class="candidate" aria-labelledby="view-title" data-job=c.job_id.to_string() data-status=row.status.key()>
                <div class="candidate-head">
                    <h2 id="view-title">{c.name()}</h2>
                    {ctx.menu(&row, "candidate")}
                </div>
                <dl class="receipt candidate-details">
                    <dt>{t(field_key("email"))}</dt>
                    <dd data-field="email">{c.email.clone()}<p class="field-error" id="candidate-email-error">{field_error("email")}</p></dd>
                    <dt>{t(field_key("position"))}</dt>
                    <dd data-field="position"><a href=pipeline_href(c.position.id)>{c.position.name.clone()}</a></dd>
                    <dt>{t(field_key("status"))}</dt>
                    <dd data-field="status">{status_cell(&row)}<p class="field-error" id="candidate-status-error">{field_error("status")}</p></dd>
                    {hired_on.map(|d| view! { <dt>{t("candidateHiredOn")}</dt><dd data-field="hired_on">{d}</dd> })}
                    <dt>{t(field_key("phone"))}</dt>
                    <dd data-field="phone">{c.phone.clone().unwrap_or_else(|| t("notExportedNotKnown"))}</dd>
                    <dt>{t(field_key("location"))}</dt>
                    <dd data-field="location">{c.location.clone().unwrap_or_else(|| t("notExportedNotKnown"))}</dd>
                    <dt>{t(field_key("document"))}</dt>
                    <dd data-field="document">{cv}</dd>
                    <dt>{t("candidateProfile")}</dt>
                    <dd><a href=c.profile_url.clone() target="_blank" rel="noopener noreferrer">{c.profile_url.clone()}</a></dd>
                </dl>
            </article>
        }.into_any()
    }
}

/// What Personio's list of the company's applications covered, when it is not everything.
fn coverage_notice(pipeline: &PositionPipeline) -> Option<impl IntoView> {
    let mut lines = Vec::new();
    match &pipeline.company {
        None if pipeline.source == StatusSource::Personio => lines.push(t("pipelineCompanyUnread")),
        None => {}
        Some(c) => {
            if !c.complete {
                lines.push(t_with("pipelineCompanyPartial", &[&c.scanned.to_string()]));
            }
            if c.without_position > 0 {
                lines.push(t_with(
                    "pipelineWithoutJob",
                    &[&c.without_position.to_string()],
                ));
            }
            if c.unreadable > 0 {
                lines.push(t_with("pipelineUnreadable", &[&c.unreadable.to_string()]));
            }
        }
    }
    (!lines.is_empty()).then(|| {
        view! {
            <div class="notice info" id="pipeline-coverage" role="status">
                {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
            </div>
        }
    })
}

/// One card of a stage: ours (with the menu in the hired stage) or sourced elsewhere.
fn card_view(ctx: Ctx, card: PipelineCard, hired: bool) -> impl IntoView {
    let name = card.name().unwrap_or_else(|| t("pipelineNoName"));
    let email = card.email().unwrap_or_default();
    let application = card.application.as_ref().map(|a| a.id.clone());
    match card.row {
        Some(row) => {
            let c = row.candidate.clone();
            view! {
                <li class="stage-card" data-job=c.job_id.to_string() data-email=email.clone() data-application=application>
                    <a href=candidate_href(&c.job_id)>{name}</a>
                    <span class="muted">{email.clone()}</span>
                    {row.export.as_ref().filter(|e| e.complete).map(|e| view! {
                        <span class="badge exported">{t_with("exportedBadge", &[&e.employee_id.to_string()])}</span>
                    })}
                    // The export action lives in the hired stage only.
                    {hired.then(|| ctx.menu(&row, "pipeline"))}
                </li>
            }
            .into_any()
        }
        None => view! {
            <li class="stage-card elsewhere" data-email=email.clone() data-application=application>
                <span>{name}</span>
                <span class="muted">{email.clone()}</span>
                <span class="badge">{t("pipelineSourcedElsewhere")}</span>
            </li>
        }
        .into_any(),
    }
}

/// A position's pipeline: its candidates and the company's applications, grouped by stage.
#[component]
fn PipelineView(
    /// The position.
    position_id: PositionId,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let pipeline = match ctx.pipeline.get() {
            None => {
                return view! { <p class="status" role="status">{t("statusLoading")}</p> }
                    .into_any()
            }
            Some(Err(sentence)) => {
                return view! { <p class="error" role="alert" id="pipeline-failed">{sentence}</p> }
                    .into_any()
            }
            Some(Ok(pipeline)) => pipeline,
        };
        let name = pipeline
            .position_name
            .clone()
            .unwrap_or_else(|| format!("#{position_id}"));
        let notice = coverage_notice(&pipeline);
        let groups = pipeline.groups.clone();
        view! {
            <h2 id="view-title">{t_with("pipelineTitle", &[&name])}</h2>
            {notice}
            {groups.is_empty().then(|| view! { <p class="muted" id="candidates-empty">{t("pipelineEmpty")}</p> })}
            <div class="pipeline">
                {groups.into_iter().map(|g| {
                    let title = match g.id.as_str() {
                        "unknown" => t("candidateStatusUnknown"),
                        "not_found" => t("candidateStatusNotFound"),
                        _ => g.stage.as_ref().map(stage_label).unwrap_or_else(|| g.id.clone()),
                    };
                    let heading_id = format!("stage-{}", g.id.replace([':', ' '], "-"));
                    let labelled_by = heading_id.clone();
                    let count = g.cards.len().to_string();
                    let hired = g.hired;
                    view! {
                        <section class="stage" class:stage-hired=hired data-stage=g.id.clone() data-outcome=format!("{:?}", g.outcome).to_lowercase() aria-labelledby=labelled_by>
                            <h3 id=heading_id>
                                {title}
                                {hired.then(|| view! { <span class="badge">{t("candidateStatusHired")}</span> })}
                                <span class="muted">{format!(" ({count})")}</span>
                            </h3>
                            <ul>
                                {g.cards.into_iter().map(|card| card_view(ctx, card, hired)).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view()}
            </div>
        }
        .into_any()
    }
}

/// The candidates page.
#[component]
pub fn CandidatesPage() -> impl IntoView {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let route = Route::parse(&search);
    let ctx = Ctx {
        load: RwSignal::new(Load::Loading),
        pipeline: RwSignal::new(None),
        pipeline_of: StoredValue::new(match &route {
            Route::Pipeline(id) => Some(*id),
            _ => None,
        }),
        outcome: RwSignal::new(None),
        pending: RwSignal::new(None),
    };
    provide_context(ctx);
    let filter = RwSignal::new(match &route {
        Route::List(f) => *f,
        _ => StatusFilter::All,
    });
    let reload = move |refresh: bool| {
        spawn_local(async move {
            ctx.load.set(Load::Loading);
            let loaded = fetch(refresh).await;
            // The pipeline reads the statuses the list just refreshed (cached), plus Personio's list.
            if let Some(position) = ctx.pipeline_of.get_value() {
                ctx.pipeline
                    .set(Some(fetch_pipeline(position, false).await));
            }
            ctx.load.set(loaded);
        })
    };
    reload(true);

    let on_confirm = Callback::new(move |job_id: JobId| ctx.export(job_id));
    let on_cancel = Callback::new(move |_| {
        if let Some(p) = ctx.pending.get_untracked() {
            ctx.pending.set(None);
            refocus(&p.opener_id);
        }
    });
    let back = (!matches!(route, Route::List(_))).then(|| {
        view! { <p><a href="candidates.html" id="back-to-list">{t("candidatesBackToList")}</a></p> }
    });
    let body = move || match ctx.load.get() {
        Load::Loading => {
            view! { <p class="status" role="status">{t("statusLoading")}</p> }.into_any()
        }
        Load::Failed(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
        Load::Loaded(list) => {
            let notice = source_notice(&list.source);
            let view = match route.clone() {
                Route::List(_) => view! { <ListView filter=filter /> }.into_any(),
                Route::Candidate(job_id) => view! { <CandidateView job_id=job_id /> }.into_any(),
                Route::Pipeline(position_id) => {
                    view! { <PipelineView position_id=position_id /> }.into_any()
                }
            };
            view! { {notice} {view} }.into_any()
        }
    };
    view! {
        <header class="app-header">
            <h1>{t("candidatesTitle")}</h1>
            <div class="header-actions">
                <button type="button" id="refresh-status" on:click=move |_| reload(true)>{t("candidatesRefresh")}</button>
                " "
                <button type="button" id="header-settings" on:click=|_| spawn_local(async {
                    let _ = webext::runtime::open_options_page().await;
                })>{t("settingsShort")}</button>
            </div>
        </header>
        <main class="candidates-main">
            {back}
            <p class="help">{t("candidatesIntro")}</p>
            <OutcomeView outcome=ctx.outcome />
            {body}
            {move || ctx.pending.get().map(|pending| view! {
                <ConfirmExport pending=pending on_confirm=on_confirm on_cancel=on_cancel />
            })}
        </main>
    }
}
