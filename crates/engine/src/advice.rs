//! What a form says while the user types, before anything is sent: App Mesh's rules and the
//! console's advice on top of them, as values the console renders. The engine still checks
//! every request again; these only say sooner, and in words for a person.

use crate::names::{InvalidValue, ResourceName, ServiceName, TagKey, TagValue};
use crate::resource::ProviderKind;
use crate::spec::WeightedTargets;
use std::fmt;

/// The longest DNS label (RFC 1035).
const MAX_LABEL: usize = 63;

/// Why a DNS name is refused: a virtual service name, or a virtual node's DNS hostname. Both
/// are resolved before Envoy sees the traffic, so both follow DNS and must not be loopback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsNameProblem {
    TooLong {
        length: usize,
    },
    Loopback,
    EmptyLabel,
    /// `orders.local.`: App Mesh and Envoy match the name as the application writes it.
    TrailingDot,
    LongLabel {
        label: String,
    },
    Character(char),
    HyphenAtEdge {
        label: String,
    },
}

impl fmt::Display for DnsNameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong { length } => write!(f, "Use at most {} characters (this name has {length}).", ServiceName::MAX),
            Self::Loopback => f.write_str(
                "Use a name that resolves to a non-loopback IP address: localhost, localhost.localdomain, 127.0.0.0/8 and ::1 do not work.",
            ),
            Self::EmptyLabel => f.write_str("Dots separate labels: a name cannot start with a dot or hold two in a row."),
            Self::TrailingDot => f.write_str("Leave out the final dot: the name is matched as applications write it, e.g. orders.local."),
            Self::LongLabel { label } => {
                write!(f, "Each part between dots can have at most {MAX_LABEL} characters ({label:.20}… has {}).", label.len())
            }
            Self::Character(bad) => write!(f, "Use only letters, digits, hyphens and dots ({bad:?} is not allowed)."),
            Self::HyphenAtEdge { label } => write!(f, "A part between dots cannot start or end with a hyphen ({label})."),
        }
    }
}

/// Why a virtual service name is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceNameProblem {
    Empty,
    Name(DnsNameProblem),
}

impl fmt::Display for ServiceNameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter a virtual service name."),
            Self::Name(problem) => problem.fmt(f),
        }
    }
}

/// Why a virtual node's DNS hostname (its service discovery) is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsHostnameProblem {
    Empty,
    Name(DnsNameProblem),
}

impl fmt::Display for DnsHostnameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter the DNS hostname of the node's tasks."),
            Self::Name(problem) => problem.fmt(f),
        }
    }
}

/// What the name rules say of every virtual service name, for a form's hint.
pub const SERVICE_NAME_RULES: &str = "A DNS name of up to 255 characters: letters, digits and hyphens, in parts separated by dots, e.g. my-service.default.svc.cluster.local. It must resolve to a non-loopback IP address.";

/// What is unusual about a virtual service name that is still accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceNameWarning {
    UpperCase,
}

impl fmt::Display for ServiceNameWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UpperCase => f.write_str("DNS names are case-insensitive; lower case is usual."),
        }
    }
}

/// A name's problem (it blocks Next) or warning (it does not); at most one of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceNameCheck {
    pub error: Option<ServiceNameProblem>,
    pub warning: Option<ServiceNameWarning>,
}

/// A virtual service name: App Mesh's 1–255 characters, a DNS name, and not a loopback name
/// or address.
pub fn check_service_name(name: &str) -> ServiceNameCheck {
    let refused = |problem| ServiceNameCheck { error: Some(problem), warning: None };
    if name.is_empty() {
        return refused(ServiceNameProblem::Empty);
    }
    if let Some(problem) = check_dns_name(name) {
        return refused(ServiceNameProblem::Name(problem));
    }
    let upper = name.chars().any(|c| c.is_ascii_uppercase());
    ServiceNameCheck { error: None, warning: upper.then_some(ServiceNameWarning::UpperCase) }
}

/// A virtual node's DNS hostname: the same rules as a virtual service name.
pub fn check_dns_hostname(hostname: &str) -> Option<DnsHostnameProblem> {
    if hostname.is_empty() {
        return Some(DnsHostnameProblem::Empty);
    }
    check_dns_name(hostname).map(DnsHostnameProblem::Name)
}

/// A name of 1–255 characters in DNS labels, not a loopback name or address.
fn check_dns_name(name: &str) -> Option<DnsNameProblem> {
    let length = name.chars().count();
    if length > ServiceName::MAX {
        return Some(DnsNameProblem::TooLong { length });
    }
    let lower = name.to_ascii_lowercase();
    if is_loopback(&lower) {
        return Some(DnsNameProblem::Loopback);
    }
    dns_problem(&lower)
}

/// Loopback names as resolvers commonly know them (RFC 6761, the usual /etc/hosts), and
/// loopback addresses.
fn is_loopback(name: &str) -> bool {
    const NAMES: [&str; 6] = ["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "::1", "[::1]"];
    let name = name.trim_end_matches('.');
    if NAMES.contains(&name) || name.ends_with(".localhost") {
        return true;
    }
    let octets: Vec<&str> = name.split('.').collect();
    octets.len() == 4 && octets[0] == "127" && octets.iter().all(|octet| octet.parse::<u8>().is_ok())
}

/// Labels of 1–63 letters, digits and hyphens, not starting or ending with a hyphen, and no
/// final dot.
fn dns_problem(name: &str) -> Option<DnsNameProblem> {
    let labels: Vec<&str> = name.split('.').collect();
    for (index, label) in labels.iter().enumerate() {
        if label.is_empty() {
            let last = index + 1 == labels.len();
            return Some(if last && index > 0 { DnsNameProblem::TrailingDot } else { DnsNameProblem::EmptyLabel });
        }
        if label.len() > MAX_LABEL {
            return Some(DnsNameProblem::LongLabel { label: (*label).to_owned() });
        }
        if let Some(bad) = label.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
            return Some(DnsNameProblem::Character(bad));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(DnsNameProblem::HyphenAtEdge { label: (*label).to_owned() });
        }
    }
    None
}

