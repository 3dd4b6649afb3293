import { useMutation, useQuery } from '@tanstack/react-query';
import type { PcPosition } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';
import type { Appointment } from '../shared/pc.types.ts';

export function useAppointments(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'appointments'],
    queryFn: () => api.get<{ items: Appointment[] }>(`${pcBase(orgId)}/appointments`).then((r) => r.items),
  });
}

export interface AppointmentInput {
  personId: string;
  position: PcPosition;
  orderNumber: string;
  orderDate: string;
  facilityIds: string[];
  unitIds: string[];
  validFrom: string;
}

/** R315-3: the first head's order appointing an official. */
export function useAppoint(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (input: AppointmentInput) => api.post<Appointment>(`${pcBase(orgId)}/appointments`, input),
    onSuccess: invalidate,
  });
}

export function useEndAppointment(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; validTo: string; reason: string }) =>
      api.post<Appointment>(`${pcBase(orgId)}/appointments/${id}/end`, body),
    onSuccess: invalidate,
  });
}
