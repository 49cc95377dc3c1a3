import type { LocalText, Notice } from '../types.js';
import { schoolYearRange } from './context.js';
import { packForSchoolType, packsNamed } from './packs.js';
import type { RulePack, RuleSet } from './rule-types.js';

export interface PackChoice {
  pack?: RulePack;
  /** Why no pack: the circular named is unknown, or does not cover the school type (located at `field`). */
  problem?: { message: LocalText; field: 'thong_tu' | 'cap_hoc' };
  notices: Notice[];
}

/**
 * The regime a school is checked under: the circular named on the command line, else the one `thong_tu`
 * in truong.yaml names, else (folders written before regimes were named) the default pack of its school
 * type — with a notice naming the circular in force for its school year. A circular not in force on
 * `asOf` is still applied, with a notice naming its successor.
 */
export function choosePack(set: RuleSet, profile: Record<string, unknown> | null, asOf: string, circular?: string): PackChoice {
  const schoolType = typeof profile?.['cap_hoc'] === 'string' ? profile['cap_hoc'] : undefined;
  const named = circular ?? (typeof profile?.['thong_tu'] === 'string' ? profile['thong_tu'] : undefined);
  const notices: Notice[] = [];
  let pack: RulePack | undefined;
  if (named !== undefined) {
    const candidates = packsNamed(set, named);
    if (candidates.length === 0) return { notices, problem: { field: 'thong_tu', message: unknownCircular(set, named) } };
    pack = schoolType === undefined ? undefined : candidates.find((p) => p.schoolTypes.includes(schoolType as never));
    if (!pack && schoolType !== undefined) {
      return {
        notices,
        problem: {
          field: 'cap_hoc',
          message: {
            vi: `${candidates[0]!.circular} không áp dụng cho cấp học "${schoolType}"; các bộ quy tắc của thông tư này dành cho: ${candidates.flatMap((p) => p.schoolTypes).join(', ')}`,
            en: `${candidates[0]!.circular} does not cover school type "${schoolType}"; its packs are for: ${candidates.flatMap((p) => p.schoolTypes).join(', ')}`,
          },
        },
      };
    }
  } else if (schoolType !== undefined) {
    pack = packForSchoolType(set, schoolType);
    if (pack) notices.push(defaultNotice(set, pack, profile?.['nam_hoc']));
  }
  if (pack) {
    const ended = pack.inForce?.to !== undefined && asOf > pack.inForce.to;
    const notYet = pack.inForce?.from !== undefined && asOf < pack.inForce.from;
    if (ended) notices.push(replacedNotice(set, pack, asOf));
    if (notYet) {
      notices.push({
        code: 'regime/not-yet-in-force',
        message: {
          vi: `${pack.circular} có hiệu lực từ ${viDate(pack.inForce!.from!)}, sau ngày tham chiếu ${viDate(asOf)}`,
          en: `${pack.circular} is in force from ${pack.inForce!.from}, after the reference date ${asOf}`,
        },
      });
    }
  }
  return pack ? { pack, notices } : { notices };
}

function unknownCircular(set: RuleSet, named: string): LocalText {
  const choices = [...new Set(set.packs.map((p) => shortName(p)))].join(', ');
  return {
    vi: `không có bộ quy tắc cho thông tư "${named}"; chọn một trong: ${choices}`,
    en: `no rule pack for circular "${named}"; use one of: ${choices}`,
  };
}

/** "57/2026" for 57/2026/TT-BGDĐT. */
export function shortName(pack: RulePack): string {
  return /^(\d+\/\d{4})/.exec(pack.circular)?.[1] ?? pack.circular;
}

function defaultNotice(set: RuleSet, pack: RulePack, namHoc: unknown): Notice {
  const year = schoolYearRange(namHoc, pack.schoolYearStart);
  const inForce = year ? successorOn(set, pack, year.start) : null;
  const yearText = typeof namHoc === 'string' ? namHoc : '';
  const tail: LocalText = inForce
    ? { vi: `; năm học ${yearText} thuộc ${inForce.circular} — ${useIt(inForce).vi}`, en: `; school year ${yearText} falls under ${inForce.circular} — ${useIt(inForce).en}` }
    : { vi: '', en: '' };
  return {
    code: 'regime/default',
    message: {
      vi: `truong.yaml không ghi thong_tu: kiểm tra theo ${pack.circular} như trước${tail.vi}`,
      en: `truong.yaml names no circular (thong_tu): checked under ${pack.circular} as before${tail.en}`,
    },
  };
}

/** The successor in force on `date` (with its loaded pack, if any); null while the pack itself is. */
interface InForce {
  circular: string;
  pack?: RulePack;
  guide?: string;
}

function successorOn(set: RuleSet, pack: RulePack, date: string): InForce | null {
  let current: InForce | null = null;
  for (const s of pack.successors) {
    if (s.from > date) continue;
    const next = set.packs.find((p) => p.id === s.pack);
    current = { circular: next?.circular ?? s.circular, ...(next ? { pack: next } : {}), ...(s.guide ? { guide: s.guide } : {}) };
  }
  return current;
}

/** "ghi thong_tu: "17/2018" trong truong.yaml (bộ quy tắc tt17-2018); dữ liệu cũ tương ứng: <guide>". */
function useIt(s: InForce): LocalText {
  const name = s.pack ? shortName(s.pack) : null;
  const guide: LocalText = s.guide ? { vi: `; mục dữ liệu cũ tương ứng: ${s.guide}`, en: `; how the old fields map: ${s.guide}` } : { vi: '', en: '' };
  return name
    ? { vi: `ghi thong_tu: "${name}" trong truong.yaml để kiểm tra theo văn bản này (bộ quy tắc ${s.pack!.id})${guide.vi}`, en: `set thong_tu: "${name}" in truong.yaml to check under it (rule pack ${s.pack!.id})${guide.en}` }
    : { vi: `ghi thong_tu trong truong.yaml để kiểm tra theo văn bản này${guide.vi}`, en: `set thong_tu in truong.yaml to check under it${guide.en}` };
}

function replacedNotice(set: RuleSet, pack: RulePack, asOf: string): Notice {
  const first = pack.successors[0];
  const now = successorOn(set, pack, asOf);
  const replaced: LocalText = first
    ? { vi: `; được thay bằng ${first.circular} từ ${viDate(first.from)}`, en: `; replaced by ${first.circular} from ${first.from}` }
    : { vi: '', en: '' };
  const applies: LocalText = now
    ? { vi: `; văn bản áp dụng ngày ${viDate(asOf)}: ${now.circular} — ${useIt(now).vi}`, en: `; in force on ${asOf}: ${now.circular} — ${useIt(now).en}` }
    : { vi: '', en: '' };
  return {
    code: 'regime/not-in-force',
    message: {
      vi: `${pack.circular} không còn hiệu lực vào ngày tham chiếu ${viDate(asOf)} (hiệu lực đến hết ${viDate(pack.inForce!.to!)})${replaced.vi}${applies.vi}`,
      en: `${pack.circular} is not in force on the reference date ${asOf} (in force until ${pack.inForce!.to})${replaced.en}${applies.en}`,
    },
  };
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
