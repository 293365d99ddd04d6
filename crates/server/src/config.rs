//! Command-line flags.

use clap::Parser;
use mesh_engine::names::{AccountId, Region};
use std::net::SocketAddr;
use std::path::PathBuf;

/// A local App Mesh control plane: the App Mesh API (for the AWS CLI and SDKs with
/// --endpoint-url) over an SQLite file, serving the Mesh Console. Subcommands `import`,
/// `export` and `check` work on the file or a running server instead (`import --help`).
#[derive(Debug, Clone, Parser)]
#[command(name = "mesh-console-server", version)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// SQLite file that holds everything (created if missing; WAL files sit beside it).
    #[arg(long, default_value = "data/mesh-console.sqlite3")]
    pub data: PathBuf,

    /// The built console (trunk's dist/), served at / with index.html for app routes.
    #[arg(long, default_value = "dist")]
    pub dist: PathBuf,

    /// Account of callers that name none: unsigned requests (the console), and signed ones
    /// whose access key id is not itself 12 digits.
    #[arg(long, default_value = mesh_engine::DEFAULT_ACCOUNT, value_parser = parse_account)]
    pub account: AccountId,

    /// Region written into ARNs.
    #[arg(long, default_value = mesh_engine::DEFAULT_REGION, value_parser = parse_region)]
    pub region: Region,

    /// Another name this server answers to (repeatable), beside localhost, 127.0.0.1, [::1]
    /// and the --listen address: `--allowed-host mesh.internal` or `mesh.internal:8443`. Any
    /// other Host is refused, so that no web page can reach the server through a DNS name of
    /// its own (DNS rebinding).
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub allowed_hosts: Vec<String>,

    /// AWS shared-credentials file (`[profile]` sections with aws_access_key_id,
    /// aws_secret_access_key and aws_account_id). With it, every App Mesh and RAM call must be
    /// signed (SigV4) with one of its keys and acts as that key's account, and the console
    /// signs in at /sign-in.
    #[arg(long, value_name = "FILE")]
    pub credentials: Option<PathBuf>,

    /// Listen on a non-loopback address without --credentials: anyone who reaches the port
    /// may then act as any account.
    #[arg(long)]
    pub insecure_no_auth: bool,
}

fn parse_account(value: &str) -> Result<AccountId, String> {
    AccountId::parse(value).map_err(|error| error.to_string())
}

fn parse_region(value: &str) -> Result<Region, String> {
    Region::parse(value).map_err(|error| error.to_string())
}
