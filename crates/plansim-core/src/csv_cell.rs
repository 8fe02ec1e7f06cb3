//! CSV that is safe to open in a spreadsheet: a cell Excel or LibreOffice would take for a
//! formula (`=1+1`, `+86`, `-x`, `@SUM(…)`, or one opening with a tab or carriage return)
//! gets a leading `'`, as OWASP recommends; a cell that is wholly a decimal number (`-0.3`,
//! `1e5`) stays as it is. Every CSV plansim writes for people goes through [`Writer`];
//! DataFrames (the Python package) read the cells as they are, see [`as_data`].

use std::borrow::Cow;
use std::cell::Cell;
use std::io::Write;

thread_local! {
    /// Off while [`as_data`] runs: the CSV is read by a program, not opened in a spreadsheet.
    static SPREADSHEET: Cell<bool> = const { Cell::new(true) };
}

/// Runs `f` with the CSV writers on this thread writing cells as they are (for DataFrames).
pub fn as_data<T>(f: impl FnOnce() -> T) -> T {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            SPREADSHEET.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SPREADSHEET.with(|s| s.replace(false)));
    f()
}

/// Whether a cell is wholly a decimal number: an optional sign, digits with at most one
/// point, an optional exponent (`-0.3`, `+5`, `.5`, `1e5`, `2.5E-3`).
pub(crate) fn is_number(cell: &str) -> bool {
    let b = cell.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// A cell as it may stand in a spreadsheet: a leading `'` before a formula's first character
/// unless the cell is a number.
pub fn safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn safe_bytes(cell: &[u8]) -> Cow<'_, [u8]> {
    let number = std::str::from_utf8(cell).is_ok_and(is_number);
    if cell.first().copied().is_some_and(risky) && !number {
        let mut quoted = Vec::with_capacity(cell.len() + 1);
        quoted.push(b'\'');
        quoted.extend_from_slice(cell);
        Cow::Owned(quoted)
    } else {
        Cow::Borrowed(cell)
    }
}

