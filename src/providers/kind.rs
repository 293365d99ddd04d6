//! The two kinds of provider, and everything that differs between them.

use crate::routing::Section;
use crate::virtual_services::wizard::state::ProviderKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    VirtualNode,
    VirtualRouter,
}

impl Provider {
    /// The collection in App Mesh's paths.
    pub fn path_segment(self) -> &'static str {
        match self {
            Provider::VirtualNode => "virtualNodes",
            Provider::VirtualRouter => "virtualRouters",
        }
    }

    /// The name member of a create body.
    pub fn name_member(self) -> &'static str {
        match self {
            Provider::VirtualNode => "virtualNodeName",
            Provider::VirtualRouter => "virtualRouterName",
        }
    }

    pub fn section(self) -> Section {
        match self {
            Provider::VirtualNode => Section::VirtualNodes,
            Provider::VirtualRouter => Section::VirtualRouters,
        }
    }

    /// "virtual node", in sentences.
    pub fn noun(self) -> &'static str {
        match self {
            Provider::VirtualNode => "virtual node",
            Provider::VirtualRouter => "virtual router",
        }
    }

    /// "Virtual node", at the start of a sentence or a label.
    pub fn title(self) -> &'static str {
        match self {
            Provider::VirtualNode => "Virtual node",
            Provider::VirtualRouter => "Virtual router",
        }
    }

    /// The wizard's provider choice of this kind.
    pub fn provider_kind(self) -> ProviderKind {
        match self {
            Provider::VirtualNode => ProviderKind::VirtualNode,
            Provider::VirtualRouter => ProviderKind::VirtualRouter,
        }
    }
}
