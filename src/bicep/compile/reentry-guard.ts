// Compiling a name or a loop source that reads its own declaration would recurse forever; the
// compiler keeps a stack of what it is compiling and reports such a cycle instead.

/**
 * `run()` with `key` on `stack`, unless `key` is already there: then `onCycle()` (which reports
 * the cycle and gives a placeholder). A stack, not a set: a set would rehash as it grows and
 * shrinks.
 */
export function unlessCompiling<K, T>(stack: K[], key: K, onCycle: () => T, run: () => T): T {
  if (stack.includes(key)) return onCycle();
  stack.push(key);
  try {
    return run();
  } finally {
    stack.pop();
  }
}
