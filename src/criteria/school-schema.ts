import { latestText } from '../engine/load-criteria.js';
import type { Criterion, CriterionLevelModel, RulePack } from '../engine/rule-types.js';
import { SCHEMA_BASE } from '../validate/validators.js';
import { packCodeFormats } from '../evidence/codes.js';

const COMMON = '../common.schema.json#/$defs/';
const PARTS = ['tieu_hoc', 'thcs', 'thpt'];

/**
 * The JSON Schema of a school's tieu-chuan-N.yaml under a criterion regime, made from the pack's criteria:
 * every criterion and item by its own key, so an editor lists them and a typo is a located error.
 * Committed under schemas/<pack>/ (npm run schemas:criteria) and tested to match.
 */
export function criterionSchoolSchema(pack: RulePack, standard: number): Record<string, unknown> {
  const model = pack.levelModel as CriterionLevelModel;
  const criteria = pack.criteria.filter((c) => c.standard === standard);
  const name = pack.standards[String(standard)]!;
  const tieuChi = {
    title: 'Các tiêu chí',
    description: 'Mỗi tiêu chí của tiêu chuẩn: tự đánh giá từng yêu cầu của mỗi mức, số liệu 03 năm học, kết luận của hội đồng (criteria).',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(criteria.map((c) => [c.id, criterionSchema(c, model)])),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}${pack.id}/tieu-chuan-${standard}.schema.json`,
    title: `Tiêu chuẩn ${standard} — ${name.vi} (${pack.circular})`,
    description: `Tự đánh giá Tiêu chuẩn ${standard} theo ${pack.circular}: các tiêu chí ${criteria.map((c) => c.id).join(', ')}, hồ sơ và danh mục minh chứng (Standard ${standard} — ${name.en}).`,
    type: 'object',
    additionalProperties: false,
    required: ['tieu_chuan'],
    properties: {
      tieu_chuan: { const: standard, title: 'Tiêu chuẩn', description: `Số thứ tự tiêu chuẩn, luôn là ${standard} (standard number).` },
      tieu_chi: { $ref: '#/$defs/tieu_chi' },
      ...(model.multiLevel
        ? {
            cap_hoc: {
              title: 'Tự đánh giá theo từng cấp học',
              description: 'Chỉ với trường phổ thông có nhiều cấp học: mỗi cấp học tự đánh giá riêng các tiêu chí (per level taught).',
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(PARTS.map((p) => [p, { type: 'object', additionalProperties: false, required: ['tieu_chi'], properties: { tieu_chi: { $ref: '#/$defs/tieu_chi' } } }])),
            },
          }
        : {}),
      // The data the standard's computed items read (criteria file `school_data`), in the file's order.
      ...(pack.schoolData?.[String(standard)] ?? {}),
      ho_so: { $ref: `${COMMON}danh_sach_ho_so`, title: 'Hồ sơ', description: 'Các văn bản, kế hoạch, biên bản của tiêu chuẩn này (records).' },
      minh_chung: { $ref: `${COMMON}danh_muc_minh_chung`, title: 'Danh mục minh chứng', description: `Danh mục minh chứng của tiêu chuẩn này, mã dạng ${packCodeFormats(pack).map((f) => f.shape).join(' hoặc ')} (evidence register).` },
    },
    $defs: { tieu_chi: tieuChi },
  };
}

function criterionSchema(criterion: Criterion, model: CriterionLevelModel): Record<string, unknown> {
  const levels = Object.fromEntries(
    criterion.levels.map((level) => {
      const levelName = model.criterionLevels.find((l) => l.id === level.level)!.name;
      return [
        level.level,
        {
          title: `${levelName.vi}`,
          description: latestText(level.text).vi,
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(level.items.map((item) => [item.id, { $ref: `${COMMON}danh_gia_yeu_cau`, title: `Yêu cầu ${item.id}`, description: latestText(item.text).vi }])),
        },
      ];
    }),
  );
  const indicators = Object.fromEntries(criterion.indicators.map((q) => [q.id, { $ref: `${COMMON}so_lieu_theo_nam`, title: q.id, description: q.name.vi }]));
  return {
    title: `Tiêu chí ${criterion.id}${criterion.mandatory ? ' (bắt buộc)' : ''}`,
    description: criterion.name.vi,
    type: 'object',
    additionalProperties: false,
    properties: {
      ...levels,
      ...(criterion.indicators.length > 0
        ? { so_lieu: { title: 'Dữ liệu định lượng chính', description: 'Số liệu 03 năm học gần nhất của từng chỉ số; chỉ để theo dõi, không có ngưỡng (quantitative data).', type: 'object', additionalProperties: false, properties: indicators } }
        : {}),
      muc_tu_danh_gia: { title: 'Mức hội đồng kết luận', description: `Kết luận của hội đồng cho tiêu chí: ${model.criterionLevels.map((l) => l.id).join(', ')} hoặc chua_dat (council's conclusion).`, type: 'string', enum: [...model.criterionLevels.map((l) => l.id), 'chua_dat'] },
      hien_trang: { $ref: `${COMMON}van_ban`, title: 'Mô tả hiện trạng', description: 'Mô tả hiện trạng của tiêu chí, kèm mã minh chứng (current state).' },
      diem_manh: { $ref: `${COMMON}van_ban`, title: 'Điểm mạnh', description: 'Điểm mạnh (strengths).' },
      diem_yeu: { $ref: `${COMMON}van_ban`, title: 'Điểm yếu', description: 'Điểm yếu (weaknesses).' },
      cai_tien: { title: 'Kế hoạch cải tiến', description: 'Các hoạt động cải tiến của tiêu chí (Biểu 2) (improvement actions).', type: 'array', maxItems: 50, items: { $ref: `${COMMON}hoat_dong_cai_tien` } },
    },
  };
}
