// Bench build only (`node --import ./bench/without-revocation-check.mjs dist/main.js api`): the
// service as it was before the per-request revocation check. Each user's account state is read once
// and then trusted for the life of the process (as tokens once were for their whole life), so the
// comparison in bench/auth-read.mjs isolates what the check costs: re-reading the state every
// AUTH_STATE_CACHE_MS and the cache around it. Never loaded by the service itself.
import { AccountStateService } from '../dist/src/auth/account-state.service.js';

const original = AccountStateService.prototype.get;
const forever = new Map();
process.stderr.write('bench: the per-request revocation check is taken out of this process\n');
AccountStateService.prototype.get = function get(userId) {
  if (!forever.has(userId)) forever.set(userId, original.call(this, userId));
  return forever.get(userId);
};
