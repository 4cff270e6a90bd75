// Runs the browser server bundle (dist/browser/server.js) as a browser would run a
// Web Worker, inside Node, for the protocol tests: a worker thread whose script runs
// in a fresh `vm` context holding only what a browser worker has (self, postMessage,
// MessageChannel, timers, TextEncoder, …): no process, require, Buffer or
// setImmediate, so a Node-only call in the bundle fails here as it would in a browser.
// Messages are copied into the context's realm, as structured cloning does.
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, AbstractMessageWriter, DataCallback, Disposable, Message } from 'vscode-languageserver-protocol/node';

const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const listeners = new Map();
const scope = {
  console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, MessageChannel,
  TextEncoder, TextDecoder, performance, crypto: globalThis.crypto, atob, btoa, URL, structuredClone,
  onmessage: null,
  postMessage: (m) => parentPort.postMessage(JSON.parse(JSON.stringify(m))),
  addEventListener: (type, fn) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
  removeEventListener: () => {},
};
scope.self = scope;
const context = vm.createContext(scope);
parentPort.on('message', (m) => {
  const data = vm.runInContext('JSON.parse', context)(JSON.stringify(m));
  if (typeof scope.onmessage === 'function') scope.onmessage({ data });
});
vm.runInContext(fs.readFileSync(workerData.script, 'utf8'), context, { filename: workerData.script });
`;

class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
    worker.on('error', (e) => this.fireError(e));
    worker.on('exit', () => this.fireClose());
  }
  listen(callback: DataCallback): Disposable {
    const on = (m: Message): void => callback(m);
    this.worker.on('message', on);
    return { dispose: () => this.worker.off('message', on) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }
  write(msg: Message): Promise<void> {
    this.worker.postMessage(msg);
    return Promise.resolve();
  }
  end(): void {}
}

/** Starts the bundle in a worker; returns the message transports and a way to end it. */
export function startBrowserWorker(script: string): { reader: WorkerReader; writer: WorkerWriter; worker: Worker; stop(): Promise<number> } {
  const worker = new Worker(BOOT, { eval: true, workerData: { script }, stderr: true });
  return { reader: new WorkerReader(worker), writer: new WorkerWriter(worker), worker, stop: () => worker.terminate() };
}
