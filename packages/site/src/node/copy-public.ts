import { join } from 'node:path';
import { copyInside, type RootPolicy, walkFolder } from '@switchyard/loader';
import { type Diagnostic, diagnostic } from '@switchyard/model';

/**
 * Copies the catalog's `public/` folder to the site root through the path policy: each file's content
 * (a link inside the catalog is copied as the file it names), never a link; a link that leads out of the
 * catalog is reported where it is and not copied.
 */
export async function copyPublic(
  policy: RootPolicy,
  work: string,
  report: (d: Diagnostic) => void,
): Promise<void> {
  const walked = await walkFolder(policy, 'public');
  for (const p of walked.problems) {
    const code = p.outside ? 'file-outside-catalog' : 'unreadable-file';
    report(diagnostic(code, `${p.path} ${p.message}.`, { file: p.path, line: 1, column: 1 }));
  }
  const batch = 32;
  for (let i = 0; i < walked.files.length; i += batch) {
    await Promise.all(
      walked.files
        .slice(i, i + batch)
        .map((file) => copyInside(policy, file, join(work, file.slice('public/'.length)))),
    );
  }
}
