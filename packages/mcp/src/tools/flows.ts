import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type Resource, stepsOf, summaryOf } from '@switchyard/model';
import { answer, guarded, lookUp, mdLink, refJson, type ServerContext, ToolError } from '../context.js';
import { refInput } from './resource.js';

export function registerFlowTools(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'explain_flow',
    {
      title: 'Explain a flow step by step',
      description:
        'The steps of a business flow in order: what each step is (a message, a service, an actor, another flow...), what it names, and which steps follow (with branch labels such as "declined"). Answers "what happens when a customer places an order?".',
      inputSchema: { ref: refInput.describe('the flow, e.g. "flow:place-an-order"') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ ref }: { ref: string }) => {
      const { catalog } = ctx.state();
      const flow = lookUp(ctx, ref);
      if (flow.kind !== 'flow') throw new ToolError(`${flow.key} is a ${flow.kind}, not a flow.`);
      const steps = stepsOf(catalog, flow as Resource<'flow'>);
      const titles = new Map(steps.map((s) => [s.id, s.step.title]));
      const lines = steps.map((s, i) => {
        const what =
          s.resource && ctx.visible(s.resource) ? ` — ${s.resource.kind} ${mdLink(ctx, s.resource)}` : '';
        const actor = s.step.actor ? ` — actor ${s.step.actor.name}` : '';
        const external = s.step.externalSystem ? ` — external system ${s.step.externalSystem.name}` : '';
        const next = s.next.map((n) => `${titles.get(n.id) ?? n.id}${n.label ? ` (${n.label})` : ''}`);
        return [
          `${i + 1}. **${s.step.title}**${what}${actor}${external}`,
          ...(s.step.summary ? [`   ${s.step.summary.trim()}`] : []),
          ...(next.length ? [`   Next: ${next.join('; ')}`] : ['   End of the flow.']),
        ].join('\n');
      });
      const summary = summaryOf(flow);
      const text = [`# ${mdLink(ctx, flow)}`, '', ...(summary ? [summary, ''] : []), ...lines].join('\n');
      return answer(text, {
        flow: refJson(ctx, flow),
        steps: steps.map((s) => ({
          id: s.id,
          title: s.step.title,
          ...(s.step.summary ? { summary: s.step.summary.trim() } : {}),
          ...(s.resource && ctx.visible(s.resource) ? { resource: refJson(ctx, s.resource) } : {}),
          ...(s.step.actor ? { actor: s.step.actor.name } : {}),
          next: s.next.map((n) => ({ id: n.id, ...(n.label ? { label: n.label } : {}) })),
        })),
      });
    }),
  );
}
