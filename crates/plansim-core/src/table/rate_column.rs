//! What a row's rate column states ([`RateKind`]), and the target it gives a row whose target
//! cell is empty.

use super::indicator::{Indicator, RateKind};
use super::notation::{Cell, Form};
use super::unit::Unit;

/// What the rate column states for a row: `(cumulative, average, header)` of its column.
pub(super) fn rate_kind(
    name: &str,
    unit: &Unit,
    rate: &Cell,
    column: Option<(bool, bool, String)>,
) -> RateKind {
    let Some((cumulative, average, header)) = column else {
        return RateKind::Annual;
    };
    // a name stating a change over time: a total of it is a percentage change
    let change_named =
        super::change_words::states_fall(name) || super::change_words::states_rise(name);
    if rate.is_period_total() || (cumulative && rate.is_numeric()) {
        // `累计增长` says growth of the total; `年均增长[累计]` says growth of the annual figures,
        // its bracketed totals being changes of the level (城镇化率 `[3.9]`: 3.9 points)
        let growth_header =
            cumulative && ["增长", "增速", "增幅"].iter().any(|w| header.contains(w));
        // `〔6〕` under 百分点 is six points whatever the name's word (`入托率提高`)
        return if unit.kind != super::UnitKind::Points
            && (change_named || growth_header || (rate.percent && !unit.is_share()))
        {
            RateKind::TotalPercent
        } else {
            RateKind::TotalAmount
        };
    }
    if average && !change_named && rate.is_numeric() {
        return RateKind::Yearly;
    }
    RateKind::Annual
}

/// An empty target read from the rate column: a yearly value is the target year's too; a
/// percentage total is the target as a total; a total amount from a baseline is a change from
/// it (`〔1〕` 岁 from 77.3), without a baseline a running total.
pub(super) fn target_from_rate(ind: &mut Indicator) {
    let mut target = ind.rate.clone();
    match ind.rate_kind {
        RateKind::Annual => return,
        RateKind::Yearly => {}
        RateKind::TotalPercent => {
            target.period.get_or_insert_with(String::new);
        }
        RateKind::TotalAmount => match (&ind.rate.form, ind.base_level()) {
            (Form::Number { value }, Some(_)) => {
                target.form = Form::Points { value: *value };
                target.period = None;
            }
            (_, Some(_)) => return,
            (_, None) => {
                target.period.get_or_insert_with(String::new);
            }
        },
    }
    ind.target = target;
    ind.target_from_rate = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str, unit: &str, rate: &str, header: &str) -> RateKind {
        let (cumulative, average) = match header {
            "年均/累计" => (false, true),
            "累计增长" | "累计" => (true, false),
            _ => (false, false),
        };
        let rate = Cell::parse(rate).unwrap_or_else(|e| panic!("{rate}: {e}"));
        rate_kind(
            name,
            &Unit::parse(unit),
            &rate,
            Some((cumulative, average, header.into())),
        )
    }

    /// The readings of the national outlines' rate columns, by hand from their tables.
    #[test]
    fn rate_columns_as_the_outlines_mean_them() {
        use RateKind::*;
        // 14th plan, 年均/累计
        assert_eq!(
            kind("全社会研发经费投入增长", "%", "＞7、力争…", "年均/累计"),
            Annual
        );
        assert_eq!(kind("城镇调查失业率", "%", "＜5.5", "年均/累计"), Yearly);
        assert_eq!(
            kind("人均预期寿命", "岁", "〔1〕", "年均/累计"),
            TotalAmount
        );
        assert_eq!(
            kind("单位GDP能源消耗降低", "%", "〔13.5〕", "年均/累计"),
            TotalPercent
        );
        assert_eq!(
            kind(
                "国内生产总值（GDP）增长",
                "%",
                "保持在合理区间",
                "年均/累计"
            ),
            Annual
        );
        // 13th plan, 年均增长[累计]: a share's total is points, a fall's a percentage
        assert_eq!(
            kind("常住人口城镇化率", "%", "〔3.9〕", "年均增长[累计]"),
            TotalAmount
        );
        assert_eq!(
            kind("国内生产总值", "万亿元", "＞6.5", "年均增长[累计]"),
            Annual
        );
        assert_eq!(
            kind(
                "主要污染物排放总量减少：氨氮",
                "%",
                "〔10〕",
                "年均增长[累计]"
            ),
            TotalPercent
        );
        // a column headed 累计增长: growth of the level over the period
        assert_eq!(kind("地区生产总值", "亿元", "30", "累计增长"), TotalPercent);
        assert_eq!(
            kind("城镇新增就业人数", "万人", "[>5000]", "累计"),
            TotalAmount
        );
    }
}
