//! The workbook reader on any bytes taken for an XLSX (a zip whatever its contents): the size
//! check of its parts and calamine never panic, never take memory out of proportion (a part
//! inflating past the limit is refused first), and every error names the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansim_core::table::{LoadOptions, load_bytes};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.xlsx");
    // the size check alone: it either passes or names the file
    if let Err(e) = plansim_core::input::check_zip(path, data) {
        assert!(e.to_string().starts_with("fuzz.xlsx"), "{e}");
        return;
    }
    let lenient = LoadOptions {
        lenient: true,
        ..LoadOptions::default()
    };
    match load_bytes(path, data.to_vec(), &lenient) {
        Ok(table) => {
            assert!(!table.indicators.is_empty());
            assert!(table.indicators.iter().all(|i| i.row >= 1));
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.xlsx"), "{e}"),
    }
});
