import type { Catalog } from '../catalog.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { nextStepsOf } from '../kinds/flow.js';
import { isMessageKind } from '../kinds/kind.js';
import { type ResolvedStep, stepsOf } from '../queries/flows.js';
import { failureSide, walkOf } from '../queries/impact-flows.js';
import { consumersOf, producersOf, triggersOf } from '../queries/messages.js';
import { isHidden, locate, nameOf, type Resource } from '../resource.js';

/** True when the resource points to any version of the message with the relation. */
function exchanges(catalog: Catalog, peer: Resource, message: Resource, relation: 'sends' | 'receives') {
  return (catalog.outgoing.get(peer.key) ?? []).some((e) => {
    if (e.relation !== relation) return false;
    const target = catalog.byKey.get(e.to);
    return target?.kind === message.kind && target.id === message.id;
  });
}

/** True when two resources are versions of one message (or the same resource). */
const sameMessage = (a: Resource, b: Resource) => a.kind === b.kind && a.id === b.id;

/** What receiving any version of `message` makes `service` send, by its declared triggers. */
function triggeredBy(catalog: Catalog, service: Resource, message: Resource): Resource[] {
  return triggersOf(catalog, service)
    .filter((t) => sameMessage(t.received, message))
    .map((t) => t.sent);
}

function checkStepPairs(catalog: Catalog, flow: Resource<'flow'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const steps = stepsOf(catalog, flow);
  const byId = new Map<string, ResolvedStep>(steps.map((s) => [s.id, s]));
  // The messages that lead to each step, for the triggers check.
  const before = new Map<string, Resource[]>();
  for (const from of steps) {
    for (const next of nextStepsOf(from.step)) {
      if (!from.resource || !isMessageKind(from.resource.kind)) continue;
      before.set(next.id, [...(before.get(next.id) ?? []), from.resource]);
    }
  }
  steps.forEach((from, i) => {
    for (const next of nextStepsOf(from.step)) {
      const to = byId.get(next.id);
      const a = from.resource;
      const b = to?.resource;
      if (!a || !b) continue;
      const at = locate(flow, ['steps', i, ...next.path]);
      if (a.kind === 'service' && isMessageKind(b.kind) && !exchanges(catalog, a, b, 'sends')) {
        out.push(
          diagnostic(
            'flow-step-not-sent',
            `Step "${from.id}" (${nameOf(a)}) leads to "${next.id}" (${nameOf(b)}), but ${nameOf(a)} does not send ${b.id}.`,
            at,
          ),
        );
      }
      if (a.kind === 'service' && isMessageKind(b.kind) && exchanges(catalog, a, b, 'sends')) {
        for (const received of before.get(from.id) ?? []) {
          const caused = triggeredBy(catalog, a, received);
          if (caused.length === 0 || caused.some((m) => sameMessage(m, b))) continue;
          const names = [...new Set(caused.map((m) => m.id))].join(', ');
          out.push(
            diagnostic(
              'flow-step-not-triggered',
              `Step "${from.id}" (${nameOf(a)}) sends ${b.id} after receiving ${received.id}, but ${nameOf(a)}'s triggers for ${received.id} name only ${names}.`,
              at,
            ),
          );
        }
      }
      if (isMessageKind(a.kind) && b.kind === 'service' && !exchanges(catalog, b, a, 'receives')) {
        out.push(
          diagnostic(
            'flow-step-not-received',
            `Step "${from.id}" (${nameOf(a)}) leads to "${next.id}" (${nameOf(b)}), but ${nameOf(b)} does not receive ${a.id}.`,
            at,
          ),
        );
      }
    }
  });
  return out;
}

/** A failure or compensation path must reach a step with no next step; one that only loops never ends. */
function checkCompensationEnds(flow: Resource<'flow'>): Diagnostic[] {
  const walk = walkOf(flow);
  const side = failureSide(walk);
  const endsReachable = new Set<string>();
  // Steps from which an end is reachable: grow backwards from the ends until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, step] of walk.byId) {
      if (endsReachable.has(id)) continue;
      const next = nextStepsOf(step);
      if (next.length === 0 || next.some((x) => endsReachable.has(x.id) || !walk.byId.has(x.id))) {
        endsReachable.add(id);
        changed = true;
      }
    }
  }
  const out: Diagnostic[] = [];
  const steps = flow.data.steps ?? [];
  steps.forEach((step, i) => {
    const id = String(step.id);
    for (const next of nextStepsOf(step)) {
      if (side.has(id) || !side.has(next.id) || endsReachable.has(next.id)) continue;
      if (!walk.isFailureEdge(next.label, walk.byId.get(next.id))) continue;
      out.push(
        diagnostic(
          'flow-compensation-no-end',
          `The failure path from step "${id}" to "${next.id}" never reaches a final step: it only loops.`,
          locate(flow, ['steps', i, ...next.path]),
        ),
      );
    }
  });
  return out;
}

function checkMessagePeers(catalog: Catalog, message: Resource): Diagnostic[] {
  if (isHidden(message)) return [];
  const out: Diagnostic[] = [];
  const label = `${nameOf(message)} (${message.kind} ${message.id})`;
  // Commands and queries are often sent by clients the catalog does not describe (a storefront, a
  // support tool); an event nobody publishes is a gap in the catalog.
  const needsProducer = message.kind === 'event';
  if (needsProducer && producersOf(catalog, message, { anyVersion: true, olderPeers: true }).length === 0) {
    out.push(
      diagnostic(
        'message-without-producer',
        `Nothing in the catalog sends ${label}.`,
        locate(message, ['id']),
      ),
    );
  }
  if (consumersOf(catalog, message, { anyVersion: true, olderPeers: true }).length === 0) {
    out.push(
      diagnostic(
        'message-without-consumer',
        `Nothing in the catalog receives ${label}.`,
        locate(message, ['id']),
      ),
    );
  }
  return out;
}

/** A trigger names a message its service sends: receiving A makes it send B, so B is among its sends. */
function checkTriggers(catalog: Catalog, service: Resource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of catalog.outgoing.get(service.key) ?? []) {
    if (e.relation !== 'triggers' || e.declaredIn !== undefined) continue;
    const sent = catalog.byKey.get(e.to);
    if (!sent || exchanges(catalog, service, sent, 'sends')) continue;
    out.push(
      diagnostic(
        'trigger-not-sent',
        `${nameOf(service)} lists ${nameOf(sent)} (${sent.kind} ${sent.id}) as triggered by what it receives, but does not send it.`,
        locate(service, e.path),
      ),
    );
  }
  return out;
}

/**
 * Consistency of the graph as a whole: flows agree with the services' sends, receives and triggers, every
 * trigger names a message its service sends, every message has both ends, failure paths end. Pure; run after buildCatalog.
 */
export function checkGraph(catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const flow of catalog.latestByKind.get('flow') ?? []) {
    out.push(...checkStepPairs(catalog, flow as Resource<'flow'>));
    out.push(...checkCompensationEnds(flow as Resource<'flow'>));
  }
  for (const kind of ['service', 'domain', 'agent'] as const) {
    for (const r of catalog.latestByKind.get(kind) ?? []) out.push(...checkTriggers(catalog, r));
  }
  for (const kind of ['event', 'command', 'query'] as const) {
    for (const message of catalog.latestByKind.get(kind) ?? [])
      out.push(...checkMessagePeers(catalog, message));
  }
  return out;
}
