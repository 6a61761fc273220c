// Share links: JSON -> zlib deflate -> base64url, and back. zlib's adler32 makes
// damage detectable. decode() rejects with an Error whose message is 'damaged'.
async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

export async function encode(value) {
  const b = await pipe(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream('deflate'));
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function decode(text) {
  try {
    if (!/^[\w-]+$/.test(text)) throw 0;
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await pipe(b, new DecompressionStream('deflate'))));
  } catch (e) {
    throw new Error('damaged');
  }
}
