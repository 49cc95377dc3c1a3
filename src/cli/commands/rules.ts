import path from 'node:path';
import { KnownError } from '../../errors.js';
import { loadRuleSet } from '../../engine/load-rules.js';
import { checkPaths, conditionPaths } from '../../engine/rule-paths.js';
import type { Rule, RulePack } from '../../engine/rule-types.js';
import { findRule, tr } from '../../report/context.js';
import { describeCheck, describeCondition } from '../../report/describe-check.js';
import { levelName, referenceText, words } from '../../report/text.js';
import type { Lang, LevelId } from '../../types.js';
import { terminalWidth, type CliIo } from '../io.js';
import { wrapText } from '../../report/wrap.js';
import { packageRoot } from '../../paths.js';

export interface RulesOptions {
  circular?: string;
  level?: string;
  standard?: string;
  verification?: string;
  format: string;
  lang: Lang;
}

/** `chuan rules`: one line per rule (id, reference, level, verification, title), filtered. */
export function runRules(options: RulesOptions, io: CliIo): number {
  const set = loadRuleSet();
  const packs = set.packs.filter((p) => !options.circular || p.id === options.circular || p.id.startsWith(`tt${options.circular}`) || p.circular.startsWith(options.circular));
  assertFilters(options, set.packs, packs);
  const selected = packs
    .flatMap((pack) => pack.rules.map((rule) => ({ pack, rule })))
    .filter(({ rule }) => (!options.level || rule.level === options.level) && (!options.standard || String(rule.standard) === options.standard) && (!options.verification || rule.verification === options.verification));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(selected.map(({ pack, rule }) => ({ id: rule.id, pack: pack.id, level: rule.level, standard: rule.standard, criterion: rule.criterion, reference: referenceText(rule, pack, options.lang), verification: rule.verification, severity: rule.severity, title: tr(rule.title, options.lang) })), null, 2)}\n`);
    return 0;
  }
  for (const { pack, rule } of selected) {
    io.stdout.write(`${rule.id}\t${referenceText(rule, pack, options.lang)}\t${levelName(pack, rule.level, options.lang)}\t${tr(words.verification[rule.verification], options.lang)}\t${tr(rule.title, options.lang)}\n`);
  }
  io.stderr.write(options.lang === 'vi' ? `${selected.length} quy tắc\n` : `${selected.length} rules\n`);
  return 0;
}

/** A filter that matches nothing is a typo, not an empty list: exit 2 with the values that exist. */
function assertFilters(options: RulesOptions, all: RulePack[], packs: RulePack[]): void {
  const choose = (flag: string, value: string, all: string[]): never => {
    const choices = [...new Set(all)];
    throw new KnownError({
      vi: `${flag} "${value}" không có; chọn một trong: ${choices.join(', ')}`,
      en: `${flag} "${value}" does not exist; use one of: ${choices.join(', ')}`,
    });
  };
  if (options.circular && packs.length === 0) {
    choose('--circular', options.circular, all.flatMap((p) => [circularNumber(p), p.id]));
  }
  const levels = [...new Set(packs.flatMap((p) => p.levels.map((l) => l.id)))];
  if (options.level && !levels.includes(options.level as LevelId)) choose('--level', options.level, levels);
  const standards = [...new Set(packs.flatMap((p) => Object.keys(p.standards)))].sort();
  if (options.standard && !standards.includes(options.standard)) choose('--standard', options.standard, standards);
}

/** "59" for 59/2012/TT-BGDĐT: what --circular accepts besides the pack id. */
const circularNumber = (pack: RulePack): string => pack.circular.split('/')[0]!;

/** `chuan explain <id>`: the whole rule, in words. */
export function runExplain(id: string, lang: Lang, io: CliIo): number {
  const set = loadRuleSet();
  const found = findRule(set, id);
  if (!found) {
    throw new KnownError({ vi: `không có quy tắc "${id}"; xem danh sách bằng: chuan rules`, en: `no rule "${id}"; list them with: chuan rules` });
  }
  const text = explainText(found.rule, found.pack, lang, set.vocabulary);
  // On a terminal, folded to its width as the check report is.
  const width = terminalWidth(io.stdout);
  io.stdout.write(width ? wrapText(text, width) : text);
  return 0;
}

export function explainText(rule: Rule, pack: RulePack, lang: Lang, vocabulary: Parameters<typeof describeCheck>[2]): string {
  const vi = lang === 'vi';
  const fields = [...new Set([...checkPaths(rule.check), ...(rule.when ? conditionPaths(rule.when) : [])])];
  const lines = [
    `${rule.id} — ${tr(rule.title, lang)}`,
    `${vi ? 'Căn cứ' : 'Reference'}: ${referenceText(rule, pack, lang)}`,
    `${vi ? 'Mức' : 'Level'}: ${levelName(pack, rule.level, lang)}; ${vi ? 'tiêu chuẩn' : 'standard'} ${rule.standard}, ${vi ? 'tiêu chí' : 'criterion'} ${rule.criterion}; ${tr(words.severity[rule.severity], lang)} (${rule.severity})`,
    `${vi ? 'Xác minh' : 'Verification'}: ${tr(words.verification[rule.verification], lang)} (${rule.verification})${rule.source ? ` — ${rule.source}` : ''}`,
    `${vi ? 'Yêu cầu' : 'Requirement'}: ${tr(rule.requirement, lang)}`,
    `${vi ? 'Ngưỡng' : 'Threshold'}: ${describeCheck(rule.check, lang, vocabulary)}`,
    ...(rule.when ? [`${vi ? 'Áp dụng khi' : 'Applies when'}: ${describeCondition(rule.when, lang)}`] : []),
    ...(rule.versions ?? []).map((v) => `${vi ? 'Lời văn từ' : 'Wording from'} ${v.from}${v.document ? ` (${v.document})` : ''} [${v.verification}]: ${tr(v.requirement, lang)} — ${describeCheck(v.check, lang, vocabulary)}`),
    ...(rule.inForce ?? []).map((w) => `${vi ? 'Chỉ có trong khoảng' : 'Exists only'}: ${w.from ?? '…'} – ${w.to ?? '…'}`),
    ...(rule.notApplicable ?? []).map((w) => `${vi ? 'Không áp dụng' : 'Not applicable'} ${w.from} – ${w.to ?? '…'}: ${tr(w.reason, lang)} (${w.reference})`),
    `${vi ? 'Giải pháp (mẫu)' : 'Remedy (template)'}: ${tr(rule.remedy, lang)}`,
    `${vi ? 'Dữ liệu đọc' : 'Data read'}: ${fields.join(', ')}`,
    `${vi ? 'Định nghĩa tại' : 'Defined at'}: ${path.relative(packageRoot, rule.origin.file).split(path.sep).join('/')}:${rule.origin.line}:${rule.origin.column}`,
  ];
  return `${lines.join('\n')}\n`;
}
