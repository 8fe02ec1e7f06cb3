//! The fixed words charts draw beside the caller's own labels (legends, axis names, statuses).

use plansim_core::lang::Lang;

/// Fixed chart words in one language. [`Words::zh`] is the default; [`Words::en`] for `--lang en`.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    pub actual: String,
    /// Outturns marked hypothetical (not published figures).
    pub actual_hypothetical: String,
    /// An outturn published as a bound (`＞25`).
    pub actual_bound: String,
    /// Over the shaded years after the last outturn.
    pub forecast: String,
    /// The zone beyond an upper-bound target.
    pub breach: String,
    pub base: String,
    pub fan_outer: String,
    pub fan_inner: String,
    pub median: String,
    pub ceiling: String,
    /// The language of grades and statuses (English rather than the official Chinese).
    pub lang: Lang,
    pub binding: String,
    pub expected: String,
    pub probability: String,
    pub stated_rate: String,
    pub required_rate: String,
    pub above_diagonal: String,
    pub below_diagonal: String,
    pub diagonal: String,
    pub no_data: String,
    /// A chart without outturns: the plan's path only, no fan.
    pub no_outturns: String,
}

impl Default for Words {
    fn default() -> Self {
        Words::zh()
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

impl Words {
    pub fn zh() -> Words {
        Words {
            actual: s("实际值"),
            actual_hypothetical: s("实际值（假设）"),
            actual_bound: s("实际值为界限(＞或≤)"),
            forecast: s("预测期"),
            breach: s("超出上限"),
            base: s("基期值"),
            fan_outer: s("90%区间 (P5–P95)"),
            fan_inner: s("50%区间 (P25–P75)"),
            median: s("模拟中位数"),
            ceiling: s("自然上限"),
            lang: Lang::Zh,
            binding: s("约束性指标"),
            expected: s("预期性指标"),
            probability: s("情景下达标概率"),
            stated_rate: s("规划年均增速 (%)"),
            required_rate: s("达标所需年均增速 (%)"),
            above_diagonal: s("所需高于规划: 需加速"),
            below_diagonal: s("规划增速足以达标"),
            diagonal: s("所需 = 规划"),
            no_data: s("无数据"),
            no_outturns: s("无实际值"),
        }
    }

    pub fn en() -> Words {
        Words {
            actual: s("Actual"),
            actual_hypothetical: s("Actual (hypothetical)"),
            actual_bound: s("Actual published as a bound (> or ≤)"),
            forecast: s("forecast"),
            breach: s("beyond the limit"),
            base: s("Base"),
            fan_outer: s("90% band (P5–P95)"),
            fan_inner: s("50% band (P25–P75)"),
            median: s("Simulated median"),
            ceiling: s("Natural bound"),
            lang: Lang::En,
            binding: s("Binding target"),
            expected: s("Expected target"),
            probability: s("Probability of meeting the target under the scenario"),
            stated_rate: s("Stated annual rate (%)"),
            required_rate: s("Required annual rate (%)"),
            above_diagonal: s("Required above stated: must speed up"),
            below_diagonal: s("Stated rate is enough"),
            diagonal: s("required = stated"),
            no_data: s("No data"),
            no_outturns: s("no outturns: the plan's path only"),
        }
    }

    /// Every word, for the glyph check.
    pub fn all(&self) -> Vec<&str> {
        let grades = plansim_core::assess::Status::ALL.map(|s| s.label(self.lang));
        let mut v: Vec<&str> = vec![
            &self.actual,
            &self.actual_hypothetical,
            &self.actual_bound,
            &self.forecast,
            &self.breach,
            &self.base,
            &self.fan_outer,
            &self.fan_inner,
            &self.median,
            &self.ceiling,
            &self.binding,
            &self.expected,
            &self.probability,
            &self.stated_rate,
            &self.required_rate,
            &self.above_diagonal,
            &self.below_diagonal,
            &self.diagonal,
            &self.no_outturns,
            &self.no_data,
        ];
        v.extend(grades);
        v
    }
}
