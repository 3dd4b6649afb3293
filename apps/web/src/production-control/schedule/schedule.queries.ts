import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';
import type { Schedule, ScheduleItem } from '../shared/pc.types.ts';

export function useSchedules(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'schedules'],
    queryFn: () => api.get<{ items: Schedule[] }>(`${pcBase(orgId)}/schedules`).then((r) => r.items),
  });
}

export function useSchedule(orgId: string, id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'schedules', id],
    queryFn: () => api.get<Schedule & { items: ScheduleItem[] }>(`${pcBase(orgId)}/schedules/${id}`),
    enabled: !!id,
  });
}

export function useDashboard(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'dashboard'],
    queryFn: () => api.get<{ facilities: number; dueSoon: number; overdue: number }>(`${pcBase(orgId)}/dashboard`),
  });
}

export function useOverdue(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'overdue'],
    queryFn: () => api.get<{ items: ScheduleItem[] }>(`${pcBase(orgId)}/schedule/overdue`).then((r) => r.items),
  });
}

export interface ItemInput {
  facilityId: string;
  unitId: string | null;
  kind: 'scheduled' | 'comprehensive';
  plannedOn: string;
  checklistId: string;
  responsibleOfficialId: string;
}

/** Starting a year, adding/changing/removing lines, approval (first head), a new revision. */
export function useScheduleActions(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  const m = <A>(fn: (a: A) => Promise<unknown>) => ({ mutationFn: fn, onSuccess: invalidate });
  const b = pcBase(orgId);
  return {
    create: useMutation(m((year: number) => api.post<Schedule>(`${b}/schedules`, { year }))),
    addItem: useMutation(
      m(({ scheduleId, ...input }: ItemInput & { scheduleId: string }) =>
        api.post<ScheduleItem>(`${b}/schedules/${scheduleId}/items`, input),
      ),
    ),
    removeItem: useMutation(
      m(({ scheduleId, itemId }: { scheduleId: string; itemId: string }) => api.delete(`${b}/schedules/${scheduleId}/items/${itemId}`)),
    ),
    approve: useMutation(m((scheduleId: string) => api.post<Schedule>(`${b}/schedules/${scheduleId}/approve`))),
    revise: useMutation({
      mutationFn: (scheduleId: string) => api.post<Schedule>(`${b}/schedules/${scheduleId}/revisions`),
      onSuccess: invalidate,
    }),
  };
}

export const printUrl = (orgId: string, scheduleId: string, lang: 'kk' | 'ru') =>
  `${pcBase(orgId)}/schedules/${scheduleId}/print.pdf?lang=${lang}`;
