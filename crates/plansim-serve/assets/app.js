// The what-if page: fields for each indicator's rate by period and a shock; each change posts
// the edits and redraws the chart, the verdict and the targets from the server's answer.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const W = data.words;
  const $ = (id) => document.getElementById(id);
  const rates = new Map(); // "indicator|from|to" -> text of the field
  const shocks = new Map(); // indicator -> {year, delta}
  // fields whose value the server refused: left out of the edits, marked, until changed;
  // each with the server's message
  const refused = new Map(); // "indicator|from|to" or "shock|indicator" -> message
  const first = data.controls.find((c) => c.chart) || data.controls[0];
  let focus = first ? first.indicator : null;
  let seq = 0;
  let timer = null;
  let started = 0;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function edits() {
    const out = { rates: [], shocks: [], focus };
    for (const [k, v] of rates) {
      if (refused.has(k)) continue;
      const [indicator, from, to] = k.split("|");
      out.rates.push({ indicator, from: +from, to: +to, rate: v });
    }
    for (const [indicator, s] of shocks) {
      if (refused.has(`shock|${indicator}`)) continue;
      if (s.delta !== "" && +s.delta !== 0) out.shocks.push({ indicator, year: +s.year, delta: s.delta });
    }
    return out;
  }

  function build() {
    const box = $("controls");
    box.textContent = "";
    box.appendChild(el("h3", {}, W.rates));
    for (const c of data.controls) {
      const d = el("div", { class: "control", "data-indicator": c.indicator });
      const name = el("button", { class: "name", type: "button" }, c.label);
      name.title = `${c.indicator} (${c.unit})`;
      name.addEventListener("click", () => { focus = c.indicator; mark(); post(); });
      d.appendChild(name);
      for (const p of c.periods) {
        const row = el("label", { class: "period" });
        row.appendChild(el("span", { class: "years" }, p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`));
        const lo = Math.floor(p.rate - 10), hi = Math.ceil(p.rate + 10);
        const key = `${c.indicator}|${p.from}|${p.to}`;
        const range = el("input", { type: "range", min: lo, max: hi, step: "0.1", value: p.rate,
          "data-indicator": c.indicator, "data-from": p.from, "data-to": p.to, "data-key": key,
          "aria-label": `${c.indicator} ${p.from}–${p.to}` });
        const num = el("input", { type: "text", inputmode: "decimal", size: "6", value: fmt(p.rate),
          "data-indicator": c.indicator, "data-from": p.from, "data-to": p.to, "data-key": key, class: "num" });
        const set = (v, from) => {
          // the slider follows a typed number (its range widened to hold it), not typed text
          const x = number(v);
          if (from !== range && x !== null) {
            if (x < +range.min) range.min = Math.floor(x);
            if (x > +range.max) range.max = Math.ceil(x);
            range.value = x;
          }
          if (from !== num) num.value = v;
          accept(key);
          rates.set(key, String(v));
          focus = c.indicator;
          mark();
          schedule();
        };
        range.addEventListener("input", () => set(range.value, range));
        num.addEventListener("change", () => set(num.value.trim(), num));
        row.appendChild(range);
        row.appendChild(num);
        d.appendChild(row);
      }
      const years = [];
      for (let y = c.free_from; c.periods.length && y <= c.periods[c.periods.length - 1].to; y++) years.push(y);
      if (years.length) {
        const row = el("label", { class: "period shock" });
        row.appendChild(el("span", { class: "years" }, W.shock));
        const sel = el("select", { "data-indicator": c.indicator, class: "shock-year", "aria-label": W.shockYear });
        for (const y of years) sel.appendChild(el("option", { value: y }, String(y)));
        const delta = el("input", { type: "text", inputmode: "decimal", size: "5", value: "0", class: "shock-delta",
          "data-indicator": c.indicator, "data-key": `shock|${c.indicator}`, title: W.shockDelta, "aria-label": W.shockDelta });
        const set = () => {
          accept(`shock|${c.indicator}`);
          shocks.set(c.indicator, { year: sel.value, delta: delta.value.trim() });
          focus = c.indicator;
          mark();
          schedule();
        };
        sel.addEventListener("change", set);
        delta.addEventListener("change", set);
        row.appendChild(sel);
        row.appendChild(delta);
        d.appendChild(row);
      }
      box.appendChild(d);
    }
    mark();
  }

  function fmt(x) { return String(Math.round(x * 100) / 100); }

  // a field's text as a number within the rates a field takes, else null
  function number(v) {
    const t = String(v).trim().replace(/[%％]$/, "");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
    const x = Number(t);
    return x >= -90 && x <= 200 ? x : null;
  }

  // a field changed: whatever was refused of it is taken back
  function accept(key) {
    refused.delete(key);
    showRefusals();
    for (const f of document.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) {
      f.classList.remove("invalid");
      f.removeAttribute("aria-invalid");
    }
  }

  function keyOf(field) {
    return field.kind === "shock" ? `shock|${field.indicator}` : `${field.indicator}|${field.from}|${field.to}`;
  }

  // what a request sent for a field: its text, so a refusal of text since changed is dropped
  function sentFor(sent, field) {
    if (field.kind === "shock") {
      const s = sent.shocks.find((x) => x.indicator === field.indicator);
      return s ? String(s.delta) : undefined;
    }
    const r = sent.rates.find((x) => x.indicator === field.indicator && x.from === field.from && x.to === field.to);
    return r ? String(r.rate) : undefined;
  }

  function current(field) {
    const key = keyOf(field);
    if (field.kind === "shock") {
      const s = shocks.get(field.indicator);
      return s ? String(s.delta) : undefined;
    }
    return rates.has(key) ? String(rates.get(key)) : undefined;
  }

  // every refused field's message, one line each
  function showRefusals() {
    $("error").textContent = [...refused.values()].map((m) => `${m} ${W.notApplied}`).join("\n");
  }

  // a field the server refused: marked and left out, and the page worked out without it
  function refuse(field, message) {
    const key = keyOf(field);
    refused.set(key, message);
    for (const f of document.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) {
      if (f.type === "range") continue;
      f.classList.add("invalid");
      f.setAttribute("aria-invalid", "true");
    }
  }

  function mark() {
    for (const d of document.querySelectorAll(".control")) {
      d.classList.toggle("focused", d.dataset.indicator === focus);
    }
  }

  function schedule() {
    if (!started) started = performance.now();
    clearTimeout(timer);
    timer = setTimeout(post, 30);
  }

  async function post() {
    const mine = ++seq;
    const t0 = started || performance.now();
    started = 0;
    document.body.classList.add("busy");
    const sent = edits();
    try {
      const r = await fetch(`${data.api}/whatif`, { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(sent), credentials: "same-origin" });
      const body = await r.json();
      if (mine !== seq) return; // a later change is on its way
      if (!r.ok) {
        if (body.field) {
          // refused as sent; a field changed since is the user's new value, not this one
          if (current(body.field) === sentFor(sent, body.field)) refuse(body.field, body.error);
          // the chart and verdicts are made again without the refused value
          showRefusals();
          schedule();
          return;
        }
        $("error").textContent = body.error || r.statusText;
        return;
      }
      showRefusals();
      render(body);
      const ms = Math.round(performance.now() - t0);
      window.plansimTiming = ms;
      $("took").textContent = `${W.took} ${ms} ms`;
    } catch (e) {
      if (mine === seq) $("error").textContent = String(e);
    } finally {
      if (mine === seq) { document.body.classList.remove("busy"); document.body.dataset.seq = String(mine); }
    }
  }

  function pair(dl, term, value, id) {
    dl.appendChild(el("dt", {}, term));
    dl.appendChild(el("dd", { id }, value || "—"));
  }

  function render(a) {
    $("chart").innerHTML = a.svg;
    if (!a.svg) $("chart").appendChild(el("p", { class: "muted" }, W.rateOnly));
    const dl = $("summary");
    dl.textContent = "";
    const mine = a.targets.filter((t) => t.indicator === a.focus);
    const t = mine.find((t) => t.verdict) || mine[0];
    if (t) {
      pair(dl, W.grade, t.grade, "focus-grade");
      pair(dl, `${W.verdict} ${t.year}`, t.verdict, "focus-verdict");
      pair(dl, W.reach, t.reach, "focus-reach");
      pair(dl, W.sooner, t.sooner, "focus-sooner");
      pair(dl, W.p, t.p_text, "focus-p");
    }
    $("changed-title").textContent = W.changed;
    const ul = $("changed");
    ul.textContent = "";
    for (const c of a.changed) {
      // a relational target (高于GDP增长) says why in one sentence; a level, its reach year
      const how = c.why ? c.why : `${c.reach} ${c.sooner}`;
      const li = el("li", { "data-indicator": c.indicator }, `${c.label} (${c.year} ${c.target}): ${c.verdict} · ${how}`);
      li.appendChild(el("span", { class: "muted" }, ` ${W.was} ${c.was_reach}${c.was_p_text ? " · " + c.was_p_text : ""}`));
      ul.appendChild(li);
    }
    if (!a.changed.length) ul.appendChild(el("li", { class: "muted" }, W.none));
    $("all-title").textContent = W.all;
    const tb = $("targets");
    tb.textContent = "";
    const hr = el("tr");
    for (const h of [W.indicator, W.year, W.target, W.grade, W.projected, W.verdict, W.reach, W.p]) hr.appendChild(el("th", {}, h));
    tb.appendChild(hr);
    for (const t of a.targets) {
      const tr = el("tr", { class: (t.met !== t.was_met || t.reach !== t.was_reach) ? "changed" : "" });
      const proj = t.projected == null ? "" : (Math.round(t.projected * 100) / 100).toString();
      for (const v of [t.label, t.year, t.target, t.grade, proj, t.verdict, t.reach + (t.sooner ? ` (${t.sooner})` : ""), t.p_text]) {
        tr.appendChild(el("td", {}, String(v)));
      }
      if (t.why) tr.title = t.why;
      tr.dataset.indicator = t.indicator;
      tb.appendChild(tr);
    }
  }

  async function save() {
    const r = await fetch(`${data.api}/save`, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(edits()), credentials: "same-origin" });
    if (!r.ok) { const b = await r.json(); $("error").textContent = b.error || r.statusText; return; }
    const text = await r.text();
    const blob = new Blob([text], { type: "application/toml" });
    const a = el("a", { href: URL.createObjectURL(blob), download: `${data.scenario}-whatif.toml` });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  $("reset").addEventListener("click", () => { rates.clear(); shocks.clear(); refused.clear(); build(); post(); });
  $("save").addEventListener("click", save);
  build();
  post();
})();
