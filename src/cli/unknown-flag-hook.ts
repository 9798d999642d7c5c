// oclif's finally hook, run before oclif prints an error: a misspelled flag's message names the
// command's nearest flags ("Nonexistent flag: --formt. Did you mean --format?").
import type { Hook } from '@oclif/core';
import { unknownFlagMessage } from './suggest-command.js';

interface NonexistentFlags extends Error {
  flags: string[];
  parse?: { input?: { flags?: Record<string, { hidden?: boolean }> } };
}

function isNonexistentFlags(e: unknown): e is NonexistentFlags {
  return e instanceof Error && Array.isArray((e as Partial<NonexistentFlags>).flags) && /^Nonexistent flags?:/.test(e.message);
}

const hook: Hook<'finally'> = async function (options) {
  const error = options.error;
  if (!isNonexistentFlags(error)) return;
  const defined = Object.entries(error.parse?.input?.flags ?? {})
    .filter(([, f]) => !f.hidden)
    .map(([name]) => name);
  error.message = unknownFlagMessage(error.message, error.flags, defined);
};

export default hook;
