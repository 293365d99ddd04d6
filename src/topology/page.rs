//! The topology page: the graph with zoom, pan (drag) and fit, a focus on one virtual service
//! (what it reaches and what reaches it, kept in the URL as `focus=`), and every connection
//! as a table for screen readers and for copying.

use super::graph::{Topology, graph_view, kind_title};
use crate::api::{console_call, load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::link::A;
use crate::components::select_field::SelectField;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use mesh_engine::percent::encode;

/// The drawing's size in percent after a zoom step in (`larger`) or out: a fifth each time,
/// between a tenth and four times its size.
fn zoomed(percent: i32, larger: bool) -> i32 {
    let next = if larger { percent * 5 / 4 } else { percent * 4 / 5 };
    next.clamp(10, 400)
}

/// The size in percent at which a drawing `width` wide fills a frame `frame_width` wide (never
/// larger than its own size).
fn fitted(frame_width: i32, width: i32) -> i32 {
    (frame_width * 100 / width.max(1)).clamp(10, 100)
}

/// Each box's readable name by its id, for the connections table.
fn names(topology: &Topology) -> Vec<(String, String)> {
    topology.boxes.iter().map(|graph_box| (graph_box.id.clone(), format!("{} {}", kind_title(&graph_box.kind), graph_box.name))).collect()
}

#[component]
pub fn TopologyPage() -> impl IntoView {
    let (backend, address, mesh) = (use_backend(), use_mesh_address(), use_mesh());
    let query = use_location().query;
    let focus = Memo::new(move |_| query.read().get("focus").unwrap_or_default());
    let topology = load(move || {
        let focus = focus.get();
        let focus = if focus.is_empty() { String::new() } else { format!("?focus=virtualService/{}", encode(&focus)) };
        let path = crate::api::appmesh::mesh_url("", &address, &format!("/topology{focus}"));
        let answer = console_call(&*backend, path, None);
        Box::pin(async move { Ok(Topology::read(&answer.await?)) })
    });
    let zoom = RwSignal::new(100);
    let frame = NodeRef::<leptos::html::Div>::new();
    let dragging = RwSignal::new(None::<(i32, i32)>);
    let choose_focus = Callback::new(move |service: String| routing::redirect(&routing::topology(&mesh.get_untracked(), &service)));
    view! {
        <section class="page">
            <div class="page-header">
                <h1 tabindex="-1">"Topology"</h1>
                <A href=move || routing::checks(&mesh.get()) attr:class="button">"Checks"</A>
            </div>
            {async_view_of(topology, move |topology: Topology| {
                let width = topology.width + 20;
                let fit = move || {
                    if let Some(frame) = frame.get_untracked() {
                        zoom.set(fitted(frame.client_width(), width));
                    }
                };
                let services: Vec<(String, String)> = std::iter::once((String::new(), "None: the whole mesh".to_string()))
                    .chain(topology.boxes.iter().filter(|graph_box| graph_box.kind == "virtualService" && !graph_box.id.starts_with("backend/") && !graph_box.missing)
                        .map(|graph_box| (graph_box.name.clone(), graph_box.name.clone())))
                    .collect();
                let names = names(&topology);
                let name_of = move |id: &str| names.iter().find(|(key, _)| key == id).map(|(_, name)| name.clone()).unwrap_or_else(|| id.to_string());
                let rows = topology.edges.iter().map(|edge| view! {
                    <tr><td>{name_of(&edge.from)}</td><td>{name_of(&edge.to)}</td><td>{edge.text()}</td></tr>
                }).collect_view();
                let empty = topology.boxes.is_empty();
                let mesh_name = mesh.get_untracked();
                view! {
                    <div class="topology-tools">
                        <SelectField id="focus" label="Highlight a virtual service" options=services selected=focus.get_untracked() on_change=choose_focus />
                        <div class="actions">
                            <button type="button" class="button" on:click=move |_| zoom.update(|percent| *percent = zoomed(*percent, true))>"Zoom in"</button>
                            <button type="button" class="button" on:click=move |_| zoom.update(|percent| *percent = zoomed(*percent, false))>"Zoom out"</button>
                            <button type="button" class="button" on:click=move |_| fit()>"Fit to screen"</button>
                        </div>
                    </div>
                    {empty.then(|| view! { <p>"This mesh holds nothing to draw yet."</p> })}
                    // Drag to pan: the frame scrolls over the drawing.
                    <div class="topology-frame" node_ref=frame
                        on:pointerdown=move |event| dragging.set(Some((event.client_x(), event.client_y())))
                        on:pointerup=move |_| dragging.set(None)
                        on:pointerleave=move |_| dragging.set(None)
                        on:pointermove=move |event| {
                            let Some((from_x, from_y)) = dragging.get_untracked() else { return };
                            let (x, y) = (event.client_x(), event.client_y());
                            dragging.set(Some((x, y)));
                            if let Some(frame) = frame.get_untracked() {
                                frame.set_scroll_left(frame.scroll_left() - (x - from_x));
                                frame.set_scroll_top(frame.scroll_top() - (y - from_y));
                            }
                        }>
                        {graph_view(&mesh_name, &topology, zoom.into())}
                    </div>
                    <h2>"Connections"</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Connections">
                        <table class="table">
                            <caption class="visually-hidden">"Connections"</caption>
                            <thead><tr><th scope="col">"From"</th><th scope="col">"To"</th><th scope="col">"Share or kind"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_stay_within_bounds() {
        assert_eq!((zoomed(100, true), zoomed(100, false)), (125, 80));
        assert_eq!((zoomed(400, true), zoomed(10, false)), (400, 10));
        assert_eq!(fitted(800, 1600), 50);
        assert_eq!(fitted(800, 400), 100, "a small drawing keeps its size");
        assert_eq!(fitted(0, 0), 10);
    }
}
