//! Everything the create wizard holds, and how it lives in the URL: a half-filled wizard
//! can be shared, and a reload loses nothing.

use crate::components::query::{QueryBuilder, QueryLookup};
pub use crate::components::tags::TagDraft;
use crate::components::tags::tag_refs;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::ProviderKind;
use mesh_engine::spec::{VirtualServiceProvider, VirtualServiceSpec};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Name,
    Provider,
    Tags,
    Review,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Name, Step::Provider, Step::Tags, Step::Review];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Name => "name",
            Step::Provider => "provider",
            Step::Tags => "tags",
            Step::Review => "review",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Name => "Name",
            Step::Provider => "Provider",
            Step::Tags => "Tags",
            Step::Review => "Review and create",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Self::ALL.into_iter().find(|step| step.slug() == slug)
    }

    pub fn number(self) -> usize {
        Self::ALL.iter().position(|step| *step == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).map(|index| Self::ALL[index])
    }
}

/// The provider radio group's options, in order: a kind, or none yet.
pub const PROVIDER_OPTIONS: [Option<ProviderKind>; 3] = [Some(ProviderKind::VirtualRouter), Some(ProviderKind::VirtualNode), None];

/// An option in the URL and in element ids: `virtual-router`, `none`.
pub fn provider_slug(kind: Option<ProviderKind>) -> String {
    kind.map_or_else(|| "none".to_owned(), |kind| kind.noun().replace(' ', "-"))
}

/// An option's label: "Virtual router", "None".
pub fn provider_label(kind: Option<ProviderKind>) -> &'static str {
    kind.map_or("None", ProviderKind::title)
}

fn provider_from_slug(slug: &str) -> Option<Option<ProviderKind>> {
    PROVIDER_OPTIONS.into_iter().find(|kind| provider_slug(*kind) == slug)
}

/// The kind and name of a virtual service's provider, read from its spec as App Mesh sent it:
/// `{"provider": {"virtualNode": {"virtualNodeName": "orders-v1"}}}`.
pub fn provider_of(spec: &Value) -> Option<(ProviderKind, String)> {
    ProviderKind::ALL
        .into_iter()
        .find_map(|kind| spec["provider"][kind.arn_segment()][kind.name_member()].as_str().map(|name| (kind, name.to_string())))
}

/// A provider as chosen in a form: a kind (`None`: no provider), and the router or node
/// picked for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderChoice {
    pub kind: Option<ProviderKind>,
    pub target: String,
}

impl ProviderChoice {
    /// The provider of a virtual service's spec, as App Mesh sent it.
    pub fn of(spec: &Value) -> Self {
        provider_of(spec).map(|(kind, target)| Self { kind: Some(kind), target }).unwrap_or_default()
    }

