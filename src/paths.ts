import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: src/ and dist/ both sit one level below it. */
export const packageRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const schemasDir = path.join(packageRoot, 'schemas');
export const rulesDir = path.join(packageRoot, 'rules');
