// The entry point of `npm run synth` (cdk8s.yaml): every example, one chart and one file each, in cdk8s.out/.
import { buildProduction } from './app';
import { buildDevQuickstart } from './dev-quickstart';
import { SupersetApp } from '../src';

const app = new SupersetApp();
buildProduction(app);
buildDevQuickstart(app);
app.synth();