/// Whether the tag key at `index` was already used by an earlier tag: App Mesh takes each
/// key once per resource.
pub fn is_repeated_key<K: PartialEq>(keys: &[K], index: usize) -> bool {
    keys[..index].contains(&keys[index])
}

/// Why a tag row's key is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagKeyProblem {
    Empty,
    Repeated(String),
    Invalid(InvalidValue),
}

impl fmt::Display for TagKeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter a key."),
            Self::Repeated(key) => write!(f, "The key {key} is already used above."),
            Self::Invalid(problem) => write!(f, "The key {problem}."),
        }
    }
}

/// Why a tag row's value is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagValueProblem(pub InvalidValue);

impl fmt::Display for TagValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The value {}.", self.0)
    }
}

/// What is wrong with one tag row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagRowCheck {
    pub key: Option<TagKeyProblem>,
    pub value: Option<TagValueProblem>,
}

/// Each row of a tag list as typed, `(key, value)`, checked on its own so that every field
/// can say what is wrong with it.
pub fn check_tag_rows(rows: &[(&str, &str)]) -> Vec<TagRowCheck> {
    let keys: Vec<&str> = rows.iter().map(|(key, _)| *key).collect();
    rows.iter()
        .enumerate()
        .map(|(index, (key, value))| TagRowCheck {
            key: if key.is_empty() {
                Some(TagKeyProblem::Empty)
            } else if is_repeated_key(&keys, index) {
                Some(TagKeyProblem::Repeated((*key).to_owned()))
            } else {
                TagKey::parse(*key).err().map(TagKeyProblem::Invalid)
            },
            value: TagValue::parse(*value).err().map(TagValueProblem),
        })
        .collect()
}

/// Why the chosen provider cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderProblem {
    NotChosen(ProviderKind),
    Gone(ProviderKind, String),
}

impl fmt::Display for ProviderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotChosen(kind) => write!(f, "Choose a {}.", kind.noun()),
            Self::Gone(kind, name) => write!(f, "The {} {name} no longer exists in this mesh; choose another.", kind.noun()),
        }
    }
}

/// A provider of `kind` named `name`, given the names of that kind the mesh has (`None`
/// while they are still loading: not judged yet). App Mesh refuses a provider that does not
/// exist.
pub fn check_provider(kind: ProviderKind, name: &str, available: Option<&[String]>) -> Option<ProviderProblem> {
    if name.is_empty() {
        return Some(ProviderProblem::NotChosen(kind));
    }
    match available {
        Some(names) if !names.iter().any(|existing| existing == name) => Some(ProviderProblem::Gone(kind, name.to_owned())),
        _ => None,
    }
}

/// Why the name of a new mesh, virtual node or router is refused; `noun` names what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewNameProblem {
    Empty { noun: &'static str },
    Invalid(InvalidValue),
    Taken { noun: &'static str, name: String },
}

impl fmt::Display for NewNameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty { noun } => write!(f, "Enter a {noun} name."),
            Self::Invalid(problem) => write!(f, "The name {problem}."),
            Self::Taken { noun, name } => write!(f, "A {noun} named {name} already exists."),
        }
    }
}

/// The name of a new `noun` ("mesh", "virtual node"): App Mesh's rules for a name, and that
/// none of the `taken` names is it (App Mesh would answer a conflict).
pub fn check_new_name(name: &str, taken: &[String], noun: &'static str) -> Option<NewNameProblem> {
    if name.is_empty() {
        return Some(NewNameProblem::Empty { noun });
    }
    if let Err(problem) = ResourceName::parse(name) {
        return Some(NewNameProblem::Invalid(problem));
    }
    taken.iter().any(|existing| existing == name).then(|| NewNameProblem::Taken { noun, name: name.to_owned() })
}

/// Why a route's weighted targets, as a form holds them, would be refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetsProblem {
    None,
    TooMany { count: usize },
    AllZero,
}

impl fmt::Display for TargetsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = WeightedTargets::MAX;
        match self {
            Self::None => {
                write!(f, "Add at least one target: a route sends its traffic to {} to {max} virtual nodes.", WeightedTargets::MIN)
            }
            Self::TooMany { count } => write!(f, "A route has at most {max} targets (this one has {count}): remove {}.", count - max),
            Self::AllZero => f.write_str("Give at least one target a weight above 0: a route whose weights are all 0 sends no traffic."),
        }
    }
}

/// The rules of [`WeightedTargets`] over a form's weights (`None`: a weight that is not one
/// yet, which is its own row's problem).
pub fn check_weighted_targets(weights: &[Option<u32>]) -> Option<TargetsProblem> {
    match weights.len() {
        0 => Some(TargetsProblem::None),
        count if count > WeightedTargets::MAX => Some(TargetsProblem::TooMany { count }),
        _ if weights.iter().all(|weight| *weight == Some(0)) => Some(TargetsProblem::AllZero),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
