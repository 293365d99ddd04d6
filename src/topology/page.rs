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

/// The visible part of the drawing: x, y, width, height. Whole numbers: formatting floats
/// would cost the bundle more than all of this page.
pub type ViewBox = (i32, i32, i32, i32);

/// The whole drawing, with room for the column titles above it.
fn fit(topology: &Topology) -> ViewBox {
    (-10, -30, topology.width + 20, topology.height + 40)
}

/// `view_box` zoomed by `numerator / denominator` (below 1: in) about its centre.
fn zoomed((x, y, width, height): ViewBox, numerator: i32, denominator: i32) -> ViewBox {
    let (new_width, new_height) = ((width * numerator / denominator).max(40), (height * numerator / denominator).max(20));
    (x + (width - new_width) / 2, y + (height - new_height) / 2, new_width, new_height)
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
        let path = crate::api::appmesh::mesh_url("", &address, &format!("/topology?focus={}", encode(&focus.get())));
        console_call::<Topology>(&*backend, path, None)
    });
    let view_box = RwSignal::new((0, 0, 1, 1));
    let dragging = RwSignal::new(None::<(i32, i32)>);
    let choose_focus = Callback::new(move |service: String| routing::redirect(&routing::topology(&mesh.get_untracked(), &service)));
    view! {
        <section class="page">
            <div class="page-header">
                <h1 tabindex="-1">"Topology"</h1>
                <A href=move || routing::checks(&mesh.get()) attr:class="button">"Checks"</A>
            </div>
            {async_view_of(topology, move |topology: Topology| {
                view_box.set(fit(&topology));
                let whole = fit(&topology);
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
                            <button type="button" class="button" on:click=move |_| view_box.update(|current| *current = zoomed(*current, 4, 5))>"Zoom in"</button>
                            <button type="button" class="button" on:click=move |_| view_box.update(|current| *current = zoomed(*current, 5, 4))>"Zoom out"</button>
                            <button type="button" class="button" on:click=move |_| view_box.set(whole)>"Fit to screen"</button>
                        </div>
                    </div>
                    {empty.then(|| view! { <p>"This mesh holds nothing to draw yet."</p> })}
                    <div class="topology-frame"
                        on:pointerdown=move |event| dragging.set(Some((event.client_x(), event.client_y())))
                        on:pointerup=move |_| dragging.set(None)
                        on:pointerleave=move |_| dragging.set(None)
                        on:pointermove=move |event| {
                            let Some((from_x, from_y)) = dragging.get_untracked() else { return };
                            let (x, y) = (event.client_x(), event.client_y());
                            dragging.set(Some((x, y)));
                            // About one unit of the drawing per pixel at the whole drawing's scale.
                            view_box.update(|(left, top, width, _)| {
                                *left -= (x - from_x) * *width / 1000;
                                *top -= (y - from_y) * *width / 1000;
                            });
                        }>
                        {graph_view(&mesh_name, topology, view_box.into())}
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
    fn zooming_keeps_the_centre() {
        let zoomed_in = zoomed((0, 0, 100, 50), 1, 2);
        assert_eq!(zoomed_in, (25, 12, 50, 25));
        assert_eq!(zoomed(zoomed_in, 2, 1), (0, 0, 100, 50));
        assert_eq!(zoomed((0, 0, 100, 50), 1, 100), (30, 15, 40, 20), "never smaller than a box");
    }
}
