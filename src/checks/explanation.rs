//! `/checks/{code}`: what one configuration check looks for, why it matters to Envoy and App
//! Mesh, how to fix what it finds, and where App Mesh says so.

use crate::api::json::{list, text, texts};
use crate::api::{console_call, load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::link::A;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::percent::encode;
use serde_json::Value;

/// A check as the console's API explains it; its sources as (title, address).
#[derive(Debug, Clone, PartialEq)]
struct Check {
    code: String,
    severity: String,
    title: String,
    why: Vec<String>,
    fix: Vec<String>,
    sources: Vec<(String, String)>,
}

impl Check {
    fn read(value: &Value) -> Self {
        Self {
            code: text(value, "code"),
            severity: text(value, "severity"),
            title: text(value, "title"),
            why: texts(value, "why"),
            fix: texts(value, "fix"),
            sources: list(value, "sources", |source| (text(source, "title"), text(source, "url"))),
        }
    }
}

fn paragraphs(texts: Vec<String>) -> impl IntoView {
    texts.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()
}

#[component]
pub fn CheckExplanation() -> impl IntoView {
    let backend = use_backend();
    let path = routing::use_app_path();
    let code = Memo::new(move |_| routing::check_code_of_path(&path.get()).unwrap_or_default());
    let check = load(move || {
        let answer = console_call(&*backend, format!("/checks/{}", encode(&code.get())), None);
        Box::pin(async move { Ok(Check::read(&answer.await?)) })
    });
    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <ol><li><A href=routing::MESHES>"Meshes"</A></li><li aria-current="page">{move || code.get()}</li></ol>
            </nav>
            {async_view_of(check, |check: Check| {
                crate::web::set_title(&format!("{}: {}", check.code, check.title));
                view! {
                    <h1 tabindex="-1">{format!("{}: {}", check.code, check.title)}</h1>
                    <p>"Severity: "<strong>{crate::components::findings::severity_title(&check.severity)}</strong></p>
                    <h2>"Why it matters"</h2>
                    {paragraphs(check.why)}
                    <h2>"How to fix it"</h2>
                    {paragraphs(check.fix)}
                    {(!check.sources.is_empty()).then(|| view! {
                        <h2>"Sources"</h2>
                        <ul>{check.sources.into_iter().map(|(title, url)| view! { <li><a href=url>{title}</a></li> }).collect_view()}</ul>
                    })}
                }
            })}
        </section>
    }
}
