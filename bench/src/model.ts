/** The synthetic catalog in memory, before it is written: every id is known before any file is rendered. */

export interface Team {
  id: string;
  name: string;
  members: User[];
}

export interface User {
  id: string;
  name: string;
  role: string;
  teams: Team[];
}

interface Node {
  id: string;
  name: string;
  /** Folder of the resource, relative to the catalog root. */
  dir: string;
  version: string;
  team: Team;
  /** Team and user ids, as written under `owners`. */
  owners: string[];
}

export interface Domain extends Node {
  parent?: Domain;
  subdomains: Domain[];
  systems: System[];
  /** Services placed directly in the domain (subdomains only). */
  services: Service[];
  flows: Flow[];
}

export interface System extends Node {
  domain: Domain;
  services: Service[];
  containers: Container[];
  relationships: { system: System; label: string }[];
  external: boolean;
}

export interface Service extends Node {
  /** Singular, lower case ("order line"): what the service is about. */
  entity: string;
  /** The domain the service sits in (a subdomain or a top-level domain). */
  domain: Domain;
  /** Its top-level domain. */
  top: Domain;
  system?: System;
  messages: Message[];
  sends: Send[];
  receives: Receive[];
  writesTo: Container[];
  readsFrom: Container[];
  eventsChannel?: Channel;
  commandsChannel?: Channel;
  openapi: boolean;
  language: string;
  tier: string;
}

export type MessageKind = 'event' | 'command' | 'query';

export type SchemaFormat = 'json' | 'avro' | 'protobuf';

export interface OlderVersion {
  version: string;
  fields: string[];
  deprecatedOn: string;
}

export interface Message extends Node {
  kind: MessageKind;
  entity: string;
  /** The service whose folder holds the message. */
  service: Service;
  /** Top-level payload fields of the latest version. */
  fields: string[];
  /** How the payload is described: `schema.json`, `schema.avsc` or `schema.proto`. */
  format: SchemaFormat;
  /** How many example payloads it has under `examples/` (0 to 2). */
  examples: number;
  /** An older version kept under versioned/<older>/, with fewer fields. */
  older?: OlderVersion;
  /** A second, even older version (only when `older` is there). */
  earlier?: OlderVersion;
  producers: Service[];
  consumers: Service[];
}

export interface Channel extends Node {
  protocol: 'kafka' | 'amqp' | 'sqs';
  purpose: 'events' | 'commands';
  address: string;
  /** Kafka channels have an `{env}` address parameter. */
  parameterised: boolean;
  routes: Channel[];
  domain: Domain;
  carries: Message[];
}

export interface Container extends Node {
  type: 'database' | 'cache' | 'objectStore' | 'searchIndex' | 'dataWarehouse';
  technology: string;
  system: System;
  writers: Service[];
  readers: Service[];
}

export interface ChannelUse {
  channel: Channel;
  deliveryMode?: 'push' | 'pull';
}

export interface Send {
  message: Message;
  version?: string;
  to?: ChannelUse;
}

export interface Receive {
  message: Message;
  version?: string;
  from?: ChannelUse;
  fields?: string[];
  triggers?: { message: Message; condition: string }[];
}

export type StepTarget =
  | { kind: 'message'; message: Message }
  | { kind: 'service'; service: Service }
  | { kind: 'flow'; flow: Flow }
  | { kind: 'container'; container: Container }
  | { kind: 'actor'; name: string; summary: string }
  | { kind: 'outcome'; title: string; summary: string; color: string; icon: string };

export interface FlowStep {
  id: string;
  title: string;
  target: StepTarget;
  next: { id: string; label: string }[];
}

export interface Flow extends Node {
  domain: Domain;
  steps: FlowStep[];
}

export interface Doc {
  /** Path under docs/ without the extension: the id `[[doc|...]]` uses. */
  id: string;
  title: string;
  summary: string;
  group: string;
  order: number;
  owners: string[];
  team: Team;
  topic: DocTopic;
}

export type DocTopic =
  | { kind: 'service'; service: Service }
  | { kind: 'domain'; domain: Domain }
  | { kind: 'message'; message: Message }
  | { kind: 'flow'; flow: Flow }
  | { kind: 'general' };

export interface CatalogModel {
  teams: Team[];
  users: User[];
  domains: Domain[];
  systems: System[];
  services: Service[];
  messages: Message[];
  channels: Channel[];
  containers: Container[];
  flows: Flow[];
  docs: Doc[];
}
