import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding the project's package.json, found the same way from the TypeScript sources and from the build in dist/. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'libs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

/** A file of the project by its path from the project root (data files, the built console, sample payloads). */
export const projectPath = (...segments: string[]): string => join(PROJECT_ROOT, ...segments);
