import { apiSection } from './api.js';
import { schemasSection } from './schemas.js';
import { scorecardsSection } from './scorecards.js';
import type { SiteSection } from './section.js';
import { visualiserSection } from './visualiser.js';

/** Every section of the site, in build order. Add a section here and nowhere else. */
export const siteSections: SiteSection[] = [apiSection, visualiserSection, schemasSection, scorecardsSection];

export type { PrepareContext, SectionContext, SiteSection } from './section.js';
