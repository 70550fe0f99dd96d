import { hash, verify, type Options } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes): memory-hard, and fast enough for a sign-in.
// The package exports the algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as NonNullable<Options["algorithm"]>;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // An account waiting for its first password (an invitation) holds no hash: nothing verifies, in the time a
  // wrong password takes, so sign-in does not tell such an account from others.
  if (!passwordHash.startsWith("$argon2")) return verifyAgainstDummy(password);
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as a wrong password, never as an error page.
    return false;
  }
}

// Verified when the email is unknown, so a miss costs as much time as a wrong password and reveals nothing.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("anslag-dummy-password", OPTIONS);
  await verify(await dummyHash, password).catch(() => false);
  return false;
}
