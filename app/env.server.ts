import { z } from "zod";

// Checked at start-up: a wrong DATABASE_URL fails loudly before anything is served.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:db/data/app.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: 'DATABASE_URL must be "file:<path>" for SQLite or a postgres:// URL',
    }),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  // SQLite's durability: NORMAL (default) survives a killed process; FULL also survives power loss.
  SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  // Live pages poll the database this often (ms) besides listening for changes; unset, each stream's own.
  LIVE_POLL_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  // PostgreSQL connections per app process (npm run bench measures the raw limit with as many).
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
