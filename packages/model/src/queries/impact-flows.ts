import type { Catalog } from '../catalog.js';
import { type FlowStep, nextStepsOf } from '../kinds/flow.js';
import type { Resource } from '../resource.js';
import { flowsOf } from './flows.js';

/** A branch of a flow that leaves the happy path: a failure, a rejection, a compensation. */
export interface FailureBranch {
  /** The step the branch leaves from. */
  from: string;
  /** The first step on the failure or compensation side. */
  to: string;
  /** The branch label, else the title of the step it leads to. */
  label: string;
}

export interface ImpactFlowStep {
  id: string;
  title: string;
  /** The step runs only after something failed: it is part of a failure or compensation path. */
  onFailurePath: boolean;
}

export interface ImpactFlow {
  key: string;
  id: string;
  version: string;
  name: string;
  file: string;
  /** For a flow reached through a subflow step: the key of the subflow that names the resource. */
  through?: string;
  steps: ImpactFlowStep[];
  /** Failure and compensation branches reachable downstream of those steps. */
  failureBranches: FailureBranch[];
}

const failureWords =
  /\b(fail\w*|declin\w*|reject\w*|unavailable|error\w*|timed? ?out|timeout|deadline|denied|compensat\w*|roll(?:ed)? ?back|rollback|cancel\w*|void\w*|releas\w*|undo\w*|revert\w*)\b/i;

function stepTitle(step: FlowStep): string {
  return step.custom?.title ?? step.title;
}

/** A step whose own words (title, not summary) or colour say it is a failure or compensation outcome. */
function isFailureStep(step: FlowStep): boolean {
  return (
    failureWords.test(step.title) ||
    failureWords.test(step.custom?.title ?? '') ||
    step.custom?.color === 'red'
  );
}

export interface Walk {
  byId: Map<string, FlowStep>;
  isFailureEdge(label: string | undefined, target: FlowStep | undefined): boolean;
}

/** A flow's steps by id, and how to tell a failure or compensation edge. */
export function walkOf(flow: Resource<'flow'>): Walk {
  const byId = new Map((flow.data.steps ?? []).map((s) => [String(s.id), s] as const));
  return {
    byId,
    isFailureEdge: (label, target) =>
      (label !== undefined && failureWords.test(label)) || (target !== undefined && isFailureStep(target)),
  };
}

/** Steps that run only after a failure: everything reachable from a failure edge. */
export function failureSide(walk: Walk): Set<string> {
  const side = new Set<string>();
  const frontier: string[] = [];
  for (const step of walk.byId.values()) {
    for (const next of nextStepsOf(step)) {
      if (walk.isFailureEdge(next.label, walk.byId.get(next.id)) && !side.has(next.id)) {
        side.add(next.id);
        frontier.push(next.id);
      }
    }
  }
  while (frontier.length > 0) {
    const step = walk.byId.get(frontier.pop() as string);
    for (const next of step ? nextStepsOf(step) : []) {
      if (!side.has(next.id)) {
        side.add(next.id);
        frontier.push(next.id);
      }
    }
  }
  return side;
}

/** The failure branches met walking forward from some steps along happy edges (not past a failure edge). */
function branchesFrom(walk: Walk, start: string[]): FailureBranch[] {
  const found: FailureBranch[] = [];
  const seen = new Set(start);
  const frontier = [...start];
  while (frontier.length > 0) {
    const id = frontier.shift() as string;
    const step = walk.byId.get(id);
    for (const next of step ? nextStepsOf(step) : []) {
      const target = walk.byId.get(next.id);
      if (walk.isFailureEdge(next.label, target)) {
        found.push({ from: id, to: next.id, label: next.label ?? (target ? stepTitle(target) : next.id) });
      } else if (!seen.has(next.id)) {
        seen.add(next.id);
        frontier.push(next.id);
      }
    }
  }
  return found;
}

function describeFlow(flow: Resource<'flow'>, stepIds: string[], through?: string): ImpactFlow {
  const walk = walkOf(flow);
  const side = failureSide(walk);
  const steps = stepIds.map((id) => ({
    id,
    title: walk.byId.get(id)?.title ?? id,
    onFailurePath: side.has(id),
  }));
  const entry: ImpactFlow = {
    key: flow.key,
    id: flow.id,
    version: flow.version,
    name: flow.data.name,
    file: flow.source.file,
    steps,
    failureBranches: branchesFrom(walk, stepIds),
  };
  if (through !== undefined) entry.through = through;
  return entry;
}

/**
 * The flows a resource appears in, and the flows that include those as subflow steps (up to `depth`
 * levels of nesting), each with the steps naming it and the failure branches downstream of them.
 */
export function flowImpactOf(catalog: Catalog, resource: Resource, depth: number): ImpactFlow[] {
  const out: ImpactFlow[] = [];
  const seen = new Set<string>();
  let frontier: { resource: Resource; through?: string }[] = [{ resource }];
  for (let level = 0; level < Math.max(depth, 1) && frontier.length > 0; level++) {
    const next: typeof frontier = [];
    for (const item of frontier) {
      for (const appearance of flowsOf(catalog, item.resource)) {
        if (seen.has(appearance.flow.key)) continue;
        seen.add(appearance.flow.key);
        const through = item.resource === resource ? undefined : (item.through ?? item.resource.key);
        out.push(describeFlow(appearance.flow, appearance.steps, through));
        next.push({ resource: appearance.flow, ...(through !== undefined ? { through } : {}) });
      }
    }
    frontier = next.map((n) => ({ resource: n.resource, through: n.through ?? n.resource.key }));
  }
  return out;
}
