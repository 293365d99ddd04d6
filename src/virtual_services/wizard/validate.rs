//! What the wizard says about a virtual service's name and provider while the user
//! types: the engine's advice, in the shape the fields show it. The engine still checks
//! everything again on create.

use super::state::ProviderChoice;
use mesh_engine::advice::{self, ServiceNameCheck};

/// What is wrong with a name (an error blocks Next), or only unusual (a warning does not).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameCheck {
    pub error: Option<String>,
    pub warning: Option<String>,
}

pub fn check_service_name(name: &str) -> NameCheck {
    let ServiceNameCheck { error, warning } = advice::check_service_name(name);
    NameCheck { error: error.map(|problem| problem.to_string()), warning: warning.map(|warning| warning.to_string()) }
}

/// What is wrong with a provider choice, given the routers or nodes of that kind the mesh
/// has (`None` while they are still loading).
pub fn check_provider(choice: &ProviderChoice, available: Option<&[String]>) -> Option<String> {
    let kind = choice.kind?;
    advice::check_provider(kind, &choice.target, available).map(|problem| problem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_engine::resource::ProviderKind;

    #[test]
    fn names_are_advised_in_words() {
        assert_eq!(check_service_name("orders.local"), NameCheck::default());
        assert_eq!(check_service_name("").error.unwrap(), "Enter a virtual service name.");
        assert!(check_service_name("localhost").error.unwrap().contains("non-loopback"));
        assert!(check_service_name("Orders.Local").warning.unwrap().contains("lower case"));
    }

    #[test]
    fn no_provider_needs_no_target() {
        assert_eq!(check_provider(&ProviderChoice::default(), Some(&[])), None);
        let choice = ProviderChoice { kind: Some(ProviderKind::VirtualRouter), target: String::new() };
        assert_eq!(check_provider(&choice, Some(&[])).unwrap(), "Choose a virtual router.");
    }
}
