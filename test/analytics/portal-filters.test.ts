import { describe, expect, it } from "vitest";
import { Analytics } from "@needlework/store";
import {
  CHART_FILTERS,
  chartFilterBlocked,
  EMPTY_FILTERS,
  fullFilter,
  matrixFilter,
  serumFilter,
  withFilter,
  type Filters,
} from "../../web/src/analytics/filters";

/**
 * The portal offers only what the API answers: every filter state the dashboard's controls can reach
 * gives the charts a filter the counters answer (the store's own plan of each query), and the KPI
 * tiles and the export get every filter.
 */
const VALUES: Omit<Filters, "from" | "to"> = {
  siteId: "harbour",
  indication: "ACNE_SCARRING",
  device: "PEN",
  depthBand: "1.0–1.5",
  serumId: "srm-prp",
  fitzpatrick: "IV",
};

/** Every state reachable by setting the controls one after another (a blocked select is skipped). */
function reachable(): Filters[] {
  const keys = Object.keys(VALUES) as (keyof typeof VALUES)[];
  const out: Filters[] = [];
  for (let mask = 0; mask < 2 << keys.length; mask++) {
    let f: Filters = { ...EMPTY_FILTERS, from: "2026-02-01", to: mask >> keys.length ? "2026-06-01" : null };
    let ok = true;
    keys.forEach((k, i) => {
      if (!(mask & (1 << i))) return;
      if (
        (CHART_FILTERS as readonly string[]).includes(k) &&
        chartFilterBlocked(f, k as (typeof CHART_FILTERS)[number])
      )
        ok = false;
      else f = withFilter(f, k, VALUES[k] as never);
    });
    if (ok) out.push(f);
  }
  return out;
}

describe("the dashboard's filters", () => {
  it("reach only states whose chart queries the counters answer", () => {
    const states = reachable();
    expect(states.length).toBeGreaterThan(20);
    for (const f of states) {
      const m = matrixFilter(f) as Analytics.OutcomeFilter;
      const s = serumFilter(f) as Analytics.OutcomeFilter;
      expect(() => Analytics.planMatrix(m), JSON.stringify(f)).not.toThrow();
      expect(() => Analytics.planSummary("SERUM", s), JSON.stringify(f)).not.toThrow();
      // Every filter reaches the KPIs and the export.
      expect(Object.keys(fullFilter(f)).length).toBe(Object.values(f).filter((v) => v).length);
    }
  });

  it("offer one chart filter at a time, and keep a range the right way round", () => {
    const f = withFilter(EMPTY_FILTERS, "siteId", "harbour");
    expect(chartFilterBlocked(f, "device")).toMatch(/one at a time: clear site first/i);
    expect(chartFilterBlocked(f, "siteId")).toBeNull();
    const r = withFilter(withFilter(EMPTY_FILTERS, "to", "2026-03-01"), "from", "2026-05-01");
    expect([r.from, r.to]).toEqual(["2026-05-01", "2026-05-01"]);
  });
});
