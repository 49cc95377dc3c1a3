// The year-over-year section (`chuan check --baseline`) as document blocks.
import { missingBaselineParts, progressParts } from '../../diff/render.js';
import type { SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import { bold, type Block } from '../document/model.js';

export function progressBlocks(result: SchoolResult, ctx: FormatContext): Block[] {
  if (!result.progress) {
    if (result.baselineMissing === undefined) return [];
    const missing = missingBaselineParts(result.baselineMissing, ctx);
    return [{ kind: 'heading', level: 2, text: [missing.heading] }, { kind: 'paragraph', text: [missing.text] }];
  }
  const vi = ctx.lang === 'vi';
  const parts = progressParts(result.progress, ctx);
  const levelLabel = vi ? 'Mức đạt được' : 'Level reached';
  const none = vi ? 'không có' : 'none';
  const indicators = vi ? 'chỉ số' : 'indicator(s)';
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: [parts.heading] },
    { kind: 'paragraph', text: [parts.intro] },
    {
      kind: 'list',
      items: [
        [bold(`${levelLabel}:`), ` ${parts.level.slice(levelLabel.length + 2)}`],
        ...parts.groups.map((g) => [bold(`${g.title}:`), ` ${g.lines.length === 0 ? none : `${g.lines.length} ${indicators}`}`]),
        ...(parts.metBoth ? [[parts.metBoth]] : []),
      ],
    },
  ];
  for (const g of parts.groups.filter((x) => x.lines.length > 0)) {
    blocks.push({ kind: 'heading', level: 3, text: [g.title] }, { kind: 'list', items: g.lines.map((l) => [`${l.criterion} ${l.text}`]) });
  }
  return blocks;
}
