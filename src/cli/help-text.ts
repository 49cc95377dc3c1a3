import type { Lang } from '../types.js';

const VI: [RegExp, string][] = [
  [/^Usage:/gm, 'Cách dùng:'],
  [/^Options:/gm, 'Tùy chọn:'],
  [/^Arguments:/gm, 'Tham số:'],
  [/^Commands:/gm, 'Lệnh:'],
  [/\(default:(\s)/g, '(mặc định:$1'],
  [/\(choices:(\s)/g, '(chọn một trong:$1'],
  [/, default:(\s)/g, ', mặc định:$1'],
  [/display help for command/g, 'hiện hướng dẫn của lệnh'],
  [/\[options\]/g, '[tùy chọn]'],
  [/\[command\]/g, '[lệnh]'],
];

/** Commander writes its section titles in English; the help the user reads is Vietnamese. */
export function localiseHelp(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return VI.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
