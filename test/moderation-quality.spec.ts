import { evaluate, formatReport, GOALS, loadCorpus, type QualityReport } from './support/moderation-quality';

describe('moderation quality on the labelled corpus', () => {
  let report: QualityReport;

  beforeAll(() => {
    report = evaluate(loadCorpus());
    process.stdout.write(`${formatReport(report)}\n`);
  });

  it('has a corpus of labelled items to judge by', () => {
    expect(report.items).toBeGreaterThanOrEqual(120);
  });

  it('removes at least 98% of personal health identifiers', () => {
    expect(report.phiRecall.rate).toBeGreaterThanOrEqual(GOALS.phiRecall);
  });

  it('keeps at least 95% of the medical text', () => {
    expect(report.medicalKept.rate).toBeGreaterThanOrEqual(GOALS.medicalKept);
  });

  it('holds at least 90% of diagnostic or prescriptive physician texts', () => {
    expect(report.physicianHeld.total).toBeGreaterThanOrEqual(40);
    expect(report.physicianHeld.rate).toBeGreaterThanOrEqual(GOALS.physicianHeld);
  });

  it('publishes at least 90% of general physician texts', () => {
    expect(report.physicianGeneralPublished.total).toBeGreaterThanOrEqual(40);
    expect(report.physicianGeneralPublished.rate).toBeGreaterThanOrEqual(GOALS.physicianGeneralPublished);
  });

  it('catches every crisis', () => {
    expect(report.crisisCaught.total).toBeGreaterThanOrEqual(20);
    expect(report.crisisCaught.rate).toBe(GOALS.crisisCaught);
  });

  it('raises at most one false crisis alarm in 20 negatives', () => {
    expect(report.crisisFalseAlarms.rate).toBeLessThanOrEqual(GOALS.crisisFalseAlarmRate);
  });
});
