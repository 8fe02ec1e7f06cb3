//! What an outturn is refused or warned for once its row is known: no region where the tables
//! hold several, a unit or a scale foreign to the row, a name no row has (with the nearest), a
//! negative figure under a name that says it falls, a name and a quantity that disagree.

use super::Outturn;
use crate::error::CellError;
use crate::lang::Text;
use crate::names::{Measure, Name, nearest};
use crate::table::Indicator;

/// An outturn without a region where the tables hold several.
pub(super) fn no_region(o: &Outturn, held: &[&str]) -> CellError {
    let n = held.len();
    CellError::new(
        o.row,
        1,
        "region".into(),
        String::new(),
        Text::say(
            format!("a region: the tables hold {n} ({})", held.join(", ")),
            format!("应填写地区：指标表含 {n} 个地区（{}）", held.join("、")),
        ),
    )
}

/// The unit printed after an outturn's number, when the row it matched cannot be in it: not a
/// part of the row's unit (`人` of `万人`, `元` of `亿元`) and not convertible to it.
pub(super) fn foreign_unit(ind: &Indicator, o: &Outturn) -> Option<CellError> {
    use crate::table::unit::{Unit, word_of};
    let printed = super::value::parse(&o.text).ok()?;
    let suffix = printed.suffix.as_deref()?.trim();
    let unit = ind.value_unit();
    let unit = unit.trim();
    if suffix.is_empty()
        || unit.is_empty()
        // the row's own unit, or its word after the magnitude (`31.2万人` in 万人): not any
        // unit that happens to contain it (`亿元` printed against a row in `忆元`)
        || unit == suffix
        || word_of(unit) == word_of(suffix)
        || Unit::parse(suffix).factor_to(&Unit::parse(unit)).is_some()
    {
        return None;
    }
    let (name, row, named) = (&ind.name, ind.row, &o.indicator);
    Some(value_error(
        o,
        Text::say(
            format!(
                "a figure in {unit}, the unit of {name} (row {row} of its table): `{suffix}` is \
                 another unit; convert the figure, or name its unit after the indicator \
                 (`{named}（{suffix}）`) if it measures another quantity"
            ),
            format!(
                "应为以 {unit} 计的数字，即 {name}（其表第 {row} 行）的单位：`{suffix}` 是另一种\
                 单位；请换算该数字，若它度量的是另一个量，请在指标名后写明其单位\
                 （`{named}（{suffix}）`）"
            ),
        ),
    ))
}

/// An outturn's value cell that cannot be the row's, with what it should be.
fn value_error(o: &Outturn, why: Text) -> CellError {
    CellError::new(o.row, o.column, "value".into(), o.text.clone(), why)
}

/// A bare figure a thousand times its row's base or more (or a thousandth or less) is in
/// another unit (万元 against 亿元 is 10,000 times), and a figure of 1 or less against a share
/// of some % is a fraction (0.312 for 31.2 %): refused with the reason, not graded as the
/// row's (13,300,000 "met" a target of 1,750亿). No plan's level moves a thousandfold.
pub(super) fn implausible_scale(ind: &Indicator, o: &Outturn) -> Option<CellError> {
    use crate::format::significant;
    // a figure for a period (`2021–2025 〔1〕`) is a total, not a level
    if o.period.is_some() || o.text.contains(['〔', '[', '［']) {
        return None;
    }
    let base = ind.base_level()?.value;
    let v = super::terms::level(ind, o).value;
    if !(base > 0.0 && v > 0.0 && base.is_finite() && v.is_finite()) {
        return None;
    }
    let unit = ind.value_unit();
    let unit = unit.trim();
    let ratio = v / base;
    let (b, y) = (significant(base), ind.base_year);
    let expected = if !(0.001..1000.0).contains(&ratio) {
        // the unit a figure too large is likely in, as an example to print after it
        let example = if ratio >= 1000.0 {
            format!("`{}万元`", o.text.trim())
        } else {
            String::new()
        };
        let times = significant(ratio);
        Text::say(
            format!(
                "a figure in {unit} near the row's base {b} ({y}): this one is {times} times it; \
                 is it in another unit (万元 against 亿元 is 10,000 times)? Convert it, or print \
                 its unit after it{}",
                if example.is_empty() {
                    String::new()
                } else {
                    format!(" ({example})")
                }
            ),
            format!(
                "应为以 {unit} 计、与本行基期值 {b}（{y}年）相近的数字：此数是它的 {times} 倍；\
                 是否用了另一种单位（万元与亿元相差 10000 倍）？请换算，或在数字后写明单位{}",
                if example.is_empty() {
                    String::new()
                } else {
                    format!("（{example}）")
                }
            ),
        )
    } else if unit == "%" && v <= 1.0 && base >= 5.0 && (0.2..=5.0).contains(&(v * 100.0 / base)) {
        let (text, read, pct) = (o.text.trim(), significant(v), significant(v * 100.0));
        Text::say(
            format!(
                "a share in %, as the row's base {b} ({y}): `{text}` reads as {read} %; a \
                 fraction is written in % ({pct})"
            ),
            format!(
                "应为以 % 计的比重，如本行基期值 {b}（{y}年）：`{text}` 读作 {read}%；\
                 小数请写成百分数（{pct}）"
            ),
        )
    } else {
        return None;
    };
    Some(value_error(o, expected))
}

