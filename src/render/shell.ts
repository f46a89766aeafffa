import { CONFIG_MOUNT_PATH } from '../base/env-names';

/** ConfigMap key of the bootstrap script, next to `superset_config.py`. */
export const BOOTSTRAP_SCRIPT_KEY = 'superset_bootstrap.sh';

/** Where the bootstrap script is found inside the pod. */
export const BOOTSTRAP_SCRIPT_PATH = `${CONFIG_MOUNT_PATH}/${BOOTSTRAP_SCRIPT_KEY}`;

/** Quotes one argument for POSIX sh: single quotes, with each embedded `'` closed, emitted in `"…"`, reopened. */
export function shQuote(arg: string): string {
  return `'${arg.replace(/'/g, '\'"\'"\'')}'`;
}

/**
 * Makes a default command source the bootstrap script first. A `/bin/sh -c X …` command gets the `source` prepended
 * to X; any other command is exec'd from a new `/bin/sh -c` with every argument quoted. An empty or absent script
 * leaves the command unchanged.
 */
export function wrapWithBootstrap(command: string[], bootstrapScript: string | undefined): string[] {
  if (!bootstrapScript) return command;
  const source = `. ${shQuote(BOOTSTRAP_SCRIPT_PATH)};`;
  if (command.length >= 3 && command[0] === '/bin/sh' && command[1] === '-c') {
    return ['/bin/sh', '-c', `${source} ${command[2]}`, ...command.slice(3)];
  }
  return ['/bin/sh', '-c', `${source} exec ${command.map(shQuote).join(' ')}`];
}
