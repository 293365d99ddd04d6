//! The table of a mesh's virtual routers or virtual nodes: filter, sort and page in the URL.

use crate::api::Loaded;
use crate::components::async_view::async_view_of;
use crate::components::data_table::{FilterBox, Pagination, SortHeader, TableUrl};
use crate::components::format::format_timestamp;
use crate::components::link::A;
use crate::components::table::{TableRow, natural_cmp, page_of};
use crate::meshes::layout::use_mesh;
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::{ProviderKind, Timestamp};
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRow {
    pub name: String,
    pub last_updated: Timestamp,
    pub resource_owner: String,
    pub version: u64,
}

impl TableRow for ResourceRow {
    fn search_text(&self) -> String {
        self.name.clone()
    }

    fn compare(&self, other: &Self, column: &str) -> Ordering {
        match column {
            "lastUpdated" => self.last_updated.cmp(&other.last_updated),
            "owner" => self.resource_owner.cmp(&other.resource_owner),
            _ => natural_cmp(&self.name, &other.name),
        }
        .then_with(|| natural_cmp(&self.name, &other.name))
    }
}

#[component]
pub fn ResourceTable(kind: ProviderKind, rows: Loaded<Vec<ResourceRow>>) -> impl IntoView {
    let table = TableUrl::read();
    let mesh = use_mesh();
    let section = Section::from(kind);
    let noun = section.title().to_ascii_lowercase();
    let filter_label = format!("Filter {noun}");
    let name_label = format!("{} name", kind.title());
    view! {
        <section class="page">
            <div class="page-header">
                <h1>{section.title()}</h1>
                <A href=move || routing::create_in(&mesh.get(), section) attr:class="button button-primary">{format!("Create {}", kind.noun())}</A>
            </div>
            {async_view_of(rows, move |rows: Vec<ResourceRow>| {
                let noun = noun.clone();
                if rows.is_empty() {
                    return view! { <div class="empty"><p><strong>{format!("No {noun}")}</strong></p></div> }.into_any();
                }
                let page = Memo::new(move |_| page_of(rows.clone(), &table.filter.get(), table.sort.get().as_ref(), table.page.get()));
                view! {
                    <div class="table-tools">
                        <FilterBox id="filter" label=filter_label.clone() table=table />
                    </div>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=section.title()>
                        <table class="table">
                            <caption class="visually-hidden">{section.title()}</caption>
                            <thead><tr>
                                <SortHeader column="name" label=name_label.clone() table=table />
                                <SortHeader column="lastUpdated" label="Last updated" table=table />
                                <SortHeader column="owner" label="Resource owner" table=table />
                                <th scope="col">"Version"</th>
                            </tr></thead>
                            <tbody>
                                {move || page.get().rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td><A href=routing::resource(&mesh.get(), section, &row.name)>{row.name.clone()}</A></td>
                                        <td>{format_timestamp(row.last_updated)}</td>
                                        <td>{row.resource_owner.clone()}</td>
                                        <td>{row.version}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pagination table=table pages=Signal::derive(move || page.get().pages) page=Signal::derive(move || page.get().page) />
                }.into_any()
            })}
        </section>
    }
}
