//! The command line's own sentences, in Chinese and English side by side: summaries, the lines
//! above a command's output, and how its errors and warnings start. Its table headings and
//! legends are written as pairs where they are used (`say("a year", "每年")`, the columns every
//! table shares as `Column::Region`); the report has
//! its own words (`plansim_report`), and a rule's sentences sit beside the rule in the core.

use plansim_core::lang::Lang;

/// `check` read some tables only in part: their rows with unreadable cells are not audited.
pub fn unread_tables(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("plansim check：{n} 个表格含无法读取的单元格，相应的行未参加检查"),
        Lang::En => format!(
            "plansim check: {n} table{} with unreadable cells: their rows are left out of the audit",
            s(n)
        ),
    }
}

/// The last line of `check`: errors, warnings and infos over rows and files
/// (`plansim check: 1 error, 2 warnings, 3 info in 40 rows of 2 files`).
pub fn check_summary(
    lang: Lang,
    e: usize,
    w: usize,
    i: usize,
    rows: usize,
    files: usize,
) -> String {
    match lang {
        Lang::Zh => format!(
            "plansim check：{files} 个文件 {rows} 行中，错误 {e} 条，警告 {w} 条，提示 {i} 条"
        ),
        Lang::En => format!(
            "plansim check: {e} error{}, {w} warning{}, {i} info in {rows} row{} of {files} file{}",
            s(e),
            s(w),
            s(rows),
            s(files)
        ),
    }
}

/// `assess --as-of 2022`: the line above its table.
pub fn as_of_line(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("截至{year}年：{year}年以后的实际值不计"),
        Lang::En => format!("as of {year}: outturns after {year} ignored"),
    }
}

/// `assess`'s summary on stderr: the targets by grade (the official words in both languages).
pub fn graded(lang: Lang, n: usize, counts: &[(usize, &str)], hypothetical: bool) -> String {
    let list: Vec<String> = counts.iter().map(|(k, g)| format!("{k} {g}")).collect();
    match lang {
        Lang::Zh => format!(
            "plansim assess：{n} 个目标：{}{}",
            list.join("，"),
            if hypothetical {
                "（部分实际值为假设数据）"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "plansim assess: {n} target{}: {}{}",
            if n == 1 { "" } else { "s" },
            list.join(", "),
            if hypothetical {
                " (some outturns are hypothetical)"
            } else {
                ""
            }
        ),
    }
}

/// Tables with unreadable cells: their rows are not graded.
pub fn not_graded(lang: Lang, tables: usize) -> String {
    match lang {
        Lang::Zh => format!("plansim assess：{tables} 个表含无法读取的单元格，这些行未作评估"),
        Lang::En => format!(
            "plansim assess: {tables} table{} with unreadable cells: their rows are not graded",
            if tables == 1 { "" } else { "s" }
        ),
    }
}

/// Inputs a command could not use (`assess`, `check` reading outturns): it stops.
pub fn unusable_inputs(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("plansim：{n} 个输入无法使用，未做任何计算"),
        Lang::En => format!(
            "plansim: {n} input{} unusable; nothing done",
            if n == 1 { " is" } else { "s are" }
        ),
    }
}

/// `project`'s count of what it could not project, on stderr.
pub fn not_projected(lang: Lang, n: usize, of: usize, verbose: bool) -> String {
    let more = !verbose && n > 0;
    match lang {
        Lang::Zh => format!(
            "plansim project：{of} 个指标中 {n} 个无法预测（无基期值，也无实际值）{}",
            if more {
                "；--verbose 列出它们"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "plansim project: {n} of {of} indicators not projected (no baseline and no actual){}",
            if more { "; --verbose lists them" } else { "" }
        ),
    }
}

/// A scenario's name and question, heading a command's output: the question in the run's
/// language where the scenario gives one (`description_zh`, `description_en`).
pub fn scenario_line(lang: Lang, sc: &plansim_core::scenario::Scenario) -> String {
    let name = &sc.name;
    let own = match lang {
        Lang::Zh => sc.spec.description_zh.as_deref(),
        Lang::En => sc.spec.description_en.as_deref(),
    };
    let description = own.unwrap_or(&sc.description).trim();
    match (lang, description.is_empty()) {
        (Lang::Zh, true) => format!("情景 {name}"),
        (Lang::En, true) => format!("scenario {name}"),
        (Lang::Zh, false) => format!("情景 {name}：{description}"),
        (Lang::En, false) => format!("scenario {name}: {description}"),
    }
}

/// The scenario, draws and seed a simulation ran with.
pub fn draws_line(lang: Lang, name: &str, draws: usize, seed: u64) -> String {
    match lang {
        Lang::Zh => format!("情景 {name}：模拟 {draws} 次，种子 {seed}"),
        Lang::En => format!("scenario {name}: {draws} draws, seed {seed}"),
    }
}

/// `wrote <path>` after an output file is written.
pub fn wrote(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("已写入 {what}"),
        Lang::En => format!("wrote {what}"),
    }
}

