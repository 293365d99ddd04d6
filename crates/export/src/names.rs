//! Names the targets accept, derived from App Mesh names: CloudFormation logical ids
//! (alphanumeric), Kubernetes object names (DNS-1123 subdomains and labels, DNS-1035 labels),
//! each unique among its kind.

use std::collections::HashSet;

/// The rules a Kubernetes name must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameRule {
    /// Lower-case letters, digits, `-` and `.`, alphanumeric at both ends, at most 253
    /// (most objects: custom resources, routes).
    Subdomain,
    /// Lower-case letters, digits and `-`, alphanumeric at both ends, at most 63 (namespaces,
    /// label values).
    Label,
    /// A label that starts with a letter (a `Service`'s name).
    Label1035,
}

impl NameRule {
    pub fn max(self) -> usize {
        match self {
            Self::Subdomain => 253,
            Self::Label | Self::Label1035 => 63,
        }
    }
}

/// `raw` made valid under `rule`: lower-cased, other characters as `-`, runs of separators
/// folded, ends trimmed; too long, it is cut and ends in a hash of the whole name, so that two
/// long names that share a beginning stay apart.
pub(crate) fn kubernetes_name(raw: &str, rule: NameRule) -> String {
    let mut name = String::new();
    for c in raw.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            '.' if rule == NameRule::Subdomain => '.',
            _ => '-',
        };
        let separator = !c.is_ascii_alphanumeric();
        if separator && (name.is_empty() || name.ends_with(['-', '.'])) {
            continue;
        }
        name.push(c);
    }
    let mut name = name.trim_end_matches(['-', '.']).to_string();
    if name.is_empty() {
        name.push('x');
    }
    if rule == NameRule::Label1035 && !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        name.insert_str(0, "n-");
    }
    if name.len() > rule.max() {
        let hash = format!("{:08x}", fnv1a(raw));
        name.truncate(rule.max() - hash.len() - 1);
        let trimmed = name.trim_end_matches(['-', '.']).len();
        name.truncate(trimmed);
        name.push('-');
        name.push_str(&hash);
    }
    name
}

/// A CloudFormation logical id: the words of the kind and the name, capitalized and joined,
/// letters and digits only (at most 255).
pub(crate) fn logical_id(kind: &str, name: &str) -> String {
    let mut id = kind.to_string();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            id.push(first.to_ascii_uppercase());
            id.extend(chars);
        }
    }
    if id.len() > 240 {
        let hash = format!("{:08x}", fnv1a(name));
        id.truncate(240 - hash.len());
        id.push_str(&hash);
    }
    id
}

/// Hands out names unique among those it gave: a taken name gets `-2`, `-3`… (or `2`, `3`…
/// when `separator` is empty), shortened to stay within `max` characters.
#[derive(Debug, Default)]
pub(crate) struct UniqueNames {
    taken: HashSet<String>,
}

impl UniqueNames {
    pub fn claim(&mut self, name: String, separator: &str, max: usize) -> String {
        let mut candidate = name.clone();
        let mut count = 2;
        while !self.taken.insert(candidate.clone()) {
            let suffix = format!("{separator}{count}");
            let mut base = name.clone();
            while base.len() + suffix.len() > max {
                base.pop();
            }
            candidate = format!("{base}{suffix}");
            count += 1;
        }
        candidate
    }
}

/// FNV-1a, 32 bits: a stable, dependency-free hash for shortened names.
fn fnv1a(value: &str) -> u32 {
    value.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ byte as u32).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubernetes_names_follow_their_rules() {
        assert_eq!(kubernetes_name("orders.apps.svc.cluster.local", NameRule::Subdomain), "orders.apps.svc.cluster.local");
        assert_eq!(kubernetes_name("orders.apps.svc.cluster.local", NameRule::Label), "orders-apps-svc-cluster-local");
        assert_eq!(kubernetes_name("Orders_V1", NameRule::Label), "orders-v1");
        assert_eq!(kubernetes_name("--a..b--", NameRule::Subdomain), "a.b");
        assert_eq!(kubernetes_name("9lives", NameRule::Label1035), "n-9lives");
        assert_eq!(kubernetes_name("!!!", NameRule::Label), "x");
        let long = kubernetes_name(&"a".repeat(100), NameRule::Label);
        assert_eq!(long.len(), 63);
        assert_ne!(long, kubernetes_name(&"a".repeat(101), NameRule::Label));
    }

    #[test]
    fn logical_ids_are_alphanumeric_and_unique() {
        assert_eq!(logical_id("VirtualNode", "orders-v1"), "VirtualNodeOrdersV1");
        assert_eq!(logical_id("VirtualService", "orders.apps.svc.cluster.local"), "VirtualServiceOrdersAppsSvcClusterLocal");
        let mut names = UniqueNames::default();
        assert_eq!(names.claim(logical_id("VirtualNode", "a-b"), "", 255), "VirtualNodeAB");
        assert_eq!(names.claim(logical_id("VirtualNode", "a_b"), "", 255), "VirtualNodeAB2");
        assert_eq!(names.claim("x".to_string(), "-", 63), "x");
        assert_eq!(names.claim("x".to_string(), "-", 63), "x-2");
    }
}
