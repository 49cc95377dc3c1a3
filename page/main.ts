// The page: picks a folder (input or drop), hands its files to the worker, shows the run and offers the
// reports. Everything is built from text content; nothing is fetched.
import workerCode from 'chuan-page:worker';
import { toolVersion } from 'chuan-page:meta';
import type { RunView, SchoolCard } from '../src/page/run-view.js';
import type { Lang } from '../src/types.js';
import { renderMarkdown } from './markdown-view.js';
import type { CircularChoice, FromWorker, PickedFile, ToWorker } from './protocol.js';
import { outcomeText, t, type TextKey } from './ui-text.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

let lang: Lang = 'vi';
let files: PickedFile[] = [];
let view: RunView | null = null;
let selected = 0;
let circulars: CircularChoice[] = [];
/** Completed runs and the current state, on <body> for whoever watches the page (tests, scripts). */
let runs = 0;
let started = 0;
const setState = (state: 'idle' | 'checking' | 'done' | 'failed'): void => {
  document.body.dataset['state'] = state;
  document.body.dataset['runs'] = String(runs);
  // Milliseconds from picking to the shown result of the last run (the page's own timing).
  if (state === 'done') document.body.dataset['elapsed'] = (performance.now() - started).toFixed(1);
};

const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
const send = (message: ToWorker): void => worker.postMessage(message);

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  if (message.type === 'ready') {
    circulars = message.circulars;
    fillCirculars();
    // Milliseconds from opening the page until its worker was ready to check.
    document.body.dataset['ready'] = performance.now().toFixed(0);
  } else if (message.type === 'progress') {
    showProgress(message.done, message.total, message.name);
  } else if (message.type === 'docx') {
    save(new Blob([message.bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }), 'docx');
  } else if (message.type === 'done') {
    view = message.view;
    selected = Math.min(selected, view.schools.length - 1);
    showProgress(view.schools.length, view.schools.length, '');
    renderView();
    runs++;
    setState('done');
  } else {
    showFailure(message.message[lang], message.details.map((d) => `${d.at} ${d.message[lang]}`));
  }
};
worker.onerror = () => showFailure(t('internal', lang), []);

function check(): void {
  if (files.length === 0) return;
  view = null;
  started = performance.now();
  setState('checking');
  $('results').hidden = true;
  $('failure').hidden = true;
  showProgress(0, 1, t('reading', lang));
  const circular = $<HTMLSelectElement>('circular').value;
  send({ type: 'check', files, asOf: $<HTMLInputElement>('as-of').value || today(), lang, ...(circular ? { circular } : {}) });
}

function showProgress(done: number, total: number, name: string): void {
  $('status').hidden = false;
  const bar = $<HTMLProgressElement>('progress');
  bar.max = total;
  bar.value = done;
  const finished = view !== null && done === total;
  $('status-text').textContent = finished ? `${t('checked', lang)} ${total} ${t('schools', lang)}` : `${t('checking', lang)} ${done}/${total}${name ? `: ${name}` : ''}`;
}

function showFailure(message: string, details: string[]): void {
  runs++;
  setState('failed');
  $('status').hidden = true;
  const box = $('failure');
  box.hidden = false;
  box.replaceChildren(node('strong', `${t('failed', lang)}: ${message}`));
  if (details.length > 0) box.append(list(details.map((d) => node('code', d))));
}

function renderView(): void {
  if (!view) return;
  $('results').hidden = false;
  const summary = $('summary');
  summary.replaceChildren();
  if (view.summary) renderMarkdown(view.summary, summary);
  const schools = $('schools');
  schools.replaceChildren(...view.schools.map((school, i) => schoolItem(school, i)));
  schools.hidden = view.schools.length < 2;
  renderSchool();
}

function schoolItem(school: SchoolCard, i: number): HTMLElement {
  const item = document.createElement('li');
  item.dataset['outcome'] = school.outcome;
  item.dataset['folder'] = school.folder;
  item.setAttribute('aria-selected', String(i === selected));
  item.tabIndex = 0;
  item.append(node('span', school.name, 'name'), node('span', `${school.reached} · ${outcomeText(school.outcome, lang)}`, 'meta'));
  const choose = (): void => {
    selected = i;
    for (const [j, li] of [...$('schools').children].entries()) li.setAttribute('aria-selected', String(j === i));
    renderSchool();
  };
  item.addEventListener('click', choose);
  item.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && choose());
  return item;
}

