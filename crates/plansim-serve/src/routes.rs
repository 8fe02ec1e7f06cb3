//! The routes: the list of plans, a what-if page per plan, the what-if and save requests, and
//! the embedded assets (script, style, font). Every route sits behind [`crate::guard`].

use crate::catalog::{Entry, Plan};
use crate::edits::Edits;
use crate::guard::{self, Guard};
use crate::page;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use plansim_core::lang::Lang;
use std::sync::Arc;

/// The largest request body accepted: a plan's every field edited fits in a tenth of it.
pub const MAX_BODY: usize = 256 * 1024;

/// What every handler sees.
pub struct App {
    pub entries: Vec<Entry>,
    pub lang: Lang,
}

/// The whole application, guarded.
pub fn app(entries: Vec<Entry>, lang: Lang, guard: Guard) -> Router {
    let state = Arc::new(App { entries, lang });
    Router::new()
        .route("/", get(index))
        .route("/plan/{e}/{p}", get(plan_page))
        .route("/api/{e}/{p}/whatif", post(whatif))
        .route("/api/{e}/{p}/save", post(save))
        .route("/font.otf", get(font))
        .route("/app.js", get(script))
        .route("/style.css", get(style))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(guard),
            guard::check,
        ))
        .with_state(state)
}

fn bad(status: StatusCode, msg: String) -> Response {
    (status, axum::Json(serde_json::json!({ "error": msg }))).into_response()
}

fn find(app: &App, e: usize, p: usize) -> Result<(&Entry, &Plan), Response> {
    app.entries
        .get(e)
        .and_then(|en| en.plans.get(p).map(|pl| (en, pl)))
        .ok_or_else(|| bad(StatusCode::NOT_FOUND, "no such plan".into()))
}

async fn index(State(app): State<Arc<App>>) -> Html<String> {
    Html(page::index(&app.entries, app.lang))
}

async fn plan_page(State(app): State<Arc<App>>, Path((e, p)): Path<(usize, usize)>) -> Response {
    match find(&app, e, p) {
        Ok((entry, plan)) => Html(page::plan(entry, plan, (e, p), app.lang)).into_response(),
        Err(r) => r,
    }
}

/// The edits read and checked against the plan: a 400 with the field's message otherwise.
fn read_edits(
    body: &[u8],
    plan: &Plan,
    lang: Lang,
) -> Result<(Edits, crate::edits::Rules), Response> {
    let edits: Edits = serde_json::from_slice(body)
        .map_err(|e| bad(StatusCode::BAD_REQUEST, format!("edits: {e}")))?;
    let bounds = crate::edits::Bounds {
        region: &plan.region,
        indicators: &plan.indicators,
        years: plan.years.clone(),
    };
    let rules = edits.rules(&bounds, lang).map_err(|r| {
        (
            StatusCode::BAD_REQUEST,
            axum::Json(serde_json::json!({ "error": r.message, "field": r.field })),
        )
            .into_response()
    })?;
    Ok((edits, rules))
}

async fn whatif(
    State(app): State<Arc<App>>,
    Path((e, p)): Path<(usize, usize)>,
    body: Bytes,
) -> Response {
    let app2 = app.clone();
    // the simulation is CPU work: off the threads that answer requests
    let done = tokio::task::spawn_blocking(move || -> Result<_, Response> {
        let (_, plan) = find(&app2, e, p)?;
        let (edits, rules) = read_edits(&body, plan, app2.lang)?;
        let now = plan
            .evaluate(&rules, app2.lang)
            .map_err(|e| bad(StatusCode::BAD_REQUEST, e.to_string()))?;
        let edited = !(rules.overrides.is_empty() && rules.shocks.is_empty());
        crate::whatif::answer(plan, now, edited, edits.focus.as_deref(), app2.lang)
            .map_err(|e| bad(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
    })
    .await;
    match done {
        // the page shows numbers as every other output writes them
        Ok(Ok(a)) => match plansim_core::format::json(&a) {
            Ok(v) => axum::Json(v).into_response(),
            Err(e) => bad(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        },
        Ok(Err(r)) => r,
        Err(e) => bad(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

async fn save(
    State(app): State<Arc<App>>,
    Path((e, p)): Path<(usize, usize)>,
    body: Bytes,
) -> Response {
    let (entry, plan) = match find(&app, e, p) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let rules = match read_edits(&body, plan, app.lang) {
        Ok((_, r)) => r,
        Err(r) => return r,
    };
    let name = format!("{}-whatif", entry.name);
    let text = rules.toml(&entry.path, &name, plan.seed, plan.draws);
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let file = format!("{stem}.toml");
    (
        [
            (
                header::CONTENT_TYPE,
                "application/toml; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        text,
    )
        .into_response()
}

async fn font() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "font/otf"),
            (header::CACHE_CONTROL, "private, max-age=86400"),
        ],
        plansim_report::chart::font::FONT_BYTES,
    )
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/app.js"),
    )
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../assets/style.css"),
    )
}