/// An outturn no indicator of its region measures, with the nearest names.
pub(super) fn unmatched(o: &Outturn, candidates: Vec<&str>) -> CellError {
    let near = nearest(&o.indicator, candidates);
    let quoted: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
    let region = &o.region;
    CellError::new(
        o.row,
        o.name_column,
        "indicator".into(),
        o.indicator.clone(),
        Text::say(
            format!(
                "an indicator of {region}'s tables (by name, alias or quantity){}",
                if near.is_empty() {
                    "; none is near: add an alias to scenarios/aliases.csv or leave the row out"
                        .to_string()
                } else {
                    format!("; did you mean {}?", quoted.join(", "))
                }
            ),
            format!(
                "应为 {region} 指标表中的指标（按名称、别名或所度量的量）{}",
                if near.is_empty() {
                    "；没有相近的名称：请在 scenarios/aliases.csv 中添加别名，或删去该行"
                        .to_string()
                } else {
                    format!("；是否想写 {}？", quoted.join("、"))
                }
            ),
        ),
    )
}

/// A negative figure under a name that says the quantity falls (`…降低 -2.5`) reads as a
/// rise, as a fall of −2.5 % is: said, since the bulletins print such changes signed under
/// `比上年变化` and a sign copied across would turn a fall into a rise in silence.
pub(super) fn negative_fall(o: &Outturn) -> Option<Text> {
    let falls = crate::names::split_measure(&crate::names::key(&o.indicator)).1
        == Measure::Change { falling: true };
    (falls && o.value < 0.0 && o.period.is_none()).then(|| {
        let rise = crate::format::significant(-o.value);
        let (at, named, year, text) = (
            format!("{}:{}", o.file.display(), o.row),
            &o.indicator,
            o.year,
            o.text.trim(),
        );
        Text::say(
            format!(
                "{at}: {named} {year} is `{text}` under a name that says it falls: read as a \
                 rise of {rise}; if it fell, write {rise}, or name the figure `…比上年变化` with \
                 its sign"
            ),
            format!(
                "{at}：{named} {year}年为 `{text}`，而名称表示下降：按上升 {rise} 读取；若实为\
                 下降，请写 {rise}，或把指标命名为 `…比上年变化` 并保留符号"
            ),
        )
    })
}

/// A nominal outturn for a real target, or the other way round.
pub(super) fn contradiction(ind: &Indicator, o: &Outturn) -> Option<Text> {
    let target = Name::parse(&ind.name).basis()?;
    let outturn = Name::parse(&o.indicator)
        .basis()
        .or_else(|| o.notes.iter().find_map(|n| crate::names::basis_of(n)))?;
    let en = |b: crate::names::Basis| {
        if b == crate::names::Basis::Nominal {
            "nominal"
        } else {
            "real"
        }
    };
    let (at, named, year) = (
        format!("{}:{}", o.file.display(), o.row),
        &o.indicator,
        o.year,
    );
    (target != outturn).then(|| {
        Text::say(
            format!(
                "{at}: {named} {year} is {} ({}) but the target {} is {} ({})",
                outturn.word(),
                en(outturn),
                ind.name,
                target.word(),
                en(target),
            ),
            format!(
                "{at}：{named} {year}年是{}，而目标 {} 是{}",
                outturn.word(),
                ind.name,
                target.word(),
            ),
        )
    })
}
