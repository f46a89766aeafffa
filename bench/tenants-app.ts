// N fully featured tenants as a cdk8s app, for `cdk8s synth` in the renderer comparison (N from BENCH_TENANTS).
import { App } from 'cdk8s';
import { addTenants } from './full-instance';

const app = new App();
addTenants(app, Number(process.env.BENCH_TENANTS ?? '1'));
app.synth();
