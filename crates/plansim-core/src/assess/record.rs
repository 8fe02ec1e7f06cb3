//! A target's grade: the status in the official vocabulary, the evidence behind it and the
//! sentence that explains it.

use super::typed::{Evidence, Fields};
use crate::lang::Text;
use serde::Serialize;
use std::path::PathBuf;

/// The grades of the national mid-term and final evaluations, plus what evidence cannot give.
///
/// # Example
///
/// ```
/// use plansim_core::Status;
///
/// // the official vocabulary first, then what evidence cannot give
/// assert_eq!(Status::Ahead.code(), "ahead");
/// assert!(Status::Ahead < Status::Missed);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 提前实现: met before its year and still met.
    Ahead,
    /// 已实现: met in its year (inside the printed precision counts).
    Achieved,
    /// 快于预期: progress well beyond what the plan's path expects by now.
    Faster,
    /// 基本符合预期: about as expected.
    OnTrack,
    /// 滞后于预期: behind.
    Lagging,
    /// 滞后于预期, moving away from the target.
    Regressing,
    /// 未实现: missed in its year.
    Missed,
    /// 数据不足: no outturn after the base year.
    InsufficientData,
    /// 定性: no number to grade.
    Qualitative,
}

impl Status {
    /// Every status, in the order tables and legends list them.
    pub const ALL: [Status; 9] = [
        Status::Ahead,
        Status::Achieved,
        Status::Faster,
        Status::OnTrack,
        Status::Lagging,
        Status::Regressing,
        Status::Missed,
        Status::InsufficientData,
        Status::Qualitative,
    ];

    /// How urgently the grade asks for action, 0 first: missed, moving away, behind (these
    /// three need action), then on track, faster, met, met early, then no evidence, qualitative.
    pub fn urgency(self) -> u8 {
        match self {
            Status::Missed => 0,
            Status::Regressing => 1,
            Status::Lagging => 2,
            Status::OnTrack => 3,
            Status::Faster => 4,
            Status::Achieved => 5,
            Status::Ahead => 6,
            Status::InsufficientData => 7,
            Status::Qualitative => 8,
        }
    }

    /// Whether the outturns put the target behind: missed, moving away or lagging.
    pub fn needs_action(self) -> bool {
        self.urgency() <= 2
    }

