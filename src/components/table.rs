//! Filter, sort and page a list in the browser, with the state in the URL:
//! `?filter=…&sort=-lastUpdated&page=2&pageSize=20`. Pure logic, tested natively.
//!
//! Every table of the console has rows of the one type [`Row`], so the bundle holds one
//! filter, one sort and one pager for all of them.

use super::query::{QueryBuilder, QueryLookup};
use std::cmp::Ordering;

/// The page sizes a user can choose; the first is the default.
pub const PAGE_SIZES: [usize; 4] = [10, 20, 50, 100];

/// What a table shows, as its URL says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableState {
    pub filter: String,
    pub sort: Option<Sort>,
    /// 1-based; anything that is not a number is the first page.
    pub page: usize,
    /// One of [`PAGE_SIZES`]; anything else is the default.
    pub page_size: usize,
}

impl TableState {
    pub fn from_query(query: &impl QueryLookup) -> Self {
        let page_size = query.lookup("pageSize").and_then(|size| size.parse().ok()).filter(|size| PAGE_SIZES.contains(size));
        Self {
            filter: query.lookup("filter").unwrap_or_default(),
            sort: query.lookup("sort").and_then(|sort| Sort::parse(&sort)),
            page: query.lookup("page").and_then(|page| page.parse().ok()).unwrap_or(1),
            page_size: page_size.unwrap_or(PAGE_SIZES[0]),
        }
    }

    /// The query string of this state, without what is the default.
    pub fn to_query(&self) -> String {
        let mut query = QueryBuilder::new();
        query.push_nonempty("filter", &self.filter);
        if let Some(sort) = &self.sort {
            query.push("sort", &sort.to_param());
        }
        if self.page > 1 {
            query.push("page", &self.page.to_string());
        }
        if self.page_size != PAGE_SIZES[0] {
            query.push("pageSize", &self.page_size.to_string());
        }
        query.finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// A column and a direction; in the URL `name` or `-name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub column: String,
    pub direction: Direction,
}

impl Sort {
    pub fn parse(text: &str) -> Option<Sort> {
        let (column, direction) = match text.strip_prefix('-') {
            Some(column) => (column, Direction::Descending),
            None => (text, Direction::Ascending),
        };
        (!column.is_empty()).then(|| Sort { column: column.to_string(), direction })
    }

    pub fn to_param(&self) -> String {
        match self.direction {
            Direction::Ascending => self.column.clone(),
            Direction::Descending => format!("-{}", self.column),
        }
    }

    /// The sort after a click on `column`'s header: ascending first, then the other way.
    pub fn toggled(current: Option<&Sort>, column: &str) -> Sort {
        let direction = match current {
            Some(sort) if sort.column == column && sort.direction == Direction::Ascending => Direction::Descending,
            _ => Direction::Ascending,
        };
        Sort { column: column.to_string(), direction }
    }

    /// `aria-sort` of a column's header: only the sorted column has one.
    pub fn aria_sort(current: Option<&Sort>, column: &str) -> Option<&'static str> {
        match current {
            Some(sort) if sort.column == column => Some(match sort.direction {
                Direction::Ascending => "ascending",
                Direction::Descending => "descending",
            }),
            _ => None,
        }
    }
}

/// Text in the order people expect of names: runs of digits compare as numbers, so `svc-2`
/// comes before `svc-10`. Equal-looking names (`svc-01`, `svc-1`) are ordered by their text,
/// so the order is total and the same on every sort.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut left, mut right) = (a, b);
    loop {
        let order = match (left.chars().next(), right.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (number_a, rest_a) = split_digits(left);
                let (number_b, rest_b) = split_digits(right);
                (left, right) = (rest_a, rest_b);
                compare_numbers(number_a, number_b)
            }
            (Some(x), Some(y)) => {
                (left, right) = (&left[x.len_utf8()..], &right[y.len_utf8()..]);
                x.cmp(&y)
            }
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

fn split_digits(text: &str) -> (&str, &str) {
    text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()))
}

/// Two runs of digits by value, however long they are.
fn compare_numbers(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// A table's cell: what it shows, and what the filter and the sort read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A status word, shown as a status.
    Status(String),
    /// Text with a badge after it: an owner "Shared with you".
    Badged(String, &'static str),
    /// `before` `<a href>text</a>` `after`: "Virtual node <a>orders-v1</a>".
    Link {
        before: String,
        text: String,
        href: String,
        after: String,
    },
}

impl Cell {
    pub fn link(text: impl Into<String>, href: String) -> Cell {
        Cell::Link { before: String::new(), text: text.into(), href, after: String::new() }
    }

    /// What a person reads in the cell.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Status(text) | Cell::Badged(text, _) => text.clone(),
            Cell::Link { before, text, after, .. } => format!("{before}{text}{after}"),
        }
    }
}

/// A row: one cell per column, the first the row's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Cell>);

impl Row {
    fn text(&self, column: usize) -> String {
        self.0.get(column).map(Cell::text).unwrap_or_default()
    }
}

