//! Load benchmark of the real server binary, pinned to one core with `taskset`:
//! ListVirtualServices (200 services, limit 100) and CreateVirtualService, each at 32
//! concurrent keep-alive connections. Prints requests/s and p50/p99 latency; asserts nothing.
//!
//!     cargo bench -p mesh-console-server --bench api_load

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 32;
const LIST_REQUESTS: usize = 20_000;
const MESHES: usize = 15;
const SERVICES_PER_MESH: usize = 200;

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(run());
}

async fn run() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = start_server(&dir.path().join("bench.sqlite3"), port);
    let base = format!("http://127.0.0.1:{port}/v20190125");
    let client = reqwest::Client::builder().pool_max_idle_per_host(CONNECTIONS).build().unwrap();
    wait_until_up(&client, &base).await;

    for mesh in 0..MESHES {
        send(&client, "PUT", &format!("{base}/meshes"), format!(r#"{{"meshName":"bench-{mesh}"}}"#)).await;
    }

    let next = Arc::new(AtomicUsize::new(0));
    let creates = MESHES * SERVICES_PER_MESH;
    let create = measure(creates, {
        let (client, base, next) = (client.clone(), base.clone(), next.clone());
        move || {
            let (client, base) = (client.clone(), base.clone());
            let n = next.fetch_add(1, Ordering::Relaxed);
            async move {
                let url = format!("{base}/meshes/bench-{}/virtualServices", n % MESHES);
                let body = format!(r#"{{"virtualServiceName":"service-{n:05}.bench.local","spec":{{}}}}"#);
                send(&client, "PUT", &url, body).await;
            }
        }
    })
    .await;
    report("CreateVirtualService", &create);

    let list_url = format!("{base}/meshes/bench-0/virtualServices?limit=100");
    let list = measure(LIST_REQUESTS, {
        let (client, list_url) = (client.clone(), list_url.clone());
        move || {
            let (client, list_url) = (client.clone(), list_url.clone());
            async move {
                let body = send(&client, "GET", &list_url, String::new()).await;
                assert!(body.contains("nextToken"), "a full page of 100 out of 200");
            }
        }
    })
    .await;
    report("ListVirtualServices (200 services, limit 100)", &list);

    server.kill().ok();
    server.wait().ok();
}

fn start_server(data: &std::path::Path, port: u16) -> Child {
    let binary = env!("CARGO_BIN_EXE_mesh-console-server");
    let pinned = Command::new("taskset").arg("--version").stdout(Stdio::null()).status().is_ok();
    let mut command = if pinned {
        let mut command = Command::new("taskset");
        command.args(["-c", "0", binary]);
        command
    } else {
        eprintln!("taskset is missing: the server is not pinned to one core");
        Command::new(binary)
    };
    command.args(["--listen", &format!("127.0.0.1:{port}"), "--data"]).arg(data).stdout(Stdio::null()).spawn().expect("the server starts")
}

async fn wait_until_up(client: &reqwest::Client, base: &str) {
    for _ in 0..200 {
        if client.get(format!("{base}/meshes")).send().await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the server did not start");
}

async fn send(client: &reqwest::Client, method: &str, url: &str, body: String) -> String {
    let response = client.request(method.parse().unwrap(), url).body(body).send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    assert!(status.is_success(), "{method} {url}: {status} {text}");
    text
}

struct Figures {
    requests: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

/// Runs `total` requests over `CONNECTIONS` concurrent workers, timing each.
async fn measure<F, Fut>(total: usize, request: F) -> Figures
where
    F: Fn() -> Fut + Clone + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    let done = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let local = tokio::task::LocalSet::new();
    let mut workers = Vec::new();
    for _ in 0..CONNECTIONS {
        let (done, request) = (done.clone(), request.clone());
        workers.push(local.spawn_local(async move {
            let mut latencies = Vec::new();
            while done.fetch_add(1, Ordering::Relaxed) < total {
                let sent = Instant::now();
                request().await;
                latencies.push(sent.elapsed());
            }
            latencies
        }));
    }
    let latencies = local
        .run_until(async move {
            let mut all = Vec::new();
            for worker in workers {
                all.extend(worker.await.unwrap());
            }
            all
        })
        .await;
    Figures { requests: latencies.len(), elapsed: started.elapsed(), latencies }
}

fn report(name: &str, figures: &Figures) {
    let mut sorted = figures.latencies.clone();
    sorted.sort();
    let percentile = |p: f64| sorted[((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1).min(sorted.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: {} requests at {CONNECTIONS} connections in {:.2} s: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms",
        figures.requests,
        figures.elapsed.as_secs_f64(),
        figures.requests as f64 / figures.elapsed.as_secs_f64(),
        ms(percentile(0.50)),
        ms(percentile(0.99)),
    );
}
