import { cpus, totalmem, type } from "node:os";

/** The machine the figures come from: they mean little without it. */
export function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  return `${type()}, ${model} × ${cores.length}, ${memory} RAM, Node.js ${process.version}`;
}
