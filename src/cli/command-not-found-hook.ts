// oclif's command_not_found hook: `azready help scan` shows scan's help (as `git help` does; oclif
// has no help command without a plugin), and any other unknown command is a usage error (exit 2)
// that names the nearest commands instead of oclif's "command scna:x not found".
import { Errors, Help, type Hook } from '@oclif/core';
import { unknownCommandMessage } from './suggest-command.js';

const hook: Hook<'command_not_found'> = async function (options) {
  const ids = options.config.commands.filter((c) => !c.hidden).map((c) => c.id);
  const words = options.id.split(':');
  if (words[0] === 'help') {
    const subject = [...words.slice(1), ...(options.argv ?? [])];
    const known = subject.length === 0 || ids.some((c) => c === subject.join(':') || c.startsWith(subject.join(':') + ':'));
    if (known) return new Help(options.config).showHelp(subject);
    throw new Errors.CLIError(unknownCommandMessage(subject.join(':'), ids, options.config.bin), { exit: 2 });
  }
  throw new Errors.CLIError(unknownCommandMessage(options.id, ids, options.config.bin), { exit: 2 });
};

export default hook;