    /// The grade as the official evaluations write it.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Ahead => "提前实现",
            Status::Achieved => "已实现",
            Status::Faster => "快于预期",
            Status::OnTrack => "基本符合预期",
            Status::Lagging | Status::Regressing => "滞后于预期",
            Status::Missed => "未实现",
            Status::InsufficientData => "数据不足",
            Status::Qualitative => "定性",
        }
    }

    /// The English code (`on-track`), also the CSS class and chart colour key.
    pub fn code(self) -> &'static str {
        match self {
            Status::Ahead => "ahead",
            Status::Achieved => "achieved",
            Status::Faster => "faster",
            Status::OnTrack => "on-track",
            Status::Lagging => "lagging",
            Status::Regressing => "regressing",
            Status::Missed => "missed",
            Status::InsufficientData => "insufficient-data",
            Status::Qualitative => "qualitative",
        }
    }

    /// Words for a reader: Chinese, or English.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        if !lang.is_en() {
            return self.zh();
        }
        match self {
            Status::Ahead => "achieved early",
            Status::Achieved => "achieved",
            Status::Faster => "faster than expected",
            Status::OnTrack => "on track",
            Status::Lagging => "lagging",
            Status::Regressing => "moving away",
            Status::Missed => "missed",
            Status::InsufficientData => "insufficient data",
            Status::Qualitative => "qualitative",
        }
    }

    /// Met or on its way (提前实现, 已实现, 快于预期, 基本符合预期).
    pub fn good(self) -> bool {
        matches!(
            self,
            Status::Ahead | Status::Achieved | Status::Faster | Status::OnTrack
        )
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The gap of a target moved towards (reach, period total, average rate): the current pace
/// minus the pace the remaining years need, in the pace's unit, turned so that positive is
/// the good side (a falling target's paces are falls: falling faster than required is ahead).
/// Once no year remains, the pace required is the target itself. The one definition the
/// table, the workbook and the gap chart show.
pub(crate) fn pace_gap(current: f64, required: f64, direction: crate::table::Direction) -> f64 {
    let sign = if direction == crate::table::Direction::Falling {
        -1.0
    } else {
        1.0
    };
    (current - required) * sign
}

/// The rules whose `gap` is `pace_gap`; the others' is a headroom or a margin in the
/// target's unit.
pub fn gap_is_pace(rule: &str) -> bool {
    matches!(rule, "reach" | "period-total" | "annual-rate")
}

/// One target graded. Units: see each field and the README (`pace_unit` says which applies).
///
/// # Example
///
/// ```
/// use plansim_core::{Input, Options, Stages, Status, run};
///
/// let scenario = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
///     .join("../../scenarios/national-14th.toml");
/// let opts = Options { as_of: Some(2022), ..Options::default() };
/// let results = run(Input::Path(scenario), &opts, Stages { assess: true, ..Stages::PROJECT })?;
/// // 常住人口城镇化率 reached 65.22 % in 2022, past its 2025 target of 65: 提前实现
/// let urban = results.grades.iter().find(|g| g.indicator == "常住人口城镇化率").unwrap();
/// assert_eq!((urban.status, urban.grade_zh), (Status::Ahead, "提前实现"));
/// # Ok::<(), plansim_core::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Grade {
    /// The region of the row.
    pub region: String,
    /// The plan of the row (`十四五`).
    pub plan: String,
    /// The indicator as the table names it.
    pub indicator: String,
    /// The year the target is for.
    pub target_year: i32,
    /// The cell the target is read from, as printed (the target, else the rate column).
    pub target: String,
    /// The rule family: reach, hold, annual-bound, annual-rate, period-total, relational,
    /// qualitative.
    pub rule: &'static str,
    /// The English code of the grade.
    pub status: Status,
    /// The grade in the official vocabulary.
    pub grade_zh: &'static str,
    /// The numbers of `evidence`, flat, as the JSON and CSV rows give them (read through
    /// `Deref`: `g.latest_year`, `g.p_meet`, …; units by `pace_unit` and the rule).
    #[serde(flatten)]
    fields: Fields,
    /// The grade in one sentence, with the numbers behind it, in the language asked for.
    pub reason: String,
    /// The reason in both languages.
    #[serde(skip)]
    pub text: Text,
    /// Some outturn used is hypothetical (not a published figure).
    pub hypothetical: bool,
    /// The latest outturn used is preliminary (（预计）).
    pub preliminary: bool,
    /// The latest year of the evidence the grade rests on (`None`: no outturn).
    pub evidence_year: Option<i32>,
    /// How many observations it rests on: yearly figures, or 1 for an official period figure.
    pub evidence_count: usize,
    /// The official figure for the plan's period the grade rests on, when one does:
    /// `2021–2025 〔17.7〕`.
    pub period_figure: Option<String>,
    /// Notes of the outturns used (method changes, qualifiers) and warnings, in the language
    /// asked for (the outturn files' own notes as written).
    pub notes: Vec<String>,
    #[serde(skip)]
    /// The notes in both languages.
    pub notes_text: Vec<Text>,
    /// What the grade rests on, typed by rule family; `fields` is made from it.
    #[serde(skip)]
    pub evidence: Evidence,
    /// The required pace beside the previous period's pace (see [`super::ambition`]).
    pub ambition: Option<super::ambition::Ambition>,
    /// Outturns were given after the base year but none could be counted (yearly figures
    /// that cannot be cumulated, a year before them missing): said instead of "no outturn".
    #[serde(skip)]
    pub uncounted: bool,
    /// The table file of the row.
    pub file: PathBuf,
    /// The 1-based row in that file.
    pub row: usize,
}

impl Grade {
    /// A grade of `status` with nothing measured.
    pub(crate) fn bare(
        ind: &crate::table::Indicator,
        target: String,
        rule: &'static str,
        status: Status,
        reason: Text,
    ) -> Grade {
        Grade {
            region: ind.region.to_string(),
            plan: ind.plan.to_string(),
            indicator: ind.name.clone(),
            target_year: ind.target_year,
            target,
            rule,
            status,
            grade_zh: status.zh(),
            fields: Fields::default(),
            reason: String::new(),
            text: reason,
            hypothetical: false,
            preliminary: false,
            evidence_year: None,
            evidence_count: 0,
            period_figure: None,
            notes: Vec::new(),
            notes_text: Vec::new(),
            evidence: Evidence::None,
            ambition: None,
            uncounted: false,
            file: ind.file.to_path_buf(),
            row: ind.row,
        }
    }

    /// Puts the reason and the notes in a language.
    pub(crate) fn render(&mut self, lang: crate::lang::Lang) {
        self.reason = self.text.get(lang).to_string();
        self.notes = self
            .notes_text
            .iter()
            .map(|n| n.get(lang).to_string())
            .collect();
        if let Some(a) = &mut self.ambition {
            a.render(lang);
        }
    }

    /// Sets what the grade rests on, and the flat fields made from it.
    pub(crate) fn measured(&mut self, evidence: Evidence) {
        self.fields = evidence.fields();
        self.evidence = evidence;
    }

    pub(crate) fn with_status(mut self, status: Status) -> Grade {
        self.status = status;
        self.grade_zh = status.zh();
        self
    }
}

impl std::ops::Deref for Grade {
    type Target = Fields;

    /// The flat numbers read as fields of the grade, as before they were typed.
    fn deref(&self) -> &Fields {
        &self.fields
    }
}
