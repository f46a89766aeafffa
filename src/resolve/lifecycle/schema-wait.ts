import { lifecycleDelivery, taskEnabled } from './task-types';
import { PYTHON_COMPONENTS, SPEC_FIELD } from '../../base/component-types';
import { CONFIG_FILES } from '../../base/config-files';
import { CONFIG_MOUNT_PATH } from '../../base/env-names';
import type { Labels } from '../../base/labels';
import { SCHEMA_WAIT_CONTAINER } from '../../base/task-types';
import { wrapWithBootstrap } from '../../render/shell';
import type { SupersetSpec } from '../../spec';
import type { ComponentExtension, InitStep } from '../extensions';
/**
 * Waits until the metastore's schema is at the head revision of the Superset image it runs in, then exits 0.
 *
 * - The database URI and engine options come from `superset_config` (or `SUPERSET_CONFIG_PATH`), loaded the way
 *   Superset loads it, so the check connects exactly where Superset will. Only options that do not size a pool are
 *   kept, and the engine uses NullPool.
 * - The image's head revisions are read from `superset/migrations/versions` with `ast`, without importing the
 *   migration modules or creating the Superset app (both would need a Flask app): a head is a `revision` that no
 *   file names as its `down_revision`, which is how Alembic defines it. Loading `superset_config` does import what
 *   it imports, such as the `superset` package for `superset.stats_logger` when the StatsD exporter is on.
 * - The database's revisions are the rows of `alembic_version`. The wait ends when both sets are equal. A missing
 *   table or an unreachable database means "not yet"; a revision the image does not know (a newer Superset migrated
 *   the database) keeps waiting too, with a message that says so. Each new state is printed once; the URI never is.
 */
export const SCHEMA_WAIT_SCRIPT = `import ast
import importlib.util
import os
import sys
import time

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

INTERVAL_SECONDS = 5


def load_config():
    path = os.environ.get("SUPERSET_CONFIG_PATH")
    spec = importlib.util.spec_from_file_location("superset_config", path) if path else importlib.util.find_spec("superset_config")
    if spec is None:
        sys.exit("wait-for-migrations: no superset_config module on the PYTHONPATH")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assigned(tree, name):
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            return ast.literal_eval(node.value)
    return None


def image_revisions():
    package = importlib.util.find_spec("superset")
    versions = os.path.join(os.path.dirname(package.origin), "migrations", "versions")
    revisions, parents = set(), set()
    for file in sorted(os.listdir(versions)):
        if not file.endswith(".py"):
            continue
        with open(os.path.join(versions, file), encoding="utf-8") as source:
            tree = ast.parse(source.read(), file)
        revision = assigned(tree, "revision")
        if revision is None:
            continue
        down = assigned(tree, "down_revision")
        revisions.add(revision)
        parents.update(down if isinstance(down, (list, tuple)) else [down] if down else [])
    return revisions, revisions - parents


def database_revisions(engine):
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}


def listed(revisions):
    return ", ".join(sorted(revisions)) or "no revision"


config = load_config()
uri = getattr(config, "SQLALCHEMY_DATABASE_URI", None)
if not uri:
    sys.exit("wait-for-migrations: superset_config defines no SQLALCHEMY_DATABASE_URI")
options = getattr(config, "SQLALCHEMY_ENGINE_OPTIONS", None) or {}
options = {key: value for key, value in options.items() if not key.startswith("pool") and key != "max_overflow"}
engine = create_engine(uri, poolclass=NullPool, **options)
known, heads = image_revisions()
last = None
while True:
    try:
        current = database_revisions(engine)
    except Exception as error:
        reason = (str(error).splitlines() or [type(error).__name__])[0][:300]
        status = "waiting: cannot read the metastore revision yet (" + reason + ")"
    else:
        if current == heads:
            print("wait-for-migrations: the metastore is at the head revision " + listed(heads), flush=True)
            break
        if current - known:
            status = ("waiting: the metastore is at " + listed(current) + ", which this image does not know; "
                      + "a newer Superset migrated it, so run the image that did or downgrade the database")
        else:
            status = "waiting for migrations: the metastore is at " + listed(current) + ", this image needs " + listed(heads)
    if status != last:
        print("wait-for-migrations: " + status, flush=True)
        last = status
    time.sleep(INTERVAL_SECONDS)
`;

/** The program's file, which every waiting pod of an instance reads from the shared files on its PYTHONPATH. */
export const SCHEMA_WAIT_FILES: Labels = { [CONFIG_FILES.schemaWait]: SCHEMA_WAIT_SCRIPT };

/**
 * The step that waits for migrations, sourcing the bootstrap script first (it may install the database driver).
 * Run as a file from the PYTHONPATH folder, which is then first on `sys.path`, so `superset_config` is found even
 * without PYTHONPATH.
 */
export function schemaWaitStep(bootstrapScript: string | undefined): InitStep {
  return { name: SCHEMA_WAIT_CONTAINER, command: wrapWithBootstrap(['python', `${CONFIG_MOUNT_PATH}/${CONFIG_FILES.schemaWait}`], bootstrapScript) };
}

/**
 * With `Plain` delivery nothing orders the Jobs before the Deployments, so pods wait for migrations themselves. Only
 * when this instance runs them: with migrate disabled, schema upgrades are someone else's business.
 */
export function schemaWaitApplies(spec: SupersetSpec): boolean {
  return lifecycleDelivery(spec) === 'Plain' && taskEnabled(spec, 'migrate');
}

/** Python components wait for migrations before they start (`Plain` delivery). */
export const schemaWaitExtension: ComponentExtension = (component, spec) => {
  if (!PYTHON_COMPONENTS.includes(component) || !schemaWaitApplies(spec)) return {};
  const own = spec[SPEC_FIELD[component]] as { readonly bootstrapScript?: string } | undefined;
  return { initSteps: [schemaWaitStep(own?.bootstrapScript ?? spec.bootstrapScript)], files: SCHEMA_WAIT_FILES };
};
