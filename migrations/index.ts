import { Foundation1795400000000 } from './1795400000000-foundation.js';

/** Every migration, in order. Listed explicitly so the build and the tests load the same classes. */
export const migrations = [Foundation1795400000000];
