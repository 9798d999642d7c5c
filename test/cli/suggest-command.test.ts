import { describe, expect, it } from 'vitest';
import { unknownCommandMessage, unknownFlagMessage } from '../../src/cli/suggest-command.js';
import { runCli } from './run-cli.js';

const IDS = ['scan', 'audit', 'init', 'resources', 'report:convert', 'report:diff', 'report:trend', 'rules:list', 'rules:show', 'policy:pull', 'policy:export'];

describe('unknownCommandMessage', () => {
  it('suggests the command a typo away, swapped letters included', () => {
    expect(unknownCommandMessage('scna:main.bicep', IDS, 'azready')).toBe("'scna' is not an azready command. Did you mean 'azready scan'? See 'azready --help'.");
  });

  it('suggests topics too, and every name the typed word begins', () => {
    expect(unknownCommandMessage('polcy:pull', IDS, 'azready')).toContain("Did you mean 'azready policy'?");
    expect(unknownCommandMessage('re', IDS, 'azready')).toContain("Did you mean 'azready report' or 'azready resources'?");
  });

  it('names the commands of the topic the user was in, arguments left out', () => {
    expect(unknownCommandMessage('report:progress:a.json:b.json', IDS, 'azready')).toBe("'progress' is not a command of 'azready report' (convert, diff, trend). See 'azready report --help'.");
    expect(unknownCommandMessage('rules:lst', IDS, 'azready')).toContain("Did you mean 'azready rules list'?");
  });

  it('suggests nothing for a word far from every command', () => {
    expect(unknownCommandMessage('deploy', IDS, 'azready')).toBe("'deploy' is not an azready command. See 'azready --help'.");
  });
});

describe('azready <unknown command>', () => {
  it('is a usage error (exit 2) that names the nearest command', () => {
    const r = runCli(['scna', 'main.bicep']);
    expect(r.status).toBe(2);
    expect(r.stderr.replace(/\s*›\s*/g, ' ')).toContain("'scna' is not an azready command. Did you mean 'azready scan'?");
    expect(r.stderr).not.toContain('scna:main.bicep');
  });

  it('help <command> shows the help of that command, as git help does', () => {
    const r = runCli(['help', 'rules', 'list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ azready rules list');
    const typo = runCli(['help', 'scna']);
    expect(typo.status).toBe(2);
    expect(typo.stderr.replace(/\s*›\s*/g, ' ')).toContain("Did you mean 'azready scan'?");
  });
});

describe('unknownFlagMessage', () => {
  const message = 'Nonexistent flag: --formt\nSee more help with --help';

  it('adds the nearest flags of the command', () => {
    expect(unknownFlagMessage(message, ['--formt'], ['format', 'output', 'fail-on'])).toBe('Nonexistent flag: --formt. Did you mean --format?\nSee more help with --help');
    expect(unknownFlagMessage('Nonexistent flags: --fail-om=high, --zzz', ['--fail-om=high', '--zzz'], ['fail-on'])).toBe('Nonexistent flags: --fail-om=high, --zzz (--fail-om: did you mean --fail-on?)');
  });

  it('leaves the message alone when no flag is near', () => {
    expect(unknownFlagMessage(message, ['--zzz'], ['format'])).toBe(message);
  });

  it('reaches the user of the CLI', () => {
    const r = runCli(['scan', '--formt', 'json', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr.replace(/\s*›\s*/g, ' ')).toContain('Nonexistent flag: --formt. Did you mean --format?');
  });
});
