//! The server binary's subcommands: `import`, `export` and `check`, against an SQLite file
//! opened directly (`--data`) or a running server (`--endpoint`), both through the very
//! console calls the console makes (mesh-console-api). Without a subcommand the binary serves.

mod check;
mod export;
mod import;
mod target;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "mesh-console-server", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Imports a CloudFormation template, App Mesh controller manifests, the console's own
    /// export or describe dumps: all of it, or (on any problem) nothing. Exit 1 on a problem.
    Import(import::ImportArgs),
    /// Writes a mesh in a format to standard output (a migration's report to standard error).
    Export(export::ExportArgs),
    /// Runs the configuration checks on a file or a stored mesh. Exit 1 when a finding is an error.
    Check(check::CheckArgs),
}

const SUBCOMMANDS: [&str; 3] = ["import", "export", "check"];

/// Runs the subcommand the first argument names, and answers its exit code; `None` when the
/// first argument names none (the server's own flags follow, or nothing).
pub async fn run_if_named() -> Option<i32> {
    let first = std::env::args().nth(1)?;
    if !SUBCOMMANDS.contains(&first.as_str()) {
        return None;
    }
    let code = match Cli::parse().command {
        Command::Import(args) => import::run(args).await,
        Command::Export(args) => export::run(args).await,
        Command::Check(args) => check::run(args).await,
    };
    Some(code)
}

/// Says what went wrong, and answers exit code 1.
fn fail(command: &str, message: &str) -> i32 {
    eprintln!("mesh-console-server {command}: {message}");
    1
}
