/** Moved to src/common/http/access.decorator.ts (an edge concern every feature's controllers share); re-exported. */
export * from '../common/http/access.decorator.js';
