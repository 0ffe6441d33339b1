import { z } from 'zod';
import { commonFiles, commonPointers, commonShape, pointerSchema } from './_shared.js';
import { defineKind, type Kind, type KindIssue, messageKinds, type PointerSite } from './kind.js';

const stepId = z.union([z.string().min(1), z.number()]);
const nextStep = z.union([stepId, z.strictObject({ id: stepId, label: z.string().optional() })]);

export const flowStepSchema = z.strictObject({
  id: stepId,
  /** How the step is drawn: node, message, agent, user or actor (EventCatalog 4). */
  type: z.string().optional(),
  title: z.string(),
  summary: z.string().optional(),
  message: pointerSchema.optional(),
  service: pointerSchema.optional(),
  agent: pointerSchema.optional(),
  flow: pointerSchema.optional(),
  container: pointerSchema.optional(),
  dataProduct: pointerSchema.optional(),
  actor: z.strictObject({ name: z.string(), summary: z.string().optional() }).optional(),
  custom: z
    .strictObject({
      title: z.string(),
      icon: z.string().optional(),
      type: z.string().optional(),
      summary: z.string().optional(),
      color: z.string().optional(),
      url: z.string().optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
      height: z.number().optional(),
      menu: z.array(z.strictObject({ label: z.string(), url: z.string().optional() })).optional(),
    })
    .optional(),
  externalSystem: z
    .strictObject({ name: z.string(), summary: z.string().optional(), url: z.string().optional() })
    .optional(),
  next_step: nextStep.optional(),
  next_steps: z.array(nextStep).optional(),
});
export type FlowStep = z.infer<typeof flowStepSchema>;

export const flowSchema = z.object({ ...commonShape, steps: z.array(flowStepSchema).optional() });
export type Flow = z.infer<typeof flowSchema>;

/** The step fields that point to a resource, and the kinds each may name. */
const stepTargets = {
  message: messageKinds,
  service: ['service'],
  agent: ['agent'],
  flow: ['flow'],
  container: ['container'],
  dataProduct: ['data-product'],
} as const satisfies Record<string, readonly Kind[]>;
const stepTargetFields = Object.keys(stepTargets) as (keyof typeof stepTargets)[];

/** The edges leaving a step: `next_step` and `next_steps`, each `{id, label?}`. */
export function nextStepsOf(
  step: FlowStep,
): { id: string; label?: string | undefined; path: (string | number)[] }[] {
  const read = (n: z.infer<typeof nextStep>, path: (string | number)[]) =>
    typeof n === 'object' ? { id: String(n.id), label: n.label, path } : { id: String(n), path };
  const out = step.next_step === undefined ? [] : [read(step.next_step, ['next_step'])];
  step.next_steps?.forEach((n, i) => {
    out.push(read(n, ['next_steps', i]));
  });
  return out;
}

export const flowKind = defineKind({
  kind: 'flow',
  plural: 'flows',
  label: 'Flow',
  versioned: true,
  identifiedBy: 'frontmatter',
  schema: flowSchema,
  pointers: (f) => {
    const sites: PointerSite[] = commonPointers(f);
    f.steps?.forEach((step, i) => {
      for (const field of stepTargetFields) {
        const p = step[field];
        if (p) {
          sites.push({
            path: ['steps', i, field],
            id: p.id,
            version: p.version,
            targets: stepTargets[field],
            relation: 'step',
            label: step.title,
          });
        }
      }
    });
    return sites;
  },
  files: commonFiles,
  check: (f) => {
    const issues: KindIssue[] = [];
    const ids = new Set<string>();
    f.steps?.forEach((step, i) => {
      const id = String(step.id);
      if (ids.has(id)) {
        issues.push({
          code: 'flow-step-duplicate-id',
          path: ['steps', i, 'id'],
          message: `Step id "${id}" is used twice in this flow.`,
        });
      }
      ids.add(id);
      const targets = stepTargetFields.filter((k) => step[k] !== undefined);
      if (targets.length > 1) {
        issues.push({
          code: 'invalid-frontmatter',
          path: ['steps', i, targets[1] as string],
          message: `Step "${id}" points to both ${targets.join(' and ')}; a step names at most one resource.`,
        });
      }
    });
    f.steps?.forEach((step, i) => {
      for (const next of nextStepsOf(step)) {
        if (!ids.has(next.id)) {
          issues.push({
            code: 'flow-step-unknown-next',
            path: ['steps', i, ...next.path],
            message: `Step "${String(step.id)}" leads to step "${next.id}", which this flow does not have.`,
          });
        }
      }
    });
    return issues;
  },
});
