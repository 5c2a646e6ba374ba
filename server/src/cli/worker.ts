// Worker-thread side of pool.ts: receives { id, job, setupKey }, replies { id, result }.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileJob } from './check';
import type { WorkerInit } from './pool';
import { resourcesFor, type Setup } from './setup';

export function runWorker(): void {
  const init = workerData as WorkerInit;
  const port = parentPort;
  if (!port) return;
  port.on('message', (m: { id: number; job: FileJob; setupKey: string }) => {
    const setup = init.setups[m.setupKey] as Setup;
    const result = checkFile(m.job, setup.config, resourcesFor(setup));
    port.postMessage({ id: m.id, result });
  });
}
