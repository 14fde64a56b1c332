import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.ts";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("Thi đua 2025!");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Thi đua 2025!", stored)).toBe(true);
    expect(await verifyPassword("thi đua 2025!", stored)).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats composed and decomposed Vietnamese as the same password", async () => {
    const stored = await hashPassword("Quảng Trị".normalize("NFC"));
    expect(await verifyPassword("Quảng Trị".normalize("NFD"), stored)).toBe(true);
  });

  it("rejects a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});
