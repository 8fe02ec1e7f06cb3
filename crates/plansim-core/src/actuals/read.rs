//! The two layouts of an outturn file. Long: a row per figure, columns found by name
//! (`region`/地区, `indicator`/指标, `year`/年份, `value`/数值, `note`/备注, `source`/来源,
//! `basis`). Wide (a yearbook): an indicator a row, a column per year (`2021`, `2021年`).
//! `#` lines are comments.

use super::Outturn;
use super::value;
use crate::error::{CellError, Error, Result};
use crate::lang::Text;
use crate::names::plain_key;
use crate::table::Record;
use crate::table::normalize::fold;
use std::path::Path;

const REGION: [&str; 3] = ["region", "地区", "区域"];
const INDICATOR: [&str; 3] = ["indicator", "指标", "指标名称"];
const YEAR: [&str; 4] = ["year", "年份", "数据年份", "年度"];
const VALUE: [&str; 6] = [
    "value",
    "数值",
    "实际值",
    "完成值",
    "数值(按原文)",
    "outturn",
];
const NOTE: [&str; 3] = ["note", "notes", "备注"];
const SOURCE: [&str; 3] = ["source", "来源", "出处"];
const BASIS: [&str; 2] = ["basis", "性质"];

pub fn read(path: &Path, text: &str) -> Result<Vec<Outturn>> {
    let records = crate::table::text::commented_records(path, text)?;
    let mut rows = records.iter();
    let Some(header) = rows.next() else {
        return Err(Error::format(
            path,
            Text::say(
                "is empty; expected `region, indicator, year, value` or an indicator column and \
                 a column per year",
                "是空文件；应有“地区, 指标, 年份, 数值”四列，或一列指标加每年一列",
            ),
        ));
    };
    let names: Vec<String> = header.cells.iter().map(|h| plain_key(h)).collect();
    let col = |alts: &[&str]| names.iter().position(|n| alts.contains(&n.as_str()));
    let Some(indicator) = col(&INDICATOR) else {
        let line = header.row;
        return Err(Error::format(
            path,
            Text::say(
                format!(
                    "line {line}: no indicator column; expected `region, indicator, year, value` \
                     (地区, 指标, 年份, 数值) or an indicator column and a column per year"
                ),
                format!(
                    "第 {line} 行：没有指标列；应有“地区, 指标, 年份, 数值”四列，或一列指标加每年一列"
                ),
            ),
        ));
    };
    let cols = Columns {
        region: col(&REGION),
        indicator,
        note: col(&NOTE),
        source: col(&SOURCE),
        basis: col(&BASIS),
    };
    let mut ctx = Context {
        path,
        header,
        cols,
        out: Vec::new(),
        errors: Vec::new(),
    };
    match (col(&YEAR), col(&VALUE)) {
        (Some(y), Some(v)) => rows.for_each(|r| ctx.long(r, y, v)),
        (y, v) => {
            let years: Vec<(usize, i32)> = names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| year_of(n).map(|y| (i, y)))
                .collect();
            if years.is_empty() || y.is_some() || v.is_some() {
                let line = header.row;
                return Err(Error::format(
                    path,
                    Text::say(
                        format!(
                            "line {line}: expected `year` and `value` columns (long layout) or a \
                             column per year such as 2021 (wide layout)"
                        ),
                        format!(
                            "第 {line} 行：应有“年份”和“数值”两列（长表），或每年一列，如 2021（宽表）"
                        ),
                    ),
                ));
            }
            rows.for_each(|r| ctx.wide(r, &years));
        }
    }
    // a header alone gives nothing to grade on: said, not taken as "no outturn yet"
    if ctx.out.is_empty() && ctx.errors.is_empty() {
        let line = header.row;
        return Err(Error::format(
            path,
            Text::say(
                format!("has a header (line {line}) but no outturn under it"),
                format!("有表头（第 {line} 行），但其下没有实际值"),
            ),
        ));
    }
    if ctx.errors.is_empty() {
        Ok(ctx.out)
    } else {
        ctx.errors.sort_by_key(|e| (e.row, e.column));
        Err(Error::Cells {
            path: path.to_path_buf(),
            errors: ctx.errors,
        })
    }
}

/// `2021`, `2021年`: a year from 1900 to 2200.
fn year_of(text: &str) -> Option<i32> {
    fold(text)
        .trim()
        .trim_end_matches('年')
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
}

/// A year cell: `2021` (no period), or a period `2021–2025`, `2021-2025年`, `2021至2025`,
/// `2021-2025（十四五累计）`; `2021-2025（十四五期末）` is the end of the period: its last year.
fn years_of(text: &str) -> Option<(i32, Option<[i32; 2]>)> {
    let folded = fold(text);
    let (body, words) = match folded.split_once('(') {
        Some((b, w)) => (b.to_string(), w.to_string()),
        None => (folded, String::new()),
    };
    if let Some(y) = year_of(&body) {
        return Some((y, None));
    }
    let t = body.replace(['–', '—', '~', '～', '至'], "-");
    let (a, b) = t.split_once('-')?;
    let (a, b) = (year_of(a)?, year_of(b)?);
    if words.contains("期末") {
        return (a < b).then_some((b, None));
    }
    (a < b).then_some((b, Some([a, b])))
}