function renderSchool(): void {
  const school = view?.schools[selected];
  const box = $('school');
  box.replaceChildren();
  if (!school) return;
  box.dataset['folder'] = school.folder;
  box.dataset['outcome'] = school.outcome;
  const card = node('div', '', 'card');
  card.append(node('h2', school.name));
  const facts = node('div', '', 'facts');
  facts.append(fact(t('reached', lang), school.reached, 'reached'), fact(t('target', lang), school.target, 'target'), fact(t('school', lang), outcomeText(school.outcome, lang), 'outcome'));
  card.append(facts);
  if (school.outcome !== 'invalid') {
    card.append(node('h3', `${t('gaps', lang)} (${school.gaps.length})`));
    const gaps = school.gaps.map((g) => {
      const li = document.createElement('li');
      li.dataset['rule'] = g.ruleId;
      li.append(node('code', g.ruleId), ` ${g.title}`);
      return li;
    });
    card.append(gaps.length > 0 ? list(gaps, 'gaps') : node('p', t('noGaps', lang)));
  }
  if (school.errors.length > 0) {
    card.append(node('h3', t('errors', lang)));
    card.append(list(school.errors.map((e) => {
      const li = document.createElement('li');
      li.append(node('code', e.at), ` ${e.message}`);
      if (e.line !== null) {
        const pre = document.createElement('pre');
        pre.append(e.line, '\n', node('span', `${' '.repeat(Math.max(0, e.column - 1))}^`, 'caret'));
        li.append(pre);
      }
      return li;
    }), 'errors'));
  }
  const report = node('div', '', 'report');
  report.id = 'report';
  renderMarkdown(school.markdown, report);
  box.append(card, report);
}

function fact(label: string, value: string, name: string): HTMLElement {
  const div = node('div', label);
  const b = node('b', value);
  b.dataset['fact'] = name;
  div.append(b);
  return div;
}

function node(tag: string, text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function list(items: HTMLElement[], className?: string): HTMLElement {
  const ul = node('ul', '', className);
  for (const item of items) {
    if (item.tagName === 'LI') {
      ul.append(item);
      continue;
    }
    const li = document.createElement('li');
    li.append(item);
    ul.append(li);
  }
  return ul;
}

function download(text: string, extension: string, type: string): void {
  save(new Blob([text], { type }), extension);
}

/** Offers `blob` as "<picked folder>.<extension>" in the browser's downloads. */
function save(blob: Blob, extension: string): void {
  const name = `${files[0]?.path.split('/')[0] || 'chuan'}.${extension}`;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fillCirculars(): void {
  const select = $<HTMLSelectElement>('circular');
  const value = select.value;
  select.replaceChildren(new Option(t('byType', lang), ''), ...circulars.map((c) => new Option(c.title ? `${c.circular} — ${c.title[lang]}` : c.circular, c.circular)));
  select.value = value;
}

function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = lang;
  $('lang-vi').setAttribute('aria-pressed', String(lang === 'vi'));
  $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = t(el.dataset['text'] as TextKey, lang);
  $('footer').textContent = t('footer', lang).replace('{version}', toolVersion);
  document.title = `chuan — ${t('title', lang)}`;
  fillCirculars();
  if (view) send({ type: 'format', lang });
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every file under the dropped entries, with its path from the dropped folder's name. */
async function droppedFiles(items: DataTransferItemList): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await visit(child);
      }
    }
  };
  const entries = [...items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  for (const entry of entries) await visit(entry);
  return out;
}

$<HTMLInputElement>('folder').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  files = [...(input.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  selected = 0;
  check();
  input.value = '';
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (!e.dataTransfer) return;
  void droppedFiles(e.dataTransfer.items).then((picked) => {
    files = picked;
    selected = 0;
    check();
  });
});
$('as-of').addEventListener('change', check);
$('circular').addEventListener('change', check);
$('lang-vi').addEventListener('click', () => setLang('vi'));
$('lang-en').addEventListener('click', () => setLang('en'));
$('download-md').addEventListener('click', () => view && download(view.markdown, 'md', 'text/markdown;charset=utf-8'));
$('download-json').addEventListener('click', () => view && download(view.json, 'json', 'application/json'));
$('download-docx').addEventListener('click', () => view && send({ type: 'docx', lang }));
$<HTMLInputElement>('as-of').value = today();
setLang('vi');
setState('idle');
