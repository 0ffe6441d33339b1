import type { ComponentType } from 'preact';
import { AsyncAPI, OpenAPI } from './api-spec.js';
import {
  Accordion,
  AccordionGroup,
  Admonition,
  Embed,
  Placeholder,
  Prompt,
  Step,
  Steps,
  TabItem,
  Tabs,
  Tile,
  Tiles,
} from './basic.js';
import { ComponentDiagram, ContextDiagram, EntityMap, Flow, NodeGraph } from './diagrams.js';
import { EventExamples } from './event-examples.js';
import { Mermaid } from './mermaid.js';
import { Ref } from './ref.js';
import { Schema, SchemaViewer } from './schema.js';
import {
  ADRTable,
  Attachments,
  ChannelInformation,
  CustomProperties,
  CustomProperty,
  EntityPropertiesTable,
  MessageTable,
  ResourceLink,
} from './tables.js';

/** The components MDX bodies may use, by the names EventCatalog gives them. */
export const mdxComponents: Record<string, ComponentType<never>> = {
  Ref,
  Admonition,
  Tiles,
  Tile,
  Accordion,
  AccordionGroup,
  Steps,
  Step,
  Tabs,
  TabItem,
  Prompt,
  Mermaid,
  NodeGraph,
  ContextDiagram,
  EntityMap,
  ComponentDiagram,
  Flow,
  SchemaViewer,
  Schema,
  EventExamples,
  OpenAPI,
  AsyncAPI,
  MessageTable,
  EntityPropertiesTable,
  CustomProperties,
  CustomProperty,
  ChannelInformation,
  ResourceLink,
  ADRTable,
  Attachments,
  Miro: Embed,
  Lucid: Embed,
  DrawIO: Embed,
  FigJam: Embed,
  IcePanel: Embed,
} as Record<string, ComponentType<never>>;

/**
 * Components for one body: ours, plus a placeholder for every other name it uses. Imported names
 * (custom Astro components) get a quiet placeholder; names used without import a visible one.
 */
export function componentsFor(used: Iterable<string>, imported: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...mdxComponents };
  const importedSet = new Set(imported);
  for (const name of new Set([...used, ...importedSet])) {
    if (!out[name]) out[name] = () => Placeholder({ name, quiet: importedSet.has(name) });
  }
  return out;
}
