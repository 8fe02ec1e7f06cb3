//! The edits a what-if page posts: a rate per indicator and period, a shock in a chosen year.
//! They become the scenario rules a file would hold (`[[override]]`, `[[shock]]`), applied by
//! the engine exactly as a saved file's are, and written out as that file ([`Rules::toml`]).

use plansim_core::lang::{Lang, Msg, Wrong};
use plansim_core::notice::At;
use plansim_core::scenario::{Located, Override, Percent, Shock};
use plansim_core::text::{parse_percent, trim_float};
use serde::{Deserialize, Serialize};

/// Most edits one request may carry (a 30-indicator plan with three periods and a shock each
/// needs 120).
pub const MAX_EDITS: usize = 400;
/// The rates a field accepts, percent a year: beyond them no plan's path means anything.
pub const RATES: std::ops::RangeInclusive<f64> = -90.0..=200.0;

/// What the page posts.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edits {
    /// Period rates that replace the scenario's.
    #[serde(default)]
    pub rates: Vec<RateEdit>,
    /// One-year changes of the rate.
    #[serde(default)]
    pub shocks: Vec<ShockEdit>,
    /// The indicator whose chart the answer draws.
    #[serde(default)]
    pub focus: Option<String>,
}

/// A period's rate for one indicator of the plan, as the field holds it (`4.5`, `"4.5%"`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateEdit {
    pub indicator: String,
    pub from: i32,
    pub to: i32,
    pub rate: serde_json::Value,
}

/// A change of one year's rate, in points.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShockEdit {
    pub indicator: String,
    pub year: i32,
    pub delta: serde_json::Value,
}

/// The edits checked and in the engine's terms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    pub overrides: Vec<Override>,
    pub shocks: Vec<Shock>,
}

/// What a plan lets be edited: its region, its indicators and the years a rule may name.
pub struct Bounds<'a> {
    pub region: &'a str,
    pub indicators: &'a [String],
    pub years: std::ops::RangeInclusive<i32>,
}

/// A field's value in percent: a number, or text as a scenario file may write it. The
/// message for anything else is the one the command line gives for the same text in a file.
fn percent(v: &serde_json::Value, lang: Lang) -> Result<f64, String> {
    let bad = |text: String| Msg::Value(Wrong::NotPercent { text }).render(lang);
    let x = match v {
        serde_json::Value::Number(n) => n.as_f64().ok_or_else(|| bad(n.to_string()))?,
        serde_json::Value::String(s) => parse_percent(s).ok_or_else(|| bad(format!("\"{s}\"")))?.0,
        other => return Err(bad(other.to_string())),
    };
    if !RATES.contains(&x) {
        return Err(lang
            .say(
                &format!(
                    "{} is out of range: a rate must lie from {} to {} (% a year)",
                    trim_float(x),
                    RATES.start(),
                    RATES.end()
                ),
                &format!(
                    "{} 超出可用范围：增速应在 {} 到 {}（%/年）之间",
                    trim_float(x),
                    RATES.start(),
                    RATES.end()
                ),
            )
            .to_string());
    }
    Ok(x)
}

fn year(y: i32, b: &Bounds, lang: Lang) -> Result<i32, String> {
    if b.years.contains(&y) {
        return Ok(y);
    }
    Err(lang
        .say(
            &format!(
                "{y} is outside the years that can change, {}–{}",
                b.years.start(),
                b.years.end()
            ),
            &format!(
                "{y} 不在可调整的年份 {}–{} 之内",
                b.years.start(),
                b.years.end()
            ),
        )
        .to_string())
}

fn indicator<'a>(name: &'a str, b: &Bounds, lang: Lang) -> Result<&'a str, String> {
    if b.indicators.iter().any(|i| i == name) {
        return Ok(name);
    }
    Err(Msg::NoIndicator {
        name: name.to_string(),
        region: Some(b.region.to_string()),
        nearest: plansim_core::text::nearest(name, b.indicators.iter().map(String::as_str)),
    }
    .render(lang))
}

/// The field an edit came from, so the page can mark it: a period's rate, or a shock.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Field {
    Rate {
        indicator: String,
        from: i32,
        to: i32,
    },
    Shock {
        indicator: String,
    },
}

/// Edits refused: the message, and the field at fault where one is.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub message: String,
    pub field: Option<Field>,
}

impl Refused {
    /// A message about the edits as a whole.
    fn all(message: String) -> Refused {
        Refused {
            message,
            field: None,
        }
    }

