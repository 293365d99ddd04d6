//! Query strings: the part of every URL that holds a view's state. Encoding and decoding
//! are the engine's, the same as the API's front doors use.

use mesh_engine::percent::{self, encode};

/// Where a view reads its query values from: the router's map, or a plain map in tests.
pub trait QueryLookup {
    fn lookup(&self, key: &str) -> Option<String>;
}

/// A parsed query string: its pairs in order (a map would cost the bundle a hasher).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairs(Vec<(String, String)>);

impl From<Vec<(String, String)>> for Pairs {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Self(pairs)
    }
}

impl QueryLookup for Pairs {
    fn lookup(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(name, _)| name == key).map(|(_, value)| value.clone())
    }
}

impl QueryLookup for leptos_router::params::ParamsMap {
    fn lookup(&self, key: &str) -> Option<String> {
        self.get(key)
    }
}

/// Builds `a=1&b=two%20words`, encoding every value.
#[derive(Default)]
pub struct QueryBuilder {
    parts: Vec<String>,
}

impl QueryBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, key: &str, value: &str) {
        self.parts.push(format!("{}={}", encode(key), encode(value)));
    }

    pub fn push_nonempty(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.push(key, value);
        }
    }

    pub fn finish(self) -> String {
        self.parts.join("&")
    }
}

/// Parses a query string that is not the router's (a `returnTo` URL's, say). A malformed
/// pair (a bad `%` escape, bytes that are not UTF-8) is left out: the URL came from
/// outside, and the rest of it is still worth reading.
pub fn parse(query: &str) -> Pairs {
    percent::query_pairs(query).filter_map(Result::ok).collect::<Vec<_>>().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_and_decoded() {
        let mut query = QueryBuilder::new();
        query.push("name", "a b&c=d/é");
        query.push_nonempty("empty", "");
        let text = query.finish();
        assert_eq!(text, "name=a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(parse(&text).lookup("name").unwrap(), "a b&c=d/é");
    }

    #[test]
    fn malformed_pairs_are_left_out_not_a_crash() {
        // `%25E9` decodes to the text `%E9`, which is fine; `%E9` alone is not UTF-8.
        assert_eq!(parse("returnTo=%25E9").lookup("returnTo").unwrap(), "%E9");
        assert_eq!(parse("returnTo=%E9&step=tags").lookup("returnTo"), None);
        assert_eq!(parse("returnTo=%E9&step=tags").lookup("step").unwrap(), "tags");
        for query in ["%", "a=%", "a=%4", "%zz=1", "a=b%", "é=%C3"] {
            assert_eq!(parse(query), Pairs::default(), "{query}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_query_parses_without_panicking(query in ".*") {
            let _ = parse(&query);
        }

        #[test]
        fn built_queries_read_back(pairs in proptest::collection::vec(("[a-z]{1,8}", any::<String>()), 0..6)) {
            let mut query = QueryBuilder::new();
            for (key, value) in &pairs {
                query.push(key, value);
            }
            let parsed = parse(&query.finish());
            for (key, value) in &pairs {
                let first = pairs.iter().find(|(earlier, _)| earlier == key).map(|(_, value)| value);
                let found = parsed.lookup(key);
                prop_assert_eq!(found.as_ref(), first, "{} of {:?}", key, value);
            }
        }
    }
}
