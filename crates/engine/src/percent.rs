//! Percent-encoding of URL parts (RFC 3986), for both sides of every URL: the console's own
//! addresses and the App Mesh paths and queries the front doors read. Decoding never
//! panics: malformed escapes and bytes that are not UTF-8 are errors.

use crate::names::InvalidValue;

/// Percent-encodes everything but the unreserved characters of RFC 3986.
pub fn encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    encoded
}

/// Where a text is decoded: in a query (`+` is a space, as forms send it) or a path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Path,
    Query,
}

/// Decodes `%XX` escapes (and, in a query, `+`).
pub fn decode(text: &str, part: Part) -> Result<String, InvalidValue> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' => {
                let high = bytes.get(index + 1).and_then(|byte| char::from(*byte).to_digit(16));
                let low = bytes.get(index + 2).and_then(|byte| char::from(*byte).to_digit(16));
                let (Some(high), Some(low)) = (high, low) else {
                    return Err(InvalidValue(format!("{text:?} is not percent-encoded correctly")));
                };
                decoded.push(u8::try_from(high * 16 + low).expect("two hex digits make a byte"));
                index += 3;
            }
            b'+' if part == Part::Query => {
                decoded.push(b' ');
                index += 1;
            }
            byte => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).map_err(|_| InvalidValue(format!("{text:?} is not UTF-8 once decoded")))
}

/// The pairs of a query string (`a=1&b=two+words`), in order; a pair without `=` has an
/// empty value.
pub fn parse_query(query: &str) -> Result<Vec<(String, String)>, InvalidValue> {
    query_pairs(query).collect()
}

/// Each pair of a query string, decoded on its own: a reader that can do without a
/// malformed pair skips it and keeps the rest.
pub fn query_pairs(query: &str) -> impl Iterator<Item = Result<(String, String), InvalidValue>> + '_ {
    query.split('&').filter(|pair| !pair.is_empty()).map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        Ok((decode(name, Part::Query)?, decode(value, Part::Query)?))
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn values_round_trip() {
        let encoded = encode("a b&c=d/é");
        assert_eq!(encoded, "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(decode(&encoded, Part::Query).unwrap(), "a b&c=d/é");
        assert_eq!(decode("a+b", Part::Query).unwrap(), "a b");
        assert_eq!(decode("a+b", Part::Path).unwrap(), "a+b");
    }

    #[test]
    fn malformed_escapes_are_errors() {
        for text in ["%", "%2", "%zz", "a%e9", "%25E9%", "%C3", "%ff%fe"] {
            assert!(decode(text, Part::Query).is_err(), "{text}");
        }
        assert_eq!(decode("%25E9", Part::Query).unwrap(), "%E9");
    }

    #[test]
    fn queries_keep_their_order() {
        let pairs = parse_query("b=2&a=1&flag&&c=%20").unwrap();
        let expected = [("b", "2"), ("a", "1"), ("flag", ""), ("c", " ")];
        assert_eq!(pairs, expected.map(|(name, value)| (name.to_string(), value.to_string())));
        assert!(parse_query("ok=1&bad=%E9").is_err());
        let pairs: Vec<_> = query_pairs("ok=1&bad=%E9&%=x&also=2").collect();
        assert_eq!(pairs.iter().filter(|pair| pair.is_err()).count(), 2);
        assert_eq!(pairs.last(), Some(&Ok(("also".to_string(), "2".to_string()))));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn decoding_any_text_never_panics(text in ".*") {
            let _ = decode(&text, Part::Query);
            let _ = decode(&text, Part::Path);
            let _ = parse_query(&text);
        }

        #[test]
        fn decoding_any_escapes_never_panics(text in "(%[0-9a-fA-F]{0,2}|[+&=a-z]|é)*") {
            let _ = parse_query(&text);
        }

        #[test]
        fn every_value_round_trips(value in any::<String>()) {
            prop_assert_eq!(decode(&encode(&value), Part::Path).unwrap(), value.clone());
            prop_assert_eq!(decode(&encode(&value), Part::Query).unwrap(), value);
        }
    }
}
