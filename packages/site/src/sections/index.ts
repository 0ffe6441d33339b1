import type { SiteSection } from './section.js';

/** Every section of the site, in build order. Add a section here and nowhere else. */
export const siteSections: SiteSection[] = [];

export type { SectionContext, SiteSection } from './section.js';
