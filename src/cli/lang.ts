import { KnownError } from '../errors.js';
import type { Lang } from '../types.js';

export function parseLang(value: string): Lang {
  if (value !== 'vi' && value !== 'en') throw new KnownError({ vi: `--lang phải là vi hoặc en (đang ghi "${value}")`, en: `--lang must be vi or en` });
  return value;
}
