// Preloaded with `node --import` (and so in every worker thread): records, then refuses, any child
// process, socket connection, DNS lookup or fetch, in the file named by $EXP_LINT_TRAP_LOG.
import childProcess from "node:child_process";
import dgram from "node:dgram";
import dns from "node:dns";
import { appendFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import { isMainThread } from "node:worker_threads";

const log = process.env.EXP_LINT_TRAP_LOG;
const note = (line) => appendFileSync(log, `${line}\n`);
note(`loaded ${isMainThread ? "main" : "worker"}`);

function trap(owner, name, label) {
  const original = owner[name];
  if (typeof original !== "function") return;
  owner[name] = function trapped(...args) {
    note(`CALL ${label} ${String(args[0]).slice(0, 200)}`);
    throw new Error(`exp-lint must not call ${label}`);
  };
}

for (const fn of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]) trap(childProcess, fn, `child_process.${fn}`);
trap(net.Socket.prototype, "connect", "net.Socket.connect");
for (const fn of ["connect", "createConnection"]) trap(net, fn, `net.${fn}`);
for (const fn of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) {
  trap(dns, fn, `dns.${fn}`);
  trap(dns.promises, fn, `dns.promises.${fn}`);
}
trap(dgram, "createSocket", "dgram.createSocket");
if (typeof globalThis.fetch === "function") {
  globalThis.fetch = (input) => {
    note(`CALL fetch ${String(input)}`);
    return Promise.reject(new Error("exp-lint must not fetch"));
  };
}
// ES module imports of these built-ins (`import { spawn } from "node:child_process"`) see the traps too.
syncBuiltinESMExports();
