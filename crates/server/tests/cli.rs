//! The server binary's subcommands, run as a user runs them: `import`, `export` and `check`
//! against the SQLite file (`--data`) and a running server (`--endpoint`), with their output
//! and exit codes.

mod common;

use std::path::Path;
use std::process::{Child, Command, Output};

const THREE: &str = "tests/fixtures/three.cfn.yaml";
const BROKEN: &str = "tests/fixtures/broken.cfn.yaml";
const LONELY: &str = "tests/fixtures/router-without-routes.json";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mesh-console-server")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Runs and expects `code`; answers standard output and standard error.
fn expect(args: &[&str], code: i32) -> (String, String) {
    let output = run(args);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(code), "{args:?}\nstdout: {stdout}\nstderr: {stderr}");
    (stdout, stderr)
}

/// The server, stopped when the test ends, whether it passes or not.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn import_export_and_check_work_on_the_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("mesh.sqlite3");
    let data = path(&data);

    let (stdout, _) = expect(&["import", THREE, "--data", data], 0);
    assert!(stdout.contains("create    virtualNode/orders (mesh shop)"), "{stdout}");
    assert!(stdout.ends_with("Created 3, updated 0, unchanged 0.\n"), "{stdout}");
    let (stdout, _) = expect(&["import", THREE, "--data", data], 0);
    assert!(stdout.ends_with("Created 0, updated 0, unchanged 3.\n"), "{stdout}");
    let (stdout, _) = expect(&["import", THREE, "--data", data, "--param", "OrdersPort=9090", "--stack-name", "s"], 0);
    assert!(stdout.contains("update    virtualNode/orders"), "{stdout}");

    // Every problem, with its place, and nothing changed: the mesh `broken` is not there.
    let (_, stderr) = expect(&["import", BROKEN, "--data", data], 1);
    assert!(stderr.contains("Bad (line 21): spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000"), "{stderr}");
    let (_, stderr) = expect(&["export", "--data", data, "--mesh", "broken", "--format", "json"], 1);
    assert!(stderr.contains("Mesh with name broken is not present"), "{stderr}");
    let (_, stderr) = expect(&["import", THREE, "--data", data, "--param", "OrdersPort"], 2);
    assert!(stderr.contains("is not NAME=VALUE"), "{stderr}");

    let (stdout, stderr) = expect(&["export", "--data", data, "--mesh", "shop", "--format", "cli"], 0);
    assert!(stdout.starts_with("#!/bin/sh") && stdout.contains("--virtual-node-name 'orders'"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    let (stdout, stderr) = expect(&["export", "--data", data, "--mesh", "shop", "--format", "gateway-api"], 0);
    assert!(stdout.contains("kind: HTTPRoute") || stdout.contains("kind: Service"), "{stdout}");
    assert!(stderr.starts_with("# Migration report (gateway-api)"), "{stderr}");
    expect(&["export", "--data", data, "--mesh", "shop", "--format", "yaml"], 2);
    let missing = dir.path().join("missing.sqlite3");
    let (_, stderr) = expect(&["export", "--data", path(&missing), "--mesh", "shop", "--format", "cli"], 1);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!missing.exists(), "an export creates no file");

    let (stdout, _) = expect(&["check", "--data", data, "--mesh", "shop"], 0);
    assert!(stdout.contains("AM0701 warning mesh/shop: "), "{stdout}");
    expect(&["import", LONELY, "--data", data], 0);
    let (stdout, _) = expect(&["check", "--data", data, "--mesh", "lonely", "--format", "json"], 1);
    let findings: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(findings["findings"][0]["code"], "AM0202", "{stdout}");
}

#[test]
fn check_reads_a_file_without_any_store() {
    let (stdout, _) = expect(&["check", THREE], 0);
    assert!(stdout.contains("AM0701 warning mesh/shop: "), "{stdout}");
    let (stdout, _) = expect(&["check", LONELY], 1);
    assert!(stdout.starts_with("AM0202 error virtualService/a.local: "), "{stdout}");
    let (_, stderr) = expect(&["check", BROKEN], 1);
    assert!(stderr.contains("Bad (line 21)"), "{stderr}");
    expect(&["check"], 2);
    expect(&["check", THREE, "--mesh", "shop"], 2);
}

#[tokio::test]
async fn the_subcommands_call_a_running_server() {
    let dir = tempfile::tempdir().unwrap();
    let (server, url) = common::start_binary(&dir.path().join("mesh.sqlite3"), &dir.path().join("dist")).await;
    let server = Stopped(server);

    let (stdout, _) = expect(&["import", THREE, "--endpoint", &url], 0);
    assert!(stdout.ends_with("Created 3, updated 0, unchanged 0.\n"), "{stdout}");
    let (_, stderr) = expect(&["import", BROKEN, "--endpoint", &url], 1);
    assert!(stderr.contains("Bad (line 21)"), "{stderr}");
    let (stdout, _) = expect(&["export", "--endpoint", &format!("{url}/"), "--mesh", "shop", "--format", "json"], 0);
    let export: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(export["mesh"]["meshName"], "shop");
    let (_, stderr) = expect(&["export", "--endpoint", &url, "--mesh", "nope", "--format", "cli"], 1);
    assert!(stderr.contains("Mesh with name nope is not present"), "{stderr}");
    let (stdout, _) = expect(&["check", "--endpoint", &url, "--mesh", "shop"], 0);
    assert!(stdout.contains("AM0701 warning mesh/shop: "), "{stdout}");
    expect(&["export", "--endpoint", &url, "--data", "x", "--mesh", "shop", "--format", "cli"], 2);
    let (_, stderr) = expect(&["export", "--mesh", "shop", "--format", "cli"], 1);
    assert!(stderr.contains("give --data PATH or --endpoint URL"), "{stderr}");

    drop(server);
    let (_, stderr) = expect(&["check", "--endpoint", &url, "--mesh", "shop"], 1);
    assert!(stderr.contains(&url), "{stderr}");
}
