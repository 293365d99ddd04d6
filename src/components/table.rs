//! Filter, sort and page a list in the browser, with the state in the URL:
//! `?filter=…&sort=-lastUpdated&page=2`. Pure logic, tested natively.

use std::cmp::Ordering;

pub const PAGE_SIZE: usize = 10;

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

pub fn page_of<T: TableRow>(mut rows: Vec<T>, filter: &str, sort: Option<&Sort>, page: usize) -> PageOf<T> {
    // ASCII case folding: App Mesh names are ASCII in practice, and Unicode's tables would
    // weigh on the bundle. Other characters still match exactly.
    let needle = filter.trim().to_ascii_lowercase();
    if !needle.is_empty() {
        rows.retain(|row| row.search_text().to_ascii_lowercase().contains(&needle));
    }
    if let Some(sort) = sort {
        // Every row's `compare` breaks ties by name, so an unstable sort gives the same order.
        rows.sort_unstable_by(|a, b| {
            let order = a.compare(b, &sort.column);
            if sort.direction == Direction::Descending { order.reverse() } else { order }
        });
    }
    let matching = rows.len();
    let pages = matching.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let rows = rows.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    PageOf { rows, page, pages, matching }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Row(String, u32);

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
    fn a_page_out_of_range_is_clamped() {
        assert_eq!(page_of(rows(25), "", None, 9).page, 3);
        assert_eq!(page_of(rows(25), "", None, 0).page, 1);
        let empty = page_of(Vec::<Row>::new(), "", None, 4);
        assert_eq!((empty.page, empty.pages, empty.matching), (1, 1, 0));
    }
}
