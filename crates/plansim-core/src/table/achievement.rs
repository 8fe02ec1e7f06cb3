//! An achievement table's own verdicts: each row's outcome columns against its target, as the
//! table's arithmetic says — a level against its target, an achieved rate or period total
//! against the target rate or total, bounds on either side (`＞80`, `＜[10]`), words (`基本稳定`)
//! as qualitative.

use super::indicator::{Direction, Indicator};
use super::notation::{Cell, Form};

/// What the outcome says of the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The outcome is at or beyond the target.
    Met,
    /// The outcome falls short of it.
    Missed,
    /// The target is in words: nothing to compare.
    Qualitative,
}

/// A row's outcome compared with its target.
#[derive(Clone, Debug, PartialEq)]
pub struct Achievement {
    /// Met, missed or qualitative.
    pub verdict: Verdict,
    /// The target cell compared, as printed.
    pub target: String,
    /// The outcome cell compared, as printed.
    pub outcome: String,
    /// The outcome's number, in the target's terms (per mille made percent when the target is
    /// in percent).
    pub value: Option<f64>,
    /// A level (`true`) or a rate or period total (`false`) was compared.
    pub level: bool,
}

/// Names of levels a plan keeps under its figure though they grow: the population
/// (`全国总人口 控制在13.3亿以内`), and what the meaning's falling words name (`失业率`).
fn is_ceiling(ind: &Indicator) -> bool {
    ind.name.contains("总人口") || super::change_words::meant_to_fall(&ind.name)
}

/// The row's outcome against its target; `None` for a row without outcome columns (a plan
/// table's row) or whose outcome cannot decide (`＜12` against a target of 10).
pub fn achievement(ind: &Indicator) -> Option<Achievement> {
    if ind.outcome.is_none() && ind.outcome_rate.is_none() {
        return None;
    }
    let level_target = !ind.target_from_rate && !ind.target.is_none();
    if level_target && !ind.outcome.is_none() {
        let lower = match ind.target.form {
            Form::Number { .. } | Form::About { .. } => {
                is_ceiling(ind) || ind.direction() == Direction::Falling
            }
            _ => false,
        };
        return compare(&ind.target, &ind.outcome, lower, true);
    }
    if !ind.rate.is_none() && !ind.outcome_rate.is_none() {
        // an achieved rate or total: more is better (a growth, a reduction's size) unless the
        // target bounds it from above
        return compare(&ind.rate, &ind.outcome_rate, false, false);
    }
    None
}

/// The number of a cell in percent when the other is in percent and it is in per mille.
fn number(cell: &Cell, other: &Cell) -> Option<f64> {
    let v = cell.point()?.value;
    let per_mille = |c: &Cell| c.suffix.as_deref() == Some("‰");
    Some(
        if per_mille(cell) && !per_mille(other) && other.is_numeric() {
            v / 10.0
        } else {
            v
        },
    )
}

fn compare(target: &Cell, outcome: &Cell, lower_better: bool, level: bool) -> Option<Achievement> {
    let made = |verdict, value| {
        Some(Achievement {
            verdict,
            target: target.raw.trim().to_string(),
            outcome: outcome.raw.trim().to_string(),
            value,
            level,
        })
    };
    if matches!(target.form, Form::Qualitative { .. }) {
        return made(Verdict::Qualitative, outcome.point().map(|n| n.value));
    }
    // the side of the target the outcome must be on: (bound, at least?, strict)
    let t = number(target, outcome)?;
    let (at_least, strict) = match target.form {
        Form::AtLeast { strict, .. } => (true, strict),
        Form::AtMost { strict, .. } => (false, strict),
        Form::Number { .. } | Form::About { .. } => (!lower_better, false),
        Form::Range { low, high } => {
            let o = number(outcome, target)?;
            let inside = o >= low.value - 1e-9 && o <= high.value + 1e-9;
            return made(
                if inside {
                    Verdict::Met
                } else {
                    Verdict::Missed
                },
                Some(o),
            );
        }
        _ => return None,
    };
    let o = number(outcome, target)?;
    let eps = 1e-9;
    let near = (o - t).abs() <= eps;
    let verdict = match (&outcome.form, at_least) {
        // a bound as outcome (`＜[10]`) decides only when all it allows is on one side
        (Form::AtMost { strict: os, .. }, true) if o < t - eps || (near && (*os || strict)) => {
            Verdict::Missed
        }
        (Form::AtMost { strict: os, .. }, false) if o < t - eps || (near && (*os || !strict)) => {
            Verdict::Met
        }
        (Form::AtLeast { strict: os, .. }, true) if o > t + eps || (near && (*os || !strict)) => {
            Verdict::Met
        }
        (Form::AtLeast { strict: os, .. }, false) if o > t + eps || (near && (*os || strict)) => {
            Verdict::Missed
        }
        (Form::AtMost { .. } | Form::AtLeast { .. }, _) => return None,
        (_, true) if o > t + eps || (!strict && near) => Verdict::Met,
        (_, false) if o < t - eps || (!strict && near) => Verdict::Met,
        _ => Verdict::Missed,
    };
    made(verdict, Some(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(t: &str) -> Cell {
        Cell::parse(t).unwrap_or_else(|e| panic!("{t}: {e}"))
    }

    /// Each pair as the 10th plan's achievement table prints it, judged by hand.
    #[test]
    fn outcomes_against_targets() {
        let v = |t: &str, o: &str, lower: bool| compare(&cell(t), &cell(o), lower, true);
        // 货物进出口总额 14221 against 6800
        assert_eq!(
            v("6800", "14221", false).map(|a| a.verdict),
            Some(Verdict::Met)
        );
        // 高中阶段教育毛入学率 53 against 60
        assert_eq!(
            v("60", "53", false).map(|a| a.verdict),
            Some(Verdict::Missed)
        );
        // 城镇登记失业率 4.2 under a ceiling of 5
        assert_eq!(v("5", "4.2", true).map(|a| a.verdict), Some(Verdict::Met));
        // 主要污染物排放总量减少: a fall of under 10 % against a fall of 10 %
        assert_eq!(
            v("[10]", "＜[10]", false).map(|a| a.verdict),
            Some(Verdict::Missed)
        );
        // an outcome of under 12 against 10 decides nothing
        assert_eq!(v("10", "＜12", false), None);
        // 新型农村合作医疗覆盖率 ＞80: 80 is not above 80
        assert_eq!(
            v("＞80", "80", false).map(|a| a.verdict),
            Some(Verdict::Missed)
        );
        // 全国总人口 ＜8‰ a year against an achieved 6.3‰
        assert_eq!(
            v("＜8‰", "6.3‰", false).map(|a| a.verdict),
            Some(Verdict::Met)
        );
        assert_eq!(
            v("基本稳定", "1.4", false).map(|a| a.verdict),
            Some(Verdict::Qualitative)
        );
    }
}
