//! A projection made path by path, for writers that let each path go once written: at a
//! million rows the whole projection (paths, their rates and the grid of values) held some
//! 500 bytes a row besides the scenario. What the paths are is [`super::project`]'s, made by
//! the same steps.

use super::{Made, Path, Skipped, check, finish, make};
use crate::error::Result;
use crate::scenario::Scenario;

/// What a projection says besides its paths: the years of its columns and the series it
/// leaves out, from [`outline`].
#[derive(Clone, Debug)]
pub struct Outline {
    /// The years of the columns, the earliest path's start to the horizon (as
    /// [`super::Projection::years`]).
    pub years: Vec<i32>,
    /// The number of paths.
    pub paths: usize,
    /// Series that cannot be projected, with the reason (as [`super::Projection::skipped`]).
    pub skipped: Vec<Skipped>,
}

impl Outline {
    /// A projection of the outline's years and left-out series that holds no path, for a
    /// caller that keeps its paths' numbers elsewhere (a report's spill).
    pub fn without_paths(self, scenario: String) -> super::Projection {
        super::Projection {
            scenario,
            values: ndarray::Array2::zeros((0, self.years.len())),
            years: self.years,
            paths: Vec::new(),
            skipped: self.skipped,
            growth: Vec::new(),
            relations: Vec::new(),
        }
    }
}

/// The outline of a scenario's projection, by making every path and letting each go: what
/// must be said before the paths are written (how many are left out, the years), and any error
/// the projection meets, met before anything is written.
pub fn outline(sc: &Scenario) -> Result<Outline> {
    let horizon = sc.horizon();
    check(sc)?;
    let mut first = horizon;
    let mut paths = 0;
    let mut skipped = Vec::new();
    sc.each_series(|s| {
        match make(sc, s, horizon, None)? {
            Made::Path(p) => {
                first = first.min(p.plan.start_year);
                paths += 1;
            }
            Made::Skipped(k) => skipped.push(k),
        }
        Ok(())
    })?;
    Ok(Outline {
        years: (first..=horizon).collect(),
        paths,
        skipped,
    })
}

/// Whether some row is judged against another row's growth (`高于GDP增长`): its relation reads
/// the other row's path, which only the projection made whole ([`super::project`]) holds.
pub fn reads_other_paths(sc: &Scenario) -> bool {
    sc.indicators
        .iter()
        .any(super::growth::judged_against_another)
}

