import { withFindings, type Draft, type Stage } from '../../draft';
import type { ReviewContext } from '../../types';
import { sentenceBounds } from '../text';
import { findDiagnoses } from './diagnosis';
import { findPrescriptions } from './prescription';

/** Physicians carry authority, so only their words can read as a diagnosis or a prescription of the reader. */
export const clinical: Stage = (draft: Draft, context: ReviewContext): Draft => {
  if (context.authorRole !== 'physician') return draft;
  const sentences = sentenceBounds(draft.fold);
  return withFindings(draft, findDiagnoses(draft.fold, sentences).concat(findPrescriptions(draft.fold, sentences)));
};
