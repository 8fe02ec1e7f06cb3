//! Writes the fixtures of `tests/fixtures/published/`: main-indicator tables in the layouts the
//! published plans use, saved the ways people save them.
//!
//! - `national-14th.csv` (written by hand, a verbatim copy of the national outline's 专栏1) is
//!   read and saved again as Excel does in a Chinese locale (`national-14th-gbk.csv`: GBK, CRLF)
//!   and as a workbook with merged cells (`national-14th.xlsx`).
//! - Tables built here in the layouts of the 13th plan outline (2015 → 2020, `年均增长[累计]`,
//!   sub-items under merged names), the 15th (2025 → 2030 and 2035, `➢` section rows, a
//!   five-year total in the base column), a provincial plan (`“十四五”目标` over two header
//!   rows, a unit column, columns plansim does not read) and a municipal plan (sub-items under
//!   a numbered row, a date Excel made of a range). Their figures are made up for the layout,
//!   not transcribed: the tests' expectations are written from these texts.
//!
//! Run once and commit the output; the tests only read the files:
//!
//!     cargo run --example published_fixtures

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/published");

/// The 13th plan outline's layout: `（n）` numbering, `指标` over two columns (the second for
/// sub-items), blank numbered parents, five-year totals in `〔〕`, notes ① ②.
const THIRTEENTH: &str = "\
“十三五”时期经济社会发展主要指标（按纲要版式构造的示例）,,,,,,
类别,指标,,2015年,2020年,年均增长[累计],属性
经济发展,（1）国内生产总值（万亿元）,,67.7,＞92.7,＞6.5,预期性
,（2）城镇化率,,,,,
,常住人口城镇化率（%）,,56.1,60,〔3.9〕,预期性
,户籍人口城镇化率（%）,,39.9,45,〔5.1〕,预期性
创新驱动,（3）研究与试验发展经费投入强度（%）,,2.1,2.5,〔0.4〕,预期性
民生福祉,（4）居民人均可支配收入增长（%）,,—,—,＞6.5,预期性
,（5）城镇新增就业人数（万人）,,—,—,〔＞5000〕,预期性
资源环境,（6）单位GDP能源消耗降低（%）,,—,—,〔15〕,约束性
,（7）森林发展,,,,,约束性
,森林覆盖率（%）,,21.66,23.04,〔1.38〕,
,森林蓄积量（亿立方米）,,151,165,〔14〕,
,（8）主要污染物排放总量减少（%）,化学需氧量,—,—,〔10〕,约束性
,,氨氮,—,—,〔10〕,
,,二氧化硫,—,—,〔15〕,
注：①国内生产总值绝对数按2015年价格计算，增速按可比价计算。②〔〕内为五年累计数。,,,,,,
";

/// A provincial plan: title lines, `“十四五”目标` over `2025年` and `年均增长（%）`, a unit
/// column, a `#` mark, a 备注 column and a 牵头单位 column plansim does not read.
const PROVINCIAL: &str = "\
某省国民经济和社会发展第十四个五年规划主要指标,,,,,,,,,
（按省级规划版式构造的示例）,,,,,,,,,
类别,序号,指标,单位,2020年,“十四五”目标,,属性,牵头单位,备注
,,,,,2025年,年均增长（%）,,,
经济发展,1,地区生产总值,亿元,11000,—,6左右,预期性,省发展改革委,
,2,常住人口城镇化率,%,58.2#,63,〔4.8〕,预期性,省住房城乡建设厅,
,3,研发经费投入强度（%）,%,2.1,2.6,〔0.5〕,预期性,省科技厅,
民生福祉,4,城镇调查失业率,%,5.3,＜5.5,—,预期性,省人力资源社会保障厅,各年度控制目标
,5,粮食产量（万吨）,亿斤,800,＞800,—,约束性,省农业农村厅,
注：#为2019年数据。,,,,,,,,,
";

/// A municipal plan: `序号/指标名称/单位/2020年基数/2025年目标`, section rows, a numbered row
/// over two sub-items, and a range Excel turned into a date.
const MUNICIPAL: &str = "\
某市“十四五”规划主要指标（按市级规划版式构造的示例）,,,,,,
序号,指标名称,单位,2020年基数,2025年目标,年均增长（%）,指标属性
一、经济发展,,,,,,
1,地区生产总值,亿元,305.8,430,7,预期性
2,一般公共预算收入,亿元,20.5,3月4日,,预期性
二、民生福祉,,,,,,
3,每千人口拥有医护人员数,,,,,
,执业医师数（人）,,2.56,3.11,4,约束性
,注册护士数（人）,,3.0,3.8,,约束性
4,人均预期寿命,岁,76,77,—,预期性
";

