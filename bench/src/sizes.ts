/**
 * The named catalog sizes of the benchmark: S, M, L, XL and XXL. S and M use the generator's default split;
 * L, XL and XXL fix domains, services and messages (the "30 domains, 1,000 services, 10,000
 * messages"; XXL is 5 × XL: 100,000 messages) and scale every other kind with the messages, in the default
 * split's proportions.
 */
import { type Budget, minimumResources } from './generate.js';

export interface CatalogSize {
  /** `S`, `M`, `L`, `XL`, `XXL`, or the number for a plain size (`2500`). */
  name: string;
  /** Current versions of every kind; the generator's `resources`. */
  resources: number;
  /** Counts given instead of the default split (messages take what is left). */
  budget?: Partial<Omit<Budget, 'message'>>;
}

/** Every kind scaled from a message count, with the default split's proportions to messages (75%). */
function shaped(
  name: string,
  shape: { domains: number; subdomains: number; services: number; messages: number },
) {
  const per = (share: number) => Math.max(1, Math.round((shape.messages * share) / 0.75));
  const people = per(0.03);
  const team = Math.max(1, Math.round(people / 3));
  const budget = {
    domain: shape.domains + shape.subdomains,
    subdomain: shape.subdomains,
    system: per(0.02),
    service: shape.services,
    channel: per(0.03),
    container: per(0.02),
    flow: per(0.02),
    team,
    user: people - team,
    doc: per(0.04),
  };
  const resources = Object.values(budget).reduce((a, b) => a + b, 0) - shape.subdomains + shape.messages;
  return { name, resources, budget };
}

export const namedSizes: Record<string, CatalogSize> = {
  // Two top-level domains and a subdomain, so the smallest catalog has every layer too.
  S: { name: 'S', resources: 100, budget: { domain: 3, subdomain: 1 } },
  M: { name: 'M', resources: 1_000 },
  L: shaped('L', { domains: 30, subdomains: 15, services: 1_000, messages: 10_000 }),
  XL: shaped('XL', { domains: 30, subdomains: 15, services: 2_000, messages: 20_000 }),
  // 5 × XL in every kind, domains too (a federated catalog of many departments); not in the default list.
  XXL: shaped('XXL', { domains: 150, subdomains: 75, services: 10_000, messages: 100_000 }),
};

/** The sizes `run.js` measures when `--sizes` is not given (XXL only when asked for). */
export const defaultSizes = 'S,M,L,XL';

/** `S,M,2500` to sizes; a number is a plain size with the default split. */
export function parseSizes(list: string): CatalogSize[] {
  return list.split(',').map((raw) => {
    const word = raw.trim();
    const named = namedSizes[word.toUpperCase()];
    if (named) return named;
    const n = Number(word.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < minimumResources) {
      throw new Error(
        `--sizes takes S, M, L, XL, XXL or integers of at least ${minimumResources}, separated by commas (got "${list}")`,
      );
    }
    return { name: n.toLocaleString('en-US'), resources: n };
  });
}
