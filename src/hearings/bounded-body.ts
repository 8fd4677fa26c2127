/**
 * Reads at most `limit` bytes of an answer's body and lets the rest go (the
 * stream is cancelled, the connection closed): a receiver that answers with
 * an endless or huge body costs this process no more than `limit` bytes and
 * the delivery timeout. Answers how many bytes were read and whether the body
 * went on past the limit.
 */
export async function readBounded(response: Response, limit: number): Promise<{ bytes: number; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: 0, truncated: false };
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, truncated: false };
      bytes += value.byteLength;
      if (bytes > limit) {
        await reader.cancel().catch(() => undefined);
        return { bytes, truncated: true };
      }
    }
  } finally {
    reader.releaseLock();
  }
}
