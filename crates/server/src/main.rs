use clap::Parser;
use mesh_console_server::Server;
use mesh_console_server::config::Config;

/// Lists allocate many small strings; glibc's allocator spent a fifth of the time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    if let Some(code) = mesh_console_server::cli::run_if_named().await {
        std::process::exit(code);
    }
    let config = Config::parse();
    let server = match Server::bind(&config).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("mesh-console-server: {error}");
            std::process::exit(1);
        }
    };
    println!(
        "Mesh Console: http://{} (App Mesh API at http://{}/v20190125, data in {})",
        server.local_addr(),
        server.local_addr(),
        config.data.display()
    );
    match &config.credentials {
        Some(file) => println!("Every call must be signed with a key of {} (the console signs in at /sign-in).", file.display()),
        None if config.insecure_no_auth && !config.listen.ip().is_loopback() => println!(
            "Warning: --insecure-no-auth on {}: no caller is checked; anyone who reaches this port may act as any account.",
            config.listen
        ),
        None => {}
    }
    if let Err(error) = server.serve(shutdown_signal()).await {
        eprintln!("mesh-console-server: {error}");
        std::process::exit(1);
    }
    println!("Stopped.");
}

/// Ctrl-C or SIGTERM: stop taking requests, finish those under way.
async fn shutdown_signal() {
    let interrupt = async { tokio::signal::ctrl_c().await.ok() };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => signal.recv().await,
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<Option<()>>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
}
