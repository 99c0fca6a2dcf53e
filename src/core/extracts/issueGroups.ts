import type { FileQuality, Issue, IssueTable } from './issues.js';

/** Identical problems (same file, code, column and effect), counted, with the first of them. */
export interface IssueGroup {
  readonly file: string;
  readonly first: Issue;
  count: number;
}

/**
 * Groups issues as they come, in order of first appearance: memory grows with
 * the number of distinct problems, not with the number of rows that have them.
 */
export class IssueGroups {
  private readonly groups = new Map<string, IssueGroup>();

  /** The groups of the issues the files list, plus those counted past the listing cap. */
  static of(files: readonly FileQuality[]): IssueGroups {
    const grouped = new IssueGroups();
    for (const f of files) {
      for (const issue of f.issues) grouped.add(issue, f);
      // Issues past the cap keep only their code: they join that code's first group in the file.
      for (const [code, n] of Object.entries(f.issuesNotListed)) {
        const group = grouped.list().find((g) => g.file === f.file && g.first.code === code);
        if (group) group.count += n;
      }
    }
    return grouped;
  }

  readonly add = (issue: Issue, table: IssueTable): void => {
    const key = `${table.file}\u0000${issue.code}\u0000${issue.column ?? ''}\u0000${issue.scope}`;
    const group = this.groups.get(key);
    if (group) group.count++;
    else this.groups.set(key, { file: table.file, first: issue, count: 1 });
  };

  list(): IssueGroup[] {
    return [...this.groups.values()];
  }
}
