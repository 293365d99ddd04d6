//! The console's one table: a filter, sortable headers, a count, pages with their size, all
//! kept in the URL; the rows are [`Row`]s, whatever they list.

use super::table::{Cell, PAGE_SIZES, Row, Sort, TableState, page_links, page_of};
use crate::components::link::A;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

/// The table's state, read from the URL.
#[derive(Clone, Copy)]
struct TableUrl {
    state: Memo<TableState>,
}

impl TableUrl {
    fn read() -> Self {
        // The location's query, not the route's: a page is built as its path changes, before
        // the route's own copy of the query follows (see `routing::PagePath`).
        let query = use_location().query;
        Self { state: Memo::new(move |_| TableState::from_query(&*query.read())) }
    }

    /// The URL of the state after `change`, the router's base included.
    fn url(self, change: impl FnOnce(&mut TableState)) -> String {
        let mut state = self.state.get_untracked();
        change(&mut state);
        let (path, query) = (use_location().pathname.get_untracked(), state.to_query());
        if query.is_empty() { path } else { format!("{path}?{query}") }
    }

    /// Replaces the URL (no new history entry, no scroll jump) with a changed state.
    fn set(self, change: impl FnOnce(&mut TableState)) {
        // The path already carries the router's base: taken as it is, not resolved again.
        let options = NavigateOptions { replace: true, scroll: false, resolve: false, ..Default::default() };
        use_navigate()(&self.url(change), options);
    }
}

/// A column: its key in the URL's `sort` (none: it does not sort), its header, and whether
/// the filter looks in it.
#[derive(Debug, Clone)]
pub struct Column {
    key: &'static str,
    label: String,
    searched: bool,
}

impl Column {
    pub fn sorted(key: &'static str, label: impl Into<String>) -> Self {
        Self { key, label: label.into(), searched: false }
    }

    pub fn plain(label: impl Into<String>) -> Self {
        Self::sorted("", label)
    }

    /// The name column: first, sorted by `name`, searched.
    pub fn name(label: impl Into<String>) -> Self {
        Self::sorted("name", label).searched()
    }

    pub fn searched(self) -> Self {
        Self { searched: true, ..self }
    }
}

/// What a table lists, in words: "virtual service", "virtual services".
#[derive(Debug, Clone)]
pub struct Nouns {
    pub one: &'static str,
    pub many: String,
}

impl Nouns {
    pub fn new(one: &'static str, many: impl Into<String>) -> Self {
        Self { one, many: many.into() }
    }

    fn count(&self, matching: usize, total: usize) -> String {
        match (matching == total, total == 1) {
            (true, true) => format!("1 {}", self.one),
            (true, false) => format!("{total} {}", self.many),
            (false, _) => format!("{matching} of {total} {} match", self.many),
        }
    }
}