    /// The spec App Mesh takes, or `None` while a kind is chosen without a valid target.
    pub fn spec(&self) -> Option<VirtualServiceSpec> {
        let provider = match self.kind {
            None => None,
            Some(kind) => Some(VirtualServiceProvider::new(kind, ResourceName::parse(self.target.clone()).ok()?)),
        };
        Some(VirtualServiceSpec { provider })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WizardState {
    pub name: String,
    pub provider: ProviderChoice,
    pub tags: Vec<TagDraft>,
}

impl WizardState {
    pub fn from_query(query: &impl QueryLookup) -> Self {
        let mut tags = Vec::new();
        for index in 1.. {
            let Some(key) = query.lookup(&format!("tagKey{index}")) else { break };
            tags.push(TagDraft { key, value: query.lookup(&format!("tagValue{index}")).unwrap_or_default() });
        }
        Self {
            name: query.lookup("name").unwrap_or_default(),
            provider: ProviderChoice {
                kind: query.lookup("provider").and_then(|slug| provider_from_slug(&slug)).flatten(),
                target: query.lookup("target").unwrap_or_default(),
            },
            tags,
        }
    }

    /// The query string of this state at `step` (empty values are left out).
    pub fn to_query(&self, step: Step) -> String {
        let mut query = QueryBuilder::new();
        query.push("step", step.slug());
        query.push_nonempty("name", &self.name);
        if let Some(kind) = self.provider.kind {
            query.push("provider", &provider_slug(Some(kind)));
            query.push_nonempty("target", &self.provider.target);
        }
        for (index, tag) in self.tags.iter().enumerate() {
            query.push(&format!("tagKey{}", index + 1), &tag.key);
            query.push(&format!("tagValue{}", index + 1), &tag.value);
        }
        query.finish()
    }

    /// The CreateVirtualService body of what is filled in so far, as the review shows it.
    pub fn create_body(&self) -> serde_json::Value {
        serde_json::json!({
            "virtualServiceName": self.name,
            "spec": self.provider.spec().unwrap_or_default(),
            "tags": tag_refs(&self.tags).unwrap_or_default(),
        })
    }
}

/// Where a create form opened from the wizard's provider step goes afterwards: back to the
/// wizard, every value kept, with the new router or node chosen. Any other console page it
/// came from is returned to as it was; anything else is refused (no open redirect).
pub fn return_after_create(return_to: &str, kind: ProviderKind, created: &str) -> Option<String> {
    if !return_to.starts_with("/meshes/") || return_to.starts_with("//") {
        return None;
    }
    let (path, query) = return_to.split_once('?').unwrap_or((return_to, ""));
    if !path.ends_with("/virtual-services/create") {
        return Some(return_to.to_string());
    }
    let mut state = WizardState::from_query(&crate::components::query::parse(query));
    state.provider = ProviderChoice { kind: Some(kind), target: created.to_string() };
    Some(format!("{path}?{}", state.to_query(Step::Provider)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::query::{Pairs, QueryLookup};

    fn parse(query: &str) -> Pairs {
        crate::components::query::parse(query)
    }

    #[test]
    fn the_review_exports_the_body_create_sends() {
        let state = WizardState {
            name: "svc.local".into(),
            provider: ProviderChoice { kind: Some(ProviderKind::VirtualRouter), target: "r1".into() },
            tags: vec![TagDraft { key: "owner".into(), value: "it's me".into() }],
        };
        assert_eq!(
            state.create_body(),
            serde_json::json!({
                "virtualServiceName": "svc.local",
                "spec": { "provider": { "virtualRouter": { "virtualRouterName": "r1" } } },
                "tags": [{ "key": "owner", "value": "it's me" }],
            })
        );
    }

    #[test]
    fn steps_go_forward_and_back() {
        assert_eq!(Step::Name.next(), Some(Step::Provider));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Provider.previous(), Some(Step::Name));
        assert_eq!(Step::Name.previous(), None);
        assert_eq!(Step::Tags.number(), 3);
        assert_eq!(Step::from_slug("review"), Some(Step::Review));
    }

    #[test]
    fn the_whole_state_survives_the_url() {
        let state = WizardState {
            name: "orders.default.svc.cluster.local".into(),
            provider: ProviderChoice { kind: Some(ProviderKind::VirtualNode), target: "orders v1&co".into() },
            tags: vec![TagDraft { key: "team".into(), value: "pay=ments".into() }, TagDraft { key: "".into(), value: "".into() }],
        };
        let query = state.to_query(Step::Tags);
        assert!(query.starts_with("step=tags&name=orders.default.svc.cluster.local&provider=virtual-node&target=orders%20v1%26co"));
        let parsed = parse(&query);
        assert_eq!(parsed.lookup("step").unwrap(), "tags");
        assert_eq!(WizardState::from_query(&parsed), state);
    }

    #[test]
    fn a_fresh_wizard_has_no_provider() {
        let state = WizardState::from_query(&parse(""));
        assert_eq!(state, WizardState::default());
        assert_eq!(state.provider.spec(), Some(VirtualServiceSpec::default()));
    }

    #[test]
    fn a_kind_without_a_target_has_no_spec() {
        let choice = ProviderChoice { kind: Some(ProviderKind::VirtualRouter), target: String::new() };
        assert_eq!(choice.spec(), None);
        let choice = ProviderChoice { kind: Some(ProviderKind::VirtualRouter), target: "r1".into() };
        assert_eq!(ProviderChoice::of(&serde_json::to_value(choice.spec().unwrap()).unwrap()), choice);
    }

    #[test]
    fn a_create_from_the_wizard_returns_to_it_with_the_new_provider() {
        let wizard = "/meshes/m1/virtual-services/create?step=provider&name=svc.local&provider=virtual-router&tagKey1=a&tagValue1=b";
        let back = return_after_create(wizard, ProviderKind::VirtualNode, "n 1").unwrap();
        let (path, query) = back.split_once('?').unwrap();
        assert_eq!(path, "/meshes/m1/virtual-services/create");
        let state = WizardState::from_query(&parse(query));
        assert_eq!(state.name, "svc.local");
        assert_eq!(state.provider, ProviderChoice { kind: Some(ProviderKind::VirtualNode), target: "n 1".into() });
        assert_eq!(state.tags, vec![TagDraft { key: "a".into(), value: "b".into() }]);
        assert_eq!(parse(query).lookup("step").unwrap(), "provider");
        assert_eq!(
            return_after_create("/meshes/m1/virtual-services/s/edit", ProviderKind::VirtualNode, "n").unwrap(),
            "/meshes/m1/virtual-services/s/edit"
        );
        assert_eq!(return_after_create("https://evil.example/", ProviderKind::VirtualNode, "n"), None);
        assert_eq!(return_after_create("//evil.example/meshes/", ProviderKind::VirtualNode, "n"), None);
    }

    #[test]
    fn the_provider_options_are_named_in_the_url() {
        let slugs: Vec<String> = PROVIDER_OPTIONS.into_iter().map(provider_slug).collect();
        assert_eq!(slugs, ["virtual-router", "virtual-node", "none"]);
        assert_eq!(provider_label(Some(ProviderKind::VirtualNode)), "Virtual node");
        assert_eq!(WizardState::from_query(&parse("provider=virtual-node")).provider.kind, Some(ProviderKind::VirtualNode));
        assert_eq!(WizardState::from_query(&parse("provider=none")).provider.kind, None);
        assert_eq!(WizardState::from_query(&parse("provider=gateway")).provider.kind, None);
    }

    /// A crafted `returnTo` once aborted the release build after the form was saved.
    #[test]
    fn a_malformed_return_to_is_read_not_a_crash() {
        let wizard = "/meshes/m1/virtual-services/create";
        for query in ["name=%E9", "name=%25E9", "name=%", "name=%zz", "name=%\u{e9}x", "%&name=a", "name=a%C3"] {
            let back = return_after_create(&format!("{wizard}?{query}"), ProviderKind::VirtualNode, "n1").unwrap();
            let state = WizardState::from_query(&parse(back.split_once('?').unwrap().1));
            assert_eq!(state.provider, ProviderChoice { kind: Some(ProviderKind::VirtualNode), target: "n1".into() }, "{query}");
        }
        let back = return_after_create(&format!("{wizard}?name=%25E9"), ProviderKind::VirtualNode, "n1").unwrap();
        assert_eq!(WizardState::from_query(&parse(back.split_once('?').unwrap().1)).name, "%E9");
        assert_eq!(return_after_create("%25E9", ProviderKind::VirtualNode, "n1"), None);
        assert_eq!(return_after_create("%", ProviderKind::VirtualNode, "n1"), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::components::query::parse;
    use proptest::prelude::*;

    fn any_kind() -> impl Strategy<Value = Option<ProviderKind>> {
        proptest::sample::select(PROVIDER_OPTIONS.to_vec())
    }

    fn any_state() -> impl Strategy<Value = WizardState> {
        let tags = proptest::collection::vec((any::<String>(), any::<String>()), 0..4)
            .prop_map(|tags| tags.into_iter().map(|(key, value)| TagDraft { key, value }).collect());
        (any::<String>(), any_kind(), any::<String>(), tags).prop_map(|(name, kind, target, tags)| WizardState {
            name,
            // The URL keeps a target only with a kind: without one there is nothing to pick.
            provider: ProviderChoice { kind, target: if kind.is_some() { target } else { String::new() } },
            tags,
        })
    }

    proptest! {
        #[test]
        fn any_query_gives_a_state(query in ".*") {
            let _ = WizardState::from_query(&parse(&query));
        }

        #[test]
        fn any_state_survives_the_url(state in any_state(), step in 0..4usize) {
            let query = state.to_query(Step::ALL[step]);
            prop_assert_eq!(parse(&query).lookup("step"), Some(Step::ALL[step].slug().to_string()));
            prop_assert_eq!(WizardState::from_query(&parse(&query)), state);
        }

        #[test]
        fn any_return_to_is_followed_or_refused_without_panicking(return_to in ".*", created in ".*") {
            if let Some(back) = return_after_create(&return_to, ProviderKind::VirtualRouter, &created) {
                prop_assert!(back.starts_with("/meshes/"));
            }
        }

        #[test]
        fn a_wizard_return_to_keeps_the_state(state in any_state(), created in any::<String>()) {
            let wizard = format!("/meshes/m1/virtual-services/create?{}", state.to_query(Step::Name));
            let back = return_after_create(&wizard, ProviderKind::VirtualNode, &created).unwrap();
            let returned = WizardState::from_query(&parse(back.split_once('?').unwrap().1));
            prop_assert_eq!(returned.provider, ProviderChoice { kind: Some(ProviderKind::VirtualNode), target: created });
            prop_assert_eq!((returned.name, returned.tags), (state.name, state.tags));
        }

        #[test]
        fn any_step_slug_is_read_without_panicking(slug in ".*") {
            let _ = Step::from_slug(&slug);
        }
    }
}
