/** Client paths of the evidence screens (under the Order 444 module). */
export const recordingPath = (recordingId: string) => `/app/recorders/recordings/${recordingId}`;
export const activityPath = (activityId: string) => `/app/recorders/activities/${activityId}`;
