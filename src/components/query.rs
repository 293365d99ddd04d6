//! Query strings: the part of every URL that holds a view's state.

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

/// Percent-encodes everything but the unreserved characters of RFC 3986.
pub fn encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Parses a query string that is not the router's (a `returnTo` URL's, say).
pub fn parse(query: &str) -> Pairs {
    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'%' if i + 2 < bytes.len() => {
                    out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                    i += 3;
                }
                b'+' => {
                    out.push(b' ');
                    i += 1;
                }
                byte => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).unwrap()
    }
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key), decode(value))
        })
        .collect::<Vec<_>>()
        .into()
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
}
