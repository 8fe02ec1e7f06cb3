//! The `plansim` command: parse the command line, run, map errors to exit codes.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // the workbook's writer panics when its temporary files cannot be written (a full disk):
    // the report catches that and says it as an error, so the panic's own words are not shown
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info
            .location()
            .is_some_and(|l| l.file().contains("rust_xlsxwriter"))
        {
            default(info);
        }
    }));
    match cli::run() {
        Ok(code) => code,
        // `plansim tables … | head` closing the pipe early is not an error
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", cli::error_text(&e));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            || c.downcast_ref::<plansim_core::Error>()
                .is_some_and(plansim_core::Error::is_broken_pipe)
    })
}
