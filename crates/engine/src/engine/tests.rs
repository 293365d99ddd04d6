//! Every rule of the engine, over the in-memory store; run on native and on wasm32.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::error::ErrorKind;
use crate::input::*;
use crate::spec::*;
use crate::store::MemoryStore;

const OWNER: &str = "111122223333";

struct World {
    store: MemoryStore,
    context: Context,
    clock: i64,
    uids: u32,
}

impl World {
    fn new() -> Self {
        Self::with_quotas(Quotas::default())
    }

    fn with_quotas(quotas: Quotas) -> Self {
        let context = Context {
            caller: AccountId::parse(OWNER).unwrap(),
            region: Region::parse("eu-west-1").unwrap(),
            now: Timestamp::from_millis(1_700_000_000_000),
            new_uid: String::new(),
            quotas,
        };
        Self { store: MemoryStore::new(), context, clock: 1_700_000_000_000, uids: 0 }
    }

    /// Runs one call the way a server does: later, with a fresh uid, all or nothing.
    fn call<T>(&mut self, run: impl FnOnce(&mut Engine<'_, MemoryStore>) -> Result<T, ApiError>) -> Result<T, ApiError> {
        self.clock += 1_000;
        self.uids += 1;
        self.context.now = Timestamp::from_millis(self.clock);
        self.context.new_uid = format!("00000000-0000-4000-8000-{:012}", self.uids);
        let mut working = self.store.clone();
        let result = run(&mut Engine::new(&mut working, &self.context));
        if result.is_ok() {
            self.store = working;
        }
        result
    }

    fn as_caller(&mut self, account: &str) {
        self.context.caller = AccountId::parse(account).unwrap();
    }

    fn mesh(&mut self, name: &str) -> MeshData {
        self.call(|engine| engine.create_mesh(create_mesh(name))).unwrap()
    }

    fn node(&mut self, mesh: &str, name: &str) -> VirtualNodeData {
        let input =
            CreateVirtualNodeInput { virtual_node_name: rn(name), spec: VirtualNodeSpec::default(), tags: None, client_token: None };
        self.call(|engine| engine.create_virtual_node(&at(mesh), input)).unwrap()
    }

    fn router(&mut self, mesh: &str, name: &str) -> VirtualRouterData {
        let input =
            CreateVirtualRouterInput { virtual_router_name: rn(name), spec: VirtualRouterSpec::default(), tags: None, client_token: None };
        self.call(|engine| engine.create_virtual_router(&at(mesh), input)).unwrap()
    }

    fn service(&mut self, mesh: &str, name: &str, provider: Option<VirtualServiceProvider>) -> Result<VirtualServiceData, ApiError> {
        let input = create_service(name, provider);
        self.call(|engine| engine.create_virtual_service(&at(mesh), input))
    }
}

fn rn(name: &str) -> ResourceName {
    ResourceName::parse(name).unwrap()
}

fn sn(name: &str) -> ServiceName {
    ServiceName::parse(name).unwrap()
}

fn at(mesh: &str) -> MeshAddress {
    MeshAddress::new(rn(mesh), None)
}

fn create_mesh(name: &str) -> CreateMeshInput {
    CreateMeshInput { mesh_name: rn(name), spec: None, tags: None, client_token: None }
}

fn create_service(name: &str, provider: Option<VirtualServiceProvider>) -> CreateVirtualServiceInput {
    CreateVirtualServiceInput { virtual_service_name: sn(name), spec: VirtualServiceSpec { provider }, tags: None, client_token: None }
}

fn by_node(name: &str) -> Option<VirtualServiceProvider> {
    Some(VirtualServiceProvider::VirtualNode(VirtualNodeServiceProvider { virtual_node_name: rn(name) }))
}

fn by_router(name: &str) -> Option<VirtualServiceProvider> {
    Some(VirtualServiceProvider::VirtualRouter(VirtualRouterServiceProvider { virtual_router_name: rn(name) }))
}

fn token(value: &str) -> Option<ClientToken> {
    Some(ClientToken::parse(value).unwrap())
}

fn tags(pairs: &[(&str, &str)]) -> TagList {
    TagList::new(pairs.iter().map(|(k, v)| TagRef { key: TagKey::parse(*k).unwrap(), value: TagValue::parse(*v).unwrap() }).collect())
        .unwrap()
}

// ------------------------------------------------------------ metadata

#[test]
fn a_new_service_has_arn_uid_version_owners_and_timestamps() {
    let mut world = World::new();
    world.mesh("m1");
    world.node("m1", "n1");
    let service = world.service("m1", "svc.local", by_node("n1")).unwrap();
    let metadata = &service.metadata;
    assert_eq!(metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualService/svc.local");
    assert_eq!(metadata.version, 1);
    assert_eq!(metadata.mesh_owner.as_str(), OWNER);
    assert_eq!(metadata.resource_owner.as_str(), OWNER);
    assert_eq!(metadata.uid.len(), 36);
    assert_eq!(metadata.created_at, metadata.last_updated_at);
    assert_eq!(service.status.status, StatusCode::Active);
    assert_eq!(service.spec.provider, by_node("n1"));
}

#[test]
fn mesh_node_and_router_arns() {
    let mut world = World::new();
    assert_eq!(world.mesh("m1").metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1");
    assert_eq!(world.node("m1", "n1").metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualNode/n1");
    assert_eq!(world.router("m1", "r1").metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualRouter/r1");
}

#[test]
fn an_update_adds_one_to_the_version_and_keeps_identity() {
    let mut world = World::new();
    world.mesh("m1");
    world.node("m1", "n1");
    world.router("m1", "r1");
    let created = world.service("m1", "svc", None).unwrap();
    let update = UpdateVirtualServiceInput { spec: VirtualServiceSpec { provider: by_router("r1") }, client_token: None };
    let updated = world.call(|engine| engine.update_virtual_service(&at("m1"), &sn("svc"), update)).unwrap();
    assert_eq!(updated.metadata.version, 2);
    assert_eq!(updated.metadata.uid, created.metadata.uid);
    assert_eq!(updated.metadata.arn, created.metadata.arn);
    assert_eq!(updated.metadata.created_at, created.metadata.created_at);
    assert!(updated.metadata.last_updated_at > created.metadata.last_updated_at);
    let update = UpdateVirtualServiceInput { spec: VirtualServiceSpec { provider: by_node("n1") }, client_token: None };
    let again = world.call(|engine| engine.update_virtual_service(&at("m1"), &sn("svc"), update)).unwrap();
    assert_eq!(again.metadata.version, 3);
    let described = world.call(|engine| engine.describe_virtual_service(&at("m1"), &sn("svc"))).unwrap();
    assert_eq!(described, again);
}

#[test]
fn update_mesh_replaces_the_spec() {
    let mut world = World::new();
    world.mesh("m1");
    let spec = MeshSpec { egress_filter: Some(EgressFilter { kind: EgressFilterType::AllowAll }), service_discovery: None };
    let input = UpdateMeshInput { spec: Some(spec.clone()), client_token: None };
    let updated = world.call(|engine| engine.update_mesh(&rn("m1"), input)).unwrap();
    assert_eq!(updated.spec, spec);
    assert_eq!(updated.metadata.version, 2);
}

#[test]
fn delete_answers_the_data_with_status_deleted_and_removes_it() {
    let mut world = World::new();
    world.mesh("m1");
    world.service("m1", "svc", None).unwrap();
    let deleted = world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("svc"))).unwrap();
    assert_eq!(deleted.status.status, StatusCode::Deleted);
    let error = world.call(|engine| engine.describe_virtual_service(&at("m1"), &sn("svc"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    let mesh = world.call(|engine| engine.delete_mesh(&rn("m1"))).unwrap();
    assert_eq!(mesh.status.status, StatusCode::Deleted);
}

// ------------------------------------------------------------ conflicts and not found

#[test]
fn duplicate_names_are_conflicts() {
    let mut world = World::new();
    world.mesh("m1");
    let error = world.call(|engine| engine.create_mesh(create_mesh("m1"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ConflictException);
    world.service("m1", "svc", None).unwrap();
    let error = world.service("m1", "svc", None).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ConflictException);
    assert_eq!(error.message, "VirtualService with name svc already exists in mesh m1");
    world.node("m1", "same");
    world.router("m1", "same");
}

#[test]
fn names_are_scoped_to_their_mesh() {
    let mut world = World::new();
    world.mesh("m1");
    world.mesh("m2");
    world.service("m1", "svc", None).unwrap();
    world.service("m2", "svc", None).unwrap();
}

#[test]
fn unknown_mesh_or_resource_is_not_found() {
    let mut world = World::new();
    let error = world.service("nope", "svc", None).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    assert_eq!(error.message, "Mesh with name nope is not present for account 111122223333");
    world.mesh("m1");
    for error in [
        world.call(|engine| engine.describe_virtual_node(&at("m1"), &rn("x"))).unwrap_err(),
        world.call(|engine| engine.describe_virtual_router(&at("m1"), &rn("x"))).unwrap_err(),
        world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("x"))).unwrap_err(),
        world
            .call(|engine| {
                engine.update_virtual_node(&at("m1"), &rn("x"), UpdateVirtualNodeInput { spec: Default::default(), client_token: None })
            })
            .unwrap_err(),
    ] {
        assert_eq!(error.kind, ErrorKind::NotFoundException, "{error}");
    }
}

#[test]
fn a_provider_must_exist_in_the_same_mesh() {
    let mut world = World::new();
    world.mesh("m1");
    world.mesh("m2");
    world.node("m2", "n1");
    let error = world.service("m1", "svc", by_node("n1")).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    assert_eq!(error.message, "VirtualNode with name n1 is not present under mesh m1 for account 111122223333");
    let error = world.service("m1", "svc", by_router("r1")).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    world.service("m1", "svc", None).unwrap();
    let update = UpdateVirtualServiceInput { spec: VirtualServiceSpec { provider: by_router("r1") }, client_token: None };
    let error = world.call(|engine| engine.update_virtual_service(&at("m1"), &sn("svc"), update)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    let unchanged = world.call(|engine| engine.describe_virtual_service(&at("m1"), &sn("svc"))).unwrap();
    assert_eq!(unchanged.metadata.version, 1);
}

// ------------------------------------------------------------ in use

#[test]
fn a_provider_in_use_cannot_be_deleted() {
    let mut world = World::new();
    world.mesh("m1");
    world.node("m1", "n1");
    world.router("m1", "r1");
    world.service("m1", "a.local", by_node("n1")).unwrap();
    world.service("m1", "b.local", by_router("r1")).unwrap();
    let error = world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("n1"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ResourceInUseException);
    assert_eq!(error.message, "VirtualNode with name n1 cannot be deleted because it is a VirtualService provider for: a.local");
    let error = world.call(|engine| engine.delete_virtual_router(&at("m1"), &rn("r1"))).unwrap_err();
    assert_eq!(error.message, "VirtualRouter with name r1 cannot be deleted because it is a VirtualService provider for: b.local");
    world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("a.local"))).unwrap();
    world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("n1"))).unwrap();
}

#[test]
fn a_node_and_router_of_the_same_name_are_told_apart() {
    let mut world = World::new();
    world.mesh("m1");
    world.node("m1", "x");
    world.router("m1", "x");
    world.service("m1", "svc", by_router("x")).unwrap();
    world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("x"))).unwrap();
    let error = world.call(|engine| engine.delete_virtual_router(&at("m1"), &rn("x"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ResourceInUseException);
}

#[test]
fn a_mesh_that_holds_resources_cannot_be_deleted() {
    let mut world = World::new();
    world.mesh("m1");
    world.node("m1", "n1");
    world.service("m1", "svc", None).unwrap();
    let error = world.call(|engine| engine.delete_mesh(&rn("m1"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ResourceInUseException);
    assert_eq!(error.message, "Mesh with name m1 cannot be deleted because it still holds resources: VirtualService svc; VirtualNode n1");
}

// ------------------------------------------------------------ quotas

#[test]
fn fifteen_meshes_per_account() {
    let mut world = World::new();
    for i in 0..15 {
        world.mesh(&format!("m{i}"));
    }
    let error = world.call(|engine| engine.create_mesh(create_mesh("m15"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::LimitExceededException);
    world.as_caller("444455556666");
    world.mesh("m15");
}

#[test]
fn two_hundred_of_each_kind_per_mesh() {
    let mut world = World::new();
    world.mesh("m1");
    for i in 0..200 {
        world.service("m1", &format!("svc-{i:03}"), None).unwrap();
        world.node("m1", &format!("n{i}"));
        world.router("m1", &format!("r{i}"));
    }
    assert_eq!(world.service("m1", "one-more", None).unwrap_err().kind, ErrorKind::LimitExceededException);
    let node = CreateVirtualNodeInput { virtual_node_name: rn("n-more"), spec: Default::default(), tags: None, client_token: None };
    assert_eq!(world.call(|engine| engine.create_virtual_node(&at("m1"), node)).unwrap_err().kind, ErrorKind::LimitExceededException);
    let router = CreateVirtualRouterInput { virtual_router_name: rn("r-more"), spec: Default::default(), tags: None, client_token: None };
    assert_eq!(world.call(|engine| engine.create_virtual_router(&at("m1"), router)).unwrap_err().kind, ErrorKind::LimitExceededException);
}

#[test]
fn fifty_tags_per_resource() {
    let mut world = World::new();
    world.mesh("m1");
    let service = world.service("m1", "svc", None).unwrap();
    let arn = service.metadata.arn;
    let first: Vec<(String, String)> = (0..40).map(|i| (format!("k{i:02}"), "v".to_string())).collect();
    let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    world.call(|engine| engine.tag_resource(&arn, TagResourceInput { tags: tags(&first) })).unwrap();
    let more: Vec<(String, String)> = (35..51).map(|i| (format!("k{i:02}"), "w".to_string())).collect();
    let more: Vec<(&str, &str)> = more.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let error = world.call(|engine| engine.tag_resource(&arn, TagResourceInput { tags: tags(&more) })).unwrap_err();
    assert_eq!(error.kind, ErrorKind::TooManyTagsException);
    let listed = world.call(|engine| engine.list_tags_for_resource(&arn, None, None)).unwrap();
    assert_eq!(listed.tags.len(), 40, "a refused TagResource changes nothing");
}

// ------------------------------------------------------------ tags

#[test]
fn tags_are_added_replaced_removed_and_paged() {
    let mut world = World::new();
    let mesh = world.mesh("m1");
    let arn = mesh.metadata.arn;
    world.call(|engine| engine.tag_resource(&arn, TagResourceInput { tags: tags(&[("b", "1"), ("a", "2"), ("c", "")]) })).unwrap();
    world.call(|engine| engine.tag_resource(&arn, TagResourceInput { tags: tags(&[("a", "3")]) })).unwrap();
    let untag = UntagResourceInput { tag_keys: TagKeyList::new(vec![TagKey::parse("c").unwrap(), TagKey::parse("zz").unwrap()]).unwrap() };
    world.call(|engine| engine.untag_resource(&arn, untag)).unwrap();
    let limit = Some(TagsPageLimit::new(1).unwrap());
    let first = world.call(|engine| engine.list_tags_for_resource(&arn, limit, None)).unwrap();
    assert_eq!(first.tags, tags(&[("a", "3")]).into_inner());
    let token = first.next_token.unwrap();
    let second = world.call(|engine| engine.list_tags_for_resource(&arn, limit, Some(&token))).unwrap();
    assert_eq!(second.tags, tags(&[("b", "1")]).into_inner());
    assert_eq!(second.next_token, None);
    let described = world.call(|engine| engine.describe_mesh(&rn("m1"), None)).unwrap();
    assert_eq!(described.metadata.version, 1, "tagging is not an update");
}

#[test]
fn tags_given_at_creation_are_listed() {
    let mut world = World::new();
    world.mesh("m1");
    let mut input = create_service("svc", None);
    input.tags = Some(tags(&[("team", "payments")]));
    let service = world.call(|engine| engine.create_virtual_service(&at("m1"), input)).unwrap();
    let listed = world.call(|engine| engine.list_tags_for_resource(&service.metadata.arn, None, None)).unwrap();
    assert_eq!(listed.tags, tags(&[("team", "payments")]).into_inner());
}

#[test]
fn arns_that_name_nothing() {
    let mut world = World::new();
    world.mesh("m1");
    let bad = world.call(|engine| engine.list_tags_for_resource("not-an-arn", None, None)).unwrap_err();
    assert_eq!(bad.kind, ErrorKind::BadRequestException);
    for arn in [
        "arn:aws:appmesh:eu-west-1:111122223333:mesh/m2",
        "arn:aws:appmesh:us-east-1:111122223333:mesh/m1",
        "arn:aws:appmesh:eu-west-1:999999999999:mesh/m1",
        "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualService/nope",
    ] {
        let error = world.call(|engine| engine.list_tags_for_resource(arn, None, None)).unwrap_err();
        assert_eq!(error.kind, ErrorKind::NotFoundException, "{arn}");
    }
}

// ------------------------------------------------------------ idempotency

#[test]
fn the_same_client_token_and_request_answers_the_first_result() {
    let mut world = World::new();
    world.mesh("m1");
    let mut input = create_service("svc", None);
    input.client_token = token("tok-1");
    let first = world.call(|engine| engine.create_virtual_service(&at("m1"), input.clone())).unwrap();
    let again = world.call(|engine| engine.create_virtual_service(&at("m1"), input.clone())).unwrap();
    assert_eq!(first, again);
    let update = UpdateVirtualServiceInput { spec: VirtualServiceSpec::default(), client_token: token("tok-2") };
    let updated = world.call(|engine| engine.update_virtual_service(&at("m1"), &sn("svc"), update.clone())).unwrap();
    let repeated = world.call(|engine| engine.update_virtual_service(&at("m1"), &sn("svc"), update.clone())).unwrap();
    assert_eq!(updated.metadata.version, 2);
    assert_eq!(repeated.metadata.version, 2, "a retried update makes no new version");
}

#[test]
fn the_same_client_token_with_other_parameters_is_a_conflict() {
    let mut world = World::new();
    world.mesh("m1");
    let mut input = create_service("svc", None);
    input.client_token = token("tok-1");
    world.call(|engine| engine.create_virtual_service(&at("m1"), input)).unwrap();
    let mut other = create_service("other", None);
    other.client_token = token("tok-1");
    let error = world.call(|engine| engine.create_virtual_service(&at("m1"), other)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ConflictException);
    assert!(error.message.contains("tok-1"));
}

#[test]
fn a_failed_call_does_not_use_up_its_client_token() {
    let mut world = World::new();
    let mut input = create_service("svc", None);
    input.client_token = token("tok-1");
    assert!(world.call(|engine| engine.create_virtual_service(&at("m1"), input.clone())).is_err());
    world.mesh("m1");
    world.call(|engine| engine.create_virtual_service(&at("m1"), input)).unwrap();
}

// ------------------------------------------------------------ lists

fn page_of_services(world: &mut World, limit: u8, token: Option<&str>) -> (Vec<String>, Option<String>) {
    let limit = Some(PageLimit::new(limit.into()).unwrap());
    let page = world.call(|engine| engine.list_virtual_services(&at("m1"), limit, token)).unwrap();
    (page.virtual_services.into_iter().map(|s| s.virtual_service_name.to_string()).collect(), page.next_token)
}

#[test]
fn lists_page_by_name_with_opaque_tokens() {
    let mut world = World::new();
    world.mesh("m1");
    for name in ["c", "a", "e", "b", "d"] {
        world.service("m1", name, None).unwrap();
    }
    let (first, token) = page_of_services(&mut world, 2, None);
    assert_eq!(first, ["a", "b"]);
    let (second, token) = page_of_services(&mut world, 2, token.as_deref());
    assert_eq!(second, ["c", "d"]);
    let (third, token) = page_of_services(&mut world, 2, token.as_deref());
    assert_eq!(third, ["e"]);
    assert_eq!(token, None);
}

#[test]
fn pages_neither_skip_nor_repeat_when_others_change_between_them() {
    let mut world = World::new();
    world.mesh("m1");
    for name in ["b", "d", "f", "h"] {
        world.service("m1", name, None).unwrap();
    }
    let (first, token) = page_of_services(&mut world, 2, None);
    assert_eq!(first, ["b", "d"]);
    world.service("m1", "a", None).unwrap();
    world.service("m1", "g", None).unwrap();
    world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("d"))).unwrap();
    let (rest, _) = page_of_services(&mut world, 10, token.as_deref());
    assert_eq!(rest, ["f", "g", "h"]);
}

#[test]
fn a_token_that_is_not_ours_is_a_bad_request() {
    let mut world = World::new();
    world.mesh("m1");
    world.mesh("m2");
    let error = world.call(|engine| engine.list_virtual_services(&at("m1"), None, Some("garbage"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::BadRequestException);
    for name in ["a", "b"] {
        world.service("m1", name, None).unwrap();
    }
    let (_, token) = page_of_services(&mut world, 1, None);
    let error = world.call(|engine| engine.list_virtual_services(&at("m2"), None, token.as_deref())).unwrap_err();
    assert_eq!(error.kind, ErrorKind::BadRequestException, "a token is tied to its list");
}

#[test]
fn lists_default_to_100_items() {
    let mut world = World::new();
    world.mesh("m1");
    for i in 0..101 {
        world.node("m1", &format!("n{i:03}"));
    }
    let page = world.call(|engine| engine.list_virtual_nodes(&at("m1"), None, None)).unwrap();
    assert_eq!(page.virtual_nodes.len(), 100);
    assert!(page.next_token.is_some());
}

#[test]
fn list_meshes_shows_only_the_callers_meshes_in_pages() {
    let mut world = World::new();
    for name in ["b", "a", "c"] {
        world.mesh(name);
    }
    world.as_caller("444455556666");
    world.mesh("a");
    world.as_caller(OWNER);
    let limit = Some(PageLimit::new(2).unwrap());
    let first = world.call(|engine| engine.list_meshes(limit, None)).unwrap();
    let names: Vec<_> = first.meshes.iter().map(|m| m.mesh_name.to_string()).collect();
    assert_eq!(names, ["a", "b"]);
    assert!(first.meshes.iter().all(|m| m.mesh_owner.as_str() == OWNER));
    let second = world.call(|engine| engine.list_meshes(limit, first.next_token.as_deref())).unwrap();
    let names: Vec<_> = second.meshes.iter().map(|m| m.mesh_name.to_string()).collect();
    assert_eq!(names, ["c"]);
    assert_eq!(second.next_token, None);
}

#[test]
fn refs_carry_what_the_model_says() {
    let mut world = World::new();
    world.mesh("m1");
    let router = world.router("m1", "r1");
    let page = world.call(|engine| engine.list_virtual_routers(&at("m1"), None, None)).unwrap();
    let reference = &page.virtual_routers[0];
    assert_eq!(reference.arn, router.metadata.arn);
    assert_eq!(reference.version, 1);
    assert_eq!(reference.mesh_name.as_str(), "m1");
    assert_eq!(reference.virtual_router_name.as_str(), "r1");
}

// ------------------------------------------------------------ accounts

#[test]
fn another_accounts_mesh_is_not_found() {
    let mut world = World::new();
    world.mesh("m1");
    world.as_caller("444455556666");
    let error = world.call(|engine| engine.describe_mesh(&rn("m1"), None)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    let owner = AccountId::parse(OWNER).unwrap();
    let error = world.call(|engine| engine.describe_mesh(&rn("m1"), Some(&owner))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    world.mesh("m1");
}

// ------------------------------------------------------------ sharing (AWS RAM)

use super::sharing::CreateResourceShareInput;

const CONSUMER: &str = "444455556666";

fn share(world: &mut World, mesh: &str, with: &str) -> String {
    let input = CreateResourceShareInput {
        name: "share".into(),
        resource_arns: vec![format!("arn:aws:appmesh:eu-west-1:{OWNER}:mesh/{mesh}")],
        principals: vec![with.into()],
        allow_external_principals: None,
        client_token: None,
    };
    world.call(|engine| engine.create_resource_share(input)).unwrap().resource_share.resource_share_arn
}

fn shared_at(mesh: &str) -> MeshAddress {
    MeshAddress::new(rn(mesh), Some(AccountId::parse(OWNER).unwrap()))
}

#[test]
fn a_shared_mesh_is_listed_and_described_for_the_consumer() {
    let mut world = World::new();
    world.mesh("m1");
    world.mesh("private");
    share(&mut world, "m1", CONSUMER);
    world.as_caller(CONSUMER);
    let listed = world.call(|engine| engine.list_meshes(None, None)).unwrap();
    let names: Vec<_> = listed.meshes.iter().map(|m| (m.mesh_name.to_string(), m.mesh_owner.to_string())).collect();
    assert_eq!(names, [("m1".to_string(), OWNER.to_string())]);
    let owner = AccountId::parse(OWNER).unwrap();
    world.call(|engine| engine.describe_mesh(&rn("m1"), Some(&owner))).unwrap();
    let error = world.call(|engine| engine.describe_mesh(&rn("private"), Some(&owner))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
}

#[test]
fn in_a_shared_mesh_each_account_modifies_only_what_it_created() {
    let mut world = World::new();
    world.mesh("m1");
    world.node("m1", "owners-node");
    share(&mut world, "m1", CONSUMER);
    world.as_caller(CONSUMER);
    let created =
        world.call(|engine| engine.create_virtual_service(&shared_at("m1"), create_service("mine.local", by_node("owners-node")))).unwrap();
    assert_eq!(created.metadata.mesh_owner.as_str(), OWNER);
    assert_eq!(created.metadata.resource_owner.as_str(), CONSUMER);
    let update = UpdateVirtualNodeInput { spec: Default::default(), client_token: None };
    let error = world.call(|engine| engine.update_virtual_node(&shared_at("m1"), &rn("owners-node"), update)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ForbiddenException);
    let error = world.call(|engine| engine.delete_virtual_node(&shared_at("m1"), &rn("owners-node"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ForbiddenException);
    let update = UpdateVirtualServiceInput { spec: Default::default(), client_token: None };
    world.call(|engine| engine.update_virtual_service(&shared_at("m1"), &sn("mine.local"), update)).unwrap();

    world.as_caller(OWNER);
    let update = UpdateVirtualServiceInput { spec: Default::default(), client_token: None };
    let error = world.call(|engine| engine.update_virtual_service(&at("m1"), &sn("mine.local"), update)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ForbiddenException, "not even the mesh owner updates what others created");
    world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("mine.local"))).unwrap();
}

#[test]
fn only_the_owner_shares_and_a_deleted_share_hides_the_mesh_again() {
    let mut world = World::new();
    world.mesh("m1");
    world.as_caller(CONSUMER);
    let input = CreateResourceShareInput {
        name: "steal".into(),
        resource_arns: vec![format!("arn:aws:appmesh:eu-west-1:{OWNER}:mesh/m1")],
        principals: vec![CONSUMER.into()],
        allow_external_principals: None,
        client_token: None,
    };
    let error = world.call(|engine| engine.create_resource_share(input)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::UnknownResourceException);
    world.as_caller(OWNER);
    let arn = share(&mut world, "m1", CONSUMER);
    assert!(arn.starts_with(&format!("arn:aws:ram:eu-west-1:{OWNER}:resource-share/")));
    world.call(|engine| engine.delete_resource_share(&arn, None)).unwrap();
    world.as_caller(CONSUMER);
    assert!(world.call(|engine| engine.list_meshes(None, None)).unwrap().meshes.is_empty());
}

#[test]
fn share_inputs_are_checked() {
    let mut world = World::new();
    world.mesh("m1");
    let mut input = CreateResourceShareInput {
        name: "s".into(),
        resource_arns: vec!["not-an-arn".into()],
        principals: vec![CONSUMER.into()],
        allow_external_principals: None,
        client_token: None,
    };
    assert_eq!(world.call(|engine| engine.create_resource_share(input.clone())).unwrap_err().kind, ErrorKind::MalformedArnException);
    input.resource_arns = vec![format!("arn:aws:appmesh:eu-west-1:{OWNER}:mesh/m1")];
    input.principals = vec!["o-exampleorgid".into()];
    assert_eq!(world.call(|engine| engine.create_resource_share(input.clone())).unwrap_err().kind, ErrorKind::InvalidParameterException);
    input.principals = vec![OWNER.into()];
    assert_eq!(world.call(|engine| engine.create_resource_share(input)).unwrap_err().kind, ErrorKind::InvalidParameterException);
}

#[test]
fn deleting_a_mesh_ends_its_sharing() {
    let mut world = World::new();
    world.mesh("m1");
    share(&mut world, "m1", CONSUMER);
    world.call(|engine| engine.delete_mesh(&rn("m1"))).unwrap();
    world.mesh("m1");
    world.as_caller(CONSUMER);
    assert!(world.call(|engine| engine.list_meshes(None, None)).unwrap().meshes.is_empty());
}

mod routes;
mod whole_mesh;
