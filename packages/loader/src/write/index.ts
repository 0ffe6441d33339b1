export { writeFileAtomic, writeNewFile } from './atomic.js';
export {
  addMessagePointer,
  addMessagePointerTo,
  addToReceives,
  addToSends,
  archiveVersion,
  bumpVersion,
  createMessage,
  insideCatalog,
  type MessagePointer,
  type NewMessage,
} from './catalog-writes.js';
export {
  type EditableResource,
  editResource,
  formatResourceText,
  openResource,
  parseResourceText,
  saveResource,
} from './resource-file.js';
