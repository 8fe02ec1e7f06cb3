//! Columns the rows do not read, reported with their header so nothing is dropped in silence.

use super::frame::Header;
use super::header::Layout;
use super::normalize::fold;
use super::rows::header_label;
use super::source::Records;
use super::{Record, Warning};
use crate::error::Result;
use std::ops::ControlFlow;

/// Columns rows do not read, and columns repeating a field: each reported once, with its
/// header (or its first filled cell when it has no header).
pub(super) fn unread_columns(
    layout: &Layout,
    headers: &[String],
    records: &Records,
    header: &Header,
    header_row: usize,
) -> Result<Vec<Warning>> {
    let repeated = layout.repeated();
    // each column's first filled cell under the header, in one pass
    let width = layout.fields.len();
    let mut firsts: Vec<Option<(usize, String)>> = vec![None; width];
    let mut missing = width;
    records.scan(header.first_data, |r| {
        for (col, first) in firsts.iter_mut().enumerate() {
            if first.is_none()
                && let Some(c) = r.cells.get(col).filter(|c| !fold(c).is_empty())
            {
                *first = Some((r.row, c.trim().to_string()));
                missing -= 1;
            }
        }
        if missing == 0 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    let mut out = Vec::new();
    for (col, field) in layout.fields.iter().enumerate() {
        let filled = firsts[col].take();
        let title = headers.get(col).map(|h| h.trim()).unwrap_or_default();
        let (message, message_zh) = if field.is_none() && (!title.is_empty() || filled.is_some()) {
            let near = crate::text::nearest(title, super::header::READ_HEADERS);
            let near = near
                .iter()
                .find(|n| title.chars().count() <= n.chars().count() + 1);
            (
                format!(
                    "a column plansim does not read: its cells are not used{} (headers it reads: \
                     序号, 类别, 指标, 单位, a year such as 2020年 or 2025年目标, 年均增长 or \
                     年均/累计 or 累计, 属性, 备注, or the canonical English ones)",
                    near.map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default()
                ),
                format!(
                    "plansim 不读取此列，其单元格未被使用{}（可读取的表头：序号、类别、指标、单位、\
                     年份如 2020年 或 2025年目标、年均增长 或 年均/累计 或 累计、属性、备注，\
                     或相应的英文表头）",
                    near.map(|n| format!("；是否想写 `{n}`？"))
                        .unwrap_or_default()
                ),
            )
        } else if repeated.contains(&col) {
            let first = layout
                .fields
                .iter()
                .position(|f| match (f, field) {
                    (Some(f), Some(field)) => {
                        std::mem::discriminant(f) == std::mem::discriminant(field)
                    }
                    _ => false,
                })
                .map(|c| header_label(headers, c))
                .unwrap_or_default();
            (
                format!("a second column of its kind: only the first (`{first}`) is read"),
                format!("同类的第二列：只读取第一列（`{first}`）"),
            )
        } else {
            continue;
        };
        let (row, text) = match (title.is_empty(), &filled) {
            (true, Some((row, text))) => (*row, text.clone()),
            _ => (header_row, title.to_string()),
        };
        out.push(Warning {
            row,
            column: col + 1,
            header: header_label(headers, col),
            text,
            message,
            message_zh,
        });
    }
    Ok(out)
}

/// Characters a spreadsheet cell holds (Excel's limit): a longer cell is kept whole in the run,
/// cut in the workbook, and reported here with its row and column.
pub const CELL_CHARS: usize = 32_767;

/// Cells longer than [`CELL_CHARS`], each reported with its row and column; with the number
/// of records.
pub(super) fn long_cells(headers: &[String], records: &Records) -> Result<(Vec<Warning>, usize)> {
    let mut out = Vec::new();
    let mut count = 0;
    records.scan(0, |r| {
        count += 1;
        long_in(headers, r, &mut out);
        ControlFlow::Continue(())
    })?;
    Ok((out, count))
}

fn long_in(headers: &[String], r: &Record, out: &mut Vec<Warning>) {
    for (col, cell) in r.cells.iter().enumerate() {
        // bytes first: a cell of fewer bytes has fewer characters
        if cell.len() <= CELL_CHARS {
            continue;
        }
        let chars = cell.chars().count();
        if chars <= CELL_CHARS {
            continue;
        }
        out.push(Warning {
            row: r.row,
            column: col + 1,
            header: header_label(headers, col),
            text: cell.chars().take(20).chain("…".chars()).collect(),
            message: long_cell_message(chars),
            message_zh: format!(
                "单元格长于电子表格单元格可容纳的长度：{chars} 个字符；工作簿保留前 {CELL_CHARS} \
                 个字符并加注"
            ),
        });
    }
}

/// The message of an over-long cell (also how a caller tells that warning from the others).
pub(crate) fn long_cell_message(chars: usize) -> String {
    format!(
        "{LONG_CELL}: {chars} characters; the workbook keeps the first {CELL_CHARS} with a note"
    )
}

/// The opening words of the warning on an over-long cell.
pub const LONG_CELL: &str = "a cell longer than a spreadsheet cell holds";
