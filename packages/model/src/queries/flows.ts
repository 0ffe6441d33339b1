import type { Catalog } from '../catalog.js';
import { type FlowStep, nextStepsOf } from '../kinds/flow.js';
import type { Resource } from '../resource.js';
import { incomingToAnyVersion, isNewest } from './_edges.js';

export interface FlowAppearance {
  flow: Resource<'flow'>;
  /** Ids of the steps that name the resource. */
  steps: string[];
}

/** The flows (newest versions) whose steps name a resource, any version of it. */
export function flowsOf(catalog: Catalog, resource: Resource): FlowAppearance[] {
  const byFlow = new Map<string, FlowAppearance>();
  for (const e of incomingToAnyVersion(catalog, resource, ['step'])) {
    const flow = catalog.byKey.get(e.from);
    if (flow?.kind !== 'flow' || !isNewest(catalog, flow)) continue;
    const step = (flow as Resource<'flow'>).data.steps?.[e.path[1] as number];
    const entry = byFlow.get(flow.key) ?? { flow: flow as Resource<'flow'>, steps: [] };
    if (step) entry.steps.push(String(step.id));
    byFlow.set(flow.key, entry);
  }
  return [...byFlow.values()];
}

export interface ResolvedStep {
  step: FlowStep;
  id: string;
  /** The resource the step names (message, service, subflow...), when it resolves. */
  resource: Resource | undefined;
  next: { id: string; label: string | undefined }[];
}

/** A flow's steps in order with what each names and where each leads. */
export function stepsOf(catalog: Catalog, flow: Resource<'flow'>): ResolvedStep[] {
  const targets = new Map<number, Resource>();
  for (const e of catalog.outgoing.get(flow.key) ?? []) {
    if (e.relation !== 'step') continue;
    const r = catalog.byKey.get(e.to);
    if (r) targets.set(e.path[1] as number, r);
  }
  return (flow.data.steps ?? []).map((step, i) => ({
    step,
    id: String(step.id),
    resource: targets.get(i),
    next: nextStepsOf(step).map((n) => ({ id: n.id, label: n.label })),
  }));
}
