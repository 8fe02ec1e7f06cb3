//! The table reader on any bytes (any encoding, CSV or a zip that may be an XLSX): no panic,
//! every error names the file; a table that loads goes through the audit, the projection and a
//! small simulation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansim_core::check::CheckOptions;
use plansim_core::scenario::{Scenario, ScenarioFile};
use plansim_core::table::{LoadOptions, load_bytes};
use std::path::Path;
use std::sync::OnceLock;

static CHECK: OnceLock<CheckOptions> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.csv");
    let lenient = LoadOptions {
        lenient: true,
        ..LoadOptions::default()
    };
    let table = match load_bytes(path, data.to_vec(), &lenient) {
        Ok(t) => t,
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.csv"), "{e}");
            return;
        }
    };
    assert!(!table.indicators.is_empty());
    for ind in &table.indicators {
        assert!(ind.row >= 1);
        // a row with an unreadable cell is left out, not loaded
        assert!(!table.unread.iter().any(|e| e.row == ind.row), "row {}", ind.row);
    }
    let _ = plansim_core::check::run(&table.indicators, CHECK.get_or_init(CheckOptions::default));
    // built through the door a scenario built in code takes, so the fuzz target follows the
    // scenario's fields as they change
    let Ok(sc) = Scenario::from_parts("fuzz", ScenarioFile::default(), vec![table], Vec::new()) else {
        return;
    };
    deeper(&sc);
});

/// Projection, CSV export and a small single-threaded simulation.
fn deeper(sc: &Scenario) {
    let Ok(p) = plansim_core::project::project(sc) else {
        return;
    };
    let _ = plansim_core::export::projection_csv(&p);
    let mut set = plansim_core::simulate::Settings::from_scenario(sc);
    set.draws = 16;
    set.jobs = 1;
    if let Ok(sim) = plansim_core::simulate::simulate(&p, &set) {
        for c in sim.paths.iter().flat_map(|s| &s.chances) {
            assert!((0.0..=1.0).contains(&c.probability), "{c:?}");
        }
    }
}
