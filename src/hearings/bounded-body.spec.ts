import { readBounded } from './bounded-body.js';

/** A body of `chunks` chunks of `size` bytes; counts how many were pulled. */
function body(chunks: number, size: number): { response: Response; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { response: new Response(stream), pulled: () => pulled };
}

describe('readBounded', () => {
  it('reads a small body to its end', async () => {
    const { response } = body(3, 100);
    await expect(readBounded(response, 1024)).resolves.toEqual({ bytes: 300, truncated: false });
  });

  it('stops just past the limit on an endless body', async () => {
    const { response, pulled } = body(Number.MAX_SAFE_INTEGER, 1024);
    const read = await readBounded(response, 64 * 1024);
    expect(read).toEqual({ bytes: 65 * 1024, truncated: true });
    expect(pulled()).toBeLessThanOrEqual(67);
  });

  it('takes an answer with no body', async () => {
    await expect(readBounded(new Response(null, { status: 204 }), 10)).resolves.toEqual({ bytes: 0, truncated: false });
  });
});
