//! Time per chart: `cargo bench --bench charts`. The target is 7.5 ms for a 1000×600 PNG
//! (matplotlib takes about 150 ms for a chart of this kind here).

use criterion::{Criterion, criterion_group, criterion_main};
#[path = "../examples/sample/mod.rs"]
mod sample;

use plansim_report::chart::{self};
use std::hint::black_box;

fn charts(c: &mut Criterion) {
    let rows = sample::rows().expect("the bundled 科尔沁区 table loads");
    let gdp = sample::indicator(&rows[0], false);
    let pension = sample::indicator(&rows[14], false);
    let dashboard = sample::dashboard(&rows, false);
    let feasibility = sample::feasibility(&rows, false);
    let probability = sample::probability(&rows, false);
    let mut g = c.benchmark_group("png 1000x600");
    g.bench_function("indicator", |b| {
        b.iter(|| chart::png(black_box(&gdp), 1000, 600))
    });
    g.bench_function("indicator with ceiling", |b| {
        b.iter(|| chart::png(black_box(&pension), 1000, 600))
    });
    g.bench_function("dashboard (20 panels)", |b| {
        b.iter(|| chart::png(black_box(&dashboard), 1000, 600))
    });
    g.bench_function("feasibility", |b| {
        b.iter(|| chart::png(black_box(&feasibility), 1000, 600))
    });
    g.bench_function("probability", |b| {
        b.iter(|| chart::png(black_box(&probability), 1000, 600))
    });
    g.finish();
    let mut g = c.benchmark_group("other");
    g.bench_function("indicator svg 1000x600", |b| {
        b.iter(|| chart::svg(black_box(&gdp), 1000, 600))
    });
    g.bench_function("dashboard png 1600x1000", |b| {
        b.iter(|| chart::png(black_box(&dashboard), 1600, 1000))
    });
    g.finish();
}

criterion_group!(benches, charts);
criterion_main!(benches);
