import { main } from "../../cli/main.js";
import type { CliRun } from "./cli.js";

/** Run the CLI's main() in this process, as bin.js does on its worker thread, collecting what it prints. */
export async function runMain(
  args: string[],
  cwd: string,
  io: { env?: NodeJS.ProcessEnv; isTTY?: boolean; stdin?: string; columns?: number; signal?: AbortSignal } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: io.isTTY ?? false,
    cwd,
    env: io.env ?? {},
    ...(io.stdin !== undefined ? { stdin: io.stdin } : {}),
    ...(io.columns ? { columns: io.columns } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  return { code, stdout, stderr };
}
