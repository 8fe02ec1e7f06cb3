//! The words of change a name states anywhere in it — a fall (`降低`), a rise or a growth
//! (`提高`, `增长`) — read by the table's rate column, a reduction's meaning and the check of
//! period totals: one list, so that the three agree on which names state a change.

/// Verbs of a fall a name may state anywhere in it (`单位地区生产总值能耗降低`,
/// `主要污染物排放总量减少`): the one list the period-total check, the table's rate column and
/// a reduction's meaning read.
pub(crate) const FALLING_VERBS: [&str; 5] = ["降低", "下降", "减少", "削减", "压减"];

/// Verbs and nouns of a rise or a growth a name may state anywhere in it.
pub(crate) const RISING_VERBS: [&str; 6] = ["提高", "增长", "增加", "上升", "增速", "增幅"];

/// The name states a fall somewhere in it.
pub(crate) fn states_fall(name: &str) -> bool {
    FALLING_VERBS.iter().any(|w| verb_in(name, w))
}

/// The name states a rise or a growth somewhere in it.
pub(crate) fn states_rise(name: &str) -> bool {
    RISING_VERBS.iter().any(|w| verb_in(name, w))
}

/// `w` in `name` as a verb: `增加值` (value added) is a noun, not an increase.
fn verb_in(name: &str, w: &str) -> bool {
    name.match_indices(w)
        .any(|(i, _)| !name[i + w.len()..].starts_with('值'))
}

/// What a name's indicator is meant to bring down besides a verb of a fall: unemployment,
/// energy use, emissions, deaths, poverty, accidents, pollution and its concentrations
/// (`PM2.5浓度`, `细颗粒物浓度`), the worst class of water (`劣V类水体比例`).
const FALLING_NOUNS: [&str; 14] = [
    "失业率",
    "能耗",
    "排放",
    "死亡率",
    "发生率",
    "贫困",
    "事故",
    "污染",
    "浓度",
    "PM2.5",
    "细颗粒物",
    "劣V类",
    "劣Ⅴ类",
    "劣五类",
];

/// The name marks an indicator meant to fall: a verb of a fall, or a thing plans bring down.
pub(crate) fn meant_to_fall(name: &str) -> bool {
    states_fall(name) || FALLING_NOUNS.iter().any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One list says which names state a change: value added (`增加值`) is none, its growth is.
    /// Pollution is brought down whatever the name's verb: a target of 35 for PM2.5 with no
    /// base printed is a ceiling, not a level to climb to.
    #[test]
    fn concentrations_and_the_worst_water_are_meant_to_fall() {
        for name in [
            "PM2.5浓度",
            "细颗粒物（PM2.5）年均浓度",
            "劣V类水体比例",
            "臭氧浓度",
        ] {
            assert!(meant_to_fall(name), "{name}");
        }
        for name in [
            "空气质量优良天数比例",
            "森林覆盖率",
            "地表水达到或好于Ⅲ类水体比例",
        ] {
            assert!(!meant_to_fall(name), "{name}");
        }
    }

    #[test]
    fn change_verbs_are_read_as_verbs() {
        assert!(states_fall("单位地区生产总值能耗降低"));
        assert!(states_fall("主要污染物排放总量减少：化学需氧量"));
        assert!(!states_rise("规模以上工业增加值"));
        assert!(!states_rise("数字经济核心产业增加值占GDP比重"));
        assert!(states_rise("规模以上工业增加值增长"));
        assert!(states_rise("城镇新增就业人数增加"));
        assert!(states_rise("全员劳动生产率增长"));
        assert!(!states_fall("常住人口城镇化率") && !states_rise("常住人口城镇化率"));
        assert!(meant_to_fall("城镇调查失业率") && meant_to_fall("单位GDP二氧化碳排放降低"));
        assert!(!meant_to_fall("森林覆盖率"));
    }
}
