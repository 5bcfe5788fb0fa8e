/**
 * `fields` plus a property `key` computed on first read and kept: the front
 * ends convert most expressions only when a rule asks, and rules run while
 * the file's tree is alive.
 */
export function withLazy<T extends object, K extends string, V>(fields: T, key: K, compute: () => V): T & Record<K, V> {
  let value: V | undefined;
  let done = false;
  return Object.defineProperty(fields, key, {
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
    enumerable: true,
  }) as T & Record<K, V>;
}