    /// A field's message, led by the field's name and years (`常住人口城镇化率 2021–2025：…`), so
    /// that among a plan's fields the one at fault is named.
    fn of(field: Field, message: String, lang: Lang) -> Refused {
        let name = match &field {
            Field::Rate {
                indicator,
                from,
                to,
            } if from == to => format!("{indicator} {from}"),
            Field::Rate {
                indicator,
                from,
                to,
            } => format!("{indicator} {from}–{to}"),
            Field::Shock { indicator } => format!("{indicator} {}", lang.say("shock", "冲击")),
        };
        Refused {
            message: format!("{name}{}{message}", lang.colon()),
            field: Some(field),
        }
    }
}

impl Edits {
    /// Checks every edit against the plan and turns it into rules; the first bad value's
    /// message and field otherwise (the page marks the field and leaves its value out).
    pub fn rules(&self, b: &Bounds, lang: Lang) -> Result<Rules, Refused> {
        if self.rates.len() + self.shocks.len() > MAX_EDITS {
            return Err(Refused::all(
                lang.say(
                    &format!("at most {MAX_EDITS} edits at once"),
                    &format!("一次最多 {MAX_EDITS} 项调整"),
                )
                .to_string(),
            ));
        }
        let mut out = Rules::default();
        for e in &self.rates {
            let name = indicator(&e.indicator, b, lang).map_err(Refused::all)?;
            let field = || Field::Rate {
                indicator: e.indicator.clone(),
                from: e.from,
                to: e.to,
            };
            let refuse = |m: String| Refused::of(field(), m, lang);
            let (from, to) = (
                year(e.from, b, lang).map_err(refuse)?,
                year(e.to, b, lang).map_err(refuse)?,
            );
            if from > to {
                return Err(refuse(
                    Msg::YearsReversed {
                        rule: plansim_core::lang::Rule::Override,
                        from,
                        to,
                    }
                    .render(lang),
                ));
            }
            out.overrides.push(Override {
                indicator: Some(name.to_string()),
                region: Some(vec![b.region.to_string()]),
                from: Some(from),
                to: Some(to),
                rate: Some(Percent::new(percent(&e.rate, lang).map_err(refuse)?)),
                ..Override::default()
            });
        }
        for e in &self.shocks {
            let name = indicator(&e.indicator, b, lang).map_err(Refused::all)?;
            let refuse = |m: String| {
                Refused::of(
                    Field::Shock {
                        indicator: e.indicator.clone(),
                    },
                    m,
                    lang,
                )
            };
            out.shocks.push(Shock {
                indicator: Some(name.to_string()),
                region: Some(vec![b.region.to_string()]),
                year: year(e.year, b, lang).map_err(refuse)?,
                delta: Some(Percent::new(percent(&e.delta, lang).map_err(refuse)?)),
                ..Shock::default()
            });
        }
        Ok(out)
    }
}

impl Rules {
    /// The rules added after the scenario's own, so that they win as a child file's do.
    pub fn apply(&self, spec: &mut plansim_core::scenario::ScenarioFile) {
        let here = || At::default();
        spec.overrides.extend(
            self.overrides
                .iter()
                .map(|o| Located::new(o.clone(), here())),
        );
        spec.shocks
            .extend(self.shocks.iter().map(|s| Located::new(s.clone(), here())));
    }

    /// A scenario file to save beside `origin` (the file the page started from): it `extends`
    /// that scenario (or, for a table run as its own baseline, reads that table), carries its
    /// seed and draws, and holds the edits as rules.
    pub fn toml(&self, origin: &std::path::Path, name: &str, seed: u64, draws: usize) -> String {
        let file = origin
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_toml = origin
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        let mut t = String::new();
        t.push_str(
            "# Saved from the what-if page (plansim serve): the scenario it started from,\n",
        );
        t.push_str("# with the page's edits as rules. `plansim project` and `plansim simulate`\n");
        t.push_str("# on this file give the numbers the page showed.\n");
        if is_toml {
            t.push_str(&format!("extends = {}\n", quote(&file)));
        } else {
            t.push_str(&format!("tables = [{}]\n", quote(&file)));
        }
        t.push_str(&format!("name = {}\n", quote(name)));
        t.push_str("\n[uncertainty]\n");
        t.push_str(&format!("seed = {seed}\ndraws = {draws}\n"));
        for o in &self.overrides {
            t.push_str("\n[[override]]\n");
            selector(&mut t, o.region.as_deref(), o.indicator.as_deref());
            if let (Some(f), Some(to)) = (o.from, o.to) {
                t.push_str(&format!("from = {f}\nto = {to}\n"));
            }
            if let Some(r) = &o.rate {
                t.push_str(&format!("rate = {}\n", number(r.value)));
            }
        }
        for s in &self.shocks {
            t.push_str("\n[[shock]]\n");
            selector(&mut t, s.region.as_deref(), s.indicator.as_deref());
            t.push_str(&format!("year = {}\n", s.year));
            if let Some(d) = &s.delta {
                t.push_str(&format!("delta = {}\n", number(d.value)));
            }
        }
        t
    }
}

