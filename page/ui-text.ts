// The page's own words, Vietnamese first; the reports' words come from the library.
import type { Lang } from '../src/types.js';

const TEXT = {
  title: { vi: 'Kiểm tra trường đạt chuẩn quốc gia', en: 'National-standard school check' },
  lead: {
    vi: 'Chọn thư mục tự kiểm tra của trường (hoặc thư mục chứa nhiều trường). Trang kiểm tra ngay trên máy này: không cài đặt, không cần mạng, không gửi dữ liệu đi đâu.',
    en: 'Pick a school\'s self-assessment folder (or a folder of many schools). The page checks it on this computer: nothing to install, no network, no data sent anywhere.',
  },
  pick: { vi: 'Chọn thư mục…', en: 'Choose a folder…' },
  drop: { vi: 'hoặc kéo thả thư mục vào đây', en: 'or drop a folder here' },
  asOf: { vi: 'Ngày kiểm tra', en: 'Check date' },
  circular: { vi: 'Thông tư', en: 'Circular' },
  byType: { vi: 'Theo hồ sơ của trường', en: 'As the school\'s profile says' },
  checking: { vi: 'Đang kiểm tra', en: 'Checking' },
  reading: { vi: 'Đang đọc thư mục…', en: 'Reading the folder…' },
  checked: { vi: 'Đã kiểm tra', en: 'Checked' },
  schools: { vi: 'trường', en: 'schools' },
  school: { vi: 'Trường', en: 'School' },
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  reached: { vi: 'Mức đạt được', en: 'Level reached' },
  target: { vi: 'Mức đích', en: 'Target' },
  gaps: { vi: 'Chỉ số chưa đạt', en: 'Unmet indicators' },
  noGaps: { vi: 'Không có chỉ số nào chưa đạt ở mức đích.', en: 'No unmet indicator at the target level.' },
  errors: { vi: 'Lỗi dữ liệu cần sửa', en: 'Input errors to fix' },
  report: { vi: 'Báo cáo', en: 'Report' },
  download: { vi: 'Tải về', en: 'Download' },
  markdown: { vi: 'Báo cáo Markdown (.md)', en: 'Markdown report (.md)' },
  json: { vi: 'Kết quả JSON (.json)', en: 'JSON result (.json)' },
  word: { vi: 'Báo cáo Word (.docx)', en: 'Word report (.docx)' },
  privacy: {
    vi: 'Riêng tư: trang này không kết nối mạng (chính sách bảo mật nội dung chặn mọi kết nối); tệp chỉ được đọc trên máy này.',
    en: 'Private: this page makes no network connection (its content security policy blocks every one); files are only read on this computer.',
  },
  outcome: {
    reached: { vi: 'đạt mức đích', en: 'reached the target' },
    not_reached: { vi: 'chưa đạt mức đích', en: 'below the target' },
    invalid: { vi: 'dữ liệu lỗi', en: 'invalid input' },
  },
  failed: { vi: 'Không kiểm tra được', en: 'Could not check' },
  internal: { vi: 'Lỗi nội bộ của trang; hãy báo lỗi kèm thư mục đã chọn', en: 'Internal error of the page; please report it with the folder' },
  footer: { vi: 'chuan {version} — cùng bộ kiểm tra với lệnh chuan check', en: 'chuan {version} — the same checker as chuan check' },
} as const;

type Leaf = { vi: string; en: string };
type Keys<T> = { [K in keyof T]: T[K] extends Leaf ? K : never }[keyof T];
export type TextKey = Keys<typeof TEXT>;

export const t = (key: TextKey, lang: Lang): string => TEXT[key][lang];
export const outcomeText = (outcome: keyof typeof TEXT.outcome, lang: Lang): string => TEXT.outcome[outcome][lang];
