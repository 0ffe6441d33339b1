import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files larger than this are not read as resources (a resource is a page of prose, not a data dump). */
export const maxFileBytes = 8 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a text file, refusing what is not UTF-8 text. Never throws. Synchronous on purpose: thousands of
 * small reads are several times faster without the thread pool and promise per call.
 */
export function readText(path: string): { text: string } | { error: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size > maxFileBytes) {
      return {
        error: `is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${maxFileBytes / 1024 / 1024} MB a resource file may have`,
      };
    }
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const content = bytes.subarray(0, read);
    if (content.includes(0)) return { error: 'holds binary data, not text' };
    return { text: decoder.decode(content) };
  } catch (error) {
    if (error instanceof TypeError) return { error: 'is not valid UTF-8 text' };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'disappeared while the catalog was being read' };
    return { error: `could not be read (${code ?? (error as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