/// The bytes a scratch writer wrote, shared with the [`Writer`] that reads them back.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Shared {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    }

    /// Returns the buffer emptied, keeping its room for the next row.
    fn give_back(&self, mut bytes: Vec<u8>) {
        bytes.clear();
        if let Ok(mut b) = self.0.lock() {
            *b = bytes;
        }
    }
}

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("a CSV buffer was poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A CSV writer whose every cell passes through [`safe`] (unless in [`as_data`]), for rows
/// written as records or serialized. Rows are written by `csv` into a scratch buffer, then
/// copied out with a `'` put before each risky cell: no record is parsed back.
pub struct Writer<W: Write> {
    out: std::io::BufWriter<W>,
    scratch: csv::Writer<Shared>,
    buffer: Shared,
    spreadsheet: bool,
}

impl Writer<Vec<u8>> {
    /// A writer into bytes.
    pub(crate) fn to_bytes() -> Writer<Vec<u8>> {
        Writer::new(Vec::new())
    }

    /// The bytes written.
    pub(crate) fn into_bytes(mut self) -> csv::Result<Vec<u8>> {
        self.drain()?;
        self.out.into_inner().map_err(|e| e.into_error().into())
    }
}

impl<W: Write> Writer<W> {
    /// A writer into `w`.
    pub fn new(w: W) -> Writer<W> {
        let buffer = Shared::default();
        Writer {
            out: std::io::BufWriter::new(w),
            scratch: csv::Writer::from_writer(buffer.clone()),
            buffer,
            spreadsheet: SPREADSHEET.with(Cell::get),
        }
    }

    /// Writes one record, each cell made safe.
    pub(crate) fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.scratch.write_record(record)?;
        self.drain()
    }

    /// Serializes a row (its header first, as `csv` does), each cell made safe.
    pub fn serialize<S: serde::Serialize>(&mut self, row: S) -> csv::Result<()> {
        self.scratch.serialize(row)?;
        self.drain()
    }

    /// Copies what the scratch writer holds to the output, made safe.
    fn drain(&mut self) -> csv::Result<()> {
        self.scratch.flush()?;
        let bytes = self.buffer.take();
        if self.spreadsheet {
            defuse(&bytes, &mut self.out)?;
        } else {
            self.out.write_all(&bytes)?;
        }
        self.buffer.give_back(bytes);
        Ok(())
    }

    /// Flushes the output.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Whether a cell opening with this byte may run as a formula.
fn risky(b: u8) -> bool {
    matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

/// Copies CSV as `csv` writes it (`,` between cells, `\n` after rows, a cell quoted when it
/// holds `,`, `"`, or a line break, its quotes doubled) with a `'` before each cell [`safe`]
/// would mark: inside the quotes of a quoted cell (which is never a number), else in front.
fn defuse(bytes: &[u8], out: &mut impl Write) -> std::io::Result<()> {
    let mut i = 0;
    while i < bytes.len() {
        // at the start of a cell
        if bytes[i] == b'"' {
            let mut end = i + 1;
            loop {
                match bytes.get(end) {
                    Some(b'"') if bytes.get(end + 1) == Some(&b'"') => end += 2,
                    Some(b'"') | None => break,
                    Some(_) => end += 1,
                }
            }
            out.write_all(b"\"")?;
            if bytes.get(i + 1).copied().is_some_and(risky) {
                out.write_all(b"'")?;
            }
            let end = (end + 1).min(bytes.len());
            out.write_all(&bytes[i + 1..end])?;
            i = end;
        } else {
            let end = bytes[i..]
                .iter()
                .position(|&b| b == b',' || b == b'\n')
                .map_or(bytes.len(), |p| i + p);
            let cell = &bytes[i..end];
            if let Cow::Owned(safe) = safe_bytes(cell) {
                out.write_all(&safe)?;
            } else {
                out.write_all(cell)?;
            }
            i = end;
        }
        // the separator after the cell
        if let Some(&sep) = bytes.get(i) {
            out.write_all(&[sep])?;
            i += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_and_formulas_are_quoted() {
        for n in ["-0.3", "1e5", "+5", "-12", "2.5E-3", ".5", "-5.", "7"] {
            assert!(is_number(n), "{n}");
            assert_eq!(safe(n), n);
        }
        for (cell, out) in [
            ("=1+1", "'=1+1"),
            ("+86 10", "'+86 10"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-3-4", "'-3-4"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("1e", "1e"),
            ("e5", "e5"),
            ("GDP=100", "GDP=100"),
            ("地区生产总值", "地区生产总值"),
            ("", ""),
        ] {
            assert_eq!(safe(cell), out, "{cell:?}");
        }
        assert!(!is_number("-") && !is_number("1e+") && !is_number("--1") && !is_number("."));
    }

    /// Every cell read back from the writer's CSV is what [`safe`] makes of it, whatever
    /// quoting it needed.
    #[test]
    fn cells_read_back_as_safe_makes_them() {
        let cells = [
            "",
            "=",
            "-",
            "-1",
            "-1.5e3",
            "+x",
            "@",
            "\t",
            "\r",
            "\n",
            "\"",
            "\"=x\"",
            "=a,b",
            "-\n2",
            "a\"b",
            "地区,生产",
            "'=x",
            "1e",
            ",",
            "=\"\"",
        ];
        let mut w = Writer::to_bytes();
        let mut rows = Vec::new();
        for a in cells {
            for b in cells {
                let row = [a, b, "x"];
                w.write_record(row).unwrap();
                rows.push(row);
            }
        }
        let bytes = w.into_bytes().unwrap();
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[..]);
        let read: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(read.len(), rows.len());
        for (got, row) in read.iter().zip(&rows) {
            let want: Vec<String> = row.iter().map(|c| safe(c).into_owned()).collect();
            assert_eq!(got.iter().collect::<Vec<_>>(), want, "{row:?}");
        }
    }

    #[derive(serde::Serialize)]
    struct Row<'a> {
        name: &'a str,
        value: f64,
        note: &'a str,
    }

    #[test]
    fn serialized_rows_and_records_are_made_safe() {
        let mut w = Writer::to_bytes();
        w.serialize(Row {
            name: "=HYPERLINK(\"http://x\",\"y\")",
            value: -0.5,
            note: "two\nlines, -quoted",
        })
        .unwrap();
        w.write_record(["@a", "-1e-3", "b"]).unwrap();
        w.write_record(["\tx", "x,=y", "=\"q\""]).unwrap();
        w.write_record(["\r1", "", "-"]).unwrap();
        let text = String::from_utf8(w.into_bytes().unwrap()).unwrap();
        assert_eq!(
            text,
            "name,value,note\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.5,\"two\nlines, -quoted\"\n\
             '@a,-1e-3,b\n'\tx,\"x,=y\",\"'=\"\"q\"\"\"\n\"'\r1\",,'-\n"
        );
        let raw = as_data(|| {
            let mut w = Writer::to_bytes();
            w.write_record(["=x", "-y"]).unwrap();
            w.into_bytes().unwrap()
        });
        assert_eq!(raw, b"=x,-y\n");
        // the mode is restored after
        let mut w = Writer::to_bytes();
        w.write_record(["=x"]).unwrap();
        assert_eq!(w.into_bytes().unwrap(), b"'=x\n");
    }
}
