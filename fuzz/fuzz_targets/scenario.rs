//! The scenario parser on any TOML text, in a folder holding a tiny table, its actuals and a
//! parent scenario to extend: no panic, no hang; errors name the file; a scenario that loads
//! is projected and simulated with a few draws.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansim_core::scenario::Scenario;
use plansim_core::table::LoadOptions;
use std::path::PathBuf;
use std::sync::OnceLock;

const TABLE: &str = "region,indicator,unit,base_year,base,target_year,target,rate,attribute
测试区,地区生产总值,亿元,2020,100,2025,130,5.4,预期性
测试区,地区生产总值,亿元,2020,100,2035,200,,预期性
测试区,森林覆盖率,%,2020,13.39,2025,18,,约束性
测试区,能耗降低,%,2020,,2025,12(十四五时期),,约束性
测试区,新增就业,万人,2020,,2025,[4],,预期性
测试区,城镇登记失业率,%,2020,3.5,2025,5.5以内,,预期性
";
const ACTUALS: &str = "region,indicator,year,value
测试区,地区生产总值,2021,106
测试区,森林覆盖率,2022,14.5
";
const PARENT: &str = "tables = [\"t.csv\"]
horizon = 2030
[uncertainty]
sigma = 2
";

/// A folder with `t.csv`, `a.csv` and `parent.toml`, made once per process.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("plansim-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        for (name, text) in [
            ("t.csv", TABLE),
            ("a.csv", ACTUALS),
            ("parent.toml", PARENT),
        ] {
            std::fs::write(dir.join(name), text).expect("fixture");
        }
        dir
    })
}

fuzz_target!(|text: &str| {
    let path = folder().join("s.toml");
    std::fs::write(&path, text).expect("write the scenario");
    let sc = match Scenario::load(&path, &LoadOptions::default()) {
        Ok(sc) => sc,
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains(".toml") || msg.contains(".csv"), "{msg}");
            return;
        }
    };
    let Ok(p) = plansim_core::project::project(&sc) else {
        return;
    };
    let _ = plansim_core::export::projection_csv(&p);
    let mut set = plansim_core::simulate::Settings::from_scenario(&sc);
    set.draws = set.draws.min(16);
    set.jobs = 1;
    if let Ok(sim) = plansim_core::simulate::simulate(&p, &set) {
        for c in sim.paths.iter().flat_map(|s| &s.chances) {
            assert!((0.0..=1.0).contains(&c.probability), "{c:?}");
        }
    }
});
