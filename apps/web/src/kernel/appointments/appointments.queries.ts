import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';

export type AppointmentKind = 'primary' | 'deputy';

export interface Appointment {
  id: string;
  personId: string;
  personName: string;
  kind: AppointmentKind;
  orderNumber: string;
  orderDate: string;
  validFrom: string;
  validTo: string | null;
  endReason: string | null;
  appointedBy: string;
  createdAt: string;
}

export interface NewAppointment {
  personId: string;
  kind: AppointmentKind;
  orderNumber: string;
  orderDate: string;
  validFrom: string;
  validTo?: string | null;
}

const key = (orgId: string) => ['organisations', orgId, 'appointments'] as const;

/** R444-6: the history of appointments of the responsible person, newest first. */
export function useAppointments(orgId: string) {
  const api = useApi();
  return useQuery({ queryKey: key(orgId), queryFn: () => api.get<Appointment[]>(`/api/v1/organisations/${orgId}/appointments`) });
}

export function useAppoint(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAppointment) => api.post<{ id: string }>(`/api/v1/organisations/${orgId}/appointments`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(orgId) });
      void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'members'] });
    },
  });
}

export function useEndAppointment(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; validTo: string; reason: string }) =>
      api.post<{ ok: true }>(`/api/v1/organisations/${orgId}/appointments/${id}/end`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(orgId) });
      void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'members'] });
    },
  });
}
