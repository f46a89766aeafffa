#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dashboardCommand, parseDashboardOptions } from './dashboard-command';
import { krmCommand } from './krm-command';
import { parseRenderOptions, USAGE, UsageError } from './options';
import { type CommandIo, EXIT, renderCommand } from './render-command';
import { SupersetValidationError } from '../base/errors';

/** The package version, for `--version`. */
function version(): string {
  // lib/src/cli/main.js and src/cli/main.ts are both three levels below the package root.
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

/** Runs the command line `args` and returns its exit code. */
export function run(args: readonly string[], io: CommandIo): number {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'render':
        return renderCommand(parseRenderOptions(rest), io);
      case 'dashboard':
        return dashboardCommand(parseDashboardOptions(rest), io);
      case 'krm':
        if (rest.length > 0) throw new UsageError(`krm takes no arguments; its options come in the functionConfig, got ${rest.join(' ')}`);
        return krmCommand(io);
      case '--version':
        io.stdout(`${version()}\n`);
        return EXIT.ok;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return EXIT.ok;
      default:
        throw new UsageError(command === undefined ? 'a command is required' : `unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cdk8s-superset: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof SupersetValidationError) {
      io.stderr(`${error.message}\n`);
      return EXIT.invalid;
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    io.stderr(`cdk8s-superset: internal error, a defect of cdk8s-superset (please report it):\n${detail}\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    readStdin: () => readFileSync(0, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