/// How a note that is neither an error nor a warning starts on stderr.
pub fn said(lang: Lang) -> &'static str {
    lang.say("plansim: ", "plansim：")
}

/// How an error or a warning starts on stderr.
pub fn prefix(lang: Lang, error: bool) -> &'static str {
    match (lang, error) {
        (Lang::Zh, true) => "plansim：错误：",
        (Lang::Zh, false) => "plansim：警告：",
        (Lang::En, true) => "plansim: error: ",
        (Lang::En, false) => "plansim: warning: ",
    }
}

/// `report` with no scenario to run: what it looked for, and that it wrote nothing.
pub fn no_scenarios(lang: Lang, looked: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "在 {looked} 中没有找到情景文件（*.toml），未写入任何文件。请在仓库根目录运行，或给出情景文件或文件夹：plansim report path/to/scenarios/"
        ),
        Lang::En => format!(
            "no scenario files (*.toml) found in {looked}; nothing written. Run it in the repository's folder, or name scenario files or folders: plansim report path/to/scenarios/"
        ),
    }
}

/// The last line of `report`: scenarios written, time taken, the index page, failures.
pub fn report_summary(lang: Lang, ok: usize, secs: f64, index: &str, failed: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "plansim report：{ok} 个情景，用时 {secs:.1} 秒 → {index}{}",
            if failed > 0 {
                format!("；{failed} 个失败")
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "plansim report: {ok} scenario{} in {secs:.1} s → {index}{}",
            s(ok),
            if failed > 0 {
                format!("; {failed} failed")
            } else {
                String::new()
            }
        ),
    }
}

/// `report`'s last line when no scenario ran: nothing was written.
pub fn report_none(lang: Lang, failed: usize, out: &str) -> String {
    match lang {
        Lang::Zh => {
            let which = if failed == 1 {
                "情景失败".to_string()
            } else {
                format!("{failed} 个情景全部失败")
            };
            format!("plansim report：{which}，未向 {out} 写入任何文件")
        }
        Lang::En => format!(
            "plansim report: {} failed; nothing written to {out}",
            if failed == 1 {
                "the scenario".to_string()
            } else {
                format!("all {failed} scenarios")
            }
        ),
    }
}

/// A scenario `report` could not run (the error follows).
pub fn scenario_failed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("情景 {path} 失败："),
        Lang::En => format!("scenario {path} failed: "),
    }
}

/// `project --years` naming years the projection does not hold.
pub fn years_outside(lang: Lang, years: &str, from: i32, to: i32) -> String {
    match lang {
        Lang::Zh => format!(
            "--years {years}：不在预测年份（{from}–{to}）之内，未列出；更远的年份请加 --horizon"
        ),
        Lang::En => format!(
            "--years {years}: not among the projection's years ({from}–{to}), left out; --horizon reaches further"
        ),
    }
}

fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Under `project` and `simulate`: some outturns are a what-if (`basis = hypothetical`).
pub fn hypothetical(lang: Lang) -> &'static str {
    lang.say(
        "some actuals are hypothetical (basis = hypothetical in their file): a what-if, not published figures",
        "部分实际值为假设数据（文件中 basis 为 hypothetical）：属情景假设，并非公布数据",
    )
}
