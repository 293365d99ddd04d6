//! Text made safe inside HTML or SVG markup, in an element or a quoted attribute: what the
//! server's sign-in page and the console's topology drawing write around names and messages.

pub fn escape(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for letter in text.chars() {
        match letter {
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '>' => safe.push_str("&gt;"),
            '"' => safe.push_str("&quot;"),
            '\'' => safe.push_str("&#39;"),
            other => safe.push(other),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities_and_the_rest_stays() {
        assert_eq!(escape(r#"/"><script>'&"#), "/&quot;&gt;&lt;script&gt;&#39;&amp;");
        assert_eq!(escape("orders-v1 é"), "orders-v1 é");
    }
}
