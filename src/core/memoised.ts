/** Memoises what is built from an object (an index, a lookup) on that object: built once, dropped with it. */
export function memoised<T extends object, R>(build: (source: T) => R): (source: T) => R {
  const cache = new WeakMap<T, R>();
  return (source) => {
    let value = cache.get(source);
    if (value === undefined) {
      value = build(source);
      cache.set(source, value);
    }
    return value;
  };
}
