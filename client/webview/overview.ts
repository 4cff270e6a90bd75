// The corpus overview page: plots of a corpus (documents per month and per language,
// lengths, problems by code, most-named people), each bar a filter of the document
// list below them. One script for two hosts:
// - VS Code's webview ("Corpus: Show Overview", client/src/overview.ts): the data comes
//   by postMessage, a click on a document asks the extension to open it, and a switch
//   ("This file" / "Whole workspace") asks for the other overview;
// - the self-contained report of `corpus stats --html` (server/src/cli/report.ts): the
//   data is in a <script type="application/json" id="corpus-overview-data"> element.
// Colours come from the theme's CSS variables, read again when the theme changes.

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ActiveElement, ChartEvent } from 'chart.js';
import type { OverviewData, OverviewDocument } from '../../server/src/lsp/protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

/** One bar of a plot: its label, and the documents it stands for. */
interface Bar {
  label: string;
  docs: number[];
  /** What the bar counts when it is not the number of documents (problems, mentions). */
  value?: number;
}

interface Plot {
  id: string;
  title: string;
  /** What the bars count, for the axis and the tooltip. */
  unit: string;
  horizontal: boolean;
  bars: Bar[];
  /** Bars shown apart, as buttons under the plot (undated documents, …). */
  apart?: Bar[];
}

const UNDATED = 'undated';
const MAX_MONTHS = 240;

function monthBars(data: OverviewData): { bars: Bar[]; apart: Bar[] } {
  const byKey = new Map<string, number[]>();
  const yearOnly = new Map<string, number[]>();
  const undated: number[] = [];
  const invalid: number[] = [];
  data.documents.forEach((d, i) => {
    if (!d.date) (d.badDate ? invalid : undated).push(i);
    else if (d.date.length === 4) push(yearOnly, d.date, i);
    else push(byKey, d.date.slice(0, 7), i);
  });
  const keys = [...byKey.keys()].sort();
  const bars: Bar[] = [];
  if (keys.length > 0) {
    const [y0, m0] = keys[0].split('-').map(Number);
    const [y1, m1] = keys[keys.length - 1].split('-').map(Number);
    const months = (y1 - y0) * 12 + (m1 - m0) + 1;
    if (months <= MAX_MONTHS) {
      for (let k = 0; k < months; k++) {
        const y = y0 + Math.floor((m0 - 1 + k) / 12);
        const m = ((m0 - 1 + k) % 12) + 1;
        const key = `${y}-${String(m).padStart(2, '0')}`;
        bars.push({ label: key, docs: byKey.get(key) ?? [] });
      }
    } else {
      // Twenty years or more: one bar per year.
      const byYear = new Map<string, number[]>();
      for (const k of keys) for (const i of byKey.get(k) ?? []) push(byYear, k.slice(0, 4), i);
      for (let y = y0; y <= y1; y++) bars.push({ label: String(y), docs: byYear.get(String(y)) ?? [] });
    }
  }
  const apart: Bar[] = [];
  for (const y of [...yearOnly.keys()].sort()) apart.push({ label: `${y} (year only)`, docs: yearOnly.get(y) ?? [] });
  if (undated.length > 0) apart.push({ label: UNDATED, docs: undated });
  if (invalid.length > 0) apart.push({ label: 'invalid date', docs: invalid });
  return { bars, apart };
}

const LENGTHS = [500, 1000, 2000, 5000, 10000, 20000, 50000];

function lengthBars(docs: readonly OverviewDocument[]): Bar[] {
  const bars: Bar[] = LENGTHS.map((n, k) => ({ label: k === 0 ? `< ${fmt(n)}` : `${fmt(LENGTHS[k - 1])}–${fmt(n)}`, docs: [] }));
  bars.push({ label: `≥ ${fmt(LENGTHS[LENGTHS.length - 1])}`, docs: [] });
  docs.forEach((d, i) => {
    const k = LENGTHS.findIndex((n) => d.chars < n);
    bars[k < 0 ? bars.length - 1 : k].docs.push(i);
  });
  return bars;
}

