export { renderGithub } from './format/github.js';
export { renderJson } from './format/json.js';
export { renderText } from './format/text.js';
export { type Io, processIo } from './io.js';
export { main } from './main.js';
export { run, UsageError, version } from './program.js';
