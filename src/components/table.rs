//! Filter, sort and page a list in the browser, with the state in the URL:
//! `?filter=…&sort=-lastUpdated&page=2`. Pure logic, tested natively.

use super::query::{QueryBuilder, QueryLookup};
use std::cmp::Ordering;

pub const PAGE_SIZE: usize = 10;

/// What a table shows, as its URL says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableState {
    pub filter: String,
    pub sort: Option<Sort>,
    /// 1-based; anything that is not a number is the first page.
    pub page: usize,
}

impl TableState {
    pub fn from_query(query: &impl QueryLookup) -> Self {
        Self {
            filter: query.lookup("filter").unwrap_or_default(),
            sort: query.lookup("sort").and_then(|sort| Sort::parse(&sort)),
            page: query.lookup("page").and_then(|page| page.parse().ok()).unwrap_or(1),
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

/// What a table can do with its rows.
pub trait TableRow {
    /// The text the filter looks in.
    fn search_text(&self) -> String;
    /// How the row compares with another by a column.
    fn compare(&self, other: &Self, column: &str) -> Ordering;
}

/// One page of rows that match the filter, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct PageOf<T> {
    pub rows: Vec<T>,
    /// 1-based, clamped to the pages there are.
    pub page: usize,
    pub pages: usize,
    pub matching: usize,
}

pub fn page_of<T: TableRow>(rows: Vec<T>, filter: &str, sort: Option<&Sort>, page: usize) -> PageOf<T> {
    // ASCII case folding: App Mesh names are ASCII in practice, and Unicode's tables would
    // weigh on the bundle. Other characters still match exactly.
    let needle = filter.trim().to_ascii_lowercase();
    let mut order: Vec<usize> =
        (0..rows.len()).filter(|&index| needle.is_empty() || rows[index].search_text().to_ascii_lowercase().contains(&needle)).collect();
    // Unsorted, a table is in its rows' default order (by name). Every row's `compare` breaks
    // ties by name, so an unstable sort gives the same order.
    let (column, direction) = sort.map_or(("", Direction::Ascending), |sort| (sort.column.as_str(), sort.direction));
    sort_order(&mut order, &|a, b| {
        let order = rows[a].compare(&rows[b], column);
        if direction == Direction::Descending { order.reverse() } else { order }
    });
    let matching = order.len();
    let pages = matching.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let mut slots: Vec<Option<T>> = rows.into_iter().map(Some).collect();
    let rows = order.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).filter_map(|index| slots[index].take()).collect();
    PageOf { rows, page, pages, matching }
}

/// Sorts row indices: one sort in the bundle for every kind of row.
fn sort_order(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|a, b| compare(*a, *b));
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

    #[derive(Debug, Clone, PartialEq)]
    pub(super) struct Row(pub(super) String, pub(super) u32);

    impl TableRow for Row {
        fn search_text(&self) -> String {
            self.0.clone()
        }
        fn compare(&self, other: &Self, column: &str) -> Ordering {
            match column {
                "size" => self.1.cmp(&other.1),
                _ => self.0.cmp(&other.0),
            }
        }
    }

    fn rows(count: u32) -> Vec<Row> {
        (0..count).map(|i| Row(format!("svc-{i:02}"), 100 - i)).collect()
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
    fn an_unsorted_table_is_in_its_rows_default_order() {
        let page = page_of(vec![Row("b".into(), 1), Row("a".into(), 2)], "", None, 1);
        assert_eq!(page.rows, [Row("a".into(), 2), Row("b".into(), 1)]);
    }

    #[test]
    fn filter_is_case_insensitive() {
        let page = page_of(vec![Row("Orders".into(), 1), Row("payments".into(), 2)], " ORD ", None, 1);
        assert_eq!(page.rows, vec![Row("Orders".into(), 1)]);
        assert_eq!(page.matching, 1);
    }

    #[test]
    fn sorting_and_paging() {
        let sort = Sort::parse("size");
        let page = page_of(rows(25), "", sort.as_ref(), 1);
        assert_eq!(page.pages, 3);
        assert_eq!(page.rows[0], Row("svc-24".into(), 76));
        let last = page_of(rows(25), "", sort.as_ref(), 3);
        assert_eq!(last.rows.len(), 5);
        let descending = page_of(rows(25), "", Sort::parse("-name").as_ref(), 1);
        assert_eq!(descending.rows[0].0, "svc-24");
    }

    #[test]
    fn the_state_reads_back_from_its_query() {
        let state = TableState { filter: "a b".into(), sort: Sort::parse("-lastUpdated"), page: 2 };
        assert_eq!(state.to_query(), "filter=a%20b&sort=-lastUpdated&page=2");
        assert_eq!(TableState::from_query(&parse(&state.to_query())), state);
        let first = TableState::from_query(&parse("page=x&sort="));
        assert_eq!(first, TableState { filter: String::new(), sort: None, page: 1 });
    }

    #[test]
    fn a_page_out_of_range_is_clamped() {
        assert_eq!(page_of(rows(25), "", None, 9).page, 3);
        assert_eq!(page_of(rows(25), "", None, 0).page, 1);
        let empty = page_of(Vec::<Row>::new(), "", None, 4);
        assert_eq!((empty.page, empty.pages, empty.matching), (1, 1, 0));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::tests::Row;
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
        ) {
            let sort = sort.map(|(column, descending)| Sort {
                column,
                direction: if descending { Direction::Descending } else { Direction::Ascending },
            });
            let state = TableState { filter, sort, page };
            prop_assert_eq!(TableState::from_query(&parse(&state.to_query())), state);
        }

        #[test]
        fn any_page_request_is_clamped(page in any::<usize>(), count in 0..40u32) {
            let rows: Vec<Row> = (0..count).map(|i| Row(format!("r{i}"), i)).collect();
            let shown = page_of(rows, "", None, page);
            prop_assert!((1..=shown.pages).contains(&shown.page));
        }
    }
}
