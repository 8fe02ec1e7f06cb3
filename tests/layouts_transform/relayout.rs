//! Lays one logical indicator table out as offices and outlines print it: a grid of cells with
//! merged ranges, written as UTF-8 CSV, GBK CSV (Excel's "CSV" on a Chinese system) or XLSX
//! with the ranges merged.

/// One row of the logical table; `sub` names a sub-item of `name`.
#[derive(Clone, Copy)]
pub struct Logical {
    pub category: &'static str,
    pub seq: &'static str,
    pub name: &'static str,
    pub sub: Option<&'static str>,
    pub unit: &'static str,
    pub base: &'static str,
    pub target: &'static str,
    pub rate: &'static str,
    pub attribute: &'static str,
}

/// Where the category is printed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Category {
    /// A category column filled on every row.
    EveryRow,
    /// A category column merged down its block: text in the first row only, one character a
    /// line.
    MergedDown,
    /// A row of its own across the table (`一、经济增长`).
    Banner,
}

/// The ways a layout varies; `Default` is the plainest.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Sub-items in a second name column beside their parent merged down over them; else
    /// joined to the parent's name (`主要污染物排放总量减少：二氧化硫`).
    pub sub_column: bool,
    pub category: Category,
    /// `规划目标` over `2010年` and `年均增长（%）`.
    pub two_row_header: bool,
    /// Line breaks inside header cells and long names.
    pub line_breaks: bool,
    /// A title row above, `注` lines below.
    pub frame: bool,
    /// Numbering in a 序号 column; else `1.` inside the name.
    pub seq_column: bool,
    /// Unit in a 单位 column; else in the name's parentheses.
    pub unit_column: bool,
    /// `备注` and `note2024` columns plansim does not grade.
    pub extra_columns: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            sub_column: false,
            category: Category::EveryRow,
            two_row_header: false,
            line_breaks: false,
            frame: false,
            seq_column: true,
            unit_column: true,
            extra_columns: false,
        }
    }
}

/// A laid-out table: cells by row, and merged ranges `(first_row, first_col, last_row,
/// last_col)`, whose text is in the first cell.
pub struct Grid {
    pub cells: Vec<Vec<String>>,
    pub merges: Vec<(usize, usize, usize, usize)>,
}

fn broken(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= at {
        return text.to_string();
    }
    let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
    format!("{a}\n{b}")
}

