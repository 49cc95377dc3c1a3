import path from 'node:path';
import { initSchool, type InitOptions } from '../../init/init-school.js';
import type { Lang } from '../../types.js';
import type { CliIo } from '../io.js';

export type InitCommandOptions = Pick<InitOptions, 'cap' | 'level' | 'namHoc' | 'ten' | 'tinh' | 'khuVuc' | 'circular' | 'cacCap'> & { lang: Lang };

/** `chuan init DIR --cap ...`: writes the six files, never overwriting; prints what was made and what to do next. */
export function runInit(dir: string, options: InitCommandOptions, io: CliIo): number {
  const result = initSchool(dir, options, io.cwd);
  const show = (file: string): string => {
    const rel = path.relative(io.cwd, file);
    return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
  };
  const shown = show(result.dir);
  const files = result.files.map((f) => `  ${show(f)}`).join('\n');
  const vi = options.lang === 'vi';
  io.stdout.write(
    vi
      ? `Đã tạo thư mục trường ${shown} (Thông tư ${result.pack.circular}):\n${files}\n` +
          `Bước tiếp theo:\n  1. Mở thư mục bằng VS Code có tiện ích YAML (Red Hat) để được gợi ý và kiểm tra khi gõ.\n` +
          `  2. Sửa tên trường, tỉnh, khu vực trong truong.yaml; bỏ dấu # ở các mục cần khai và ghi số liệu.\n` +
          `  3. Kiểm tra: chuan check ${shown}\n`
      : `Created school folder ${shown} (Circular ${result.pack.circular}):\n${files}\n` +
          `Next:\n  1. Open the folder in VS Code with the YAML extension (Red Hat) for completion and validation as you type.\n` +
          `  2. Fix the school name, province and area in truong.yaml; uncomment the fields you fill in.\n` +
          `  3. Check: chuan check ${shown}\n`,
  );
  return 0;
}
