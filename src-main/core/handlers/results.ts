import type { NamespaceHandlers } from '../api/handlers';
import type { PollBook } from '../domain/poll-book';
import { pollResults } from '../domain/poll-results';
import type { ResponseBook } from '../domain/response-book';
import { KerroError } from '../errors';
import type { ExportStatus } from './export-status';

export interface ResultDependencies {
  polls: PollBook;
  responses: ResponseBook;
  exports: ExportStatus;
}

/** Live results of one poll, every version of it, for the staff area. */
export function resultHandlers(dependencies: ResultDependencies): NamespaceHandlers<'results'> {
  const { polls, responses, exports } = dependencies;
  return {
    'results.poll': async (input) => {
      const latest = polls.latest(input.pollId);
      if (latest === undefined) throw new KerroError('not_found', 'No such poll');
      const versions = Array.from({ length: latest.version }, (_, index) => polls.find(latest.id, index + 1)).filter(
        (poll) => poll !== undefined,
      );
      const source = {
        days: responses.tally.daysOf(latest.id, input.from, input.to),
        commentedNewestFirst: responses.commentedNewestFirst(latest.id, input.from, input.to),
      };
      return pollResults(versions, latest, source, input, {
        unexported: exports.unexported(),
        lastExportAt: exports.lastExportAt(),
      });
    },
  };
}