/// The table laid out as `layout` says.
pub fn lay_out(rows: &[Logical], layout: Layout) -> Grid {
    let l = layout;
    let category_column = l.category != Category::Banner;
    let mut header: Vec<String> = Vec::new();
    let mut sub_header: Vec<String> = Vec::new();
    let mut push = |top: &str, sub: &str| {
        header.push(top.to_string());
        sub_header.push(sub.to_string());
    };
    if l.seq_column {
        push("序号", "");
    }
    if category_column {
        push("类别", "");
    }
    push(
        if l.line_breaks {
            "指\n标"
        } else {
            "指　标"
        },
        "",
    );
    if l.sub_column {
        push("", "");
    }
    if l.unit_column {
        push("单位", "");
    }
    push("2005年", "");
    let rate = if l.line_breaks {
        "年均增长\n（%）"
    } else {
        "年均增长（%）"
    };
    if l.two_row_header {
        push("规划目标", "2010年");
        push("", rate);
    } else {
        push("2010年", "");
        push(rate, "");
    }
    push(if l.line_breaks { "属\n性" } else { "属性" }, "");
    if l.extra_columns {
        push("备注", "");
        push("note2024", "");
    }
    let width = header.len();
    let col = |h: &str| header.iter().position(|c| c == h);
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut merges = Vec::new();
    if l.frame {
        let mut title = vec![String::new(); width];
        title[0] = "专栏2　“十一五”时期经济社会发展的主要指标".into();
        merges.push((0, 0, 0, width - 1));
        cells.push(title);
    }
    let header_row = cells.len();
    cells.push(header.clone());
    let name_col = header.iter().position(|c| c.starts_with('指')).unwrap_or(0);
    let header_rows = if l.two_row_header { 2 } else { 1 };
    if l.two_row_header {
        cells.push(sub_header.clone());
        let group = header.iter().position(|c| c == "规划目标").unwrap_or(0);
        merges.push((header_row, group, header_row, group + 1));
        for (i, h) in header.iter().enumerate() {
            if !h.is_empty() && h != "规划目标" && i != name_col && sub_header[i].is_empty() {
                merges.push((header_row, i, header_row + 1, i));
            }
        }
    }
    if l.sub_column || l.two_row_header {
        let last_col = name_col + usize::from(l.sub_column);
        merges.push((header_row, name_col, header_row + header_rows - 1, last_col));
    }
    let seq_col = col("序号");
    let cat_col = col("类别");
    let unit_col = col("单位");
    let first_value = name_col + 1 + usize::from(l.sub_column) + usize::from(l.unit_column);
    let attr_col = first_value + 3;
    let mut last_category = "";
    let mut block_start = 0;
    let mut last_parent: Option<(&str, usize)> = None;
    for (k, r) in rows.iter().enumerate() {
        let mut line = vec![String::new(); width];
        let new_category = r.category != last_category;
        if new_category {
            if l.category == Category::Banner {
                let mut banner = vec![String::new(); width];
                banner[0] = format!(
                    "{}、{}",
                    ["一", "二", "三", "四"][block_index(rows, k).min(3)],
                    r.category
                );
                merges.push((cells.len(), 0, cells.len(), width - 1));
                cells.push(banner);
            }
            if l.category == Category::MergedDown
                && let Some(c) = cat_col
                && cells.len() > block_start + 1
                && block_start > 0
            {
                merges.push((block_start, c, cells.len() - 1, c));
            }
            block_start = cells.len();
            last_category = r.category;
        }
        if let Some(c) = cat_col {
            line[c] = match l.category {
                Category::EveryRow => r.category.to_string(),
                Category::MergedDown if new_category => {
                    let chars: Vec<String> = r.category.chars().map(String::from).collect();
                    chars.join("\n")
                }
                _ => String::new(),
            };
        }
        let first_of_parent = r.sub.is_some() && last_parent.map(|p| p.0) != Some(r.name);
        if r.sub.is_some() && first_of_parent {
            last_parent = Some((r.name, cells.len()));
        } else if r.sub.is_none() {
            last_parent = None;
        }
        let numbered = |name: String| {
            if l.seq_column {
                name
            } else {
                format!("{}.{name}", r.seq)
            }
        };
        let with_unit = |name: String| {
            if l.unit_column || r.unit.is_empty() {
                name
            } else {
                format!("{name}（{}）", r.unit)
            }
        };
        let long = |name: String| {
            if l.line_breaks {
                broken(&name, 8)
            } else {
                name
            }
        };
        let shows_seq = r.sub.is_none() || first_of_parent || !l.sub_column;
        if let Some(c) = seq_col
            && shows_seq
        {
            line[c] = r.seq.to_string();
        }
        match (r.sub, l.sub_column) {
            (Some(sub), true) => {
                if first_of_parent {
                    line[name_col] = long(numbered(with_unit(r.name.to_string())));
                }
                line[name_col + 1] = sub.to_string();
            }
            (Some(sub), false) => {
                line[name_col] = long(numbered(with_unit(format!("{}：{sub}", r.name))));
            }
            (None, _) => {
                line[name_col] = long(numbered(with_unit(r.name.to_string())));
                if l.sub_column {
                    // the sub-name column is blank beside a plain row
                }
            }
        }
        if let Some(c) = unit_col {
            line[c] = r.unit.to_string();
        }
        line[first_value] = r.base.to_string();
        line[first_value + 1] = r.target.to_string();
        line[first_value + 2] = r.rate.to_string();
        line[attr_col] = r.attribute.to_string();
        if l.extra_columns {
            line[attr_col + 1] = if k % 3 == 0 {
                "见说明".into()
            } else {
                String::new()
            };
            line[attr_col + 2] = if k % 2 == 0 {
                "x".into()
            } else {
                String::new()
            };
        }
        cells.push(line);
        // the parent merged down over its sub-items
        let next_same = rows
            .get(k + 1)
            .is_some_and(|n| n.sub.is_some() && n.name == r.name);
        if l.sub_column
            && let Some((_, start)) = last_parent
            && !next_same
            && cells.len() - 1 > start
        {
            merges.push((start, name_col, cells.len() - 1, name_col));
            if let Some(c) = seq_col {
                merges.push((start, c, cells.len() - 1, c));
            }
        }
    }
    if l.category == Category::MergedDown
        && let Some(c) = cat_col
        && cells.len() > block_start + 1
    {
        merges.push((block_start, c, cells.len() - 1, c));
    }
    if l.frame {
        let mut note = vec![String::new(); width];
        note[0] = "注：国内生产总值和城乡居民收入为2005年价格；带[ ]的为五年累计数；主要污染物指二氧化硫和化学需氧量。".into();
        merges.push((cells.len(), 0, cells.len(), width - 1));
        cells.push(note);
    }
    Grid { cells, merges }
}

/// Which category block row `k` is in, from 0.
fn block_index(rows: &[Logical], k: usize) -> usize {
    let mut n = 0;
    for i in 1..=k {
        if rows[i].category != rows[i - 1].category {
            n += 1;
        }
    }
    n
}

/// As Excel saves a sheet as CSV: quoted where needed, CRLF lines.
pub fn csv_text(grid: &Grid) -> String {
    let mut out = String::new();
    for row in &grid.cells {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The CSV in GBK, as Excel writes "CSV" on a Chinese system.
pub fn gbk(grid: &Grid) -> Vec<u8> {
    let text = csv_text(grid);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "a cell GBK cannot hold");
    bytes.into_owned()
}

/// A workbook with the grid's ranges merged; numbers as numbers, as typed into a sheet.
pub fn xlsx(grid: &Grid) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let format = Format::new();
    let in_merge = |r: usize, c: usize| {
        grid.merges
            .iter()
            .any(|&(r0, c0, r1, c1)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c))
    };
    for &(r0, c0, r1, c1) in &grid.merges {
        let text = &grid.cells[r0][c0];
        sheet
            .merge_range(r0 as u32, c0 as u16, r1 as u32, c1 as u16, text, &format)
            .unwrap_or_else(|e| panic!("merge {r0},{c0}–{r1},{c1}: {e}"));
    }
    for (r, row) in grid.cells.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() || in_merge(r, c) {
                continue;
            }
            let plain_number = text.parse::<f64>().ok().filter(|_| !text.starts_with('+'));
            let written = match plain_number {
                Some(v) => sheet.write_number(r as u32, c as u16, v).map(|_| ()),
                None => sheet.write_string(r as u32, c as u16, text).map(|_| ()),
            };
            written.unwrap_or_else(|e| panic!("{r},{c}: {e}"));
        }
    }
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}
