import type { RecordList } from '../extracts/recordList.js';

/** The values `valueOf` gives each child's records, by child, in record order (records it gives nothing for are left out). */
export function byChild<R extends { readonly child_id: string }, V>(records: RecordList<R>, valueOf: (record: R) => V | undefined): Map<string, V[]> {
  const values = new Map<string, V[]>();
  // An indexed loop: this runs over whole extracts, and an iterator may allocate per record.
  for (let i = 0; i < records.length; i++) {
    const record = records.at(i)!;
    const value = valueOf(record);
    if (value === undefined) continue;
    const list = values.get(record.child_id);
    if (list) list.push(value);
    else values.set(record.child_id, [value]);
  }
  return values;
}
