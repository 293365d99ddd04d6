//! What routes and gateway routes share: each lives in a parent (a virtual router, a virtual
//! gateway) whose listeners it applies to, and another of the same parent can shadow it.

use super::{Code, Finding};
use crate::mesh::{ListenerPort, Mesh, describe_ports};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::mesh_config::ChildDefinition;
use mesh_engine::spec::RouteType;
use std::collections::BTreeMap;

/// A route's or gateway route's spec, as far as its parent goes.
pub(super) trait ChildRoute {
    /// What decides which requests it takes: two equal ones take the same requests.
    type Match<'a>: PartialEq
    where
        Self: 'a;

    fn route_type(&self) -> RouteType;
    fn match_port(&self) -> Option<u16>;
    fn priority(&self) -> Option<u16>;
    fn matcher(&self) -> Self::Match<'_>;
}

/// The kind of child (route or gateway route) and the codes of its findings.
pub(super) struct Family {
    pub kind: ResourceKind,
    pub parent_missing: Code,
    pub port_not_on_parent: Code,
    pub port_required: Code,
    pub type_not_on_parent: Code,
    pub shadowed: Code,
}

/// Each child's parent (missing, or the listener the child applies to), and children of one
/// parent that match the same requests. `parent_ports` gives a parent's listeners when it is
/// in the mesh.
pub(super) fn check_family<S: ChildRoute>(
    mesh: &Mesh,
    children: &[ChildDefinition<S>],
    parent_ports: impl Fn(&str) -> Option<Vec<ListenerPort>>,
    family: &Family,
    findings: &mut Vec<Finding>,
) {
    let parent_kind = family.kind.parent().expect("routes and gateway routes have parents");
    let mut by_parent: BTreeMap<&str, Vec<&ChildDefinition<S>>> = BTreeMap::new();
    for child in children {
        let parent = child.parent.as_str();
        let me = ResourceRef::child(family.kind, parent, child.name.as_str());
        match parent_ports(parent) {
            Some(ports) => findings.extend(parent_listener(&me, &child.spec, &ports, parent_kind.noun(), family)),
            None => {
                let message = format!(
                    "{} {} is in {} {parent}, which is not in mesh {}.",
                    family.kind.title(),
                    child.name,
                    parent_kind.noun(),
                    mesh.config.mesh_name
                );
                findings.push(Finding::new(family.parent_missing, me, message).involving([ResourceRef::new(parent_kind, parent)]));
            }
        }
        by_parent.entry(parent).or_default().push(child);
    }
    for (parent, children) in by_parent {
        let contenders: Vec<Contender<S::Match<'_>>> = children
            .iter()
            .map(|child| Contender { name: child.name.as_str(), priority: child.spec.priority(), key: child.spec.matcher() })
            .collect();
        for (shadowed, message) in shadowing(&contenders, family.kind.title(), &format!("{} {parent}", parent_kind.noun())) {
            findings.push(Finding::new(family.shadowed, ResourceRef::child(family.kind, parent, shadowed), message));
        }
    }
}

/// The listener of its parent (`parent_noun`: "virtual router") that a child applies to: its
/// match port, and its type.
fn parent_listener(me: &ResourceRef, spec: &impl ChildRoute, ports: &[ListenerPort], parent_noun: &str, family: &Family) -> Vec<Finding> {
    if ports.is_empty() {
        return Vec::new(); // the parent's own finding says it
    }
    let mut findings = Vec::new();
    let candidates: Vec<ListenerPort> = match spec.match_port() {
        Some(port) => {
            let on_port: Vec<ListenerPort> = ports.iter().copied().filter(|listener| listener.port == port).collect();
            if on_port.is_empty() {
                let message = format!(
                    "{} matches port {port}, but its {parent_noun} listens only on {}: it never matches.",
                    me.capitalized(),
                    describe_ports(ports)
                );
                return vec![Finding::new(family.port_not_on_parent, me.clone(), message)];
            }
            on_port
        }
        None => {
            if ports.len() > 1 {
                let message = format!(
                    "{} matches no port, but its {parent_noun} listens on {}: with several listeners, each must be matched by port.",
                    me.capitalized(),
                    describe_ports(ports)
                );
                findings.push(Finding::new(family.port_required, me.clone(), message));
            }
            ports.to_vec()
        }
    };
    let route_type = spec.route_type();
    if !candidates.iter().any(|listener| listener.protocol == route_type) {
        let message = format!(
            "{} is of type {}, but its {parent_noun} listens on {}: it never matches.",
            me.capitalized(),
            route_type.as_str(),
            describe_ports(&candidates)
        );
        findings.push(Finding::new(family.type_not_on_parent, me.clone(), message));
    }
    findings
}

/// A route or gateway route of one parent, as far as shadowing goes.
struct Contender<'a, K> {
    pub name: &'a str,
    pub priority: Option<u16>,
    pub key: K,
}

/// Routes of one parent (`parent_words`: "virtual router r") that another with the same match
/// shadows: the shadowed one's name and the message. `noun` starts the message ("Route").
fn shadowing<'a, K: PartialEq>(routes: &[Contender<'a, K>], noun: &str, parent_words: &str) -> Vec<(&'a str, String)> {
    let mut shadowed = Vec::new();
    for (index, first) in routes.iter().enumerate() {
        for second in routes[index + 1..].iter().filter(|second| second.key == first.key) {
            shadowed.push(match (first.priority, second.priority) {
                (Some(a), Some(b)) if a != b => {
                    let (winner, loser) = if a < b { (first, second) } else { (second, first) };
                    let message = format!(
                        "{noun} {} (priority {}) of {parent_words} matches the same requests as {} (priority {}), which comes first: {} never gets traffic.",
                        loser.name,
                        loser.priority.unwrap_or_default(),
                        winner.name,
                        winner.priority.unwrap_or_default(),
                        loser.name
                    );
                    (loser.name, message)
                }
                (a, b) => {
                    let priorities = match (a, b) {
                        (Some(priority), Some(_)) => format!("with the same priority {priority}"),
                        (None, None) => "and neither has a priority".to_string(),
                        _ => "(one with a priority, one without)".to_string(),
                    };
                    let message = format!(
                        "{noun}s {} and {} of {parent_words} match the same requests {priorities}: only one of them ever gets traffic.",
                        first.name, second.name
                    );
                    (second.name, message)
                }
            });
        }
    }
    shadowed
}