/// The 15th plan outline's layout: 2025 → 2030 with 2035 goals, `➢` sections across the
/// table, a preliminary base `（预计）`, marks `△` explained below, a five-year total in the
/// base column. One row per line; a single cell is a section row merged across.
const FIFTEENTH: [&[&str]; 12] = [
    &["“十五五”时期经济社会发展主要指标（按纲要版式构造的示例）"],
    &["指标", "2025年", "2030年", "2035年", "年均/累计", "属性"],
    &["➢ 经济发展"],
    &[
        "1.国内生产总值增长（%）",
        "5.0（预计）",
        "—",
        "",
        "保持在合理区间",
        "预期性",
    ],
    &[
        "2.居民人均可支配收入增长（%）",
        "5.1△",
        "—",
        "",
        "与经济增长同步",
        "预期性",
    ],
    &["3.常住人口城镇化率（%）", "67.5△", "71", "", "—", "预期性"],
    &[
        "4.人均国内生产总值（万元）",
        "9.8",
        "＞12",
        "达到中等发达国家水平",
        "—",
        "预期性",
    ],
    &["➢ 绿色低碳"],
    &[
        "5.单位GDP二氧化碳排放降低（%）",
        "〔17.7〕",
        "—",
        "",
        "〔17〕",
        "约束性",
    ],
    &["➢ 安全保障"],
    &[
        "6.粮食综合生产能力（亿吨）",
        "7.0",
        "＞7.2",
        "",
        "—",
        "约束性",
    ],
    &["注：①〔〕内为5年累计数。②带△的为预计数。"],
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(DIR);
    let national = std::fs::read_to_string(dir.join("national-14th.csv"))?;
    std::fs::write(dir.join("national-14th-gbk.csv"), gbk_crlf(&national)?)?;
    std::fs::write(dir.join("thirteenth-style-gbk.csv"), gbk_crlf(THIRTEENTH)?)?;
    std::fs::write(dir.join("provincial-gbk.csv"), gbk_crlf(PROVINCIAL)?)?;
    let bom = [b"\xEF\xBB\xBF".as_slice(), MUNICIPAL.as_bytes()].concat();
    std::fs::write(dir.join("municipal.csv"), bom)?;
    let rows = csv_rows(&national)?;
    national_xlsx(&rows)?.save(dir.join("national-14th.xlsx"))?;
    let fifteenth: Vec<Vec<String>> = FIFTEENTH
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    sheet(&fifteenth, 6, &[])?.save(dir.join("fifteenth-style.xlsx"))?;
    println!("wrote the fixtures to {DIR}");
    Ok(())
}

/// As Excel saves `CSV (逗号分隔)` in a Chinese locale: GBK, rows ended by CRLF.
fn gbk_crlf(text: &str) -> Result<Vec<u8>, String> {
    let crlf = text.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&crlf);
    if unmappable {
        return Err("a character GBK cannot hold".into());
    }
    Ok(bytes.into_owned())
}

fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, csv::Error> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect()
}

/// The national table as a workbook: the title and notes merged across, each category merged
/// down over its rows, plain numbers typed as numbers.
fn national_xlsx(rows: &[Vec<String>]) -> Result<Workbook, XlsxError> {
    // categories merged down: (first row, last row) of each, 0-based sheet rows
    let mut merges = Vec::new();
    let mut start = None;
    for (r, row) in rows.iter().enumerate().skip(2) {
        let is_data = row.get(1).is_some_and(|c| !c.is_empty());
        if row.first().is_some_and(|c| !c.is_empty()) && is_data {
            if let Some(s) = start {
                merges.push((s, r - 1));
            }
            start = Some(r);
        } else if !is_data && let Some(s) = start.take() {
            merges.push((s, r - 1));
        }
    }
    sheet(rows, 6, &merges)
}

/// A sheet of rows: a row with one filled cell is merged across `width` columns; `down` lists
/// (first, last) rows whose first column is merged down; cells that are plain numbers are
/// typed as numbers, shown with their printed decimals.
fn sheet(rows: &[Vec<String>], width: u16, down: &[(usize, usize)]) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    for (r, row) in rows.iter().enumerate() {
        let r32 = r as u32;
        let filled = row.iter().filter(|c| !c.is_empty()).count();
        if filled == 1 && !row[0].is_empty() {
            ws.merge_range(r32, 0, r32, width - 1, &row[0], &wrap)?;
            continue;
        }
        for (c, cell) in row.iter().enumerate() {
            let c16 = c as u16;
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(v) if !cell.starts_with('+') => {
                    let decimals = cell.split_once('.').map_or(0, |(_, d)| d.len());
                    let code = if decimals == 0 {
                        "General".to_string()
                    } else {
                        format!("0.{}", "0".repeat(decimals))
                    };
                    ws.write_number_with_format(r32, c16, v, &Format::new().set_num_format(&code))?;
                }
                _ => {
                    ws.write_string(r32, c16, cell)?;
                }
            }
        }
    }
    for &(first, last) in down {
        if last > first {
            let text = rows[first][0].clone();
            ws.merge_range(first as u32, 0, last as u32, 0, &text, &wrap)?;
        }
    }
    Ok(book)
}
