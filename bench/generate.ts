// Deterministic corpus of school folders for the benchmark: each school is one of the bundled
// examples, changed by seeded text edits (names, places, counts, list lengths, school type, line
// endings), so the YAML stays the kind a school secretary writes. Most schools are valid (many with
// gaps), a few are broken the way real files break.
import fs from 'node:fs';
import path from 'node:path';
import { prng, type Random } from './random.js';

export const GENERATOR_VERSION = 4;

const FILES = ['truong.yaml', 'tieu-chuan-1.yaml', 'tieu-chuan-2.yaml', 'tieu-chuan-3.yaml', 'tieu-chuan-4.yaml', 'tieu-chuan-5.yaml'];
const TEMPLATES = ['mn-hoa-sen', 'mn-hoa-sen-2024', 'th-binh-minh', 'th-mai-sao', 'thcs-le-loi', 'thcs-nguyen-du'];
const TYPE_PREFIX = /^Trường (Mầm non|Tiểu học|THCS|THPT|Trung học cơ sở|Trung học phổ thông|TH|PT nhiều cấp học) /;

const PROVINCES = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng', 'Tuyên Quang',
  'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai',
  'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];
const PLACES = [
  'Hoa Mai', 'Bình An', 'Tân Phú', 'Đông Hòa', 'Phú Lâm', 'Yên Thế', 'Quang Trung', 'Lê Lợi', 'Hòa Bình', 'Thanh Xuân', 'An Khánh', 'Tiên Phong',
  'Hồng Hà', 'Minh Khai', 'Nghĩa Hưng', 'Đức Thắng', 'Vĩnh Tuy', 'Kim Liên', 'Trung Hòa', 'Sơn Tây', 'Cẩm Bình', 'Hải Yến', 'Long Biên', 'Hưng Đạo',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Thị Thu', 'Hữu', 'Đức', 'Minh', 'Thị Ngọc', 'Quang', 'Thanh', 'Thị Kim'];
const GIVEN = ['Lan', 'Hùng', 'Hà', 'Mai', 'Tuấn', 'Hương', 'Dũng', 'Thảo', 'Nam', 'Linh', 'Phương', 'Sơn', 'Hạnh', 'Quân', 'Yến', 'Bình'];

/** Integer fields that are counts or areas: the ones a school's data varies in. */
const COUNT_KEY = /^(si_so|tong_so|so_(?!hieu|quyet_dinh|nam_)[a-z_]+|dien_tich[a-z_]*|dat_chuan_trinh_do|tren_chuan_trinh_do|xuat_sac|kha|trung_binh|kem|tot|dat|chua_dat|trong_do_[a-z_]+|bo_hoc[a-z_]*|day_gioi[a-z_]*|tong_gia_tri)$/;

export interface CorpusStats {
  version: number;
  schools: number;
  seed: number;
  byType: Record<string, number>;
  broken: number;
  crlf: number;
  bom: number;
  bytes: number;
}

type Files = Map<string, string>;

/** Writes `schools` school folders under `dir` (province/school), unless the same corpus is already there. */
export function generateCorpus(dir: string, schools: number, seed: number, examplesDir: string): CorpusStats {
  const manifest = path.join(dir, 'corpus.json');
  if (fs.existsSync(manifest)) {
    const existing = JSON.parse(fs.readFileSync(manifest, 'utf8')) as CorpusStats;
    if (existing.version === GENERATOR_VERSION && existing.schools === schools && existing.seed === seed) return existing;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const templates = TEMPLATES.map((name) => readTemplate(path.join(examplesDir, name)));
  const random = prng(seed);
  const stats: CorpusStats = { version: GENERATOR_VERSION, schools, seed, byType: {}, broken: 0, crlf: 0, bom: 0, bytes: 0 };
  for (let i = 0; i < schools; i++) {
    const school = makeSchool(templates[Math.floor(random() * templates.length)]!, random, i, stats);
    const type = /^cap_hoc: (\w+)/m.exec(school.files.get('truong.yaml') ?? '')?.[1] ?? 'khac';
    stats.byType[type] = (stats.byType[type] ?? 0) + 1;
    const folder = path.join(dir, slug(school.province), `${type.replaceAll('_', '-')}-${String(i).padStart(5, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    for (const [name, text] of school.files) {
      const bytes = Buffer.from(school.bom && name === 'truong.yaml' ? `\uFEFF${text}` : text, 'utf8');
      stats.bytes += bytes.length;
      fs.writeFileSync(path.join(folder, name), bytes);
    }
  }
  fs.writeFileSync(manifest, `${JSON.stringify(stats, null, 2)}\n`);
  return stats;
}

function readTemplate(dir: string): Files {
  return new Map(FILES.map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

function makeSchool(template: Files, random: Random, index: number, stats: CorpusStats): { files: Files; province: string; bom: boolean } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const files: Files = new Map(template);
  const profile = files.get('truong.yaml')!;
  const oldName = /^ten_truong: (.*)$/m.exec(profile)![1]!.replace(TYPE_PREFIX, '');
  const newName = `${pick(PLACES)}${index % 7 === 0 ? ` ${1 + (index % 5)}` : ''}`;
  const province = pick(PROVINCES);
  const person = (): string => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  for (const [name, text] of files) {
    let out = text.replaceAll(oldName, newName);
    out = out.replace(/(ho_ten: )([^,}\n#]+?)(\s*[,}\n#])/g, (_m, a: string, _b: string, c: string) => `${a}${person()}${c}`);
    out = perturbCounts(out, random);
    out = resizeLists(out, random);
    files.set(name, out);
  }
  let head = files.get('truong.yaml')!
    .replace(/^ma_truong: .*$/m, `ma_truong: "${String(10_000_000 + Math.floor(random() * 89_999_999))}"`)
    .replace(/^tinh: .*$/m, `tinh: ${province}`)
    .replace(/^xa: .*$/m, `xa: Xã ${pick(PLACES)}`)
    .replace(/^nguoi_lap: [^,\n]*/m, `nguoi_lap: ${person()}`);
  if (/^cap_hoc: thcs$/m.test(head)) {
    const roll = random();
    if (roll < 0.2) head = head.replace(/^cap_hoc: thcs$/m, 'cap_hoc: thpt').replaceAll('Trường THCS', 'Trường THPT');
    else if (roll < 0.3) head = head.replace(/^cap_hoc: thcs$/m, 'cap_hoc: nhieu_cap\ncac_cap_hoc: [thcs, thpt]').replaceAll('Trường THCS', 'Trường PT nhiều cấp học');
  }
  files.set('truong.yaml', head);
  if (random() < 0.03) {
    breakSchool(files, random);
    stats.broken++;
  }
  if (random() < 0.08) {
    for (const [name, text] of files) files.set(name, text.replaceAll('\n', '\r\n'));
    stats.crlf++;
  }
  const bom = random() < 0.03;
  if (bom) stats.bom++;
  return { files, province, bom };
}

/** About one count in twenty-five moves, down by up to 15 % or up by up to 5 %: some rates and ratios cross their thresholds. */
function perturbCounts(text: string, random: Random): string {
  return text.replace(/\b([a-z_]+): (\d+)\b(?![-/.,:\d])/g, (match, key: string, digits: string) => {
    if (!COUNT_KEY.test(key) || random() > 0.04) return match;
    return `${key}: ${Math.max(0, Math.round(Number(digits) * (0.85 + random() * 0.2)))}`;
  });
}

/** Drops or repeats a few one-line list items (classes, topics, records), never an evidence entry with its own code. */
function resizeLists(text: string, random: Random): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const item = /^(\s*)- \{.*\}\s*(#.*)?$/.exec(line);
    const sibling = item && (lines[i - 1]?.startsWith(`${item[1]}- `) || lines[i + 1]?.startsWith(`${item[1]}- `));
    if (item && sibling && random() < 0.02) continue;
    out.push(line);
    if (item && !/\bma: /.test(line) && random() < 0.02) out.push(line);
  }
  return out.join('\n');
}

/** One of the mistakes the checker must report with a location: decimal comma, duplicate key, tab, dd/mm/yyyy, typo, missing file. */
function breakSchool(files: Files, random: Random): void {
  const standard = `tieu-chuan-${1 + Math.floor(random() * 5)}.yaml`;
  const text = files.get(standard)!;
  switch (Math.floor(random() * 6)) {
    case 0:
      files.set(standard, text.replace(/\b(si_so|so_giao_vien|tong_so|dien_tich): (\d+)\b/, '$1: $2,5'));
      break;
    case 1:
      files.set('truong.yaml', files.get('truong.yaml')!.replace(/^(so_lop: .*)$/m, '$1\n$1'));
      break;
    case 2:
      files.set(standard, text.replace(/\n {2}(\S)/, '\n\t$1'));
      break;
    case 3:
      files.set(standard, text.replace(/ngay: (\d{4})-(\d{2})-(\d{2})/, 'ngay: "$3/$2/$1"'));
      break;
    case 4:
      files.set('truong.yaml', files.get('truong.yaml')!.replace(/^so_lop:/m, 'so_lopp:'));
      break;
    default:
      files.delete(standard);
  }
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