/// One page of rows that match the filter, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct PageOf {
    pub rows: Vec<Row>,
    /// 1-based, clamped to the pages there are.
    pub page: usize,
    pub pages: usize,
    pub matching: usize,
}

/// The rows the filter finds in the `searched` columns, ordered by the `sort` column (natural
/// order of the text; ties by name), and the page of them the state names.
pub fn page_of(rows: &[Row], searched: &[usize], sort: Option<(usize, Direction)>, state: &TableState) -> PageOf {
    // ASCII case folding: App Mesh names are ASCII in practice, and Unicode's tables would
    // weigh on the bundle. Other characters still match exactly.
    let needle = state.filter.trim().to_ascii_lowercase();
    let found = |row: &Row| searched.iter().any(|&column| row.text(column).to_ascii_lowercase().contains(&needle));
    let (column, direction) = sort.unwrap_or((0, Direction::Ascending));
    // Each row's texts are made once, not in every comparison of the sort.
    let mut order: Vec<(String, String, &Row)> =
        rows.iter().filter(|row| needle.is_empty() || found(row)).map(|row| (row.text(column), row.text(0), row)).collect();
    order.sort_by(|(a_key, a_name, _), (b_key, b_name, _)| {
        let order = natural_cmp(a_key, b_key).then_with(|| natural_cmp(a_name, b_name));
        if direction == Direction::Descending { order.reverse() } else { order }
    });
    let matching = order.len();
    let pages = matching.div_ceil(state.page_size).max(1);
    let page = state.page.clamp(1, pages);
    let rows = order.into_iter().skip((page - 1) * state.page_size).take(state.page_size).map(|(.., row)| row.clone()).collect();
    PageOf { rows, page, pages, matching }
}

