//! What the wizard says about a virtual service's name, provider and tags while the user
//! types: the engine's advice, in the shape the fields show it. The engine still checks
//! everything again on create.

use super::state::{ProviderChoice, TagDraft};
use mesh_engine::advice::{self, ServiceNameCheck};
use mesh_engine::input::TagList;

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

/// What is wrong with each tag row: (key, value).
pub fn check_tags(tags: &[TagDraft]) -> Vec<(Option<String>, Option<String>)> {
    let rows: Vec<(&str, &str)> = tags.iter().map(|tag| (tag.key.as_str(), tag.value.as_str())).collect();
    advice::check_tag_rows(&rows)
        .into_iter()
        .map(|check| (check.key.map(|problem| problem.to_string()), check.value.map(|problem| problem.to_string())))
        .collect()
}

/// How many tags App Mesh takes on one resource.
pub const MAX_TAGS: usize = TagList::MAX;

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

    #[test]
    fn tag_rows_are_checked_one_by_one() {
        let tags = vec![
            TagDraft { key: "team".into(), value: "a".into() },
            TagDraft { key: "".into(), value: "".into() },
            TagDraft { key: "team".into(), value: "v".repeat(257) },
        ];
        let checks = check_tags(&tags);
        assert_eq!(checks[0], (None, None));
        assert_eq!(checks[1].0.as_deref(), Some("Enter a key."));
        assert_eq!(checks[2].0.as_deref(), Some("The key team is already used above."));
        assert!(checks[2].1.as_deref().unwrap().contains("256"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_tag_rows_get_an_answer_each(rows in proptest::collection::vec((".*", ".*"), 0..6)) {
            let tags: Vec<TagDraft> = rows.into_iter().map(|(key, value)| TagDraft { key, value }).collect();
            prop_assert_eq!(check_tags(&tags).len(), tags.len());
        }
    }
}
