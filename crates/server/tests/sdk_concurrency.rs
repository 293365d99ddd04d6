//! Races, pagination while others write, restarts and kill -9: nothing acknowledged is lost.

mod common;

use aws_sdk_appmesh::types::*;
use common::specs::no_provider;
use common::{TestServer, failure, sdk_client, start_binary};
use std::collections::HashSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_creates_of_one_name_give_exactly_one_success() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let attempts: Vec<_> = (0..24)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                client.create_virtual_service().mesh_name("m1").virtual_service_name("race").spec(no_provider()).send().await
            })
        })
        .collect();
    let mut successes = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            Ok(_) => successes += 1,
            Err(error) => assert_eq!(failure::<(), _>(Err(error)).0, "ConflictException"),
        }
    }
    assert_eq!(successes, 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_neither_skip_nor_repeat_while_others_are_created_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let stable: Vec<String> = (0..60).map(|i| format!("stable-{i:02}.local")).collect();
    for name in &stable {
        client.create_virtual_service().mesh_name("m1").virtual_service_name(name).spec(no_provider()).send().await.unwrap();
    }
    let writer = {
        let client = client.clone();
        tokio::spawn(async move {
            for i in 0..60 {
                let name = format!("churn-{i:02}.local");
                client.create_virtual_service().mesh_name("m1").virtual_service_name(&name).spec(no_provider()).send().await.unwrap();
                if i % 2 == 0 {
                    client.delete_virtual_service().mesh_name("m1").virtual_service_name(&name).send().await.unwrap();
                }
            }
        })
    };
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client.list_virtual_services().mesh_name("m1").limit(7).set_next_token(token.clone()).send().await.unwrap();
        seen.extend(page.virtual_services().iter().map(|s| s.virtual_service_name().to_string()));
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
        tokio::task::yield_now().await;
    }
    writer.await.unwrap();
    let unique: HashSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no item is repeated");
    for name in &stable {
        assert!(unique.contains(name), "{name} was skipped");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_restart_with_the_same_file_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    client
        .create_virtual_router()
        .mesh_name("m1")
        .virtual_router_name("r1")
        .spec(VirtualRouterSpec::builder().build())
        .send()
        .await
        .unwrap();
    let created = client
        .create_virtual_service()
        .mesh_name("m1")
        .virtual_service_name("svc")
        .spec(
            VirtualServiceSpec::builder()
                .provider(VirtualServiceProvider::VirtualRouter(
                    VirtualRouterServiceProvider::builder().virtual_router_name("r1").build().unwrap(),
                ))
                .build(),
        )
        .tags(TagRef::builder().key("k").value("v").build().unwrap())
        .send()
        .await
        .unwrap();
    server.stop().await;

    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    let described = client.describe_virtual_service().mesh_name("m1").virtual_service_name("svc").send().await.unwrap();
    assert_eq!(described.virtual_service(), created.virtual_service());
    let arn = created.virtual_service().unwrap().metadata().unwrap().arn();
    assert_eq!(client.list_tags_for_resource().resource_arn(arn).send().await.unwrap().tags().len(), 1);
    server.stop().await;
}

/// The real binary, killed with SIGKILL right after answering: every acknowledged write is there.
#[tokio::test]
async fn acknowledged_writes_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("mesh.sqlite3");
    let (mut child, url) = start_binary(&data, &dir.path().join("no-dist")).await;
    let client = sdk_client(&url, "AKIDEXAMPLE");
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    for i in 0..20 {
        client.create_virtual_service().mesh_name("m1").virtual_service_name(format!("s{i}")).spec(no_provider()).send().await.unwrap();
    }
    child.kill().unwrap(); // SIGKILL: no shutdown, no flush
    child.wait().unwrap();

    let (mut child, url) = start_binary(&data, &dir.path().join("no-dist")).await;
    let client = sdk_client(&url, "AKIDEXAMPLE");
    let listed = client.list_virtual_services().mesh_name("m1").send().await.unwrap();
    assert_eq!(listed.virtual_services().len(), 20);
    child.kill().unwrap();
    child.wait().unwrap();
}
