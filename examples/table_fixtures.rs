//! Writes the test fixtures of `tests/fixtures/tables/`: the 科尔沁区 main-indicator table
//! (`../shared/seeds/000_267c147ec9b87db2.txt` lines 47-67) as a plan office saves it from Excel
//! in every encoding, and as a person gets it by pasting the plan's table into Excel.
//! Run once and commit the output; the tests only read the files:
//!
//!     cargo run --example table_fixtures

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tables");
const TITLE: &str = "科尔沁区“十四五”规划经济社会发展主要指标";
const NOTE: &str = "注：地区生产总值按当年价格计算，增长率按可比价格计算；能耗降低为五年累计数。";
/// `指标` stands over two merged columns: the category and the name.
const HEADER: [&str; 8] = [
    "序号",
    "指标",
    "",
    "单位",
    "2020年预计",
    "2025年目标",
    "年均增长(%)",
    "属性",
];

/// The table as published: seq, category (blank under a merged cell), name, unit, 2020, 2025,
/// rate, attribute. Cells exactly as the document prints them.
#[rustfmt::skip]
const ROWS: [[&str; 8]; 20] = [
    ["1", "经济发展", "地区生产总值增长率", "%", "305.8亿", "430亿", "7", "预期性"],
    ["2", "", "常住人口城镇化率", "%", "63", "70", "2", "预期性"],
    ["3", "创新驱动", "研究与试验发展(R&D)经费占地区生产总值比重", "%", "-", "-", "", "预期性"],
    ["4", "", "每万人拥有高价值发明数(每万人发明专利拥有量)", "件/万人", "1.8", "3", "10", "预期性"],
    ["5", "民生福祉", "城镇登记失业率", "%", "3.82", "4以内", "—", "预期性"],
    ["6", "", "人均预期寿命", "岁", "76", "77", "0.3", "预期性"],
    ["7", "", "居民健康素养水平", "%", "20.5", "22.5", "1.9", "预期性"],
    ["8", "", "食品抽检合格率", "%", "98", ">98", "—", "预期性"],
    ["9", "", "每千人口拥有执业医师数", "人", "2.56", "3.11", "4", "约束性"],
    ["10", "", "医疗机构每千人床位数", "%", "6.3", "8", "4.9", "约束性"],
    ["11", "", "孕产妇系统管理率", "%", "94.1", "≥95", "0.2", "预期性"],
    ["12", "", "普惠性幼儿园覆盖率", "%", "82", "85", "0.7", "约束性"],
    ["13", "", "经常参加体育锻炼人数比例", "%", "35", "42", "3.7", "预期性"],
    ["14", "", "劳动年龄人口平均受教育年限", "年", "9.7", "10.8", "2.1", "约束性"],
    ["15", "", "基本养老保险参保率", "%", "95.2", "98", "0.6", "预期性"],
    ["16", "", "农村牧区卫生厕所普及率", "%", "62.59", "85", "6.3", "预期性"],
    ["17", "绿色发展", "单位地区生产总值能耗累计降低", "%", "13.5(十三五时期)", "12(十四五时期)", "—", "约束性"],
    ["18", "", "城市空气质量优良天数", "天", "333", "市级指标", "", "约束性"],
    ["19", "", "森林覆盖率", "%", "13.39", "18", "6", "约束性"],
    ["20", "安全保障", "粮食安全生产能力", "亿斤", "31.2", "32", "0.4", "约束性"],
];

