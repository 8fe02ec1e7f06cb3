//! The header words of plan and achievement tables, read to columns' roles.
use super::*;

fn layout(headers: &[&str]) -> Vec<Option<Field>> {
    let cells: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
    Layout::read(&cells).map(|l| l.fields).unwrap_or_default()
}

#[test]
fn chinese_plan_headers() {
    use Field::*;
    let f = layout(&[
        "序号",
        "类别",
        "指标",
        "单位",
        "2020年\n预计",
        "2025年目标",
        "年均增长(%)",
        "属性",
    ]);
    assert_eq!(
        f,
        [
            Seq,
            Category,
            Name,
            Unit,
            Base(Some(2020)),
            Target(Some(2025)),
            Rate {
                cumulative: false,
                average: false
            },
            Attribute
        ]
        .map(Some)
    );
}

#[test]
fn bare_years_and_merged_name() {
    use Field::*;
    let f = layout(&[
        "序号",
        "指标",
        "",
        "单位",
        "2020年",
        "2025年",
        "2035年",
        "累计增长",
        "属性",
    ]);
    assert_eq!(
        f,
        [
            Seq,
            Category,
            Name,
            Unit,
            Base(Some(2020)),
            Target(Some(2025)),
            Target(Some(2035)),
            Rate {
                cumulative: true,
                average: false
            },
            Attribute
        ]
        .map(Some)
    );
}

#[test]
fn canonical_headers() {
    use Field::*;
    let f = layout(&[
        "region",
        "indicator",
        "unit",
        "base_year",
        "base",
        "target_year",
        "target",
        "rate",
        "extra",
    ]);
    assert_eq!(
        f,
        vec![
            Some(Region),
            Some(Name),
            Some(Unit),
            Some(BaseYear),
            Some(Base(None)),
            Some(TargetYear),
            Some(Target(None)),
            Some(Rate {
                cumulative: false,
                average: false
            }),
            None
        ]
    );
}

/// The rate columns of national, provincial and municipal tables; periods named for years.
#[test]
fn rate_columns_and_plan_periods() {
    use Field::*;
    let rate = |cumulative, average| {
        Some(Rate {
            cumulative,
            average,
        })
    };
    for (header, want) in [
        ("年均/累计", rate(false, true)),
        ("年均增速[累计]", rate(false, false)),
        ("年均增长（%）", rate(false, false)),
        ("“十四五”年均增长", rate(false, false)),
        ("2021-2025年均增长(%)", rate(false, false)),
        // a slip for 增长, and a rise, say growth: not the value's own yearly average
        ("年均增涨", rate(false, false)),
        ("年均涨幅（%）", rate(false, false)),
        ("累计", rate(true, false)),
        ("五年累计", rate(true, false)),
        ("累计增长", rate(true, false)),
        ("“十四五”目标", Some(Target(Some(2025)))),
        ("“十五五”规划目标", Some(Target(Some(2030)))),
        ("“十三五”完成", Some(Base(Some(2020)))),
        ("备注", Some(Remark)),
    ] {
        let f = layout(&["指标", header]);
        assert_eq!(f.get(1).copied().flatten(), want, "{header}");
    }
    // `指标` over two merged columns beside a category column: sub-items
    let f = layout(&[
        "类别",
        "指标",
        "",
        "2015年",
        "2020年",
        "年均增长[累计]",
        "属性",
    ]);
    assert_eq!(f[2], Some(SubName));
}

/// Header words decide roles; a year inside other words is no year column.
#[test]
fn year_headers_and_other_words() {
    use Field::*;
    let f = layout(&["指标", "2020年底", "2025年目标", "note2024", "2024年说明"]);
    assert_eq!(
        f,
        [
            Some(Name),
            Some(Base(Some(2020))),
            Some(Target(Some(2025))),
            None,
            None
        ]
    );
    let f = layout(&["指标", "2020(E)", "2025年", "2030年预计"]);
    assert_eq!(f[1], Some(Base(Some(2020))));
    assert_eq!(f[2], Some(Target(Some(2025))));
    assert_eq!(
        layout(&["指标", "2025年", "2030年目标"])[1],
        Some(Base(Some(2025)))
    );
}

/// An achievement table: the plan's target beside what was achieved by its year.
#[test]
fn achievement_headers() {
    use Field::*;
    let f = layout(&[
        "指　　标",
        "2000年",
        "“十五”\n计划目标",
        "2005年",
        "“十五”\n年均增长\n（%）",
    ]);
    assert_eq!(
        f,
        [
            Some(Name),
            Some(Base(Some(2000))),
            Some(Target(Some(2005))),
            Some(Outcome(Some(2005))),
            Some(OutcomeRate)
        ]
    );
    // `十五五` is not `十五`
    assert_eq!(
        layout(&["指标", "“十五五”目标"])[1],
        Some(Target(Some(2030)))
    );
    // a plan table's `实际` base stays a base
    let f = layout(&["指标", "2020年实际", "2025年目标", "年均增长"]);
    assert_eq!(f[1], Some(Base(Some(2020))));
    assert!(matches!(f[3], Some(Rate { .. })));
}

#[test]
fn years_in_headers() {
    assert_eq!(year_in("2020年预计"), Some(2020));
    assert_eq!(year_in("年均增长(%)"), None);
    assert_eq!(year_in("20201"), None);
}