function plotsOf(data: OverviewData): Plot[] {
  const months = monthBars(data);
  const langs = new Map<string, number[]>();
  data.documents.forEach((d, i) => push(langs, d.lang ?? 'no lang= tag', i));
  const langBars = [...langs].map(([label, docs]) => ({ label, docs })).sort((a, b) => b.docs.length - a.docs.length || (a.label < b.label ? -1 : 1));
  return [
    { id: 'months', title: 'Documents per month', unit: 'documents', horizontal: false, bars: months.bars, apart: months.apart },
    { id: 'languages', title: 'Documents per language', unit: 'documents', horizontal: true, bars: langBars },
    { id: 'lengths', title: 'Length of the text (characters)', unit: 'documents', horizontal: false, bars: lengthBars(data.documents) },
    { id: 'problems', title: 'Problems by code', unit: 'problems', horizontal: true, bars: data.problems.map((p) => ({ label: p.code, docs: p.documents.filter((d) => d >= 0), value: p.count })) },
    { id: 'people', title: 'Most-named people', unit: 'mentions', horizontal: true, bars: data.people.map((p) => ({ label: p.name, docs: p.documents, value: p.mentions })) },
    ...(data.files.length > 1 ? [{ id: 'files', title: 'Documents per file', unit: 'documents', horizontal: true, bars: fileBars(data) }] : []),
  ];
}

/** One bar per file that has documents, most first (a workspace overview, or a report of several files). */
function fileBars(data: OverviewData): Bar[] {
  const bars: Bar[] = data.files.map((f) => ({ label: f.name, docs: [] }));
  data.documents.forEach((d, i) => bars[d.file]?.docs.push(i));
  return bars.filter((b) => b.docs.length > 0).sort((a, b) => b.docs.length - a.docs.length || (a.label < b.label ? -1 : 1));
}

// ---------------------------------------------------------------- drawing

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.className) e.className = props.className;
  e.append(...children);
  return e;
}

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function colors(): { bar: string; selected: string; text: string; grid: string; border: string; selectedBorder: string } {
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const text = themeColor('--vscode-foreground', getComputedStyle(document.body).color || '#444');
  const border = highContrast ? themeColor('--vscode-contrastBorder', text) : 'transparent';
  return {
    bar: themeColor('--vscode-charts-blue', '#3794ff'),
    selected: themeColor('--vscode-charts-orange', '#d18616'),
    text,
    grid: themeColor('--vscode-widget-border', highContrast ? border : 'rgba(128,128,128,0.25)'),
    border,
    // High contrast: the selected bar is also framed in the theme's active border, as VS Code frames a selection.
    selectedBorder: highContrast ? themeColor('--vscode-contrastActiveBorder', border) : 'transparent',
  };
}

class OverviewPage {
  private readonly charts: Chart<'bar'>[] = [];
  private selection: { plot: string; bar: string } | undefined;
  private readonly list = el('section', { className: 'documents' });

  constructor(
    private readonly data: OverviewData,
    private readonly root: HTMLElement,
  ) {}

  render(): void {
    for (const c of this.charts) c.destroy();
    this.charts.length = 0;
    const data = this.data;
    const dated = data.documents.filter((d) => d.date).length;
    const count = `${fmt(data.files.length)} ${data.files.length === 1 ? 'file' : 'files'}`;
    const files = data.scope === 'workspace' ? `the workspace (${count})` : data.files.length === 1 ? data.files[0].name : count;
    const problems = data.problems.reduce((n, p) => n + p.count, 0);
    this.root.replaceChildren(
      el('h1', { text: `Overview of ${files}` }),
      el('p', { className: 'summary', text: `${fmt(data.documents.length)} documents, ${fmt(dated)} dated, ${fmt(problems)} problems. Click a bar to list its documents.` }),
    );
    // Files whose documents are not counted: said, never silently missing.
    const notRead = data.files.filter((f) => f.notRead);
    for (const f of notRead) this.root.append(el('p', { className: 'hint not-read', text: `Not counted: ${f.name} (${f.notRead ?? ''}).` }));
    if (data.filesLeftOut) this.root.append(el('p', { className: 'hint not-read', text: `Not counted: ${fmt(data.filesLeftOut)} more corpus files, past the ${fmt(data.files.length)} read.` }));
    const grid = el('div', { className: 'plots' });
    this.root.append(grid, this.list);
    for (const plot of plotsOf(data)) grid.append(this.plot(plot));
    this.showList();
  }