/// The same table pasted from the plan document into Excel and saved as `CSV (逗号分隔)`: GBK,
/// CRLF rows, line breaks inside header cells, full-width digits and symbols as typeset,
/// stray spaces, an empty row under the title and three empty columns Excel carries along.
const PASTED: &str = "\
科尔沁区“十四五”规划经济社会发展主要指标,,,,,,,,,,
,,,,,,,,,,
序号,指标,,单位,\"2020年\n预计\",\"2025年\n目标\",\"年均增长\n（%）\",属性,,,
1,经济发展,地区生产总值增长率,%,305.8亿,430亿,7,预期性,,,
2,,常住人口城镇化率,%,63,70,2,预期性,,,
3,创新驱动,研究与试验发展(R&D)经费占地区生产总值比重,%,－,－,,预期性,,,
4,,每万人拥有高价值发明数(每万人发明专利拥有量),件/万人,1.8,3,10,预期性,,,
5,民生福祉,城镇登记失业率,%,3.82,４以内,—,预期性,,,
6,,人均预期寿命,岁,76,77,0.3,预期性,,,
7,,居民健康素养水平,%,20.5,22.5,1.9,预期性,,,
8,,食品抽检合格率,%,98,＞98,—,预期性,,,
9,,每千人口拥有执业医师数,人,2.56,3.11,4,约束性,,,
10,,医疗机构每千人床位数,%,6.3,8,4.9,约束性,,,
11,,孕产妇系统管理率,%,94.1,≥95,0.2,预期性,,,
12,,普惠性幼儿园覆盖率,%,82,85,0.7,约束性,,,
13,,经常参加体育锻炼人数比例,%,35,42,3.7,预期性,,,
14,,劳动年龄人口平均受教育年限,年,9.7,10.8,2.1,约束性,,,
15,,基本养老保险参保率,%,95.2,98,0.6,预期性,,,
16,,农村牧区卫生厕所普及率,%,62.59,85,6.3,预期性,,,
17,绿色发展,单位地区生产总值能耗累计降低,%,13.5（十三五时期）,12（十四五时期）,—,约束性,,,
18,,城市空气质量优良天数,天,333,市级指标,,约束性,,,
19,,森林覆盖率,%,１３．３９,１８,６,约束性,,,
20,安全保障,粮食安全生产能力,亿斤,31.2,32,0.4,约束性 ,,,
注：地区生产总值按当年价格计算，增长率按可比价格计算；能耗降低为五年累计数。,,,,,,,,,,
,,,,,,,,,,
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(DIR);
    std::fs::create_dir_all(dir)?;
    // typed by hand: LF, no BOM, the title and note alone on their lines
    std::fs::write(dir.join("horqin-utf8.csv"), delimited(',', "\n", false))?;
    // Excel `CSV UTF-8`: BOM, CRLF, every row as wide as the table
    let bom = format!("\u{FEFF}{}", delimited(',', "\r\n", true));
    std::fs::write(dir.join("horqin-utf8-bom.csv"), bom)?;
    // Excel `CSV` in a Chinese locale: GBK, CRLF
    std::fs::write(
        dir.join("horqin-gbk.csv"),
        gbk(&delimited(',', "\r\n", true))?,
    )?;
    // Excel `Unicode text`: UTF-16LE with BOM, tab-separated, CRLF
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        delimited('\t', "\r\n", true)
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.join("horqin-utf16.txt"), utf16)?;
    xlsx(&dir.join("horqin.xlsx"))?;
    std::fs::write(
        dir.join("horqin-pasted.csv"),
        gbk(&PASTED.replace(",\n", ",\r\n"))?,
    )?;
    Ok(())
}

fn delimited(sep: char, eol: &str, padded: bool) -> String {
    let pad = |first: &str| {
        if padded {
            format!("{first}{}", sep.to_string().repeat(HEADER.len() - 1))
        } else {
            first.to_string()
        }
    };
    let quote = |c: &str| {
        if c.contains([sep, '"', '\n']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let line = |cells: &[&str]| {
        cells
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
    };
    let mut out = vec![pad(TITLE), line(&HEADER)];
    out.extend(ROWS.iter().map(|r| line(r)));
    out.push(pad(NOTE));
    out.iter().map(|l| format!("{l}{eol}")).collect()
}

fn gbk(text: &str) -> Result<Vec<u8>, String> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    if unmappable {
        return Err("a character has no GBK code".into());
    }
    Ok(bytes.into_owned())
}

/// The table as a plan office keeps it in Excel: title merged across the table, `指标` merged
/// over category and name, each category merged down over its rows, numbers stored as numbers.
fn xlsx(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut book = Workbook::new();
    // a fixed date keeps the file byte-identical when regenerated
    let date = ExcelDateTime::from_ymd(2021, 3, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    let sheet = book.add_worksheet().set_name("主要指标")?;
    let center = Format::new().set_align(FormatAlign::Center);
    let last_col = (HEADER.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last_col, TITLE, &center)?;
    for (c, h) in HEADER.iter().enumerate() {
        if !h.is_empty() {
            sheet.write_string(1, c as u16, *h)?;
        }
    }
    sheet.merge_range(1, 1, 1, 2, "指标", &center)?;
    let first = 2u32;
    for (i, row) in ROWS.iter().enumerate() {
        let r = first + i as u32;
        for (c, cell) in row.iter().enumerate() {
            if c == 1 || cell.is_empty() {
                continue;
            }
            // Excel stores what it can read as a number as a number
            match cell.parse::<f64>() {
                Ok(v) => sheet.write_number(r, c as u16, v)?,
                Err(_) => sheet.write_string(r, c as u16, *cell)?,
            };
        }
    }
    // category cells: merged down to the row before the next category
    let starts: Vec<usize> = (0..ROWS.len())
        .filter(|&i| !ROWS[i][1].is_empty())
        .collect();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(ROWS.len(), |&n| n) - 1;
        let (r0, r1) = (first + s as u32, first + end as u32);
        if r1 > r0 {
            sheet.merge_range(r0, 1, r1, 1, ROWS[s][1], &center)?;
        } else {
            sheet.write_string(r0, 1, ROWS[s][1])?;
        }
    }
    let note_row = first + ROWS.len() as u32;
    sheet.merge_range(note_row, 0, note_row, last_col, NOTE, &Format::new())?;
    book.save(path)?;
    Ok(())
}
