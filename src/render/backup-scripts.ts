import { mysqlFunction, pgFunction, TARGET } from './database-scripts';
import type { DatabaseType } from '../spec';

/*
 * The backup job's shell scripts (POSIX sh: they run under dash and busybox). Like the other database scripts they
 * hold no name, key or password: the metastore's come from the SUPERSET_OPERATOR__DB_* variables, passwords reach
 * the clients only through PGPASSWORD / MYSQL_PWD, and the backup's settings are read from these variables:
 *
 * - BACKUP_DIR: where the dump is written (the claim, or an emptyDir the upload reads).
 * - BACKUP_NAME: the instance; dumps are `<BACKUP_NAME>-<YYYYMMDDTHHMMSSZ>.<ext>`, so lexical order is time order.
 * - BACKUP_KEEP: how many dumps to keep.
 * - BACKUP_BUCKET, BACKUP_PREFIX: the S3 destination (the object key is the prefix then the file name).
 *
 * Retention only ever considers names of exactly that form, so other files (another instance's dumps in a shared
 * claim or prefix, whose name cannot have a digit-only timestamp after ours) are never deleted. A dump counts only
 * once it has been read back in full; it is written under a temporary name and renamed, so a failed run leaves no
 * file that retention would count.
 */

/** File name extension of a dump. */
export function dumpExtension(type: DatabaseType): string {
  return type === 'MySQL' ? 'sql' : 'dump';
}

/** The shell glob of the dumps retention considers (after the quoted `"$BACKUP_NAME"-`). */
function stampGlob(type: DatabaseType): string {
  return `[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z.${dumpExtension(type)}`;
}

const HEADER = [
  'set -eu',
  // Globs and sort then order by bytes, whatever the image's locale.
  'export LC_ALL=C',
];

function dumpLines(type: DatabaseType): string[] {
  const name = `file="$BACKUP_NAME-$(date -u +%Y%m%dT%H%M%SZ).${dumpExtension(type)}"`;
  // pg_dump and mysqldump leave a file behind even when they fail: whatever ends the run removes it.
  const partial = ['partial="$BACKUP_DIR/.$file.partial"', 'trap \'rm -f "$partial"\' EXIT'];
  if (type === 'MySQL') {
    return [
      mysqlFunction('target', TARGET),
      name,
      ...partial,
      // The database after `--`: a name starting with `-` is not an option.
      'target mysqldump --single-transaction --routines --triggers --events --hex-blob --no-tablespaces '
        + `--result-file="$partial" -- ${TARGET.database}`,
      // mysqldump ends a complete dump with this comment; a cut-off one lacks it.
      'if ! tail -n 1 "$partial" | grep -q \'^-- Dump completed\'; then',
      '  echo "backup: the dump of $SUPERSET_OPERATOR__DB_NAME is incomplete" >&2',
      '  exit 1',
      'fi',
      'mv "$partial" "$BACKUP_DIR/$file"',
    ];
  }
  return [
    pgFunction('target', TARGET),
    name,
    ...partial,
    'target pg_dump -Fc -f "$partial"',
    // Reads every data block back: a truncated archive fails here (a table-of-contents listing would not).
    'if ! pg_restore -f /dev/null "$partial"; then',
    '  echo "backup: the dump of $SUPERSET_OPERATOR__DB_NAME does not read back" >&2',
    '  exit 1',
    'fi',
    'mv "$partial" "$BACKUP_DIR/$file"',
  ];
}

/**
 * Dumps the metastore into `$BACKUP_DIR`, verified. With `prune` (a claim as destination) it then deletes all but
 * the newest `$BACKUP_KEEP` dumps of the instance there.
 */
export function backupDumpScript(type: DatabaseType, prune: boolean): string {
  return [
    ...HEADER,
    ...dumpLines(type),
    'echo "backup: wrote $file"',
    ...prune ? [
      `set -- "$BACKUP_DIR/$BACKUP_NAME"-${stampGlob(type)}`,
      // An unmatched glob stays as written.
      '[ -e "$1" ] || shift',
      'while [ "$#" -gt "$BACKUP_KEEP" ]; do',
      '  rm -f "$1"',
      '  echo "backup: deleted ${1##*/}"',
      '  shift',
      'done',
    ] : [],
  ].join('\n');
}

