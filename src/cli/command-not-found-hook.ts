// oclif's command_not_found hook: an unknown command is a usage error (exit 2) that names the
// nearest commands instead of oclif's "command scna:x not found".
import { Errors, type Hook } from '@oclif/core';
import { unknownCommandMessage } from './suggest-command.js';

const hook: Hook<'command_not_found'> = async function (options) {
  const ids = options.config.commands.filter((c) => !c.hidden).map((c) => c.id);
  throw new Errors.CLIError(unknownCommandMessage(options.id, ids, options.config.bin), { exit: 2 });
};

export default hook;
