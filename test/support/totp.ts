import { createHmac } from "node:crypto";

/** RFC 4648 base32 (what authenticator apps are given) to bytes. */
function base32(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of secret.toUpperCase().replace(/=+$/, "")) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    bits += v.toString(2).padStart(5, "0");
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/**
 * The 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30-second steps) an authenticator app would show for
 * `secret` at `at`, as a person reading their phone would type it.
 */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return n.toString().padStart(6, "0");
}

/** A code that is not the current one (nor the neighbouring steps a server may accept). */
export function wrongTotp(secret: string, at = Date.now()): string {
  const near = new Set([-30_000, 0, 30_000].map((d) => totp(secret, at + d)));
  for (let i = 0; ; i++) {
    const candidate = String((Number(totp(secret, at)) + 500_000 + i) % 1_000_000).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}
