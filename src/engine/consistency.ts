// Data a school writes twice, declared by the pack (pack.yaml `consistency`): the number of items of a
// list and the number the school wrote for it, e.g. the class rows and the number of classes. A mismatch is a located
// warning that names both; which list and which field are the pack's data, not this module's.
import type { Diagnostic, LocalText } from '../types.js';
import { dataPath, isNumber, refAt, valueAt, type EvalContext } from './context.js';
import type { Locator } from './evaluate.js';
import type { RulePack, Vocabulary } from './rule-types.js';

export function consistencyRemarks(pack: RulePack, ctx: EvalContext, locateRef: Locator, vocabulary: Vocabulary): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const pair of pack.consistency) {
    const list = valueAt(ctx, dataPath(pair.count));
    const stated = valueAt(ctx, dataPath(pair.equals));
    // Either side absent or of another shape: nothing to compare (the schema or a rule says what is missing).
    if (!Array.isArray(list) || !isNumber(stated) || list.length === stated) continue;
    const listAt = locateRef(refAt(ctx, dataPath(pair.count)));
    const file = listAt ? listAt.file.slice(Math.max(listAt.file.lastIndexOf('/'), listAt.file.lastIndexOf('\\')) + 1) : '';
    const listLine = listAt ? `:${listAt.line}` : '';
    const field = pair.equals.split('.').slice(1).join('.');
    const listKey = pair.count.split('.').slice(1).join('.');
    out.push({
      code: 'data/count-mismatch',
      severity: 'warning',
      location: locateRef(refAt(ctx, dataPath(pair.equals))),
      message: mismatch(field, stated, listKey, `${file}${listLine}`, list.length, { vi: pair.items.vi, en: englishFor(pair.items.en, list.length, vocabulary) }),
    });
  }
  return out;
}

function mismatch(field: string, stated: number, listKey: string, where: string, count: number, items: LocalText): LocalText {
  return {
    vi: `${field}: ghi ${stated} nhưng danh sách ${listKey} (${where}) có ${count} ${items.vi}; sửa ${field} hoặc danh sách cho khớp nhau`,
    en: `${field}: states ${stated} but the list ${listKey} (${where}) has ${count} ${items.en}; correct ${field} or the list so that they agree`,
  };
}

/** The English unit agreeing with `n` (vocabulary.yaml english_units), as the reports print units. */
function englishFor(unit: string, n: number, vocabulary: Vocabulary): string {
  const forms = Object.hasOwn(vocabulary.englishUnits, unit) ? vocabulary.englishUnits[unit] : undefined;
  return forms ? forms[n === 1 ? 0 : 1] : unit;
}
