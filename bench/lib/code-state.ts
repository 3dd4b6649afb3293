import { execFileSync } from 'node:child_process';

/** Which code was measured: the commit, and files under apps/ and packages/ that differ from it. */
export function codeState(repo: string) {
  const git = (args: string[]) => {
    try {
      // trimEnd: porcelain lines start with a status column that may be a space.
      return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trimEnd();
    } catch {
      return '';
    }
  };
  return {
    commit: git(['rev-parse', '--short', 'HEAD']),
    subject: git(['log', '-1', '--format=%s']).slice(0, 120),
    uncommitted: git(['status', '--porcelain', '--', 'apps', 'packages'])
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3)),
  };
}

/** Files under apps/ and packages/ that differ between two commits (empty if the server code is the same). */
export function serverFilesChanged(repo: string, from: string, to: string): string[] {
  if (!from || !to || from === to) return [];
  try {
    return execFileSync('git', ['diff', '--name-only', from, to, '--', 'apps', 'packages'], { cwd: repo, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** How HEAD moved during a run, and whether the server code the run measured is affected (for the reports). */
export function describeHeadMove(repo: string, from: string, to: string) {
  if (from === to) return '';
  const changed = serverFilesChanged(repo, from, to);
  return changed.length
    ? `; HEAD moved to ${to} during the run, changing ${changed.join(', ')} (servers started before that run the older code)`
    : `; HEAD moved to ${to} during the run, with no change under apps/ or packages/`;
}
