//! `plansim serve [SCENARIO|DIR|TABLE ...]`: the what-if page on a local web server; prints the
//! address to open, with its token, and serves until Ctrl-C. The server is `plansim_serve`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  plansim serve                                    # every scenarios/*.toml
  plansim serve scenarios/baseline.toml --port 8000
  plansim serve scenarios/tables/horqin.csv --lang en --port 0   # a free port, printed";

#[derive(clap::Args)]
pub struct Args {
    /// Scenario files, folders of them, or tables (default: scenarios/)
    pub inputs: Vec<PathBuf>,
    /// Port to listen on; 0 picks a free one
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// Address to bind; anything but loopback lets other machines reach the page
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
}

/// The inputs, `scenarios/` when none are given.
pub fn inputs(a: &Args) -> Vec<PathBuf> {
    if a.inputs.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        a.inputs.clone()
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !plansim_serve::is_loopback(&args.host) {
        eprintln!(
            "plansim serve: warning: --host {} lets other machines reach this page (the token \
             still guards it); use 127.0.0.1 to keep it on this machine",
            args.host
        );
    }
    let config = plansim_serve::Config {
        inputs: inputs(&args),
        host: args.host,
        port: args.port,
        lang: super::lang(),
    };
    plansim_serve::serve(config, |url| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "plansim serve: open {url}");
        let _ = out.flush();
    })
    .map_err(|e| match e {
        plansim_serve::Error::Core(c) => anyhow::anyhow!(super::lib_error(&c)),
        e => anyhow::anyhow!(e),
    })?;
    Ok(ExitCode::SUCCESS)
}
