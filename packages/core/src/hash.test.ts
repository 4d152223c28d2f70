import { describe, it, expect } from "vitest";
import { createHash, createHmac } from "node:crypto";
import { NEEDLEWORK_NAMESPACE, hmacSha256, sha256, toHex, uuidFromName, uuidV5 } from "./hash";

describe("sha256", () => {
  it("matches known vectors", () => {
    expect(toHex(sha256(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(sha256("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("matches node:crypto across block boundaries and non-ASCII text", () => {
    for (const len of [1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const s = "é".repeat(len);
      expect(toHex(sha256(s))).toBe(createHash("sha256").update(s).digest("hex"));
    }
  });
});

describe("hmacSha256", () => {
  it("matches node:crypto for short and long keys", () => {
    for (const key of ["k", "group-secret", "x".repeat(64), "y".repeat(200)]) {
      expect(toHex(hmacSha256(key, "patient-123"))).toBe(
        createHmac("sha256", key).update("patient-123").digest("hex"),
      );
    }
  });
});

describe("uuidV5", () => {
  it("matches the RFC 9562 test vector (appendix A.4: DNS namespace, www.example.com)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
  it("rejects a namespace that is not a UUID", () => {
    expect(() => uuidV5("x", "6ba7b810")).toThrow(/not a UUID/);
  });
});

describe("uuidFromName", () => {
  it("is a stable, well-formed version 5 id in Needlework's namespace", () => {
    const a = uuidFromName("Patient/p1");
    expect(a).toBe(uuidFromName("Patient/p1"));
    expect(a).toBe(uuidV5("Patient/p1", NEEDLEWORK_NAMESPACE));
    expect(a).not.toBe(uuidFromName("Patient/p2"));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
