//! The virtual router form: its listeners.

use crate::components::listeners::ListenerDraft;
use mesh_engine::spec::{VirtualRouterListener, VirtualRouterSpec};

pub fn listeners_of(spec: &VirtualRouterSpec) -> Vec<ListenerDraft> {
    spec.listeners.iter().flatten().map(|listener| ListenerDraft::of(&listener.port_mapping)).collect()
}

/// `base` with the form's listeners, or `None` while a port is wrong.
pub fn apply(base: &VirtualRouterSpec, drafts: &[ListenerDraft]) -> Option<VirtualRouterSpec> {
    let listeners = drafts
        .iter()
        .map(|draft| draft.port_mapping().map(|port_mapping| VirtualRouterListener { port_mapping }))
        .collect::<Option<Vec<_>>>()?;
    Some(VirtualRouterSpec { listeners: (!listeners.is_empty() || base.listeners.is_some()).then_some(listeners) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listeners_round_trip() {
        let base: VirtualRouterSpec = serde_json::from_str(r#"{"listeners":[{"portMapping":{"port":80,"protocol":"http2"}}]}"#).unwrap();
        assert_eq!(apply(&base, &listeners_of(&base)).unwrap(), base);
        assert_eq!(apply(&VirtualRouterSpec::default(), &[]).unwrap(), VirtualRouterSpec::default());
        assert_eq!(apply(&base, &[ListenerDraft { port: "0".into(), ..Default::default() }]), None);
    }
}
