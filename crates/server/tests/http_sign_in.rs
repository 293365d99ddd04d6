//! The console's sign-in on a shared server (--credentials): a plain form that checks a key and
//! sets an HttpOnly, SameSite=Strict session cookie that then acts as the key's account.

mod common;

use common::TestServer;
use common::keys::{ALICE, BOB};
use reqwest::header::{LOCATION, SET_COOKIE};
use serde_json::Value;

fn http() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn form(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish()
}

async fn sign_in(server: &TestServer, (access_key, secret, _): (&str, &str, &str), next: &str) -> reqwest::Response {
    http()
        .post(format!("{}/sign-in", server.url))
        .header("origin", &server.url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&[("access_key_id", access_key), ("secret_access_key", secret), ("next", next)]))
        .send()
        .await
        .unwrap()
}

/// `name=value` of a session cookie, for the Cookie header.
fn session_cookie(response: &reqwest::Response) -> String {
    let set_cookie = response.headers()[SET_COOKIE].to_str().unwrap();
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn identity(server: &TestServer, cookie: &str) -> (u16, Value) {
    let response = http().get(format!("{}/console-api/identity", server.url)).header("cookie", cookie).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn the_sign_in_page_is_a_plain_form_with_labelled_fields() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let response = http().get(format!("{}/sign-in?next=%2Fmeshes", server.url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
    assert!(response.headers()["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    assert_eq!(response.headers()["referrer-policy"], "same-origin", "with no-referrer, Chromium posts the form with Origin: null");
    let page = response.text().await.unwrap();
    for part in [
        r#"<label for="access_key_id">Access key ID</label>"#,
        r#"<label for="secret_access_key">Secret access key</label>"#,
        r#"type="password""#,
        r#"<button type="submit">Sign in</button>"#,
        r#"<input type="hidden" name="next" value="/meshes">"#,
    ] {
        assert!(page.contains(part), "{part} in {page}");
    }
    assert!(!page.contains("<script"), "no script: {page}");
    server.stop().await;
}

#[tokio::test]
async fn a_wrong_key_is_refused_with_a_message_and_no_cookie() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    for key in [(ALICE.0, BOB.1, ""), ("AKIAUNKNOWN000000000", ALICE.1, ""), (ALICE.0, "", "")] {
        let response = sign_in(&server, key, "/").await;
        assert_eq!(response.status(), 403, "{key:?}");
        assert!(!response.headers().contains_key(SET_COOKIE));
        let page = response.text().await.unwrap();
        assert!(
            page.contains(
                r#"<p role="alert">That access key ID and secret access key do not match a key of this server&#39;s credentials file.</p>"#
            ),
            "{page}"
        );
        assert!(!page.contains(ALICE.1) && !page.contains(BOB.1), "the secret is never echoed");
    }
    server.stop().await;
}

#[tokio::test]
async fn the_cookie_of_a_right_key_acts_as_its_account_until_sign_out() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    server.client_with(ALICE).create_mesh().mesh_name("alices").send().await.unwrap();
    server.client_with(BOB).create_mesh().mesh_name("bobs").send().await.unwrap();

    let signed_in = sign_in(&server, ALICE, "/meshes/alices").await;
    assert_eq!(signed_in.status(), 303);
    assert_eq!(signed_in.headers()[LOCATION], "/meshes/alices");
    let set_cookie = signed_in.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(set_cookie.split("; ").any(|part| part == attribute), "{attribute} in {set_cookie}");
    }
    let cookie = session_cookie(&signed_in);
    assert_eq!(cookie.len(), "mesh-console-session=".len() + 64, "a 256-bit token: {cookie}");

    assert_eq!(identity(&server, &cookie).await, (200, serde_json::json!({"account": ALICE.2, "region": "us-east-1"})));
    let listed: Value =
        http().get(format!("{}/v20190125/meshes", server.url)).header("cookie", &cookie).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["meshes"].as_array().unwrap().len(), 1);
    assert_eq!(listed["meshes"][0]["meshName"], "alices");
    let created = http()
        .put(format!("{}/v20190125/meshes", server.url))
        .header("cookie", &cookie)
        .header("origin", &server.url)
        .header("content-type", "application/json")
        .body(r#"{"meshName":"from-console"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 200);
    let page = http().get(format!("{}/meshes", server.url)).header("accept", "text/html").header("cookie", &cookie).send().await.unwrap();
    assert_ne!(page.status(), 303, "a signed-in navigation is not sent to sign in");

    let foreign = http()
        .post(format!("{}/sign-out", server.url))
        .header("cookie", &cookie)
        .header("origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403, "another page cannot sign the user out");
    assert_eq!(identity(&server, &cookie).await.0, 200);

    let signed_out =
        http().post(format!("{}/sign-out", server.url)).header("cookie", &cookie).header("origin", &server.url).send().await.unwrap();
    assert_eq!(signed_out.status(), 303);
    assert_eq!(signed_out.headers()[LOCATION], "/sign-in");
    assert!(signed_out.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    let (status, body) = identity(&server, &cookie).await;
    assert_eq!((status, body["__type"].as_str()), (403, Some("UnrecognizedClientException")));
    assert!(body["message"].as_str().unwrap().contains("sign in again at /sign-in"), "{body}");
    server.stop().await;
}

#[tokio::test]
async fn a_console_without_a_session_is_sent_to_sign_in_and_back_only_to_this_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let navigate = |path: &str| http().get(format!("{}{path}", server.url)).header("accept", "text/html,application/xhtml+xml").send();
    for (path, next) in [("/", "%2F"), ("/meshes/m1?tab=routes", "%2Fmeshes%2Fm1%3Ftab%3Droutes"), ("/index.html", "%2Findex.html")] {
        let response = navigate(path).await.unwrap();
        assert_eq!(response.status(), 303, "{path}");
        assert_eq!(response.headers()[LOCATION], format!("/sign-in?next={next}"));
    }
    // The console's own calls: a browser's, with no session, are told to sign in.
    let call = http().get(format!("{}/console-api/identity", server.url)).header("sec-fetch-mode", "cors").send().await.unwrap();
    assert_eq!(call.status(), 403);
    let body: Value = call.json().await.unwrap();
    assert_eq!(body["__type"], "UnrecognizedClientException");
    assert!(body["message"].as_str().unwrap().contains("sign in at /sign-in"), "{body}");

    for (next, location) in [("//evil.example/x", "/"), ("https://evil.example/", "/"), ("/\\evil.example", "/"), ("/meshes", "/meshes")] {
        let response = sign_in(&server, ALICE, next).await;
        assert_eq!(response.headers()[LOCATION], location, "{next}");
    }
    let cookie = session_cookie(&sign_in(&server, ALICE, "/").await);
    let again = http().get(format!("{}/sign-in?next=%2Fmeshes", server.url)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!((again.status().as_u16(), again.headers()[LOCATION].to_str().unwrap()), (303, "/meshes"), "signed in already");
    let foreign = sign_in_from(&server, "http://evil.example").await;
    assert_eq!(foreign.status(), 403, "another page cannot sign the user in (login CSRF)");
    assert!(!foreign.headers().contains_key(SET_COOKIE));
    server.stop().await;
}

async fn sign_in_from(server: &TestServer, origin: &str) -> reqwest::Response {
    http()
        .post(format!("{}/sign-in", server.url))
        .header("origin", origin)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&[("access_key_id", ALICE.0), ("secret_access_key", ALICE.1)]))
        .send()
        .await
        .unwrap()
}
