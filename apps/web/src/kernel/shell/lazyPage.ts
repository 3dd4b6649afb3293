import { lazy, type ComponentType } from 'react';

/** A page whose code is fetched when it is first opened; the shell shows a loader meanwhile (ShellLayout). */
export const lazyPage = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));
