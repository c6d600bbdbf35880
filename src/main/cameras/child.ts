import type { ChildProcess } from 'node:child_process';

const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;

/** Resolves when the process has exited (at once if it already has, or never started). */
export function exited(child: ChildProcess): Promise<void> {
  if (gone(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * SIGTERM, then SIGKILL after graceMs, resolving only on 'exit' so the process is
 * reaped by the time the caller goes on: no zombies, no ffmpeg left writing into
 * a folder that is about to be cleared.
 */
export async function stopChild(child: ChildProcess, graceMs = 2000): Promise<void> {
  const done = exited(child);
  if (gone(child)) return done;
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(kill);
}

/** Keeps the last lines of a child's stderr, bounded, for classifying why it stopped. */
export class TailLines {
  private lines: string[] = [];
  private partial = '';

  constructor(private readonly max = 20) {}

  push(chunk: Buffer | string): void {
    const parts = (this.partial + chunk.toString()).split(/\r?\n/);
    this.partial = (parts.pop() ?? '').slice(-2000);
    for (const line of parts) if (line.trim() !== '') this.lines.push(line.slice(0, 500));
    if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max);
  }

  text(): string {
    return [...this.lines, this.partial].join('\n');
  }

  clear(): void {
    this.lines = [];
    this.partial = '';
  }
}
