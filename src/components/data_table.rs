//! The parts of a filterable, sortable, paged table whose state is in the URL.

use super::table::{Sort, TableState};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

/// The table's state, read from the URL.
#[derive(Clone, Copy)]
pub struct TableUrl {
    pub filter: Memo<String>,
    pub sort: Memo<Option<Sort>>,
    pub page: Memo<usize>,
}

impl TableUrl {
    pub fn read() -> Self {
        // The location's query, not the route's: a page is built as its path changes, before
        // the route's own copy of the query follows (see `routing::PagePath`).
        let query = use_location().query;
        let state = Memo::new(move |_| TableState::from_query(&*query.read()));
        Self {
            filter: Memo::new(move |_| state.read().filter.clone()),
            sort: Memo::new(move |_| state.read().sort.clone()),
            page: Memo::new(move |_| state.read().page),
        }
    }

    /// Replaces the URL (no new history entry, no scroll jump) with a changed state.
    pub fn set(self, filter: &str, sort: Option<&Sort>, page: usize) {
        let query = TableState { filter: filter.to_owned(), sort: sort.cloned(), page }.to_query();
        let path = use_location().pathname.get_untracked();
        let url = if query.is_empty() { path } else { format!("{path}?{query}") };
        // The path already carries the router's base: taken as it is, not resolved again.
        use_navigate()(&url, NavigateOptions { replace: true, scroll: false, resolve: false, ..Default::default() });
    }

    fn go_to_page(self, page: usize) {
        self.set(&self.filter.get_untracked(), self.sort.get_untracked().as_ref(), page);
    }
}

/// The filter box; typing goes back to the first page.
#[component]
pub fn FilterBox(id: &'static str, #[prop(into)] label: String, table: TableUrl) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                prop:value=move || table.filter.get()
                on:input:target=move |event| table.set(&event.target().value(), table.sort.get_untracked().as_ref(), 1)
            />
        </div>
    }
}

/// A column header that sorts: a button, with `aria-sort` on the sorted column only.
#[component]
pub fn SortHeader(column: &'static str, #[prop(into)] label: String, table: TableUrl) -> impl IntoView {
    view! {
        <th scope="col" aria-sort=move || Sort::aria_sort(table.sort.get().as_ref(), column)>
            <button type="button" on:click=move |_| {
                let sort = Sort::toggled(table.sort.get_untracked().as_ref(), column);
                table.set(&table.filter.get_untracked(), Some(&sort), table.page.get_untracked());
            }>{label}</button>
        </th>
    }
}

/// Page links, the current one marked.
#[component]
pub fn Pagination(table: TableUrl, #[prop(into)] pages: Signal<usize>, #[prop(into)] page: Signal<usize>) -> impl IntoView {
    move || {
        (pages.get() > 1).then(|| {
            view! {
                <nav class="pagination" aria-label="Pagination">
                    <ul>
                        {move || (1..=pages.get()).map(|number| view! {
                            <li>
                                <a
                                    href="#"
                                    aria-current=move || (page.get() == number).then_some("page")
                                    aria-label=format!("Page {number}")
                                    on:click=move |event| {
                                        event.prevent_default();
                                        table.go_to_page(number);
                                    }
                                >{number}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}
