//! What plansim advises about a scenario that still runs — a value that looks like the other
//! unit, a rule reaching several regions, a rule on observed years — and what it says of the
//! indicators it cannot project or sweep.

use super::reading::nearest;
use super::{Lang, Msg};

/// The advice messages in a language; `None` for the others.
pub(super) fn render(msg: &Msg, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    let l = |v: &[String]| lang.list(v);
    let near = |v: &[String]| nearest(v, false, lang);
    Some(match msg {
        Msg::LooksLikeFraction {
            key,
            text,
            indicator,
            pace,
        } => match zh {
            true => format!(
                "{key} = {text} 按百分数读作 {text}%（{indicator} 规划增速 {pace}）；若指 {}%，写 {key} = {}；若确指 {text}%，写 {key} = \"{text}%\" 即不再提示",
                scaled(text),
                scaled(text)
            ),
            false => format!(
                "{key} = {text} is read as {text}% (percent, as every rate here; {indicator} plans {pace}); for {}% write {key} = {}, or {key} = \"{text}%\" to keep it and silence this",
                scaled(text),
                scaled(text)
            ),
        },
        Msg::SigmaLooksLikeFraction { key, text } => match zh {
            true => format!(
                "{key} {text} 读作每年 {text} 个百分点（σ 以百分点计：2 = 2 个百分点）；若指 {} 个百分点，写 {}；若确指，写 \"{text}%\"",
                scaled(text),
                scaled(text)
            ),
            false => format!(
                "{key} {text} is read as {text} points a year (σ is in points: 2 = 2 points); for {} points write {}, or \"{text}%\" to keep it",
                scaled(text),
                scaled(text)
            ),
        },
        Msg::SpansRegions { rule, regions } => match zh {
            true => format!(
                "{} 未写 `region`，作用于 {} 个地区：{}；写 region = \"{}\"（或地区列表，或 \"*\" 表示全部）",
                rule.table(),
                regions.len(),
                l(regions),
                regions[0]
            ),
            false => format!(
                "the {} has no `region` and reaches {} regions: {}; write region = \"{}\" (or a list, or \"*\" for all)",
                rule.table(),
                regions.len(),
                regions.join(", "),
                regions[0]
            ),
        },
        Msg::ObservedYears {
            rule,
            indicator,
            region,
            years,
        } => {
            let ys: Vec<String> = years.iter().map(|y| y.to_string()).collect();
            match zh {
                true => format!(
                    "{} 落在 {region} {indicator} 有实际值的年份（{}）：这些年份不变",
                    rule.table(),
                    l(&ys)
                ),
                false => format!(
                    "the {} falls on observed years of {region} {indicator} ({}): those years keep their actuals",
                    rule.table(),
                    ys.join(", ")
                ),
            }
        }
        Msg::NoBaseline { target: false } => lang
            .say(
                "no baseline and no numeric target",
                "无基期值，也无数值目标",
            )
            .into(),
        Msg::NoBaseline { target: true } => lang
            .say(
                "no baseline: give one in the table or as an actual",
                "无基期值：请在表中给出，或给出实际值",
            )
            .into(),
        Msg::GrowthRate => lang
            .say(
                "a growth rate (its cells are yearly rates, not a level): never compounded; the \
                 scenario gives its yearly rates, on which targets relative to it (above GDP \
                 growth, …) are judged, listed under the table",
                "增速指标（各格为逐年增速，不是水平值）：不做复利推算；情景给出其各年增速，\
                 以它为参照的目标（高于GDP增长等）据此判断，列在表下",
            )
            .into(),
        Msg::ActualAfterHorizon { first, horizon } => match zh {
            true => format!("无基期值，且首个实际值（{first}）晚于预测终点 {horizon}"),
            false => format!(
                "no baseline, and its first actual ({first}) is after the horizon {horizon}"
            ),
        },
        Msg::NoIndicator {
            name,
            region,
            nearest: n,
        } => {
            let of = region.as_deref().map(|r| match zh {
                true => format!("{r} 的"),
                false => format!(" of {r}"),
            });
            match zh {
                true => format!(
                    "情景的表中没有{}指标 \"{name}\"{}",
                    of.unwrap_or_default(),
                    near(n)
                ),
                false => format!(
                    "no indicator \"{name}\"{} in the scenario's tables{}",
                    of.unwrap_or_default(),
                    near(n)
                ),
            }
        }
        Msg::DeltasLookLikeFractions { text } => match zh {
            true => format!(
                "--delta {text} 按百分点读取（每年变化不到 0.1 个百分点）；若指百分数的小数形式，请乘以 100"
            ),
            false => format!(
                "--delta {text} is read in points (changes of less than 0.1 points a year); if these are fractions, multiply by 100"
            ),
        },
        _ => return None,
    })
}

/// `0.05` → `5`: the value a fraction meant in percent.
fn scaled(text: &str) -> String {
    text.trim_matches('"')
        .parse::<f64>()
        .map(|v| crate::text::trim_float(v * 100.0))
        .unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_are_shown_what_they_meant() {
        assert_eq!(scaled("0.05"), "5");
        assert_eq!(scaled("-0.02"), "-2");
    }
}
