//! The real AWS CLI (awscli 1.45.11, installed by `scripts/setup --for-tests` into
//! `.tools/venv`) against a shared server (--credentials), with the same credentials file as
//! its profiles: its signatures are accepted and its calls act as each profile's account.

mod common;

use common::TestServer;
use common::keys::{ALICE, BOB};
use std::path::{Path, PathBuf};

/// The AWS CLI the tests run. Missing, the test fails: `scripts/setup --for-tests` installs it.
fn aws_cli() -> PathBuf {
    let aws = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.tools/venv/bin/aws");
    assert!(aws.exists(), "the AWS CLI is missing at {}: run `source scripts/setup --for-tests`", aws.display());
    aws
}

/// `aws appmesh …` against `server` with `credentials` and `environment`: success, stdout, stderr.
async fn aws(server: &TestServer, credentials: &Path, environment: &[(&str, &str)], arguments: &[&str]) -> (bool, String, String) {
    let mut command = std::process::Command::new(aws_cli());
    command
        .args(["appmesh", "--endpoint-url", &server.url, "--region", "us-east-1", "--output", "json"])
        .args(arguments)
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", credentials)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY");
    for (name, value) in environment {
        command.env(name, value);
    }
    let output = tokio::task::spawn_blocking(move || command.output().unwrap()).await.unwrap();
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_signs_with_a_profile_of_the_credentials_file_and_acts_as_its_account() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let credentials = dir.path().join("credentials");
    let alice = [("AWS_PROFILE", "alice")];

    let (ok, created, stderr) = aws(&server, &credentials, &alice, &["create-mesh", "--mesh-name", "shop \"$1\""]).await;
    assert!(ok, "{stderr}");
    let created: serde_json::Value = serde_json::from_str(&created).unwrap();
    assert_eq!(created["mesh"]["metadata"]["meshOwner"], ALICE.2);
    let (ok, described, stderr) = aws(&server, &credentials, &alice, &["describe-mesh", "--mesh-name", "shop \"$1\""]).await;
    assert!(ok && described.contains(&format!("arn:aws:appmesh:us-east-1:{}:mesh/shop", ALICE.2)), "{stderr}{described}");

    let (ok, listed, stderr) = aws(&server, &credentials, &[("AWS_PROFILE", "bob")], &["list-meshes"]).await;
    assert!(ok, "{stderr}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&listed).unwrap()["meshes"], serde_json::json!([]), "bob sees none of alice's");

    let wrong_secret = [("AWS_ACCESS_KEY_ID", ALICE.0), ("AWS_SECRET_ACCESS_KEY", BOB.1)];
    let (ok, _, stderr) = aws(&server, Path::new("/dev/null"), &wrong_secret, &["list-meshes"]).await;
    assert!(!ok && stderr.contains("(InvalidSignatureException)"), "{stderr}");
    let (ok, _, stderr) = aws(&server, &credentials, &alice, &["delete-mesh", "--mesh-name", "shop \"$1\""]).await;
    assert!(ok, "{stderr}");
    server.stop().await;
}
