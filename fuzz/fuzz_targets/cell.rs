//! The cell grammar on any text: `Cell::parse` never panics, and a cell it reads prints back
//! (`Display`) to text that reads to the same meaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansim_core::table::Cell;

fuzz_target!(|text: &str| {
    let Ok(cell) = Cell::parse(text) else {
        return;
    };
    assert_eq!(cell.raw, text);
    let _ = (cell.point(), cell.kind(), cell.is_numeric());
    let printed = cell.to_string();
    let again = match Cell::parse(&printed) {
        Ok(c) => c,
        Err(e) => panic!("{text:?} reads as {cell:?}, prints as {printed:?}, which fails: {e}"),
    };
    let meaning = |c: &Cell| {
        (
            c.form.clone(),
            c.magnitude,
            c.percent,
            c.suffix.clone(),
            c.period.clone(),
        )
    };
    assert_eq!(
        meaning(&again),
        meaning(&cell),
        "{text:?} prints as {printed:?}"
    );
});
