// The production example as a stand-alone app, for the end-to-end timing: process start, synthesis, YAML on disk.
import { buildProduction } from '../examples/app';
import { SupersetApp } from '../src';

const app = new SupersetApp();
buildProduction(app);
app.synth();