struct Columns {
    region: Option<usize>,
    indicator: usize,
    note: Option<usize>,
    source: Option<usize>,
    basis: Option<usize>,
}

struct Context<'a> {
    path: &'a Path,
    header: &'a Record,
    cols: Columns,
    out: Vec<Outturn>,
    errors: Vec<CellError>,
}

fn get(rec: &Record, col: Option<usize>) -> String {
    col.and_then(|c| rec.cells.get(c))
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

impl Context<'_> {
    fn bad(&mut self, rec: &Record, col: usize, why: Text) {
        self.errors.push(CellError::new(
            rec.row,
            col + 1,
            self.header.cells.get(col).cloned().unwrap_or_default(),
            get(rec, Some(col)),
            why,
        ));
    }

    /// `published`, `preliminary`, `hypothetical` (公布, 预计, 假设): (preliminary, hypothetical).
    fn basis(&mut self, rec: &Record) -> Option<(bool, bool)> {
        let text = get(rec, self.cols.basis);
        match plain_key(&text).as_str() {
            "" | "published" | "公布" | "final" | "正式" => Some((false, false)),
            "preliminary" | "预计" | "初步" => Some((true, false)),
            "hypothetical" | "假设" | "假定" => Some((false, true)),
            _ => {
                let col = self.cols.basis.unwrap_or(0);
                self.bad(
                    rec,
                    col,
                    Text::say(
                        "published, preliminary or hypothetical (公布, 预计, 假设)",
                        "应为 公布、预计 或 假设",
                    ),
                );
                None
            }
        }
    }

    fn push(
        &mut self,
        rec: &Record,
        year: (i32, Option<[i32; 2]>),
        col: usize,
        basis: (bool, bool),
    ) {
        let text = get(rec, Some(col));
        match value::parse(&text) {
            Ok(p) => {
                let mut notes = p.notes.clone();
                let period = match (year.1, p.period_years) {
                    (Some(a), Some(b)) if a != b => {
                        let expected = Text::say(
                            format!(
                                "a figure for the period of its year cell ({}–{}), not for {}–{}",
                                a[0], a[1], b[0], b[1]
                            ),
                            format!(
                                "应为年份单元格所写时期（{}–{}）的数字，而不是 {}–{} 的",
                                a[0], a[1], b[0], b[1]
                            ),
                        );
                        return self.bad(rec, col, expected);
                    }
                    (Some(a), _) => Some(a),
                    (None, Some(b)) if b[1] == year.0 => Some(b),
                    (None, Some(b)) => {
                        let expected = Text::say(
                            format!(
                                "a figure for {}: the period it names ends in {}; write its years \
                                 ({}-{}) in the year cell",
                                year.0, b[1], b[0], b[1]
                            ),
                            format!(
                                "应为 {} 年的数字：单元格所写时期止于 {} 年；请在年份单元格写明其年份\
                                 （{}-{}）",
                                year.0, b[1], b[0], b[1]
                            ),
                        );
                        return self.bad(rec, col, expected);
                    }
                    // `〔17.7〕` in a 2025 row: a five-year plan's period, ending that year
                    (None, None) if p.period => {
                        notes.push(format!("〔〕: 五年期 {}–{}", year.0 - 4, year.0));
                        Some([year.0 - 4, year.0])
                    }
                    (None, None) => None,
                };
                let year = year.0;
                let note = get(rec, self.cols.note);
                if !note.is_empty() {
                    notes.push(note);
                }
                self.out.push(Outturn {
                    region: get(rec, self.cols.region),
                    indicator: get(rec, Some(self.cols.indicator)),
                    year,
                    period,
                    value: p.value * p.scale,
                    text,
                    side: p.side,
                    preliminary: p.preliminary || basis.0,
                    hypothetical: basis.1,
                    notes,
                    source: get(rec, self.cols.source),
                    file: self.path.to_path_buf(),
                    row: rec.row,
                    column: col + 1,
                    name_column: self.cols.indicator + 1,
                    from_plan_table: false,
                });
            }
            Err(e) => self.bad(rec, col, e),
        }
    }

    fn named(&mut self, rec: &Record) -> bool {
        if get(rec, Some(self.cols.indicator)).is_empty() {
            self.bad(
                rec,
                self.cols.indicator,
                Text::say("an indicator name", "应填写指标名称"),
            );
            return false;
        }
        true
    }

    fn long(&mut self, rec: &Record, y: usize, v: usize) {
        let named = self.named(rec);
        let year = years_of(&get(rec, Some(y)));
        if year.is_none() {
            self.bad(
                rec,
                y,
                Text::say(
                    "a year such as 2021, or a period such as 2021-2025 (届内 names no years: \
                     give them, or leave the row out)",
                    "应为年份（如 2021）或时期（如 2021-2025）（“届内”没有写明年份：请写明，或删去该行）",
                ),
            );
        }
        let basis = self.basis(rec);
        if let (true, Some(year), Some(basis)) = (named, year, basis) {
            self.push(rec, year, v, basis);
        }
    }

    fn wide(&mut self, rec: &Record, years: &[(usize, i32)]) {
        let named = self.named(rec);
        let basis = self.basis(rec);
        let (true, Some(basis)) = (named, basis) else {
            return;
        };
        for &(col, year) in years {
            if !fold(&get(rec, Some(col))).is_empty() {
                self.push(rec, (year, None), col, basis);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Result<Vec<Outturn>> {
        read(Path::new("o.csv"), text)
    }

    /// A header with no row under it (blank cells only, or nothing) is refused with its line.
    #[test]
    fn a_header_without_outturns_is_refused() {
        for text in ["地区,指标,年份,数值\n", "指标,2021,2022\n地区生产总值,,\n"] {
            let e = read_str(text).unwrap_err();
            assert_eq!(
                e.to_string(),
                "o.csv: has a header (line 1) but no outturn under it",
                "{text}"
            );
            assert_eq!(
                e.render(crate::lang::Lang::Zh),
                "o.csv：有表头（第 1 行），但其下没有实际值"
            );
        }
    }

    #[test]
    fn long_and_wide_layouts_read_alike() {
        let long = read_str(
            "# national outturns\n地区,指标,年份,数值,备注\n全国,常住人口城镇化率（%）,2021,64.72,\n\
             全国,常住人口城镇化率（%）,2022年,65.22,公报\n",
        )
        .unwrap();
        let wide =
            read_str("地区,指标,2021,2022年\n全国,常住人口城镇化率（%）,64.72,65.22\n").unwrap();
        let pick = |o: &[Outturn]| o.iter().map(|x| (x.year, x.value)).collect::<Vec<_>>();
        assert_eq!(pick(&long), [(2021, 64.72), (2022, 65.22)]);
        assert_eq!(pick(&long), pick(&wide));
        assert_eq!(long[1].row, 4);
        assert_eq!(long[1].notes, ["公报"]);
    }

    #[test]
    fn every_bad_cell_at_once() {
        let err = read_str(
            "region,indicator,year,value,basis\n全国,城镇化率,届内,64,\n全国,,2021,65,\n\
             全国,城镇化率,2022,1.4 / 8.4,\n全国,城镇化率,2023,66,guess\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("o.csv: 4 unreadable cells"), "{err}");
        for want in [
            "o.csv:2:3",
            "o.csv:3:2",
            "o.csv:4:4",
            "o.csv:5:5",
            "two figures",
            "届内",
        ] {
            assert!(err.contains(want), "{want}: {err}");
        }
    }

    #[test]
    fn period_rows_are_read_with_their_years() {
        let o = read_str(
            "region,indicator,year,value\n全国,单位GDP二氧化碳排放降低（%）,2021–2025,〔17.7〕\n\
             全国,单位GDP二氧化碳排放降低（%）,2025,17.7（十四五时期）\n\
             全国,单位GDP二氧化碳排放降低（%）,2020,[18.8]\n\
             全国,单位GDP能源消耗降低（%）,2021-2025年,11.6\n全国,城镇化率,2025,66\n\
             内蒙古自治区,单位GDP能耗累计下降（%）,2021-2025（十四五累计）,18\n\
             内蒙古自治区,森林覆盖率（%）,2021-2025（十四五期末）,22\n",
        )
        .unwrap();
        let got: Vec<_> = o.iter().map(|x| (x.year, x.period, x.value)).collect();
        assert_eq!(
            got,
            [
                (2025, Some([2021, 2025]), 17.7),
                (2025, Some([2021, 2025]), 17.7),
                (2020, Some([2016, 2020]), 18.8),
                (2025, Some([2021, 2025]), 11.6),
                (2025, None, 66.0),
                (2025, Some([2021, 2025]), 18.0),
                (2025, None, 22.0),
            ]
        );
        // a period named in the value that is not the year cell's
        let err = read_str("region,indicator,year,value\n全国,降低,2016-2020,17.7（十四五时期）\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("2016–2020"), "{err}");
    }

    #[test]
    fn basis_column() {
        let o = read_str(
            "region,indicator,year,value,basis\n科尔沁区,地区生产总值,2021,324.148,hypothetical\n",
        )
        .unwrap();
        assert!(o[0].hypothetical && !o[0].preliminary);
    }
}
