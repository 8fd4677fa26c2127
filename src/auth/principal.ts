/** Moved to src/common/principal.ts (common imports no feature); re-exported for the features. */
export * from '../common/principal.js';
