// JUnit testcases of a school under a criterion regime, besides one per item: one per school level up to
// the target (classname "<school>.muc"), one per criterion and part ("<school>[.<part>].tieu-chuan-<n>",
// named "<criterion> <name>", beside the items of its standard).
import type { RulePack } from '../../engine/rule-types.js';
import type { SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import { nextLevelLines } from '../criteria-lines.js';
import { criterionLabel, criterionName, criterionVerdict, levelRequirementLines, levelsInScope, levelVerdict, pathStep, stepFindings, type CaseOutcome } from '../criteria-machine.js';
import { findingDetail, oneLine, type FindingRole } from '../machine.js';
import { levelName } from '../text.js';
import { xmlAttr, xmlCdata } from '../xml.js';

export interface TestCase {
  xml: string;
  outcome: CaseOutcome;
}

function testCase(classname: string, name: string, outcome: CaseOutcome, message: string, body: string[]): TestCase {
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(name)}" time="0"`;
  if (outcome === 'passed') return { xml: `${open}/>`, outcome };
  const inner = outcome === 'failure'
    ? `<failure message="${xmlAttr(oneLine(message))}" type="level">${xmlCdata(body.join('\n'))}</failure>`
    : `<skipped message="${xmlAttr(oneLine(message))}"/>`;
  return { xml: `${open}>\n      ${inner}\n    </testcase>`, outcome };
}

/** One testcase per school level up to the target; a failure's body holds every requirement of the level in numbers and, for the next level, the shortest path. */
export function levelCases(r: SchoolResult, pack: RulePack, suiteKey: string, ctx: FormatContext): TestCase[] {
  return levelsInScope(r, pack).map((level) => {
    const verdict = levelVerdict(r, pack, level, ctx);
    const path = r.nextLevel?.level === level.level ? nextLevelLines(r, pack, ctx.lang) : [];
    return testCase(`${suiteKey}.muc`, `${level.level} ${levelName(pack, level.level, ctx.lang)}`, verdict.outcome, verdict.message, [...levelRequirementLines(r, pack, level, ctx), ...path]);
  });
}

const ROLE_OF: Record<string, FindingRole> = { unmet: 'gap', not_rated: 'not_rated', not_assessable: 'missing' };

/** One testcase per criterion (and part): a failure when the shortest path raises it, its body each item to raise in full. */
export function criterionCases(r: SchoolResult, pack: RulePack, roles: Map<SchoolResult['findings'][number], FindingRole>, suiteKey: string, ctx: FormatContext): TestCase[] {
  return (r.criteria ?? []).map((c) => {
    const verdict = criterionVerdict(r, pack, c, ctx);
    const step = pathStep(r, pack, c);
    const body = step ? stepFindings(r, step).map((f) => findingDetail(f, roles.get(f) ?? ROLE_OF[f.status] ?? 'gap', ctx)) : [];
    const part = c.part ? `.${c.part}` : '';
    return testCase(`${suiteKey}${part}.tieu-chuan-${c.standard}`, `${c.criterion} ${criterionName(pack, c.criterion, ctx)}`, verdict.outcome, `${criterionLabel(c, ctx)}: ${verdict.message}`, body.length > 0 ? [body.join('\n\n')] : [verdict.message]);
  });
}
