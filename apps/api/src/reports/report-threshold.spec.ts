import { QUEUE_PRIORITY } from '@asclepia/database';
import { reportOutcome } from './report-threshold';

describe('reportOutcome', () => {
  const sut = reportOutcome;

  it('queues content below the threshold without holding it', () => {
    expect(sut(1, 3)).toEqual({ hold: false, priority: QUEUE_PRIORITY.reported });
    expect(sut(2, 3)).toEqual({ hold: false, priority: QUEUE_PRIORITY.reported });
  });

  it('holds content once the threshold of reporters is reached, with held priority', () => {
    expect(sut(3, 3)).toEqual({ hold: true, priority: QUEUE_PRIORITY.held });
  });

  it('holds on the first report when the threshold is one', () => {
    expect(sut(1, 1).hold).toBe(true);
  });
});
