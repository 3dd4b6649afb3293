/** Client paths of the court and authority package screens (under the Order 444 module). */
export const packagesPath = '/app/recorders/packages';
export const packagePath = (packageId: string) => `/app/recorders/packages/${packageId}`;
export const newPackagePath = (activityId?: string) => `/app/recorders/packages/new${activityId ? `?activity=${activityId}` : ''}`;
