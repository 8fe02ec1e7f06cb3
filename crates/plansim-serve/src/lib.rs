//! plansim-serve: the what-if page. A local web server (axum on tokio) over the engine's facade
//! (`plansim_core::run`) and the report's charts: a person moves a plan's rates and sees, at
//! once, the indicator's chart, its verdict, reach year and P(meet), and every target the move
//! changes; the edits download as a scenario file that the command line reproduces.
//!
//! Safe by default: it binds to loopback, answers only requests that name it in `Host` and
//! carry the token printed at start, reads only the files it was started with, and bounds the
//! size of requests, the draws, the horizons and the rates.

pub mod catalog;
pub mod edits;
pub mod guard;
mod page;
pub mod routes;
pub mod whatif;

use plansim_core::lang::Lang;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Why the server could not start or answer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A scenario could not be loaded or run.
    #[error(transparent)]
    Core(#[from] plansim_core::Error),
    /// The report could not lay the results out.
    #[error(transparent)]
    Report(#[from] plansim_report::Error),
    /// A chart could not be drawn.
    #[error("chart: {0}")]
    Chart(String),
    /// A scenario asks for more than the server runs.
    #[error("{0}")]
    Bounds(String),
    /// The address could not be bound or served.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How to start.
#[derive(Clone, Debug)]
pub struct Config {
    /// Scenario files, folders of them, tables.
    pub inputs: Vec<PathBuf>,
    /// The address to bind (loopback unless asked otherwise).
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    pub lang: Lang,
}

/// Whether an address is this machine's alone.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A fresh token: 128 random bits as hex.
pub fn token() -> String {
    use rand::RngExt;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Loads the inputs, binds, calls `ready` with the address to open (token included), and
/// serves until the process is stopped (Ctrl-C).
pub fn serve(config: Config, ready: impl FnOnce(&str)) -> Result<(), Error> {
    let entries = catalog::load(&config.inputs, config.lang)?;
    // the simulation itself runs on rayon's pool: a few blocking threads wait for it, and
    // requests beyond them queue rather than each holding a thread (and its allocator arena)
    let rt = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(8)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let bind_host = if config.host == "localhost" {
            "127.0.0.1"
        } else {
            config.host.as_str()
        };
        let ip: std::net::IpAddr = bind_host
            .trim_matches(['[', ']'])
            .parse()
            .map_err(|_| Error::Bounds(format!("--host {}: not an IP address", config.host)))?;
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(ip, config.port)).await?;
        let port = listener.local_addr()?.port();
        let token = token();
        let guard = guard::Guard::new(token.clone(), &ip.to_string(), port);
        let shown = match ip {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            std::net::IpAddr::V4(v4) if v4.is_unspecified() => "127.0.0.1".into(),
            std::net::IpAddr::V4(v4) => v4.to_string(),
        };
        let app = routes::app(entries, config.lang, guard);
        ready(&format!("http://{shown}:{port}/?token={token}"));
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
