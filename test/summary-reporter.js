// Jest reporter: prints and records the plain closing line that the workplace CI reads.
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `Tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    fs.mkdirSync('test-reports', { recursive: true });
    fs.writeFileSync('test-reports/summary.txt', line + '\n');
    process.stdout.write(line + '\n');
  }
}

module.exports = SummaryReporter;
