// The production example as a stand-alone app, for the end-to-end timing: process start, synthesis, YAML on disk.
import { App } from 'cdk8s';
import { buildProduction } from '../examples/app';

const app = new App();
buildProduction(app);
app.synth();
