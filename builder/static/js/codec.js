// Share links: JSON -> zlib deflate -> base64url, and back. zlib's adler32 makes
// damage detectable. decode() rejects with an Error whose message is 'damaged'.
// Links are untrusted input: their length and what they inflate to are both capped, so a
// pasted "zip bomb" costs milliseconds, not the tab.
const MAX_LINK = 100000;
const MAX_JSON = 2 * 1024 * 1024;

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_JSON) {
      reader.cancel().catch(() => {});
      throw new Error('too large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

export async function encode(value) {
  const b = await pipe(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream('deflate'));
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function decode(text) {
  try {
    if (typeof text !== 'string' || text.length > MAX_LINK || !/^[\w-]+$/.test(text)) throw 0;
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await inflate(b)));
  } catch (e) {
    throw new Error('damaged');
  }
}
