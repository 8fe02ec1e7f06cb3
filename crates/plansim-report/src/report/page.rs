//! What a scenario's page shows, shared by the HTML and Markdown renderings and the index.

use super::rows::TargetRow;
use plansim_core::assess::Status;
use plansim_core::check::Finding;
use plansim_core::lang::Lang;
use plansim_core::notice::Severity;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Everything one scenario's page needs.
#[derive(Clone)]
pub struct Page {
    pub name: String,
    pub description: String,
    /// The name and question in the page's language.
    pub named: super::action::Named,
    /// What the page opens with: the targets that need action, with every scenario's line.
    pub action: super::action::Section,
    pub draws: usize,
    pub seed: u64,
    pub lang: Lang,
    pub series: usize,
    pub projected: usize,
    /// Shared with the summary the batch's index keeps, and with each page's clone.
    pub rows: Arc<Vec<TargetRow>>,
    /// Shared with each page's clone (the page is cloned to set its action section).
    pub findings: Arc<Vec<Finding>>,
    /// Rows of the scenario's tables left out for an unreadable cell, a line per table.
    pub left_out: Vec<String>,
    /// Cells of its tables too long for a workbook cell, each with its file and row.
    pub cut_cells: Vec<String>,
    /// Outturns given that reach no row (and the region to name), for a warning.
    pub unmatched: Vec<String>,
    /// What each of the scenario's rules changed.
    pub rules: plansim_core::explain::Explanation,
    /// (file, caption) of the dashboard, probability and feasibility charts.
    pub overview_charts: Vec<(String, String)>,
    pub indicator_charts: Vec<(String, String)>,
    /// Projection path → its indicator chart file.
    pub chart_of_path: HashMap<usize, String>,
}

/// How many targets have each grade, and the audit's errors and warnings.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub ahead: usize,
    pub achieved: usize,
    pub faster: usize,
    pub on_track: usize,
    /// 滞后于预期, moving away from the target included.
    pub lagging: usize,
    pub missed: usize,
    pub insufficient_data: usize,
    pub qualitative: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    /// (grade as printed, count) for every grade, in the official order.
    pub fn grades(&self, lang: Lang) -> Vec<(&'static str, usize)> {
        [
            (Status::Ahead, self.ahead),
            (Status::Achieved, self.achieved),
            (Status::Faster, self.faster),
            (Status::OnTrack, self.on_track),
            (Status::Lagging, self.lagging),
            (Status::Missed, self.missed),
            (Status::InsufficientData, self.insufficient_data),
            (Status::Qualitative, self.qualitative),
        ]
        .into_iter()
        .map(|(s, n)| (s.label(lang), n))
        .collect()
    }
}

impl Page {
    pub fn lang(&self) -> plansim_core::lang::Lang {
        self.lang
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for r in self.rows.iter() {
            match r.status {
                Status::Ahead => c.ahead += 1,
                Status::Achieved => c.achieved += 1,
                Status::Faster => c.faster += 1,
                Status::OnTrack => c.on_track += 1,
                Status::Lagging | Status::Regressing => c.lagging += 1,
                Status::Missed => c.missed += 1,
                Status::InsufficientData => c.insufficient_data += 1,
                Status::Qualitative => c.qualitative += 1,
            }
        }
        c.errors = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        c.warnings = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        c
    }

    /// The indicator chart of a target's projection, if drawn.
    pub fn chart_of(&self, r: &TargetRow) -> Option<&String> {
        r.path.and_then(|i| self.chart_of_path.get(&i))
    }

    /// True when a grade rests on hypothetical outturns.
    pub fn hypothetical(&self) -> bool {
        self.rows.iter().any(|r| r.hypothetical)
    }

    pub fn summary(&self) -> Summary {
        Summary {
            name: self.name.clone(),
            description: self.description.clone(),
            named: self.named.clone(),
            targets: self.rows.len(),
            counts: self.counts(),
            hypothetical: self.hypothetical(),
            rows: self.rows.clone(),
            left_out: self.left_out.clone(),
            cut_cells: self.cut_cells.clone(),
            unmatched: self.unmatched.clone(),
            reference: false,
        }
    }
}

/// A scenario as the batch index sees it (also `summary.json`).
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub name: String,
    pub description: String,
    /// The name and question in the report's language.
    pub named: super::action::Named,
    pub targets: usize,
    pub counts: Counts,
    /// Some grade rests on hypothetical outturns.
    pub hypothetical: bool,
    pub rows: Arc<Vec<TargetRow>>,
    /// Rows of its tables left out for an unreadable cell, a line per table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
    /// Cells of its tables too long for a workbook cell (cut there), each with file and row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cut_cells: Vec<String>,
    /// Outturns given that reach no row (and the region to name), for a warning.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<String>,
    /// The index measures the batch's other scenarios against this one (`report --against`,
    /// else the one the others extend).
    #[serde(skip)]
    pub reference: bool,
}
