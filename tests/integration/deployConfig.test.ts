// The production recipe's files (docs/deploy.md) are real configuration:
// nginx accepts deploy/nginx.conf (`nginx -t`, with a throwaway certificate
// and folders in place of the server's), systemd accepts the unit
// (`systemd-analyze verify`), and the backup script makes a dump pg_restore reads.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SKIP_WITHOUT_POSTGRES, createEmptyDatabase, postgresTestUrl } from "../support/postgres";

const which = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).stdout.trim() || undefined;
const nginx = which("nginx") ?? (fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : undefined);
const systemdAnalyze = which("systemd-analyze");
// CI installs them (.ci/run); elsewhere a missing tool skips its check, saying which.
const required = process.env.CI === "true";

describe("deploy configuration", () => {
  it.skipIf(!nginx && !required)(`nginx accepts deploy/nginx.conf ${nginx ? "" : "(skipped: apt-get install nginx-light)"}`, () => {
    expect(nginx, "nginx is not installed").toBeDefined();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-nginx-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=course.example.org", "-keyout", path.join(work, "privkey.pem"), "-out", path.join(work, "fullchain.pem")], { stdio: "pipe" });
    const site = fs
      .readFileSync("deploy/nginx.conf", "utf8")
      .replaceAll("/etc/ssl/tcp-course/", `${work}/`)
      .replaceAll("/var/cache/nginx/tcp-course", path.join(work, "cache"))
      .replaceAll("/srv/tcp-course/current", path.resolve("."));
    fs.writeFileSync(path.join(work, "site.conf"), site);
    fs.writeFileSync(
      path.join(work, "nginx.conf"),
      `pid ${work}/nginx.pid;\nerror_log ${work}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${work}/body;\n  proxy_temp_path ${work}/proxy;\n  include ${work}/site.conf;\n}\n`,
    );
    const result = spawnSync(nginx!, ["-t", "-p", work, "-e", `${work}/error.log`, "-c", path.join(work, "nginx.conf")], { encoding: "utf8" });
    expect(result.stderr).toMatch(/syntax is ok/);
    expect(result.status, result.stderr).toBe(0);
  });

  it("nginx.conf replaces X-Forwarded-For with the peer's address, as TRUST_PROXY_HOPS=1 expects, and caches build assets for a year", () => {
    const conf = fs.readFileSync("deploy/nginx.conf", "utf8");
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(conf).not.toMatch(/\$proxy_add_x_forwarded_for/);
    expect(conf).toMatch(/location \/_next\/static\/[\s\S]*?immutable/);
    expect(fs.readFileSync("deploy/tcp-course@.service", "utf8")).toMatch(/^EnvironmentFile=\/etc\/tcp-course\/env$/m);
  });

  it.skipIf(!systemdAnalyze && !required)(`systemd accepts the app's unit without a warning ${systemdAnalyze ? "" : "(skipped: no systemd-analyze)"}`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-systemd-"));
    fs.copyFileSync("deploy/tcp-course@.service", path.join(work, "tcp-course@.service"));
    fs.symlinkSync("tcp-course@.service", path.join(work, "tcp-course@3001.service"));
    const result = spawnSync(systemdAnalyze!, ["verify", path.join(work, "tcp-course@3001.service")], { encoding: "utf8", timeout: 60_000 });
    const complaints = `${result.stdout}${result.stderr}`.split("\n").filter((line) => line.includes("tcp-course@"));
    expect(complaints).toEqual([]);
    const exec = /^ExecStart=(\S+) (\S+)$/m.exec(fs.readFileSync("deploy/tcp-course@.service", "utf8"));
    expect(exec?.[1]).toMatch(/^\//);
    expect(fs.existsSync(exec![2]!)).toBe(true);
  });

  it("the backup script is valid bash", () => {
    expect(spawnSync("bash", ["-n", "deploy/backup-postgres.sh"]).status).toBe(0);
  });

  it.skipIf(!postgresTestUrl)(`the backup script writes a dump that pg_restore reads, and names where ${postgresTestUrl ? "" : SKIP_WITHOUT_POSTGRES}`, async () => {
    const url = await createEmptyDatabase(postgresTestUrl!);
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE TABLE "Kept" ("id" INTEGER); INSERT INTO "Kept" VALUES (42);`);
    await client.end();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-backup-"));
    const result = spawnSync("bash", ["deploy/backup-postgres.sh"], { env: { ...process.env, DATABASE_URL: url, BACKUP_DIR: directory }, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const dumps = fs.readdirSync(directory);
    expect(dumps).toEqual([expect.stringMatching(/^tcp-course-\d{8}T\d{6}Z\.dump$/)]);
    expect(result.stdout).toContain(dumps[0]);
    const listing = execFileSync("pg_restore", ["--list", path.join(directory, dumps[0]!)], { encoding: "utf8" });
    expect(listing).toMatch(/TABLE DATA public Kept/);
  });
});
