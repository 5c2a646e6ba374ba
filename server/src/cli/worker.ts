// Worker-thread side of pool.ts. The first message carries the workspace index the main thread
// built ({ summaries }); then it receives { id, job, setupKey } and replies { id, result }.
// Messages arrive in order, so every job finds the index in place.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileJob } from './check';
import type { WorkerInit } from './pool';
import { resourcesFor, type Setup } from './setup';
import { summarisedWorkspace } from './workspace';
import { emptyWorkspace, type IndexSummary, type WorkspaceIndex } from '../engine/workspace';

export function runWorker(): void {
  const init = workerData as WorkerInit;
  const port = parentPort;
  if (!port) return;
  let ws: WorkspaceIndex = emptyWorkspace;
  // the spelling model is decoded while the main thread indexes the citations
  for (const s of Object.values(init.setups)) resourcesFor(s as Setup);
  port.on('message', (m: { summaries: IndexSummary[] } | { id: number; job: FileJob; setupKey: string }) => {
    if ('summaries' in m) { ws = summarisedWorkspace(init.index, m.summaries); return; }
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
