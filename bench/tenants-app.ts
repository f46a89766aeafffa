// N fully featured tenants as a cdk8s app, for `cdk8s synth` in the renderer comparison (N from BENCH_TENANTS),
// with cdk8s' App, or with SupersetApp when BENCH_APP=SupersetApp.
import { App } from 'cdk8s';
import { SupersetApp } from '../src';
import { addTenants } from './full-instance';

const app = process.env.BENCH_APP === 'SupersetApp' ? new SupersetApp() : new App();
addTenants(app, Number(process.env.BENCH_TENANTS ?? '1'));
app.synth();
