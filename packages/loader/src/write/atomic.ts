import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of it: the text goes to a
 * temporary file in the same folder, which is then renamed over the target (atomic on one file system).
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Like `writeFileAtomic`, but refuses to replace a file that exists. */
export async function writeNewFile(file: string, content: string): Promise<void> {
  if (existsSync(file)) throw new Error(`${file} exists already; it was left as it is.`);
  await writeFileAtomic(file, content);
}
