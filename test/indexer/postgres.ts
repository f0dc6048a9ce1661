/**
 * A PostgreSQL server for the indexer's tests: `CONCORD_TEST_DATABASE_URL` when set, else a throw-away
 * cluster made with Debian's `initdb`/`pg_ctl` in a temporary directory on a free loopback port (run as the
 * `postgres` user when the tests run as root, since PostgreSQL refuses to run as root). No server and no
 * binaries is a failure, not a skip: `.ci/run` installs Debian's `postgresql` package.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { HOST, freePort } from "../utils/localNode.ts";

export type TestPostgres = { url: string; stop: () => Promise<void> };

/** The directory of Debian's PostgreSQL binaries (the newest installed version). */
function postgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, "bin/pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install -y postgresql, or set CONCORD_TEST_DATABASE_URL.",
    );
  }
  return path.join(base, versions[0]!, "bin");
}

/** Starts (or names) the PostgreSQL server the tests use. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.CONCORD_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  const bin = postgresBin();
  const dir = await mkdtemp(path.join(tmpdir(), "concord-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root, the cluster belongs to the postgres user that Debian's package creates.
  const run = (command: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, command), args, { stdio: "pipe" });
  if (root) {
    await chmod(dir, 0o777);
  }
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
  run("pg_ctl", [
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-o",
    `-h ${HOST} -p ${port} -k ${dir} -c fsync=off`,
    "-w",
    "start",
  ]);
  return {
    url: `postgresql://postgres@${HOST}:${port}/postgres`,
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
