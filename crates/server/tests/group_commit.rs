//! Group commit: writes that wait together share one transaction, yet each is all or nothing,
//! and every acknowledged one survives kill -9.

mod common;

use common::database::{context, operation};
use common::sdk_client;
use common::specs::no_provider;
use mesh_console_server::storage::{Database, SqliteStore};
use mesh_engine::operation::Operation;
use mesh_engine::{ApiError, Engine};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn create_mesh(name: &str) -> Operation {
    operation("PUT", "/v20190125/meshes", &format!(r#"{{"meshName":"{name}"}}"#))
}

fn mesh_names(database: &Database) -> BTreeSet<String> {
    let listed = database.read(&context(), |engine| operation("GET", "/v20190125/meshes", "").run(engine)).unwrap();
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    listed["meshes"].as_array().unwrap().iter().map(|mesh| mesh["meshName"].as_str().unwrap().to_string()).collect()
}

/// The writer is held inside one request while others queue behind it, so that the queued ones
/// run in one round: one transaction, a savepoint each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_request_in_a_round_rolls_back_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let database = Database::open(&dir.path().join("mesh.sqlite3")).unwrap();
    let (held_tx, held_rx) = std::sync::mpsc::channel::<()>();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let release_rx = Mutex::new(release_rx);
    let holder = tokio::spawn({
        let database = database.clone();
        async move {
            database
                .write(context(), move |engine| {
                    let created = create_mesh("first").run(engine);
                    held_tx.send(()).unwrap();
                    release_rx.lock().unwrap().recv().unwrap();
                    created
                })
                .await
        }
    });
    tokio::task::spawn_blocking(move || held_rx.recv().unwrap()).await.unwrap();

    type Change = Box<dyn FnOnce(&mut Engine<'_, SqliteStore<'_>>) -> Result<String, ApiError> + Send>;
    // Queued one after another: spawned tasks start in no set order, and the second
    // "kept-before" must come after the first.
    let write = |change: Change| {
        let database = database.clone();
        tokio::spawn(async move { database.write(context(), change).await })
    };
    let queued = || tokio::time::sleep(Duration::from_millis(30));
    let kept_before = write(Box::new(|engine| create_mesh("kept-before").run(engine)));
    queued().await;
    let refused = write(Box::new(|engine| create_mesh("kept-before").run(engine)));
    queued().await;
    let changed_then_failed = write(Box::new(|engine| {
        create_mesh("written-then-failed").run(engine)?;
        Err(ApiError::bad_request("a later check failed"))
    }));
    queued().await;
    let panicked = write(Box::new(|engine| {
        create_mesh("written-then-panicked").run(engine).unwrap();
        panic!("a bug in one request");
    }));
    queued().await;
    let kept_after = write(Box::new(|engine| create_mesh("kept-after").run(engine)));
    // Every one of them is queued behind the held request before it lets go.
    tokio::time::sleep(Duration::from_millis(300)).await;
    release_tx.send(()).unwrap();

    assert!(holder.await.unwrap().is_ok());
    assert!(kept_before.await.unwrap().is_ok());
    assert_eq!(refused.await.unwrap().unwrap_err().kind.code(), "ConflictException", "it sees the round's earlier writes");
    assert_eq!(changed_then_failed.await.unwrap().unwrap_err().message, "a later check failed");
    assert_eq!(panicked.await.unwrap().unwrap_err().kind.code(), "InternalServerErrorException");
    assert!(kept_after.await.unwrap().is_ok());
    let expected: BTreeSet<String> = ["first", "kept-before", "kept-after"].map(String::from).into();
    assert_eq!(mesh_names(&database), expected);

    drop(database);
    let reopened = Database::open(&dir.path().join("mesh.sqlite3")).unwrap();
    assert_eq!(mesh_names(&reopened), expected, "what was answered Ok is on disk");
}

/// The real binary, killed with SIGKILL while many clients are writing: every create it
/// acknowledged is there after a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_of_many_concurrent_clients_survive_kill_9() {
    const CLIENTS: usize = 24;
    const MESHES: usize = 4;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("mesh.sqlite3");
    let (mut child, url) = common::start_binary(&data, &dir.path().join("no-dist")).await;
    let client = sdk_client(&url, "AKIDEXAMPLE");
    for mesh in 0..MESHES {
        client.create_mesh().mesh_name(format!("m{mesh}")).send().await.unwrap();
    }

    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|index| {
            let (client, acknowledged, stop) = (sdk_client(&url, "AKIDEXAMPLE"), acknowledged.clone(), stop.clone());
            tokio::spawn(async move {
                for n in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let (mesh, name) = (format!("m{}", index % MESHES), format!("c{index}-{n}"));
                    let created =
                        client.create_virtual_service().mesh_name(&mesh).virtual_service_name(&name).spec(no_provider()).send().await;
                    match created {
                        Ok(_) => acknowledged.lock().unwrap().push((mesh, name)),
                        Err(_) => break, // the server is gone
                    }
                }
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 300 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap(); // SIGKILL while requests are in flight: no shutdown, no flush
    child.wait().unwrap();
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }

    let (mut child, url) = common::start_binary(&data, &dir.path().join("no-dist")).await;
    let client = sdk_client(&url, "AKIDEXAMPLE");
    let mut stored = BTreeSet::new();
    for mesh in 0..MESHES {
        let mesh = format!("m{mesh}");
        let services = client.list_virtual_services().mesh_name(&mesh).into_paginator().items().send().try_collect().await.unwrap();
        stored.extend(services.into_iter().map(|service| (mesh.clone(), service.virtual_service_name().to_string())));
    }
    let acknowledged = acknowledged.lock().unwrap();
    let lost: Vec<_> = acknowledged.iter().filter(|created| !stored.contains(*created)).collect();
    assert!(lost.is_empty(), "{} of {} acknowledged creates were lost: {lost:?}", lost.len(), acknowledged.len());
    child.kill().unwrap();
    child.wait().unwrap();
}
