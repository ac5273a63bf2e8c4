/*
 * Statistics charts island (ECharts, only the parts used: bar and pie charts, grid, tooltip,
 * legend, canvas renderer).
 *
 * Every element `.cf-chart[data-chart]` gets a chart. The attribute holds JSON made by the server
 * from the same report as the table under the chart, with labels in the page's language:
 *   {kind: "bar" | "pie", horizontal: boolean, labels: [..], series: [{name, values: [..]}]}
 *
 * The figures are live: every `data-refresh-seconds` of the `#stats-live` container (while the
 * page is visible) the page is fetched again and the container's content, tables and charts, is
 * replaced, so a registrar who keeps the page open sees proposals move.
 *
 * Works under the portal's Content-Security-Policy (script-src 'self'; style-src 'self'): no
 * inline scripts or style attributes in the markup, no eval; sizes come from css/stats.css.
 */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const charts = [];

function parse(el) {
  try {
    const spec = JSON.parse(el.getAttribute('data-chart'));
    return spec && Array.isArray(spec.labels) && Array.isArray(spec.series) ? spec : null;
  } catch {
    return null;
  }
}

function pieOption(spec) {
  const values = spec.series.length > 0 ? spec.series[0].values : [];
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: spec.labels.map((name, i) => ({ name, value: values[i] })),
      },
    ],
  };
}

function barOption(spec) {
  const categories = { type: 'category', data: spec.labels, axisLabel: { interval: 0 } };
  const numbers = { type: 'value', minInterval: 1 };
  const several = spec.series.length > 1;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: several ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: several ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: spec.horizontal ? numbers : categories,
    yAxis: spec.horizontal ? { ...categories, inverse: true } : numbers,
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      stack: spec.stacked ? 'all' : undefined,
      label: {
        show: true,
        position: spec.stacked ? 'inside' : spec.horizontal ? 'right' : 'top',
        // a zero segment of a stacked bar has no room for its number; the table has it
        formatter: (p) => (spec.stacked && !p.value ? '' : String(p.value)),
      },
      barMaxWidth: 36,
    })),
  };
}

function draw(root) {
  root.querySelectorAll('.cf-chart[data-chart]').forEach((el) => {
    const spec = parse(el);
    if (!spec) {
      return;
    }
    if (spec.labels.length === 0) {
      el.classList.add('cf-chart-empty');
      return;
    }
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(spec.kind === 'pie' ? pieOption(spec) : barOption(spec));
    charts.push(chart);
  });
}

function disposeAll() {
  while (charts.length > 0) {
    charts.pop().dispose();
  }
}

async function refresh(live) {
  if (document.visibilityState !== 'visible') {
    return;
  }
  try {
    const response = await fetch(window.location.href, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'text/html' },
    });
    if (!response.ok) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.getElementById('stats-live');
    if (!fresh) {
      return;
    }
    disposeAll();
    live.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)));
    draw(live);
  } catch {
    // offline or signed out: keep showing the figures already on the page
  }
}

function start() {
  draw(document);
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  const live = document.getElementById('stats-live');
  const seconds = live ? Number(live.getAttribute('data-refresh-seconds')) : 0;
  if (live && seconds > 0) {
    window.setInterval(() => refresh(live), seconds * 1000);
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