  private plot(plot: Plot): HTMLElement {
    const box = el('figure', { className: `plot plot-${plot.id}` });
    box.dataset.plot = plot.id;
    box.append(el('figcaption', { text: plot.title }));
    if (plot.bars.length === 0) {
      box.append(el('p', { className: 'empty', text: plot.id === 'people' && !this.data.peopleSearched ? 'People were not looked for.' : 'None.' }));
    } else {
      const holder = el('div', { className: 'canvas' });
      holder.style.height = `${plot.horizontal ? Math.max(120, 24 * plot.bars.length + 40) : 220}px`;
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${plot.title}: ${plot.bars.map((b) => `${b.label} ${b.value ?? b.docs.length}`).join(', ')}`);
      holder.append(canvas);
      box.append(holder);
      this.charts.push(this.chart(canvas, plot));
    }
    if (plot.apart && plot.apart.length > 0) {
      const apart = el('div', { className: 'apart' });
      for (const b of plot.apart) {
        const button = el('button', { text: `${b.label}: ${fmt(b.docs.length)}` });
        button.dataset.bar = b.label;
        button.setAttribute('aria-pressed', String(this.selection?.plot === plot.id && this.selection.bar === b.label));
        button.addEventListener('click', () => this.select(plot, b));
        apart.append(button);
      }
      box.append(apart);
    }
    return box;
  }

  private chart(canvas: HTMLCanvasElement, plot: Plot): Chart<'bar'> {
    const c = colors();
    const isSelected = (b: Bar): boolean => this.selection?.plot === plot.id && this.selection.bar === b.label;
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: plot.bars.map((b) => b.label),
        datasets: [
          {
            label: plot.unit,
            data: plot.bars.map((b) => b.value ?? b.docs.length),
            backgroundColor: plot.bars.map((b) => (isSelected(b) ? c.selected : c.bar)),
            borderColor: plot.bars.map((b) => (isSelected(b) ? c.selectedBorder : c.border)),
            borderWidth: plot.bars.map((b) => (isSelected(b) ? (c.selectedBorder === 'transparent' ? 0 : 3) : c.border === 'transparent' ? 0 : 1)),
          },
        ],
      },
      options: {
        indexAxis: plot.horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        color: c.text,
        scales: {
          // Counts are whole numbers: no 0.5 ticks on the count axis.
          x: { ticks: { color: c.text, autoSkip: true, maxRotation: 60, ...(plot.horizontal ? { precision: 0 } : {}) }, grid: { color: c.grid }, ...(plot.horizontal ? { beginAtZero: true } : {}) },
          y: { ticks: { color: c.text, autoSkip: !plot.horizontal, ...(plot.horizontal ? {} : { precision: 0 }) }, grid: { color: c.grid }, ...(plot.horizontal ? {} : { beginAtZero: true }) },
        },
        plugins: { tooltip: { callbacks: { label: (item) => `${fmt(Number(item.raw))} ${plot.unit}` } } },
        onClick: (_e: ChartEvent, active: ActiveElement[]) => {
          const hit = active[0];
          if (hit) this.select(plot, plot.bars[hit.index]);
        },
      },
    });
  }

  private select(plot: Plot, bar: Bar): void {
    const same = this.selection?.plot === plot.id && this.selection.bar === bar.label;
    this.selection = same ? undefined : { plot: plot.id, bar: bar.label };
    this.render();
  }

  private showList(): void {
    const data = this.data;
    const sel = this.selection;
    const plot = sel && plotsOf(data).find((p) => p.id === sel.plot);
    const bar = plot && sel && [...plot.bars, ...(plot.apart ?? [])].find((b) => b.label === sel.bar);
    const docs = bar ? bar.docs : [];
    this.list.replaceChildren();
    if (!bar || !plot) {
      this.list.append(el('p', { className: 'hint', text: 'No filter: click a bar or a button above to list its documents here.' }));
      return;
    }
    this.list.append(el('h2', { text: `${plot.title}: ${bar.label} — ${fmt(docs.length)} ${docs.length === 1 ? 'document' : 'documents'}` }));
    const table = el('table');
    table.append(el('thead', {}, el('tr', {}, ...['Document', 'Date', 'Language', 'Characters', ...(data.files.length > 1 ? ['File'] : [])].map((h) => el('th', { text: h })))));
    const body = el('tbody');
    const shown = docs.slice(0, 2000);
    for (const i of shown) {
      const d = data.documents[i];
      const open = el(vscode ? 'a' : 'span', { text: d.name || `(unnamed, line ${d.line + 1})`, className: 'doc' });
      if (vscode) {
        open.setAttribute('href', '#');
        open.addEventListener('click', (e) => {
          e.preventDefault();
          vscode.postMessage({ type: 'open', uri: data.files[d.file].uri, line: d.line });
        });
      }
      open.title = `line ${d.line + 1}`;
      const cells = [el('td', {}, open), el('td', { text: d.date ?? (d.badDate ? 'invalid' : '—') }), el('td', { text: d.lang ?? '—' }), el('td', { text: fmt(d.chars) })];
      if (data.files.length > 1) cells.push(el('td', { text: `${data.files[d.file].name}:${d.line + 1}` }));
      body.append(el('tr', {}, ...cells));
    }
    table.append(body);
    this.list.append(table);
    if (docs.length > shown.length) this.list.append(el('p', { className: 'hint', text: `… and ${fmt(docs.length - shown.length)} more.` }));
  }
}

/** What the extension sends: the data (none while it is read), which overview it is, and what the switch offers. */
interface DataMessage {
  type?: string;
  data?: OverviewData;
  scope?: 'file' | 'workspace';
  canFile?: boolean;
}

/** The switch between the overview of the active file and that of the whole workspace (VS Code only). */
function showSwitch(nav: HTMLElement, m: DataMessage): void {
  const button = (scope: 'file' | 'workspace', text: string, enabled: boolean): HTMLButtonElement => {
    const b = el('button', { text, className: m.scope === scope ? 'current' : '' });
    b.dataset.scope = scope;
    b.setAttribute('aria-pressed', String(m.scope === scope));
    b.disabled = !enabled;
    if (!enabled) b.title = 'Open a corpus file to see its own overview';
    b.addEventListener('click', () => {
      if (m.scope !== scope) vscode?.postMessage({ type: 'scope', scope });
    });
    return b;
  };
  nav.setAttribute('aria-label', 'Overview of');
  nav.replaceChildren(button('file', 'This file', m.canFile !== false), button('workspace', 'Whole workspace', true));
  nav.hidden = false;
}

function start(): void {
  const root = document.getElementById('overview');
  if (!root) return;
  let page: OverviewPage | undefined;
  const show = (d: OverviewData): void => {
    page = new OverviewPage(d, root);
    page.render();
  };
  const inline = document.getElementById('corpus-overview-data');
  if (inline?.textContent) show(JSON.parse(inline.textContent) as OverviewData);
  const nav = document.getElementById('scope');
  window.addEventListener('message', (e: MessageEvent<DataMessage>) => {
    if (e.data?.type !== 'data') return;
    if (nav && e.data.scope) showSwitch(nav, e.data);
    if (e.data.data) show(e.data.data);
    else {
      page = undefined;
      root.replaceChildren(el('p', { className: 'hint', text: e.data.scope === 'workspace' ? 'Reading the corpus files of the workspace…' : 'Reading the corpus…' }));
    }
  });
  // The theme changed (VS Code sets the body's classes): draw again in its colours.
  new MutationObserver(() => page?.render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  vscode?.postMessage({ type: 'ready' });
}

start();
