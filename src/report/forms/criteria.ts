// Criterion regimes (levels per criterion): each criterion's level, why each school level is (not)
// reached, the shortest path to the next, the items not rated yet — as document blocks.
import type { RulePack } from '../../engine/rule-types.js';
import type { Finding, SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import { criterionHeader, criterionRows, nationalStandardLines, nextLevelLines, requirementLines } from '../criteria-lines.js';
import { bold, type Block } from '../document/model.js';
import { notRatedBlock } from './criterion-parts.js';

export function criterionBlocks(result: SchoolResult, pack: RulePack | undefined, notRated: Finding[], ctx: FormatContext): Block[] {
  if (!pack || !result.criteria) return [];
  const { lang } = ctx;
  const vi = lang === 'vi';
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: [vi ? 'Mức đạt của các tiêu chí' : 'Criterion levels'] },
    { kind: 'table', head: criterionHeader(pack, lang), rows: criterionRows(result, pack, lang).map((row) => row.map((cell) => [cell])) },
    { kind: 'list', items: requirementLines(result, pack, lang).map((l) => [l]) },
  ];
  const next = nextLevelLines(result, pack, lang);
  if (next.length > 0) blocks.push({ kind: 'paragraph', text: [bold(next[0]!)] }, { kind: 'list', items: next.slice(1).map((l) => [l]) });
  const national = nationalStandardLines(result, pack, lang);
  if (national.length > 0) blocks.push({ kind: 'paragraph', text: [national[0]!] });
  if (national.length > 1) blocks.push({ kind: 'list', items: national.slice(1).map((l) => [l]) });
  if (notRated.length > 0) blocks.push(notRatedBlock(notRated, lang));
  return blocks;
}