/** The AWS CLI's path-style addressing, through a config file in HOME, when BACKUP_PATH_STYLE is true. */
const PATH_STYLE = [
  'if [ "${BACKUP_PATH_STYLE:-}" = true ]; then',
  '  printf \'[default]\\ns3 =\\n  addressing_style = path\\n\' > "$HOME/aws-config"',
  '  export AWS_CONFIG_FILE="$HOME/aws-config"',
  'fi',
];

/**
 * Uploads the one dump in `$BACKUP_DIR` to `s3://$BACKUP_BUCKET/$BACKUP_PREFIX<file>` with the AWS CLI, then lists
 * the instance's dumps under the prefix and deletes all but the newest `$BACKUP_KEEP`. A failed upload or listing
 * fails the run before anything is deleted. Bucket, prefix and keys stay inside double quotes: data, never options
 * or words.
 */
export function backupUploadScript(type: DatabaseType): string {
  return [
    ...HEADER,
    `set -- "$BACKUP_DIR/$BACKUP_NAME"-${stampGlob(type)}`,
    'if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "backup: expected one dump in $BACKUP_DIR" >&2; exit 1; fi',
    'file=${1##*/}',
    ...PATH_STYLE,
    'aws s3 cp --only-show-errors "$1" "s3://$BACKUP_BUCKET/$BACKUP_PREFIX$file"',
    'echo "backup: uploaded $file"',
    'start="$BACKUP_PREFIX$BACKUP_NAME-"',
    // One key per line; a failed listing stops the run here (set -e), before anything is deleted.
    'keys=$(aws s3api list-objects-v2 --bucket "$BACKUP_BUCKET" --prefix "$start" --query \'Contents[].[Key]\' --output text)',
    'old=$(printf \'%s\\n\' "$keys" | while IFS= read -r key; do',
    '  case ${key#"$start"} in',
    `    ${stampGlob(type)}) [ "$key" = "$start\${key#"$start"}" ] && printf '%s\\n' "$key" ;;`,
    '  esac',
    'done | sort -r | tail -n +"$((BACKUP_KEEP + 1))")',
    '[ -n "$old" ] || exit 0',
    'printf \'%s\\n\' "$old" | while IFS= read -r key; do',
    '  aws s3 rm --only-show-errors "s3://$BACKUP_BUCKET/$key"',
    '  echo "backup: deleted $key"',
    'done',
  ].join('\n');
}

/** Downloads the dump `$RESTORE_DUMP` (a validated file name) from the bucket into `$BACKUP_DIR` for a restore. */
export function restoreDownloadScript(): string {
  return [
    ...HEADER,
    ...PATH_STYLE,
    'aws s3 cp --only-show-errors "s3://$BACKUP_BUCKET/$BACKUP_PREFIX$RESTORE_DUMP" "$BACKUP_DIR/$RESTORE_DUMP"',
    'echo "restore: downloaded $RESTORE_DUMP"',
  ].join('\n');
}

/**
 * Restores `$BACKUP_DIR/$RESTORE_DUMP` over the metastore. PostgreSQL: pg_restore drops and recreates the dump's
 * objects in one transaction (all or nothing); objects the dump does not have are left alone. pg_restore takes its
 * target only as `-d`, where libpq would expand a database name that looks like a connection string, so `-d` is a
 * connection string naming nothing but the application, and the database comes from PGDATABASE. MySQL: the dump's
 * statements (each table dropped and recreated) run in the metastore database.
 */
export function restoreScript(type: DatabaseType): string {
  const restore = type === 'MySQL'
    ? [mysqlFunction('target', TARGET), `target mysql --database=${TARGET.database} < "$file"`]
    : [pgFunction('target', TARGET),
      'target pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error -d \'application_name=superset-restore\' "$file"'];
  return [
    ...HEADER,
    'file="$BACKUP_DIR/$RESTORE_DUMP"',
    'if [ ! -f "$file" ]; then echo "restore: no backup $RESTORE_DUMP" >&2; exit 1; fi',
    ...restore,
    'echo "restore: restored $RESTORE_DUMP into $SUPERSET_OPERATOR__DB_NAME"',
  ].join('\n');
}
