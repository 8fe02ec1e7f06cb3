//! The outturn reader on any bytes (any encoding, long or wide layout): no panic, every error
//! names the file, and every outturn read names a row and columns of it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz-outturns.csv");
    match plansim_core::actuals::load_bytes(path, data) {
        Ok(outturns) => {
            for o in &outturns {
                assert!(o.row >= 1 && o.column >= 1 && o.name_column >= 1, "{o:?}");
            }
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz-outturns.csv"), "{e}"),
    }
});
