/** Every bundled example, its documented exit code, and its committed Markdown report (examples/expected/). */
export const EXAMPLES: [string, number, string?][] = [
  ['mn-hoa-sen', 0],
  ['mn-hoa-sen-2024', 1],
  ['th-mai-sao', 1],
  ['th-binh-minh', 1],
  ['thcs-nguyen-du', 0],
  ['thcs-le-loi', 1],
  ['thcs-loi-du-lieu', 2],
  // 57/2026: school year 2026-2027, checked when its report is approved.
  ['th-hoa-mai-57', 0, '2027-06-20'],
  ['thcs-dong-tien-57', 1, '2027-06-20'],
  ['th-an-binh-57', 1, '2027-06-20'],
  // A multi-level school (THCS at Mức 2, THPT at Mức 1: the school takes the lowest) with a certificate of 2023.
  ['thcs-thpt-nguyen-trai-57', 1, '2027-06-20'],
  // A preschool at Mức 1 (Phụ lục I), its target.
  ['mn-hoa-ban-57', 0, '2027-06-20'],
  // 17/2018: a 2023-2024 self-assessment (2018 wording) and a 2024-2025 one checked after 22/2024 took effect.
  ['th-hong-ha-17', 0, '2024-06-20'],
  ['th-song-cau-17', 1, '2025-06-15'],
  // 18/2018, 19/2018 as amended by 22/2024: school year 2024-2025, checked in June 2025.
  ['thcs-thpt-ly-tu-trong-18', 0, '2025-06-15'],
  ['mn-hoa-phuong-19', 1, '2025-06-15'],
];
export const AS_OF = '2026-06-15';
