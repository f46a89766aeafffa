import { developmentOnly, environmentNote, fromStore, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import { missing, violation } from '../violations';

/** CEL: the demo admin user only in Development. */
export const adminUserDevelopmentOnly: Rule = (props) => developmentOnly(props, 'lifecycle.init.adminUser',
  props.lifecycle?.init?.adminUser, 'lifecycle.init.adminUser is only allowed when environment is Development',
  'create administrators another way outside Development');

/** CEL: example data only in Development (even `loadExamples: false` is refused elsewhere). */
export const loadExamplesDevelopmentOnly: Rule = (props) => developmentOnly(props, 'lifecycle.init.loadExamples',
  props.lifecycle?.init?.loadExamples, 'lifecycle.init.loadExamples is only allowed when environment is Development',
  'remove it');

/** CEL: a custom init command replaces the steps that create the admin user and load examples. */
export const initCommandExcludesAdminUser: Rule = (props) => {
  const init = props.lifecycle?.init;
  const command = init?.command;
  const demo = isSet(init?.adminUser) || isSet(init?.loadExamples);
  if (!Array.isArray(command) || command.length === 0 || !demo) return [];
  return [violation('lifecycle.init.command',
    'init.command is mutually exclusive with init.adminUser and init.loadExamples', command,
    'remove command, or remove adminUser and loadExamples')];
};

function seedEnabled(props: Parameters<Rule>[0]): boolean {
  const seed = props.lifecycle?.seed;
  return isSet(seed) && seed?.disabled !== true;
}

/**
 * Beyond the operator, which sequences the tasks itself: the seed must run before migrate, rotate and init, which
 * hook delivery runs before anything else on every sync or upgrade, and it cannot be a hook itself, since it would
 * then drop the metastore every time. Only `Plain` delivery runs it once per change, followed by the other tasks.
 */
export const seedNeedsPlainDelivery: Rule = (props) => {
  const delivery = props.lifecycle?.delivery;
  if (props.lifecycle?.disabled === true || !seedEnabled(props) || (delivery !== 'ArgoCD' && delivery !== 'Helm')) return [];
  return [violation('lifecycle.delivery', `lifecycle.seed needs Plain delivery: ${delivery} delivery runs migrate, `
    + 'rotate and init as hooks before any other object on every sync, so before the seed replaces the metastore and '
    + 'wipes what they did, and the seed cannot be such a hook since it would drop the metastore every time', delivery,
  'remove lifecycle.delivery (Plain works with Argo CD and Helm too), or remove lifecycle.seed or set '
    + 'lifecycle.seed.disabled: true')];
};

/** CEL: seeding drops the metastore, so never in Production. */
export const seedDevelopmentOrStaging: Rule = (props) => {
  const env = props.environment;
  if (!seedEnabled(props) || env === 'Development' || env === 'Staging') return [];
  return [violation('lifecycle.seed', 'lifecycle.seed is only allowed when environment is Development or Staging; '
    + `seeding performs a destructive DROP DATABASE on the target metastore (${environmentNote(props)})`,
  props.lifecycle?.seed, 'remove lifecycle.seed or set lifecycle.seed.disabled: true')];
};

/** CEL: the inline seed source password only in Development. */
export const seedSourcePasswordDevelopmentOnly: Rule = (props) => developmentOnly(props,
  'lifecycle.seed.source.password', props.lifecycle?.seed?.source?.password,
  'lifecycle.seed.source.password is only allowed when environment is Development',
  'use lifecycle.seed.source.passwordFrom in Staging');

/** CEL: the seed source has exactly one of `password` and `passwordFrom`. */
export const seedSourcePasswordExactlyOne: Rule = (props) => {
  const source = props.lifecycle?.seed?.source;
  if (!isSet(source) || typeof source !== 'object') return [];
  const inline = isSet(source.password);
  if (inline !== isSet(source.passwordFrom)) return [];
  return inline
    ? [violation('lifecycle.seed.source', 'password and passwordFrom are mutually exclusive',
      pickSet(source, ['password', 'passwordFrom']), 'remove one')]
    : [missing('lifecycle.seed.source.passwordFrom', 'one of password or passwordFrom must be set',
      'reference the source database password in a Secret')];
};

/** CEL: seeding needs the structured metastore form, to know where to copy to (`devDependencies` provides one). */
export const seedRequiresStructuredMetastore: Rule = (props) =>
  seedEnabled(props) && !isSet(props.metastore?.host) && !isSet(props.devDependencies)
    ? [missing('metastore.host', 'lifecycle.seed requires structured metastore configuration (host must be set)',
      'set metastore.host, database, username and passwordFrom instead of a URI')]
    : [];

/** CEL: re-encrypting secrets needs the previous key. */
export const rotateRequiresPreviousSecretKey: Rule = (props) => {
  const rotate = props.lifecycle?.rotate;
  const enabled = isSet(rotate) && rotate?.disabled !== true;
  // `externalSecrets.previousSecretKey` fills in previousSecretKeyFrom.
  return enabled && !isSet(props.previousSecretKey) && !isSet(props.previousSecretKeyFrom) && !fromStore(props, 'previousSecretKey')
    ? [violation('lifecycle.rotate',
      'lifecycle.rotate requires previousSecretKey (dev) or previousSecretKeyFrom to be set', rotate,
      'set previousSecretKeyFrom or externalSecrets.previousSecretKey, or remove lifecycle.rotate')]
    : [];
};

/** Beyond the operator: the seed's tools copy between two databases of the same engine. */
export const seedSourceMatchesMetastore: Rule = (props) => {
  const source = props.lifecycle?.seed?.source?.type ?? 'PostgreSQL';
  const target = props.devDependencies ? 'PostgreSQL' : props.metastore?.type ?? 'PostgreSQL';
  return seedEnabled(props) && source !== target
    ? [violation('lifecycle.seed.source.type', `must match the metastore's engine, ${target}: the seed pipes one `
      + 'engine\'s dump into the same engine', source, `copy from a ${target} database`)]
    : [];
};

/** Beyond the operator, which drops it: each task has its own command, so the pod template's would be ignored. */
export const taskTemplateHasNoCommand: Rule = (props) => {
  const templates = [
    ['lifecycle.podTemplate', props.lifecycle?.podTemplate],
    ['lifecycle.seed.podTemplate', props.lifecycle?.seed?.podTemplate],
  ] as const;
  return templates.filter(([, template]) => isSet(template?.container?.command)).map(([path, template]) =>
    violation(`${path}.container.command`, 'lifecycle tasks do not take a command from a pod template',
      template?.container?.command, 'set the command of the task instead, for example lifecycle.migrate.command'));
};

export const LIFECYCLE_RULES: readonly Rule[] = [
  adminUserDevelopmentOnly, loadExamplesDevelopmentOnly, initCommandExcludesAdminUser, seedDevelopmentOrStaging,
  seedSourcePasswordDevelopmentOnly, seedSourcePasswordExactlyOne, seedRequiresStructuredMetastore,
  rotateRequiresPreviousSecretKey, seedSourceMatchesMetastore, taskTemplateHasNoCommand, seedNeedsPlainDelivery,
];
