/**
 * Hashing for pseudonymous keys and deterministic FHIR ids, not for passwords. @noble/hashes is
 * synchronous and runs unchanged in Node, Lambda and the browser (the portal depends on core; node:crypto
 * does not exist there and Web Crypto is asynchronous).
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

const bytes = (input: Uint8Array | string): Uint8Array =>
  typeof input === "string" ? utf8ToBytes(input) : input;

/** SHA-256 of bytes or a UTF-8 string. */
export function sha256(input: Uint8Array | string): Uint8Array {
  return nobleSha256(bytes(input));
}

/** HMAC-SHA256 (RFC 2104). */
export function hmacSha256(key: Uint8Array | string, message: Uint8Array | string): Uint8Array {
  return hmac(nobleSha256, bytes(key), bytes(message));
}

export function toHex(input: Uint8Array): string {
  return bytesToHex(input);
}

/** The namespace of Needlework's name-based ids: a random UUID, fixed once (RFC 9562 section 6.5). */
export const NEEDLEWORK_NAMESPACE = "f19e6b39-b833-448a-b6cf-22d7cbcf6c68";

/**
 * A name-based UUID version 5 (RFC 9562 section 5.5): SHA-1 of the namespace's 16 bytes followed by
 * the name's UTF-8 bytes, truncated to 16 bytes, with the version (0101) and variant (10) bits set.
 */
export function uuidV5(name: string, namespace: string): string {
  const ns = hexToBytes(namespace.replace(/-/g, ""));
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const n = utf8ToBytes(name);
  const input = new Uint8Array(16 + n.length);
  input.set(ns);
  input.set(n, 16);
  const b = sha1(input).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = bytesToHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A stable id for a name: the same name always gives the same id, so FHIR bundles are reproducible. */
export function uuidFromName(name: string): string {
  return uuidV5(name, NEEDLEWORK_NAMESPACE);
}
