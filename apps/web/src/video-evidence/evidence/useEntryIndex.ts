import { useQueries } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { useJournals } from '../journal/journal.queries.ts';
import type { JournalRow } from '../journal/journal.types.ts';

/** Journal rows of every book by id, so a finding can name its entry, recorder and inspector (same cache as the journal page). */
export function useEntryIndex(orgId: string, enabled = true) {
  const api = useApi();
  const journals = useJournals(orgId);
  const books = enabled ? (journals.data ?? []) : [];
  const results = useQueries({
    queries: books.map((j) => ({
      queryKey: ['organisations', orgId, 'journal', 'entries', j.id],
      queryFn: () => api.get<JournalRow[]>(`/api/v1/organisations/${orgId}/journals/${j.id}/entries`),
    })),
  });
  const index = new Map<string, JournalRow>();
  for (const r of results) for (const e of r.data ?? []) index.set(e.id, e);
  return index;
}
