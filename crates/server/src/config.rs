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
}

fn parse_account(value: &str) -> Result<AccountId, String> {
    AccountId::parse(value).map_err(|error| error.to_string())
}

fn parse_region(value: &str) -> Result<Region, String> {
    Region::parse(value).map_err(|error| error.to_string())
}
