// Điều 27 of 57/2026 as pack data (rules/tt57-2026-chung/chuyen-tiep.yaml): k2, a certificate issued before
// 07/07/2026 keeps its term; k4, the quantitative data are for monitoring only until 31/12/2028.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { recognitionStatus } from '../../src/engine/recognition.js';
import { schoolStatements } from '../../src/engine/statements.js';

const set = loadRuleSet();
const pt = set.packs.find((p) => p.id === 'tt57-2026-pho-thong')!;
const mn = set.packs.find((p) => p.id === 'tt57-2026-mam-non')!;

/** The statements for a school recognised on `signed` (none: never recognised), checked on `asOf`. */
function statements(asOf: string, signed?: string, pack = pt) {
  const profile = signed ? { cap_hoc: 'thcs', lich_su_cong_nhan: [{ muc: 'muc_do_1', so_quyet_dinh: '77/QĐ-UBND', ngay_ky: signed }] } : { cap_hoc: 'thcs' };
  return schoolStatements(pack, recognitionStatus(profile, pack, asOf), set.vocabulary, asOf);
}
const ids = (list: ReturnType<typeof statements>) => list.map((s) => s.id);

describe('Điều 27 khoản 2: certificates issued before 07/07/2026', () => {
  it('a certificate signed the day before keeps its term, stated with its expiry; one signed on 07/07/2026 is not concerned', () => {
    const before = statements('2027-06-20', '2026-07-06');
    expect(ids(before)).toEqual(['TT57.PT.D27.k2', 'TT57.PT.D27.k4']);
    expect(before[0]!.message.vi).toBe('Bằng công nhận mức độ 1 (quyết định 77/QĐ-UBND, ký ngày 06/07/2026) được cấp trước ngày 07/07/2026 nên vẫn có giá trị đến hết thời hạn ghi trên bằng: đến ngày 06/07/2031 (05 năm kể từ ngày ký; đối chiếu ngày ghi trên bằng).');
    expect(before[0]!.message.en).toContain('until 2031-07-06');
    expect(before[0]).toMatchObject({ reference: { vi: 'Thông tư 57/2026/TT-BGDĐT, Điều 27, khoản 2' }, verification: 'secondary' });
    expect(ids(statements('2027-06-20', '2026-07-07'))).toEqual(['TT57.PT.D27.k4']);
    expect(ids(statements('2027-06-20'))).toEqual(['TT57.PT.D27.k4']);
  });

  it('valid on the last day of its term; the day after, the statement says it has expired', () => {
    expect(statements('2028-03-15', '2023-03-15')[0]!.message.vi).toContain('vẫn có giá trị');
    const after = statements('2028-03-16', '2023-03-15')[0]!;
    expect(after.id).toBe('TT57.PT.D27.k2');
    expect(after.message.vi).toContain('đã hết hạn ngày 15/03/2028');
  });

  it('the same clause in the preschool pack, with its own id', () => {
    expect(ids(statements('2027-06-20', '2024-01-10', mn))).toEqual(['TT57.MN.D27.k2', 'TT57.MN.D27.k4']);
  });
});

describe('Điều 27 khoản 4: quantitative data for monitoring only, 07/07/2026 to 31/12/2028', () => {
  it('stated from the first day to the last; nothing before; after the end, that the term has ended', () => {
    expect(ids(statements('2026-07-06'))).toEqual([]);
    expect(statements('2026-07-07')[0]!.message.vi).toMatch(/^Từ ngày 07\/07\/2026 đến hết ngày 31\/12\/2028, dữ liệu định lượng chính chỉ dùng để theo dõi/);
    expect(statements('2028-12-31')[0]!.message.vi).toMatch(/^Từ ngày 07\/07\/2026/);
    const after = statements('2029-01-01');
    expect(ids(after)).toEqual(['TT57.PT.D27.k4']);
    expect(after[0]!.message.vi).toMatch(/đã hết ngày 31\/12\/2028; các nguồn chưa cho biết ngưỡng nào/);
  });

  it('never changes a verdict: the packs have no rule reading an indicator', () => {
    for (const pack of [pt, mn]) expect(pack.rules.some((r) => JSON.stringify(r.check).includes('so_lieu'))).toBe(false);
  });
});
