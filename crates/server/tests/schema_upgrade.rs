//! A database written by an earlier server (schema 1: no List items kept beside the
//! resources) is brought to this schema when opened, all or nothing, and lists as before.

mod common;

use common::database::{context, operation};
use mesh_console_server::storage::Database;
use rusqlite::Connection;
use std::path::Path;

async fn write(database: &Database, method: &str, path: &str, body: &str) {
    let call = operation(method, path, body);
    database.write(context(), move |engine| call.run(engine)).await.unwrap();
}

fn read(database: &Database, path: &str) -> serde_json::Value {
    let text = database.read(&context(), |engine| operation("GET", path, "").run(engine)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// What a schema-1 server left: the same entries, without the List items.
fn as_schema_1(path: &Path) {
    let connection = Connection::open(path).unwrap();
    let removed = connection.execute("DELETE FROM entries WHERE collection LIKE 'listing%'", []).unwrap();
    assert_eq!(removed, 4, "two nodes, a router and a route");
    connection.execute_batch("PRAGMA user_version = 1;").unwrap();
}

#[tokio::test]
async fn a_schema_1_database_gets_its_list_items_and_lists_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mesh.sqlite3");
    let lists =
        ["/v20190125/meshes/m1/virtualNodes", "/v20190125/meshes/m1/virtualRouters", "/v20190125/meshes/m1/virtualRouter/r1/routes"];
    let before = {
        let database = Database::open(&path).unwrap();
        write(&database, "PUT", "/v20190125/meshes", r#"{"meshName":"m1"}"#).await;
        for node in ["n1", "n2"] {
            write(&database, "PUT", "/v20190125/meshes/m1/virtualNodes", &format!(r#"{{"virtualNodeName":"{node}","spec":{{}}}}"#)).await;
        }
        write(&database, "PUT", "/v20190125/meshes/m1/virtualRouters", r#"{"virtualRouterName":"r1","spec":{}}"#).await;
        let route = r#"{"routeName":"to-n1","spec":{"tcpRoute":{"action":{"weightedTargets":[{"virtualNode":"n1","weight":1}]}}}}"#;
        write(&database, "PUT", "/v20190125/meshes/m1/virtualRouter/r1/routes", route).await;
        lists.map(|list| read(&database, list))
    };
    assert_eq!(before[0]["virtualNodes"].as_array().unwrap().len(), 2);
    as_schema_1(&path);

    let database = Database::open(&path).unwrap();
    assert_eq!(lists.map(|list| read(&database, list)), before);
    let version: i64 = Connection::open(&path).unwrap().query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
    assert_eq!(version, 2);
}

#[test]
fn a_database_of_a_newer_schema_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mesh.sqlite3");
    Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 3;").unwrap();
    let error = Database::open(&path).err().unwrap();
    assert!(error.ends_with("has schema version 3; this server reads version 2"), "{error}");
}
