import { useMemo } from 'react';
import { activityLabel, useActivities, type Activity } from '../activities/activities.queries.ts';
import { useMembers, type Member } from '../../kernel/members/members.queries.ts';

/**
 * Pickers for the counter: inspectors of the chosen activity, and activities of the chosen inspector,
 * each narrowing the other; running and coming activities first.
 */
export function useCounterOptions(orgId: string, inspectorId: string | null, activityId: string | null) {
  const members = useMembers(orgId);
  const activities = useActivities(orgId);
  return useMemo(() => {
    const inspectors: Member[] = (members.data ?? []).filter((m) => !m.disabled && m.roles.includes('inspector'));
    const now = Date.now();
    const all: Activity[] = [...(activities.data ?? [])].sort(
      (a, b) =>
        Number(Date.parse(b.plannedEnd) >= now) - Number(Date.parse(a.plannedEnd) >= now) || b.plannedStart.localeCompare(a.plannedStart),
    );
    const activity = all.find((a) => a.id === activityId) ?? null;
    const inspectorChoices = activity ? inspectors.filter((m) => activity.inspectorIds.includes(m.id)) : inspectors;
    const activityChoices = inspectorId ? all.filter((a) => a.inspectorIds.includes(inspectorId)) : all;
    return {
      inspectors,
      activities: all,
      inspectorData: inspectorChoices.map((m) => ({ value: m.id, label: m.fullName })),
      activityData: activityChoices.map((a) => ({ value: a.id, label: activityLabel(a) })),
      inspector: inspectors.find((m) => m.id === inspectorId) ?? null,
      activity,
    };
  }, [members.data, activities.data, inspectorId, activityId]);
}
