//! Reading an input file without letting it exhaust the machine: only regular files (a device
//! such as `/dev/zero` never ends, a FIFO blocks forever), each within a size limit checked
//! before and while reading; a workbook within a limit on what its zip parts inflate to.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// The default size limit of one input file: 256 MB.
pub(crate) const DEFAULT_MAX_INPUT: u64 = 256 << 20;

/// The most the parts of a workbook may inflate to: 1 GB.
pub(crate) const MAX_INFLATED: u64 = 1 << 30;

static MAX_INPUT: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INPUT);

/// Sets the size limit of every input file read from now on (`--max-input`).
pub fn set_max_input(bytes: u64) {
    MAX_INPUT.store(bytes, Ordering::Relaxed);
}

/// The size limit of one input file.
pub fn max_input() -> u64 {
    MAX_INPUT.load(Ordering::Relaxed)
}

/// `256M`, `1G`, `512k`, `1000000` (bytes); a `B` or `iB` after the letter is allowed.
pub fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let t = lower
        .strip_suffix("ib")
        .or_else(|| lower.strip_suffix('b'))
        .unwrap_or(&lower);
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k')) => (&t[..i], 10),
        Some((i, 'm')) => (&t[..i], 20),
        Some((i, 'g')) => (&t[..i], 30),
        Some((i, 't')) => (&t[..i], 40),
        _ => (t, 0),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}`: expected a size such as 256M, 1G or 1000000 (bytes)"))
}

/// A size for messages: `256 MB`, `1.5 GB`, `300 bytes`.
pub fn size_text(bytes: u64) -> String {
    let units = [
        (1u64 << 40, "TB"),
        (1 << 30, "GB"),
        (1 << 20, "MB"),
        (1 << 10, "kB"),
    ];
    for (unit, name) in units {
        if bytes >= unit {
            let v = bytes as f64 / unit as f64;
            return if v.fract() == 0.0 || v >= 100.0 {
                format!("{v:.0} {name}")
            } else {
                format!("{v:.1} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// What a path that is not a regular file is, for the message refusing it.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() { "a folder" } else { "not a file" }
}

/// An I/O error (so a scenario's `extends` names it with the file that extends it).
fn refusal(path: &Path, kind: std::io::ErrorKind, message: String) -> Error {
    Error::io(path, std::io::Error::new(kind, message))
}

fn not_regular(path: &Path, meta: &std::fs::Metadata) -> Error {
    refusal(
        path,
        std::io::ErrorKind::InvalidInput,
        format!("is {}; plansim reads only regular files", kind_of(meta)),
    )
}

fn too_large(path: &Path, size: u64, limit: u64) -> Error {
    refusal(
        path,
        std::io::ErrorKind::FileTooLarge,
        format!(
            "is {} or more, above the input limit of {}; to read it, pass a larger limit \
             such as --max-input {}M",
            size_text(size),
            size_text(limit),
            (size >> 20).saturating_add(1).saturating_mul(2)
        ),
    )
}

/// Opens a regular file: its kind is checked before opening and again on the open file (it
/// may have been swapped meanwhile); the open does not wait on a FIFO.
pub fn open(path: &Path) -> Result<(File, u64)> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(not_regular(path, &meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(not_regular(path, &meta));
    }
    Ok((file, meta.len()))
}

/// The bytes of a regular file within [`max_input`], checked on its size before reading and
/// on the bytes read (a file growing while read stops at the limit).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    read_within(path, max_input())
}

/// [`read`] with an explicit limit.
pub(crate) fn read_within(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let (file, size) = open(path)?;
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// The line ends (`\n`) of a regular file within [`max_input`], counted in pieces without
/// holding the file: a bound on a CSV table's rows, known before it is read.
pub fn count_lines(path: &Path) -> Result<u64> {
    let (file, size) = open(path)?;
    let limit = max_input();
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    let mut reader = file.take(limit);
    let mut buf = vec![0u8; 1 << 16];
    let mut lines = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            return Ok(lines);
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
}

/// At most `n` leading bytes of a regular file; `None` for anything else or an unreadable one.
pub(crate) fn peek(path: &Path, n: u64) -> Option<Vec<u8>> {
    let (file, _) = open(path).ok()?;
    let mut buf = Vec::new();
    file.take(n).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// Refuses a zip (XLSX, ODS) whose parts inflate beyond `MAX_INFLATED`: first by the sizes
/// its directory declares, then by inflating each part into nothing, counting, since a
/// directory can lie. Not a zip: nothing to check here (the reader says what it is).
pub fn check_zip(path: &Path, bytes: &[u8]) -> Result<()> {
    check_zip_within(path, bytes, MAX_INFLATED)
}

fn check_zip_within(path: &Path, bytes: &[u8], limit: u64) -> Result<()> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let bomb = |total: u64, how: (&str, &str)| {
        let (total, limit) = (size_text(total), size_text(limit));
        Error::format(
            path,
            crate::lang::Text::say(
                format!(
                    "its parts inflate to {total} or more{}, above the {limit} a workbook may \
                     take; it is not an indicator table (or a zip bomb)",
                    how.0
                ),
                format!(
                    "其各部分解压后{}达 {total} 或更多，超过工作簿可占的 {limit}；\
                     这不是指标表（或是压缩炸弹）",
                    how.1
                ),
            ),
        )
    };
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(part) = zip.by_index_raw(i) {
            declared = declared.saturating_add(part.size());
        }
    }
    if declared > limit {
        return Err(bomb(declared, (" by its directory", "（按其目录）")));
    }
    let mut inflated: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else {
            continue; // the reader reports a part it cannot open
        };
        let room = limit - inflated;
        let n = std::io::copy(&mut part.take(room + 1), &mut std::io::sink()).unwrap_or(0);
        inflated += n.min(room + 1);
        if inflated > limit {
            return Err(bomb(
                inflated,
                (", more than its directory says", "（多于其目录所写）"),
            ));
        }
    }
    Ok(())
}

/// The files beside a path that does not exist whose names are nearest to it (`baseline` →
/// `scenarios/baseline.toml`, `outturn.csv` → `outturns.csv`), as they would be typed.
pub fn nearest_files(path: &std::path::Path) -> Option<Vec<String>> {
    let name = path.file_name()?.to_str()?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let listed = std::fs::read_dir(parent.unwrap_or(std::path::Path::new("."))).ok()?;
    let names: Vec<String> = listed
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    // the name without its extension is the likeliest slip
    let stem_of = |n: &str| {
        n.rsplit_once('.')
            .map_or(n.to_string(), |(s, _)| s.to_string())
    };
    let mut near: Vec<String> = names
        .iter()
        .filter(|n| stem_of(n) == name || stem_of(n) == stem_of(name))
        .cloned()
        .collect();
    for n in crate::text::nearest(name, names.iter().map(String::as_str)) {
        if !near.contains(&n) {
            near.push(n);
        }
    }
    near.truncate(3);
    let shown = near
        .into_iter()
        .map(|n| match parent {
            Some(p) => p.join(n).display().to_string(),
            None => n,
        })
        .collect::<Vec<_>>();
    (!shown.is_empty()).then_some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_counted_across_pieces_and_devices_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("t.csv");
        // 100,000 lines of 4 bytes: 400,000 bytes, read in 64 kB pieces
        std::fs::write(&f, "a,b\n".repeat(100_000)).unwrap();
        assert_eq!(count_lines(&f).unwrap(), 100_000);
        #[cfg(unix)]
        assert!(count_lines(Path::new("/dev/zero")).is_err());
    }

    #[test]
    fn sizes_read_and_said() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1gib"), Ok(1 << 30));
        assert_eq!(parse_size("512kB"), Ok(512 << 10));
        assert_eq!(parse_size("1000000"), Ok(1_000_000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert_eq!(size_text(256 << 20), "256 MB");
        assert_eq!(size_text(3 << 29), "1.5 GB");
        assert_eq!(size_text(300), "300 bytes");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(&p, vec![b'a'; 2000]).unwrap();
        assert_eq!(read_within(&p, 2000).unwrap().len(), 2000);
        let err = read_within(&p, 1000).unwrap_err().to_string();
        assert!(
            err.contains("t.csv: is 2.0 kB or more, above the input limit of 1000 bytes"),
            "{err}"
        );
        let err = read(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("is a folder; plansim reads only regular files"),
            "{err}"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_are_refused_before_a_byte_is_read() {
        for dev in ["/dev/zero", "/dev/urandom"] {
            let err = read(Path::new(dev)).unwrap_err().to_string();
            assert_eq!(
                err,
                format!("{dev}: is a character device; plansim reads only regular files")
            );
        }
        assert_eq!(peek(Path::new("/dev/zero"), 10), None);
    }

    /// A zip whose one part of zeros inflates 1000-fold: refused by its directory at a lower
    /// limit, and by counting when the directory is made to lie.
    #[test]
    fn zip_bombs_are_refused() {
        use std::io::Write;
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        out.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        out.write_all(&vec![0u8; 1 << 20]).unwrap();
        let bytes = out.finish().unwrap().into_inner();
        assert!(bytes.len() < 10_000, "{}", bytes.len());
        let p = Path::new("bomb.xlsx");
        check_zip_within(p, &bytes, 1 << 20).unwrap();
        let err = check_zip_within(p, &bytes, 1000).unwrap_err().to_string();
        assert!(
            err.contains("inflate to 1 MB or more by its directory"),
            "{err}"
        );
        // the directory's uncompressed size (offset 24 of its entry) made to say 10 bytes
        let mut lying = bytes.clone();
        let cd = lying.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        lying[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        let lf = lying.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
        lying[lf + 22..lf + 26].copy_from_slice(&10u32.to_le_bytes());
        // a reader that stops at the declared size (as `zip` does, with an error) inflates no
        // more than that; one that went on would be counted and refused
        if let Err(e) = check_zip_within(p, &lying, 1000) {
            assert!(
                e.to_string().contains("more than its directory says"),
                "{e}"
            );
        }
    }
}
