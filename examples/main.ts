// The entry point of `npm run synth` (cdk8s.yaml): every example, one chart and one file each, in cdk8s.out/.
import { App } from 'cdk8s';
import { buildProduction } from './app';
import { buildDevQuickstart } from './dev-quickstart';

const app = new App();
buildProduction(app);
buildDevQuickstart(app);
app.synth();
