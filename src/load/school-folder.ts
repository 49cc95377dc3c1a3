import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { loadYamlFile } from './yaml-file-loader.js';
import type { YamlFile, YamlParser } from './yaml-file.js';

export const PROFILE_FILE = 'truong.yaml';
/** The standards of a folder whose pack is not known (no valid profile): the five of the 2012–2014 packs. */
export const STANDARD_NUMBERS = [1, 2, 3, 4, 5] as const;
export const standardFileName = (n: number): string => `tieu-chuan-${n}.yaml`;

export interface SchoolDocuments {
  dir: string;
  profile: YamlFile | null;
  /** Index 0 holds tieu-chuan-1.yaml; null where the file is missing or unreadable. */
  standards: (YamlFile | null)[];
  diagnostics: Diagnostic[];
}

/** Reads and parses truong.yaml. Never throws for bad input; never writes. */
export function loadProfile(dir: string, diagnostics: Diagnostic[], parser: YamlParser = 'fast'): YamlFile | null {
  return loadYamlFile(path.join(dir, PROFILE_FILE), diagnostics, parser);
}

/** Reads and parses the standard files a pack declares (tieu-chuan-N.yaml for each N). */
export function loadStandards(dir: string, numbers: readonly number[], diagnostics: Diagnostic[], parser: YamlParser = 'fast'): (YamlFile | null)[] {
  return numbers.map((n) => loadYamlFile(path.join(dir, standardFileName(n)), diagnostics, parser));
}

/** Reads and parses the profile and the given standard files of a school folder. */
export function loadSchoolFolder(dir: string, parser: YamlParser = 'fast', numbers: readonly number[] = STANDARD_NUMBERS): SchoolDocuments {
  const diagnostics: Diagnostic[] = [];
  const profile = loadProfile(dir, diagnostics, parser);
  const standards = loadStandards(dir, numbers, diagnostics, parser);
  return { dir, profile, standards, diagnostics };
}