fn selector(t: &mut String, region: Option<&[String]>, indicator: Option<&str>) {
    if let Some(r) = region.and_then(|r| r.first()) {
        t.push_str(&format!("region = {}\n", quote(r)));
    }
    if let Some(i) = indicator {
        t.push_str(&format!("indicator = {}\n", quote(i)));
    }
}

/// A rate as TOML writes a float that reads back to the same number: `4.5`, `5.0`, and with
/// a `%` in quotes below 1 so that the linter does not take it for a fraction.
fn number(v: f64) -> String {
    let s = trim_float(v);
    if v != 0.0 && v.abs() < 1.0 {
        return format!("\"{s}%\"");
    }
    if s.contains('.') { s } else { format!("{s}.0") }
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c if c.is_control() => q.push_str(&format!("\\u{:04X}", c as u32)),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(names: &[String]) -> Bounds<'_> {
        Bounds {
            region: "科尔沁区",
            indicators: names,
            years: 2021..=2035,
        }
    }

    fn edit(rate: serde_json::Value) -> Edits {
        Edits {
            rates: vec![RateEdit {
                indicator: "地区生产总值".into(),
                from: 2026,
                to: 2030,
                rate,
            }],
            ..Edits::default()
        }
    }

    #[test]
    fn a_bad_field_says_what_the_command_line_says() {
        let names = vec!["地区生产总值".to_string()];
        let e = edit(serde_json::json!("abc"))
            .rules(&bounds(&names), Lang::Zh)
            .unwrap_err();
        // led by the field's name and years, and the field named for the page to mark
        assert_eq!(
            e.message,
            "地区生产总值 2026–2030：\"abc\" 不是百分数：写 5、-3.5 或 \"5%\""
        );
        assert_eq!(
            e.field,
            Some(Field::Rate {
                indicator: "地区生产总值".into(),
                from: 2026,
                to: 2030
            })
        );
        let e = edit(serde_json::json!(1e6))
            .rules(&bounds(&names), Lang::En)
            .unwrap_err();
        assert!(
            e.message
                .starts_with("地区生产总值 2026–2030: 1000000 is out of range"),
            "{}",
            e.message
        );
        // a shock's field
        let mut s = edit(serde_json::json!(5));
        s.shocks.push(ShockEdit {
            indicator: "地区生产总值".into(),
            year: 2027,
            delta: serde_json::json!("x"),
        });
        let e = s.rules(&bounds(&names), Lang::En).unwrap_err();
        assert_eq!(
            e.field,
            Some(Field::Shock {
                indicator: "地区生产总值".into()
            })
        );
        assert!(
            e.message.starts_with("地区生产总值 shock: "),
            "{}",
            e.message
        );
        let r = edit(serde_json::json!("4.5%")).rules(&bounds(&names), Lang::En);
        assert_eq!(r.unwrap().overrides[0].rate.as_ref().unwrap().value, 4.5);
    }

    #[test]
    fn unknown_indicators_and_years_are_refused() {
        let names = vec!["地区生产总值".to_string()];
        let mut e = edit(serde_json::json!(5));
        e.rates[0].indicator = "地区生产总".into();
        let msg = e.rules(&bounds(&names), Lang::Zh).unwrap_err().message;
        assert!(msg.contains("地区生产总值"), "{msg}");
        let mut e = edit(serde_json::json!(5));
        e.rates[0].to = 2099;
        assert!(e.rules(&bounds(&names), Lang::En).is_err());
    }

    /// The written file reads back as the same rules (values, years, names).
    #[test]
    fn the_file_reads_back_as_the_rules() {
        let names = vec!["地区生产总值".to_string()];
        let mut e = edit(serde_json::json!(4.5));
        e.shocks.push(ShockEdit {
            indicator: "地区生产总值".into(),
            year: 2027,
            delta: serde_json::json!("-0.25"),
        });
        let rules = e.rules(&bounds(&names), Lang::En).unwrap();
        let text = rules.toml(
            std::path::Path::new("scenarios/baseline.toml"),
            "what-if",
            7,
            1000,
        );
        let back: plansim_core::scenario::ScenarioFile = toml::from_str(&text).unwrap();
        assert_eq!(back.extends.as_deref(), Some("baseline.toml"));
        let u = back.uncertainty.unwrap();
        assert_eq!((u.seed, u.draws), (Some(7), Some(1000)));
        let o = &back.overrides[0].value;
        assert_eq!((o.from, o.to), (Some(2026), Some(2030)));
        assert_eq!(o.rate.as_ref().unwrap().value, 4.5);
        assert_eq!(back.shocks[0].value.delta.as_ref().unwrap().value, -0.25);
        assert_eq!(back.shocks[0].value.region, Some(vec!["科尔沁区".into()]));
    }
}