#[component]
pub fn DataTable(
    /// The table's name: its region's and (unseen) its caption.
    #[prop(into)]
    title: String,
    nouns: Nouns,
    columns: Vec<Column>,
    rows: Vec<Row>,
) -> impl IntoView {
    let table = TableUrl::read();
    let total = rows.len();
    let searched: Vec<usize> = columns.iter().enumerate().filter(|(_, column)| column.searched).map(|(index, _)| index).collect();
    let keys: Vec<&'static str> = columns.iter().map(|column| column.key).collect();
    let page = Memo::new(move |_| {
        let state = table.state.get();
        let sort = state
            .sort
            .as_ref()
            .and_then(|sort| keys.iter().position(|key| !key.is_empty() && *key == sort.column).map(|index| (index, sort.direction)));
        page_of(&rows, &searched, sort, &state)
    });
    let (one, filter_label) = (nouns.one, format!("Filter {}", nouns.many));
    view! {
        <div class="table-tools">
            <div class="field">
                <label for="filter">{filter_label}</label>
                // The attribute too: a page drawn as HTML by the server has no properties.
                <input id="filter" type="search" autocomplete="off" value=table.state.read_untracked().filter.clone()
                    prop:value=move || table.state.read().filter.clone()
                    on:input:target=move |event| table.set(|state| { state.filter = event.target().value(); state.page = 1; }) />
            </div>
        </div>
        <p class="status" role="status">{move || nouns.count(page.read().matching, total)}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=title.clone()>
            <table class="table">
                <caption class="visually-hidden">{title.clone()}</caption>
                <thead><tr>{columns.into_iter().map(|column| header(column, table)).collect_view()}</tr></thead>
                <tbody>
                    {move || page.get().rows.into_iter().map(|row| view! {
                        <tr>{row.0.into_iter().map(|cell| view! { <td>{cell_view(cell)}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || (page.read().matching == 0).then(|| view! {
            <div class="empty">
                <p>{format!("No {one} matches the filter.")}</p>
                <button type="button" class="button" on:click=move |_| table.set(|state| { state.filter.clear(); state.page = 1; })>"Clear filter"</button>
            </div>
        })}
        <Pages table=table pages=Signal::derive(move || page.read().pages) page=Signal::derive(move || page.read().page) />
    }
}

/// A column's header: a button when it sorts, with `aria-sort` on the sorted column only.
fn header(column: Column, table: TableUrl) -> impl IntoView {
    let Column { key, label, .. } = column;
    if key.is_empty() {
        return view! { <th scope="col">{label}</th> }.into_any();
    }
    view! {
        <th scope="col" aria-sort=move || Sort::aria_sort(table.state.read().sort.as_ref(), key)>
            <button type="button" on:click=move |_| table.set(|state| state.sort = Some(Sort::toggled(state.sort.as_ref(), key)))>{label}</button>
        </th>
    }
    .into_any()
}

fn cell_view(cell: Cell) -> impl IntoView {
    match cell {
        Cell::Text(text) => text.into_any(),
        Cell::Status(text) => view! { <span class="status-active">{text}</span> }.into_any(),
        Cell::Badged(text, badge) => view! { {text} " " <span class="badge">{badge}</span> }.into_any(),
        Cell::Link { before, text, href, after } => view! { {before} <A href=href>{text}</A> {after} }.into_any(),
    }
}

/// Previous and Next, a link to every page (the current one marked), and the page size.
#[component]
fn Pages(table: TableUrl, pages: Signal<usize>, page: Signal<usize>) -> impl IntoView {
    let go = move |number: usize| table.set(|state| state.page = number);
    let page_size = move || table.state.read().page_size;
    view! {
        <div class="pagination">
            {move || (pages.get() > 1).then(|| view! {
                <nav aria-label="Pagination">
                    <ul>
                        <li><button type="button" class="button" disabled=move || page.get() == 1 on:click=move |_| go(page.get_untracked() - 1)>"Previous"</button></li>
                        {move || page_links(page.get(), pages.get()).into_iter().map(|link| match link {
                            Some(number) => view! {
                                <li>
                                    <a href=move || { table.state.track(); table.url(|state| state.page = number) } aria-current=move || (page.get() == number).then_some("page")
                                        aria-label=format!("Page {number}")
                                        on:click=move |event| { event.prevent_default(); go(number); }>{number}</a>
                                </li>
                            }.into_any(),
                            None => view! { <li aria-hidden="true">"…"</li> }.into_any(),
                        }).collect_view()}
                        <li><button type="button" class="button" disabled=move || page.get() == pages.get() on:click=move |_| go(page.get_untracked() + 1)>"Next"</button></li>
                    </ul>
                </nav>
            })}
            <div class="field page-size">
                <label for="page-size">"Rows per page"</label>
                <select id="page-size" on:change:target=move |event| {
                    let size = event.target().value().parse().unwrap_or(PAGE_SIZES[0]);
                    table.set(|state| { state.page_size = size; state.page = 1; });
                }>
                    {PAGE_SIZES.map(|size| view! { <option value=size.to_string() selected=move || page_size() == size>{size}</option> }).collect_view()}
                </select>
            </div>
        </div>
    }
}
