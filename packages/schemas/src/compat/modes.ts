import type { CompatChange } from './rules.js';

/** Compatibility modes, as schema registries name them. */
export const compatibilityModes = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export type CompatibilityMode = (typeof compatibilityModes)[number];

/** The default, as in schema registries. */
export const defaultCompatibilityMode: CompatibilityMode = 'BACKWARD';

export function parseCompatibilityMode(value: unknown): CompatibilityMode | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase().replace(/[- ]/g, '_');
  return (compatibilityModes as readonly string[]).includes(upper) ? (upper as CompatibilityMode) : undefined;
}

/** Transitive modes check the new schema against every earlier version, not only the one before. */
export function isTransitive(mode: CompatibilityMode): boolean {
  return mode.endsWith('_TRANSITIVE');
}

/** Whether a change breaks the promise a mode makes. */
export function isBreaking(
  change: Pick<CompatChange, 'backward' | 'forward'>,
  mode: CompatibilityMode,
): boolean {
  if (mode === 'NONE') return false;
  if (mode.startsWith('BACKWARD')) return !change.backward;
  if (mode.startsWith('FORWARD')) return !change.forward;
  return !change.backward || !change.forward;
}
