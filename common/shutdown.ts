import { logger } from './logger';

const lastSteps: (() => Promise<void>)[] = [];

/** Runs `step` after a process's own shutdown steps, just before it exits (flushing traces). */
export function lastShutdownStep(step: () => Promise<void>): void {
  lastSteps.push(step);
}

/**
 * Stops a process on SIGTERM or SIGINT by running `steps` in order (stop taking requests and
 * drain those in flight, then close what they used), and exits. A second signal exits at once.
 */
export function onShutdown(name: string, steps: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ name, signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    stopping = true;
    logger.info({ name, signal }, 'draining');
    try {
      await steps();
      for (const step of lastSteps) await step();
      logger.info({ name }, 'stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ name, err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
