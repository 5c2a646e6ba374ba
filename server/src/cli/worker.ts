// Worker-thread side of pool.ts: receives { id, job, setupKey }, replies { id, result }.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileJob } from './check';
import type { WorkerInit } from './pool';
import { resourcesFor, type Setup } from './setup';
import { workspaceOf } from './workspace';

export function runWorker(): void {
  const init = workerData as WorkerInit;
  const port = parentPort;
  if (!port) return;
  const ws = workspaceOf(init.index);
  port.on('message', (m: { id: number; job: FileJob; setupKey: string }) => {
    const setup = init.setups[m.setupKey] as Setup;
    let result;
    try {
      result = checkFile(m.job, setup.config, resourcesFor(setup), ws);
    } catch (e) {
      result = { path: m.job.path, findings: [], fixed: 0, error: `internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}` };
    }
    port.postMessage({ id: m.id, result });
  });
}
