/** Prints precision and recall per finding kind on the labelled corpus; exits 1 below the goals. */
import { evaluate, formatReport, loadCorpus } from '../test/support/moderation-quality';

const report = evaluate(loadCorpus());
process.stdout.write(`${formatReport(report)}\n`);
process.exitCode = report.failures.length === 0 ? 0 : 1;
