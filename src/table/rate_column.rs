//! What a row's rate column states ([`RateKind`]), and the target it gives a row whose target
//! cell is empty.

use super::indicator::{Indicator, RateKind};
use super::notation::{Cell, Form};
use super::unit::Unit;

/// Words of a name that make it a change over time (a total of it is a percentage change).
const CHANGE_WORDS: [&str; 10] = [
    "降低", "下降", "减少", "削减", "压减", "提高", "增长", "增速", "上升", "增幅",
];

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
    let change_named = CHANGE_WORDS.iter().any(|w| name.contains(w));
    if rate.is_period_total() || (cumulative && rate.is_numeric()) {
        let growth_header = ["增长", "增速", "增幅"].iter().any(|w| header.contains(w));
        return if change_named || growth_header || (rate.percent && !unit.is_share()) {
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
