/** Moved to src/common/http/current-actor.decorator.ts (an edge concern every feature's controllers share); re-exported. */
export * from '../common/http/current-actor.decorator.js';
