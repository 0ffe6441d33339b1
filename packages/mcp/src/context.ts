import { type CatalogState, resolveRef } from '@switchyard/api';
import { nameOf, type Resource } from '@switchyard/model';
import type { Visibility } from './scope.js';

/** What every tool, resource and prompt works from. */
export interface ServerContext {
  state(): CatalogState;
  visible: Visibility;
  /** Prefix for page links (`https://catalog.example.com`); empty gives site paths. */
  siteUrl: string;
}

/** A failure the caller can fix: shown to the model as a tool error, never a crash. */
export class ToolError extends Error {}

/** The resource a `ref` names, when it exists and the server may show it; otherwise a ToolError. */
export function lookUp(ctx: ServerContext, ref: string): Resource {
  const state = ctx.state();
  const found = resolveRef(state.catalog, ref);
  // A resource outside the scope is reported exactly like one that does not exist.
  if ('error' in found || !ctx.visible(found.resource)) {
    const message = 'error' in found ? found.error.message : `No resource matches "${ref}".`;
    throw new ToolError(`${message} Use search_catalog to find the right reference.`);
  }
  return found.resource;
}

export function urlOf(ctx: ServerContext, resource: Resource): string {
  return `${ctx.siteUrl}${ctx.state().urlOf(resource)}`;
}

/** `[Order Created](/docs/events/order-created/1.1.0) \`event:order-created@1.1.0\`` */
export function mdLink(ctx: ServerContext, resource: Resource): string {
  return `[${nameOf(resource)}](${urlOf(ctx, resource)}) \`${resource.key}\``;
}

export function refJson(ctx: ServerContext, resource: Resource) {
  return { key: resource.key, kind: resource.kind, name: nameOf(resource), url: urlOf(ctx, resource) };
}

export interface ToolAnswer {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export function answer(markdown: string, structured: Record<string, unknown>): ToolAnswer {
  return { content: [{ type: 'text', text: markdown }], structuredContent: structured };
}

/** Runs a tool body; a ToolError (or any failure) becomes an `isError` result with its message. */
export function guarded<A>(body: (args: A) => ToolAnswer): (args: A) => ToolAnswer;
export function guarded<A>(body: (args: A) => Promise<ToolAnswer>): (args: A) => Promise<ToolAnswer>;
export function guarded<A>(body: (args: A) => ToolAnswer | Promise<ToolAnswer>) {
  const failed = (error: unknown): ToolAnswer => {
    if (!(error instanceof ToolError)) process.stderr.write(`switchyard mcp: ${(error as Error).stack}\n`);
    return { content: [{ type: 'text', text: (error as Error).message }], isError: true };
  };
  return (args: A) => {
    try {
      const result = body(args);
      return result instanceof Promise ? result.catch(failed) : result;
    } catch (error) {
      return failed(error);
    }
  };
}