/// The page links to show: the first, the last, and the current page with two on either side;
/// `None` where pages are left out. A list of a hundred pages keeps a short row of links.
pub fn page_links(current: usize, pages: usize) -> Vec<Option<usize>> {
    let mut links = Vec::new();
    for number in 1..=pages {
        if number == 1 || number == pages || number.abs_diff(current) <= 2 {
            links.push(Some(number));
        } else if links.last() != Some(&None) {
            links.push(None);
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::query::parse;

    #[cfg(not(target_arch = "wasm32"))]
    mod natural_order {
        use super::natural_cmp;
        use proptest::prelude::*;
        use std::cmp::Ordering;

        proptest! {
            #[test]
            fn is_a_total_order(a in "[a-c0-2.-]{0,8}", b in "[a-c0-2.-]{0,8}", c in "[a-c0-2.-]{0,8}") {
                prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
                prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
                if natural_cmp(&a, &b) != Ordering::Greater && natural_cmp(&b, &c) != Ordering::Greater {
                    prop_assert_ne!(natural_cmp(&a, &c), Ordering::Greater);
                }
            }
        }
    }

    /// A row of a name and a size: `svc-00` is the largest.
    pub(super) fn row(name: &str, size: u32) -> Row {
        Row(vec![Cell::link(name, format!("/{name}")), Cell::Text(size.to_string())])
    }

    pub(super) fn rows(count: u32) -> Vec<Row> {
        (0..count).map(|i| row(&format!("svc-{i:02}"), 100 - i)).collect()
    }

    pub(super) fn state(filter: &str, page: usize, page_size: usize) -> TableState {
        TableState { filter: filter.into(), sort: None, page, page_size }
    }

    #[test]
    fn names_sort_in_natural_order() {
        let mut names = vec!["svc-10", "svc-2", "svc-1", "svc-11", "svc-01", "svc", "svc-1a", "a10b2", "a10b10", "a9"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["a9", "a10b2", "a10b10", "svc", "svc-01", "svc-1", "svc-1a", "svc-2", "svc-10", "svc-11"]);
        assert_eq!(natural_cmp("n99999999999999999999999", "n100000000000000000000000"), Ordering::Less, "any length of digits");
    }

    #[test]
    fn sort_params_round_trip_and_toggle() {
        let sort = Sort::parse("-name").unwrap();
        assert_eq!(sort.direction, Direction::Descending);
        assert_eq!(sort.to_param(), "-name");
        assert_eq!(Sort::parse(""), None);
        let ascending = Sort::toggled(None, "name");
        assert_eq!(ascending.to_param(), "name");
        assert_eq!(Sort::toggled(Some(&ascending), "name").to_param(), "-name");
        assert_eq!(Sort::toggled(Some(&ascending), "size").to_param(), "size");
        assert_eq!(Sort::aria_sort(Some(&ascending), "name"), Some("ascending"));
        assert_eq!(Sort::aria_sort(Some(&ascending), "size"), None);
    }

    #[test]
    fn an_unsorted_table_is_in_natural_order_of_names() {
        let page = page_of(&[row("b-10", 1), row("b-9", 2)], &[0], None, &state("", 1, 10));
        assert_eq!(page.rows, [row("b-9", 2), row("b-10", 1)]);
    }

    #[test]
    fn the_filter_looks_in_the_searched_columns_only_ignoring_case() {
        let rows = [row("Orders", 7), row("payments", 17)];
        let page = page_of(&rows, &[0], None, &state(" ORD ", 1, 10));
        assert_eq!((page.rows, page.matching), (vec![row("Orders", 7)], 1));
        assert_eq!(page_of(&rows, &[0], None, &state("7", 1, 10)).matching, 0, "the size is not searched");
        assert_eq!(page_of(&rows, &[0, 1], None, &state("7", 1, 10)).matching, 2);
    }

    #[test]
    fn a_link_cell_reads_as_its_words() {
        let cell = Cell::Link { before: "Virtual node ".into(), text: "v1".into(), href: "/x".into(), after: " port 80".into() };
        assert_eq!(cell.text(), "Virtual node v1 port 80");
        assert_eq!(Cell::Badged("111".into(), "Shared").text(), "111");
    }

    #[test]
    fn sorting_and_paging() {
        let by_size = Some((1, Direction::Ascending));
        let page = page_of(&rows(25), &[0], by_size, &state("", 1, 10));
        assert_eq!(page.pages, 3);
        assert_eq!(page.rows[0], row("svc-24", 76));
        let last = page_of(&rows(25), &[0], by_size, &state("", 3, 10));
        assert_eq!(last.rows.len(), 5);
        let descending = page_of(&rows(25), &[0], Some((0, Direction::Descending)), &state("", 1, 10));
        assert_eq!(descending.rows[0], row("svc-24", 76));
        let twenty = page_of(&rows(25), &[0], None, &state("", 2, 20));
        assert_eq!((twenty.pages, twenty.rows.len()), (2, 5));
    }

    #[test]
    fn ties_are_broken_by_name() {
        let rows = [row("b", 1), row("a", 1), row("c", 0)];
        let page = page_of(&rows, &[0], Some((1, Direction::Ascending)), &state("", 1, 10));
        assert_eq!(page.rows, [row("c", 0), row("a", 1), row("b", 1)]);
    }

    #[test]
    fn the_state_reads_back_from_its_query() {
        let state = TableState { filter: "a b".into(), sort: Sort::parse("-lastUpdated"), page: 2, page_size: 50 };
        assert_eq!(state.to_query(), "filter=a%20b&sort=-lastUpdated&page=2&pageSize=50");
        assert_eq!(TableState::from_query(&parse(&state.to_query())), state);
        let first = TableState::from_query(&parse("page=x&sort=&pageSize=7"));
        assert_eq!(first, self::state("", 1, 10), "7 is not a page size");
        assert_eq!(self::state("", 1, 10).to_query(), "", "defaults stay out of the URL");
    }

    #[test]
    fn page_links_keep_the_ends_and_the_pages_around_the_current_one() {
        let shown = |current, pages| {
            page_links(current, pages)
                .into_iter()
                .map(|link| link.map_or("…".to_string(), |n: usize| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 3), "1 2 3");
        assert_eq!(shown(1, 100), "1 2 3 … 100");
        assert_eq!(shown(4, 100), "1 2 3 4 5 6 … 100");
        assert_eq!(shown(50, 100), "1 … 48 49 50 51 52 … 100");
        assert_eq!(shown(100, 100), "1 … 98 99 100");
    }

    #[test]
    fn a_page_out_of_range_is_clamped() {
        assert_eq!(page_of(&rows(25), &[0], None, &state("", 9, 10)).page, 3);
        assert_eq!(page_of(&rows(25), &[0], None, &state("", 0, 10)).page, 1);
        let empty = page_of(&[], &[0], None, &state("", 4, 10));
        assert_eq!((empty.page, empty.pages, empty.matching), (1, 1, 0));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::tests::rows;
    use super::*;
    use crate::components::query::parse;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_query_gives_a_table_state(query in ".*") {
            let _ = TableState::from_query(&parse(&query));
        }

        #[test]
        fn any_sort_text_is_read_without_panicking(text in ".*") {
            if let Some(sort) = Sort::parse(&text) {
                prop_assert_eq!(sort.to_param(), text);
            }
        }

        #[test]
        fn any_state_survives_the_url(
            filter in any::<String>(),
            sort in proptest::option::of(("[a-zA-Z]{1,12}", any::<bool>())),
            page in 1..10_000usize,
            page_size in proptest::sample::select(PAGE_SIZES.to_vec()),
        ) {
            let sort = sort.map(|(column, descending)| Sort {
                column,
                direction: if descending { Direction::Descending } else { Direction::Ascending },
            });
            let state = TableState { filter, sort, page, page_size };
            prop_assert_eq!(TableState::from_query(&parse(&state.to_query())), state);
        }

        #[test]
        fn any_page_request_is_clamped(page in any::<usize>(), count in 0..40u32, page_size in proptest::sample::select(PAGE_SIZES.to_vec())) {
            let shown = page_of(&rows(count), &[0], None, &TableState { filter: String::new(), sort: None, page, page_size });
            prop_assert!((1..=shown.pages).contains(&shown.page));
            prop_assert!(shown.rows.len() <= page_size);
        }
    }
}