/// The paths of [`super::project`], in its order, each handed to `f` with its values from its own
/// start year to the horizon (`values[k]` is year `plan.start_year + k`) and let go before the
/// next is made: a writer holds one path, not a projection of a million. What needs every
/// path (the shared years, the growth rows and the relations between rows) is not made.
pub fn each_path(sc: &Scenario, mut f: impl FnMut(&Path, &[f64]) -> Result<()>) -> Result<()> {
    let horizon = sc.horizon();
    check(sc)?;
    sc.each_series(|s| {
        if let Made::Path(mut path) = make(sc, s, horizon, None)? {
            let row = finish(&mut path);
            f(&path, &row)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approx_eq;
    use crate::scenario::ScenarioFile;
    use crate::table::{LoadOptions, load_bytes};

    /// 复利 100 in 2020 at 5 %; 无基期 a target without a baseline (left out); 后起 50 in
    /// 2021 at 10 %; to 2023.
    fn three_rows() -> Scenario {
        let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
                   甲区,复利,亿元,2020,100,2025,,5\n\
                   甲区,无基期,亿元,2020,,2025,130,\n\
                   甲区,后起,亿元,2021,50,2025,,10\n";
        let table = load_bytes(
            "t.csv".as_ref(),
            csv.as_bytes().to_vec(),
            &LoadOptions::default(),
        )
        .unwrap();
        let spec = ScenarioFile {
            horizon: Some(2023),
            ..ScenarioFile::default()
        };
        Scenario::from_parts("s", spec, vec![table], Vec::new()).unwrap()
    }

    #[test]
    fn each_path_hands_every_path_its_values_from_its_own_start() {
        let sc = three_rows();
        let mut got: Vec<(String, i32, Vec<f64>)> = Vec::new();
        each_path(&sc, |p, v| {
            got.push((p.series.name.clone(), p.plan.start_year, v.to_vec()));
            Ok(())
        })
        .unwrap();
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["复利", "后起"]);
        // 100·1.05^k: 100, 105, 110.25, 115.7625
        let want = [100.0, 105.0, 110.25, 115.7625];
        assert_eq!((got[0].1, got[0].2.len()), (2020, 4));
        for (v, w) in got[0].2.iter().zip(want) {
            assert!(approx_eq(*v, w, 1e-9), "{v} {w}");
        }
        // 50·1.1^k from 2021: 50, 55, 60.5
        assert_eq!((got[1].1, got[1].2.len()), (2021, 3));
        for (v, w) in got[1].2.iter().zip([50.0, 55.0, 60.5]) {
            assert!(approx_eq(*v, w, 1e-9), "{v} {w}");
        }
    }

    #[test]
    fn the_outline_is_the_whole_projections_years_and_left_out_rows() {
        let sc = three_rows();
        let o = outline(&sc).unwrap();
        assert_eq!(o.years, vec![2020, 2021, 2022, 2023]);
        assert_eq!(o.paths, 2);
        let left: Vec<&str> = o.skipped.iter().map(|s| s.indicator.as_str()).collect();
        assert_eq!(left, ["无基期"]);
        let p = super::super::project(&sc).unwrap();
        assert_eq!((p.years.clone(), p.paths.len()), (o.years, o.paths));
    }

    /// Path by path, the CSV is the whole projection's, byte for byte: on the small table
    /// (whose rows are the hand's numbers) and on every bundled scenario.
    #[test]
    fn the_csv_written_path_by_path_is_the_whole_projections() {
        let csv = |sc: &Scenario| {
            let mut streamed = Vec::new();
            crate::export::write_paths_csv(&mut streamed, sc).unwrap();
            let mut whole = Vec::new();
            let p = super::super::project(sc).unwrap();
            crate::export::write_projection_csv(&mut whole, &p).unwrap();
            (String::from_utf8(streamed).unwrap(), whole)
        };
        let (text, whole) = csv(&three_rows());
        assert_eq!(text.as_bytes(), whole);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "region,plan,scenario,indicator,unit,year,value");
        // four years of 复利, three of 后起, none of 无基期
        assert_eq!(lines.len(), 1 + 4 + 3);
        assert_eq!(lines[3], "甲区,,s,复利,亿元,2022,110.25");
        // 115.7625 at six significant digits, as every derived value is written
        assert_eq!(lines[4], "甲区,,s,复利,亿元,2023,115.763");
        assert_eq!(lines[5], "甲区,,s,后起,亿元,2021,50.0");
        assert_eq!(lines[7], "甲区,,s,后起,亿元,2023,60.5");
        let dir = crate::repo_file("scenarios");
        let mut n = 0;
        for f in std::fs::read_dir(&dir).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let sc = Scenario::load(&path, &LoadOptions::default()).unwrap();
                let (text, whole) = csv(&sc);
                assert_eq!(text.as_bytes(), whole, "{}", path.display());
                n += 1;
            }
        }
        assert!(n >= 5, "{n} scenarios");
    }

    /// A table loaded with its series on demand holds none, makes the three one at a time in
    /// the gathered order, and writes the hand's numbers (the rows of `three_rows`) byte for
    /// byte as the scenario holding them; gathered again (`hold_series`), the same three.
    #[test]
    fn series_made_on_demand_write_what_held_series_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let csv = "region,indicator,unit,base_year,base,target_year,target,rate\n\
                   甲区,复利,亿元,2020,100,2025,,5\n\
                   甲区,无基期,亿元,2020,,2025,130,\n\
                   甲区,后起,亿元,2021,50,2025,,10\n";
        std::fs::write(&path, csv).unwrap();
        let opts = LoadOptions::default();
        let lazy = Scenario::load_with(&path, &opts, &[], true).unwrap();
        assert!(lazy.series.is_empty());
        assert_eq!(lazy.series_count(), 3);
        let mut seen: Vec<(String, Vec<usize>)> = Vec::new();
        lazy.each_series(|s| {
            seen.push((s.name.clone(), s.rows.clone()));
            Ok(())
        })
        .unwrap();
        let want = [("复利", vec![0]), ("无基期", vec![1]), ("后起", vec![2])];
        assert_eq!(seen, want.map(|(n, r)| (n.to_string(), r)));
        let mut text = Vec::new();
        crate::export::write_paths_csv(&mut text, &lazy).unwrap();
        let text = String::from_utf8(text).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // 100·1.05² = 110.25; 50·1.1² = 60.5; to 2035, the default horizon
        assert_eq!(lines.len(), 1 + 16 + 15);
        assert_eq!(lines[3], "甲区,,baseline,复利,亿元,2022,110.25");
        assert_eq!(lines[19], "甲区,,baseline,后起,亿元,2023,60.5");
        let o = outline(&lazy).unwrap();
        assert_eq!((o.paths, o.skipped.len(), o.years[0]), (2, 1, 2020));
        let held = Scenario::load_with(&path, &opts, &[], false).unwrap();
        assert_eq!(held.series.len(), 3);
        let mut whole = Vec::new();
        crate::export::write_paths_csv(&mut whole, &held).unwrap();
        assert_eq!(text.as_bytes(), whole);
        let mut lazy = lazy;
        lazy.hold_series();
        assert_eq!((lazy.series.len(), lazy.series_count()), (3, 3));
        assert_eq!(lazy.series[2].base, Some(50.0));
    }

    /// Every bundled scenario, rules and all, writes the same CSV with its series made on
    /// demand as held, and says the same of its rules.
    #[test]
    fn bundled_scenarios_write_the_same_with_their_series_on_demand() {
        let dir = crate::repo_file("scenarios");
        let mut n = 0;
        for f in std::fs::read_dir(&dir).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let opts = LoadOptions::default();
            let lazy = Scenario::load_with(&path, &opts, &[], true).unwrap();
            let held = Scenario::load(&path, &opts).unwrap();
            assert!(lazy.series.is_empty(), "{}", path.display());
            assert_eq!(lazy.series_count(), held.series.len());
            assert_eq!(
                format!("{:?}", lazy.notices),
                format!("{:?}", held.notices),
                "{}",
                path.display()
            );
            let (mut a, mut b) = (Vec::new(), Vec::new());
            crate::export::write_paths_csv(&mut a, &lazy).unwrap();
            crate::export::write_paths_csv(&mut b, &held).unwrap();
            assert_eq!(a, b, "{}", path.display());
            n += 1;
        }
        assert!(n >= 5, "{n} scenarios");
    }
}
