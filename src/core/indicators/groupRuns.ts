/**
 * Where each group's run starts when items are laid out by group (a counting
 * sort): group g's items go from `starts[g]` to `starts[g + 1] - 1`. Items of
 * group -1 are left out. The shared indexes lay out events, plans and
 * reviews this way, by child or by clock, with no list per group.
 */
export function groupRunStarts(groupOf: ArrayLike<number>, groups: number): Int32Array {
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] !== -1) starts[groupOf[i]! + 1]!++;
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
  return starts;
}
