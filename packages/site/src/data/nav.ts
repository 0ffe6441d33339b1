import {
  type Catalog,
  childrenOf,
  isHidden,
  nameOf,
  parentDomainOf,
  type Resource,
  receivesOf,
  resourcesOf,
  sendsOf,
  servicesOfDomain,
} from '@switchyard/model';
import type { Nav, NavItem } from '../shared/contracts.js';
import type { Urls } from '../urls.js';

/** Custom docs in reading order: by path, where `01-` prefixes order siblings. */
export function orderedDocs(catalog: Catalog): Resource<'doc'>[] {
  const order = (d: Resource<'doc'>) => d.data.sidebar?.order ?? Number.POSITIVE_INFINITY;
  return [...resourcesOf(catalog, 'doc')]
    .filter((d) => !isHidden(d))
    .sort((a, b) => {
      const da = a.id.split('/').slice(0, -1).join('/');
      const db = b.id.split('/').slice(0, -1).join('/');
      if (da !== db) return da < db ? -1 : 1;
      return order(a) - order(b) || (a.id < b.id ? -1 : 1);
    });
}

const label = (s: string) =>
  s
    .replace(/^\d+[-_]/, '')
    .replace(/[-_]/g, ' ')
    .replace(/^\w/, (c) => c.toUpperCase());

/**
 * The docs sidebar, written once as `api/nav.json`: domains (with subdomains, systems, services and their
 * messages), flows, then the custom docs tree. Pages fetch it; none embeds it.
 */
export function buildNav(catalog: Catalog, urls: Urls, folderOrder: string[] = []): Nav {
  const item = (r: Resource, children?: NavItem[]): NavItem => ({
    label: (r.data as { sidebar?: { label?: string } }).sidebar?.label ?? nameOf(r),
    href: urls.resource(r, { latest: true }),
    kind: r.kind,
    ...(children && children.length > 0 ? { children } : {}),
  });
  const visible = (list: Resource[]) => list.filter((r) => !isHidden(r));
  const serviceItem = (s: Resource) =>
    item(
      s,
      visible([...sendsOf(catalog, s), ...receivesOf(catalog, s)].map((p) => p.resource))
        .map((m) => item(m))
        .filter(uniqueHref()),
    );
  const domainItem = (d: Resource): NavItem =>
    item(d, [
      ...visible(childrenOf(catalog, d, 'domain')).map(domainItem),
      ...visible(childrenOf(catalog, d, 'system')).map((sys) =>
        item(sys, visible(childrenOf(catalog, sys, 'service')).map(serviceItem)),
      ),
      ...visible(childrenOf(catalog, d, 'service')).map(serviceItem),
      ...visible(childrenOf(catalog, d, 'flow')).map((f) => item(f)),
      ...visible(childrenOf(catalog, d, 'entity')).map((e) => item(e)),
    ]);
  const topDomains = visible([...resourcesOf(catalog, 'domain')]).filter((d) => !parentDomainOf(catalog, d));
  const inDomains = new Set(topDomains.flatMap((d) => servicesOfDomain(catalog, d).map((s) => s.id)));
  const loose = visible([...resourcesOf(catalog, 'service')]).filter((s) => !inDomains.has(s.id));
  const groups: Nav['groups'] = [];
  if (topDomains.length) groups.push({ title: 'Domains', items: topDomains.map(domainItem) });
  if (loose.length) groups.push({ title: 'Services', items: loose.map(serviceItem) });
  const flows = visible([...resourcesOf(catalog, 'flow')]);
  if (flows.length) groups.push({ title: 'Flows', items: flows.map((f) => item(f)) });
  const channels = visible([...resourcesOf(catalog, 'channel')]);
  if (channels.length) groups.push({ title: 'Channels', items: channels.map((c) => item(c)) });

  const docs = orderedDocs(catalog);
  const folders = new Map<string, NavItem[]>();
  for (const d of docs) {
    const folder = d.id.includes('/') ? (d.id.split('/')[0] as string) : '';
    folders.set(folder, [...(folders.get(folder) ?? []), item(d)]);
  }
  const sortedFolders = [...folders.keys()].sort((a, b) => {
    const ia = folderOrder.indexOf(a);
    const ib = folderOrder.indexOf(b);
    return (ia === -1 ? 999 : ia) - (ib === -1 ? 999 : ib) || (a < b ? -1 : 1);
  });
  for (const folder of sortedFolders) {
    groups.push({ title: folder ? `Docs · ${label(folder)}` : 'Docs', items: folders.get(folder) ?? [] });
  }
  return { groups };
}

function uniqueHref() {
  const seen = new Set<string>();
  return (i: NavItem) => !seen.has(i.href) && Boolean(seen.add(i.href));
}
