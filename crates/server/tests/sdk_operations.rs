//! Every App Mesh operation, driven by the official AWS SDK for Rust against the real server.

mod common;

use aws_sdk_appmesh::types::*;
use common::specs::{node_provider, router_provider};
use common::{DEFAULT_ACCOUNT, TestServer, failure};

fn http_listener(port: i32) -> PortMapping {
    PortMapping::builder().port(port).protocol(PortProtocol::Http).build().unwrap()
}

#[tokio::test]
async fn meshes_create_describe_update_list_delete() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();

    let created = client
        .create_mesh()
        .mesh_name("demo")
        .spec(MeshSpec::builder().egress_filter(EgressFilter::builder().r#type(EgressFilterType::AllowAll).build().unwrap()).build())
        .tags(TagRef::builder().key("team").value("payments").build().unwrap())
        .send()
        .await
        .unwrap();
    let mesh = created.mesh().unwrap();
    assert_eq!(mesh.mesh_name(), "demo");
    let metadata = mesh.metadata().unwrap();
    assert_eq!(metadata.arn(), format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/demo"));
    assert_eq!(metadata.version(), 1);
    assert_eq!(metadata.mesh_owner(), DEFAULT_ACCOUNT);
    assert_eq!(metadata.uid().len(), 36);
    assert_eq!(mesh.status().unwrap().status(), Some(&MeshStatusCode::Active));
    let created_at = metadata.created_at().secs();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((now - created_at).abs() < 60, "createdAt is an epoch-seconds timestamp of now");

    let described = client.describe_mesh().mesh_name("demo").send().await.unwrap();
    assert_eq!(described.mesh().unwrap().spec().unwrap().egress_filter().unwrap().r#type(), &EgressFilterType::AllowAll);

    let updated = client
        .update_mesh()
        .mesh_name("demo")
        .spec(MeshSpec::builder().egress_filter(EgressFilter::builder().r#type(EgressFilterType::DropAll).build().unwrap()).build())
        .send()
        .await
        .unwrap();
    assert_eq!(updated.mesh().unwrap().metadata().unwrap().version(), 2);

    let listed = client.list_meshes().send().await.unwrap();
    assert_eq!(listed.meshes().len(), 1);
    assert_eq!(listed.meshes()[0].mesh_name(), "demo");
    assert_eq!(listed.meshes()[0].version(), 2);
    assert!(listed.next_token().is_none());

    let deleted = client.delete_mesh().mesh_name("demo").send().await.unwrap();
    assert_eq!(deleted.mesh().unwrap().status().unwrap().status(), Some(&MeshStatusCode::Deleted));
    let (code, status, _) = failure(client.describe_mesh().mesh_name("demo").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn virtual_services_nodes_and_routers_through_their_whole_life() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();

    let node_spec = VirtualNodeSpec::builder()
        .listeners(
            Listener::builder()
                .port_mapping(http_listener(8080))
                .health_check(
                    HealthCheckPolicy::builder()
                        .healthy_threshold(2)
                        .unhealthy_threshold(3)
                        .interval_millis(5000)
                        .timeout_millis(2000)
                        .protocol(PortProtocol::Http)
                        .path("/ping")
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .service_discovery(ServiceDiscovery::Dns(DnsServiceDiscovery::builder().hostname("n1.local").build().unwrap()))
        .backends(Backend::VirtualService(VirtualServiceBackend::builder().virtual_service_name("other.local").build().unwrap()))
        .build();
    let node = client.create_virtual_node().mesh_name("m1").virtual_node_name("n1").spec(node_spec.clone()).send().await.unwrap();
    assert_eq!(node.virtual_node().unwrap().spec(), Some(&node_spec), "the spec comes back unchanged");
    assert_eq!(
        node.virtual_node().unwrap().metadata().unwrap().arn(),
        format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/m1/virtualNode/n1")
    );

    let router_spec =
        VirtualRouterSpec::builder().listeners(VirtualRouterListener::builder().port_mapping(http_listener(80)).build()).build();
    client.create_virtual_router().mesh_name("m1").virtual_router_name("r1").spec(router_spec).send().await.unwrap();

    let service = client
        .create_virtual_service()
        .mesh_name("m1")
        .virtual_service_name("svc.m1.local")
        .spec(node_provider("n1"))
        .send()
        .await
        .unwrap();
    let data = service.virtual_service().unwrap();
    assert_eq!(data.virtual_service_name(), "svc.m1.local");
    assert_eq!(data.mesh_name(), "m1");
    assert_eq!(data.metadata().unwrap().arn(), format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/m1/virtualService/svc.m1.local"));
    assert_eq!(data.status().unwrap().status(), &VirtualServiceStatusCode::Active);

    let described = client.describe_virtual_service().mesh_name("m1").virtual_service_name("svc.m1.local").send().await.unwrap();
    assert_eq!(described.virtual_service().unwrap().spec(), Some(&node_provider("n1")));

    let updated = client
        .update_virtual_service()
        .mesh_name("m1")
        .virtual_service_name("svc.m1.local")
        .spec(router_provider("r1"))
        .send()
        .await
        .unwrap();
    let updated = updated.virtual_service().unwrap();
    assert_eq!(updated.metadata().unwrap().version(), 2);
    assert_eq!(updated.metadata().unwrap().uid(), data.metadata().unwrap().uid());

    client
        .create_virtual_service()
        .mesh_name("m1")
        .virtual_service_name("none.m1.local")
        .spec(VirtualServiceSpec::builder().build())
        .send()
        .await
        .unwrap();
    let listed = client.list_virtual_services().mesh_name("m1").send().await.unwrap();
    let names: Vec<_> = listed.virtual_services().iter().map(|s| s.virtual_service_name()).collect();
    assert_eq!(names, ["none.m1.local", "svc.m1.local"]);
    assert_eq!(client.list_virtual_nodes().mesh_name("m1").send().await.unwrap().virtual_nodes()[0].virtual_node_name(), "n1");
    assert_eq!(client.list_virtual_routers().mesh_name("m1").send().await.unwrap().virtual_routers()[0].virtual_router_name(), "r1");

    let router_v2 = client
        .update_virtual_router()
        .mesh_name("m1")
        .virtual_router_name("r1")
        .spec(VirtualRouterSpec::builder().listeners(VirtualRouterListener::builder().port_mapping(http_listener(81)).build()).build())
        .send()
        .await
        .unwrap();
    assert_eq!(router_v2.virtual_router().unwrap().metadata().unwrap().version(), 2);
    let node_v2 =
        client.update_virtual_node().mesh_name("m1").virtual_node_name("n1").spec(VirtualNodeSpec::builder().build()).send().await.unwrap();
    assert_eq!(node_v2.virtual_node().unwrap().metadata().unwrap().version(), 2);
    assert_eq!(
        client
            .describe_virtual_router()
            .mesh_name("m1")
            .virtual_router_name("r1")
            .send()
            .await
            .unwrap()
            .virtual_router()
            .unwrap()
            .metadata()
            .unwrap()
            .version(),
        2
    );
    assert_eq!(
        client
            .describe_virtual_node()
            .mesh_name("m1")
            .virtual_node_name("n1")
            .send()
            .await
            .unwrap()
            .virtual_node()
            .unwrap()
            .metadata()
            .unwrap()
            .version(),
        2
    );

    for name in ["svc.m1.local", "none.m1.local"] {
        let deleted = client.delete_virtual_service().mesh_name("m1").virtual_service_name(name).send().await.unwrap();
        assert_eq!(deleted.virtual_service().unwrap().status().unwrap().status(), &VirtualServiceStatusCode::Deleted);
    }
    let deleted = client.delete_virtual_router().mesh_name("m1").virtual_router_name("r1").send().await.unwrap();
    assert_eq!(deleted.virtual_router().unwrap().status().unwrap().status(), &VirtualRouterStatusCode::Deleted);
    let deleted = client.delete_virtual_node().mesh_name("m1").virtual_node_name("n1").send().await.unwrap();
    assert_eq!(deleted.virtual_node().unwrap().status().unwrap().status(), &VirtualNodeStatusCode::Deleted);
    client.delete_mesh().mesh_name("m1").send().await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn tags_are_added_listed_in_pages_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let service = client
        .create_virtual_service()
        .mesh_name("m1")
        .virtual_service_name("svc")
        .spec(VirtualServiceSpec::builder().build())
        .send()
        .await
        .unwrap();
    let arn = service.virtual_service().unwrap().metadata().unwrap().arn().to_string();

    let tag = |key: &str, value: &str| TagRef::builder().key(key).value(value).build().unwrap();
    client.tag_resource().resource_arn(&arn).tags(tag("b", "2")).tags(tag("a", "1")).tags(tag("c", "3")).send().await.unwrap();
    client.untag_resource().resource_arn(&arn).tag_keys("c").send().await.unwrap();

    let first = client.list_tags_for_resource().resource_arn(&arn).limit(1).send().await.unwrap();
    assert_eq!(first.tags(), [tag("a", "1")]);
    let second = client.list_tags_for_resource().resource_arn(&arn).limit(1).next_token(first.next_token().unwrap()).send().await.unwrap();
    assert_eq!(second.tags(), [tag("b", "2")]);
    assert!(second.next_token().is_none());

    let many: Vec<TagRef> = (0..51).map(|i| tag(&format!("k{i}"), "v")).collect();
    let (code, status, _) = failure(client.tag_resource().resource_arn(&arn).set_tags(Some(many)).send().await);
    assert_eq!((code.as_str(), status), ("BadRequestException", 400));
    let fifty: Vec<TagRef> = (0..49).map(|i| tag(&format!("k{i}"), "v")).collect();
    let (code, status, _) = failure(client.tag_resource().resource_arn(&arn).set_tags(Some(fifty)).send().await);
    assert_eq!((code.as_str(), status), ("TooManyTagsException", 400), "2 + 49 tags is over 50");
    let (code, status, message) = failure(client.tag_resource().resource_arn(&arn).tags(tag("AWS:owner", "me")).send().await);
    assert_eq!((code.as_str(), status), ("BadRequestException", 400), "AWS reserves the aws: prefix, in any case");
    assert!(message.contains("aws: prefix"), "{message}");
    let listed = client.list_tags_for_resource().resource_arn(&arn).send().await.unwrap();
    assert_eq!(listed.tags(), [tag("a", "1"), tag("b", "2")], "a refused tag leaves no trace");
    let (code, status, _) =
        failure(client.list_tags_for_resource().resource_arn("arn:aws:appmesh:us-east-1:123456789012:mesh/none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn accounts_see_their_own_meshes() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    server.client().create_mesh().mesh_name("shared-name").send().await.unwrap();
    let other = server.client_as("444455556666");
    let created = other.create_mesh().mesh_name("shared-name").send().await.unwrap();
    assert_eq!(created.mesh().unwrap().metadata().unwrap().mesh_owner(), "444455556666");
    assert_eq!(other.list_meshes().send().await.unwrap().meshes().len(), 1);
    let (code, status, _) = failure(other.describe_mesh().mesh_name("shared-name").mesh_owner(DEFAULT_ACCOUNT).send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}
