// What to tell someone who typed a command or flag azready does not have: the topic they were in,
// its commands, and the nearest names (`azready scna` → did you mean `azready scan`?). oclif's
// own message joins the words it could not place with colons, arguments included.

/** The message for the unknown command `id` (words joined by ':', as oclif gives it). */
export function unknownCommandMessage(id: string, commandIds: readonly string[], bin: string): string {
  const words = id.split(':').filter(Boolean);
  // The longest run of leading words that names a topic (a prefix of some command's id).
  let depth = 0;
  while (depth < words.length - 1 && commandIds.some((c) => c.startsWith(words.slice(0, depth + 1).join(':') + ':'))) depth++;
  const topic = words.slice(0, depth);
  const typed = words[depth] ?? '';
  // What can follow the topic: its commands and its sub-topics.
  const inTopic = depth === 0 ? commandIds : commandIds.filter((c) => c.startsWith(topic.join(':') + ':'));
  const names = [...new Set(inTopic.map((c) => c.split(':')[depth]))].sort();
  const near = nearest(typed, names);
  const where = depth === 0 ? `an ${bin} command` : `a command of '${[bin, ...topic].join(' ')}' (${names.join(', ')})`;
  const suggestion = near.length ? ` Did you mean ${near.map((n) => `'${[bin, ...topic, n].join(' ')}'`).join(' or ')}?` : '';
  return `'${typed}' is not ${where}.${suggestion} See '${[bin, ...topic].join(' ')} --help'.`;
}

/** Names a typo away from `typed` (one edit for short names, two for longer), or that it begins. */
export function nearest(typed: string, names: readonly string[]): string[] {
  const t = typed.toLowerCase();
  const limit = t.length <= 4 ? 1 : 2;
  return names
    .map((name) => ({ name, distance: editDistance(t, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= limit || (t.length >= 2 && name.toLowerCase().startsWith(t)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name);
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * oclif's "Nonexistent flag: --formt" with the nearest flags of the command
 * (`… Did you mean --format?`); `defined` are the command's long flag names.
 */
export function unknownFlagMessage(message: string, unknown: readonly string[], defined: readonly string[]): string {
  const suggestions = unknown.map((flag) => ({ flag: flag.replace(/=.*$/, ''), near: nearest(flag.replace(/^-+/, '').replace(/=.*$/, ''), defined).map((n) => `--${n}`) }));
  if (suggestions.every((s) => s.near.length === 0)) return message;
  const [first, ...rest] = message.split('\n');
  const hint =
    suggestions.length === 1
      ? `. Did you mean ${suggestions[0].near.join(' or ')}?`
      : ` (${suggestions
          .filter((s) => s.near.length)
          .map((s) => `${s.flag}: did you mean ${s.near.join(' or ')}?`)
          .join('; ')})`;
  return [first + hint, ...rest].join('\n');
}
