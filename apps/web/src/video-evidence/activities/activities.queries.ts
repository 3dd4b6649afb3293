import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';

/** R444-4 and point 12: the kinds of control activity, in the acts' order. */
export const ACTIVITY_TYPES = [
  'preventive_control_visit',
  'permit_compliance_check',
  'unscheduled_inspection',
  'administrative_offence',
  'investigation',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Activity {
  id: string;
  type: ActivityType;
  referenceNumber: string;
  subjectBin: string;
  subjectName: string;
  objectName: string;
  objectAddress: string;
  plannedStart: string;
  plannedEnd: string;
  inspectorIds: string[];
  retention: { years: number; coveredByPoint12: boolean };
  /** The assigned inspectors' names (an inspector cannot read the member list). */
  inspectors: { id: string; fullName: string }[];
}

export type NewActivity = Omit<Activity, 'id' | 'retention' | 'inspectors'>;

const key = (orgId: string) => ['organisations', orgId, 'activities'] as const;

/** An inspector gets the activities assigned to them; the others get the whole subdivision. */
export function useActivities(orgId: string) {
  const api = useApi();
  return useQuery({ queryKey: key(orgId), queryFn: () => api.get<Activity[]>(`/api/v1/organisations/${orgId}/activities`) });
}

export function useActivity(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'one', id],
    queryFn: () => api.get<Activity>(`/api/v1/organisations/${orgId}/activities/${id}`),
  });
}

export function useRegisterActivity(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewActivity) => api.post<Activity>(`/api/v1/organisations/${orgId}/activities`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId) }),
  });
}

/** "№ 27-ТП — «Шахтинская» шахтасы", how a person recognises an activity in a list. */
export const activityLabel = (a: Pick<Activity, 'referenceNumber' | 'objectName'>) => `${a.referenceNumber} — ${a.objectName}`;
