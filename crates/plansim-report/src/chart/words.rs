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

impl Words {
    /// The words in a language, each written as its pair (English, Chinese).
    pub fn new(lang: Lang) -> Words {
        let say = |en: &str, zh: &str| lang.say(en, zh).to_string();
        Words {
            actual: say("Actual", "实际值"),
            actual_hypothetical: say("Actual (hypothetical)", "实际值（假设）"),
            actual_bound: say(
                "Actual published as a bound (> or ≤)",
                "实际值为界限(＞或≤)",
            ),
            forecast: say("forecast", "预测期"),
            breach: say("beyond the limit", "超出上限"),
            base: say("Base", "基期值"),
            fan_outer: say("90% band (P5–P95)", "90%区间 (P5–P95)"),
            fan_inner: say("50% band (P25–P75)", "50%区间 (P25–P75)"),
            median: say("Simulated median", "模拟中位数"),
            ceiling: say("Natural bound", "自然上限"),
            binding: say("Binding target", "约束性指标"),
            expected: say("Expected target", "预期性指标"),
            probability: say(
                "Probability of meeting the target under the scenario",
                "情景下达标概率",
            ),
            stated_rate: say("Stated annual rate (%)", "规划年均增速 (%)"),
            required_rate: say("Required annual rate (%)", "达标所需年均增速 (%)"),
            above_diagonal: say(
                "Required above stated: must speed up",
                "所需高于规划: 需加速",
            ),
            below_diagonal: say("Stated rate is enough", "规划增速足以达标"),
            diagonal: say("required = stated", "所需 = 规划"),
            no_data: say("No data", "无数据"),
            no_outturns: say("no outturns: the plan's path only", "无实际值"),
            lang,
        }
    }

    /// The Chinese words (the default).
    pub fn zh() -> Words {
        Words::new(Lang::Zh)
    }

    /// The English words, for `--lang en`.
    pub fn en() -> Words {
        Words::new(Lang::En)
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
