import { config } from '../common/config';
import type { DatabaseHandle } from '../common/db/connection';
import { PeerDirectory } from '../common/peers';
import { listenSubgraph, type RunningSubgraph } from '../common/subgraph-server';
import { listenGateway } from '../gateway/listen';
import { createGateway } from '../gateway/server';
import { readSupergraph } from '../gateway/supergraph';
import { subgraphs } from '../subgraphs/registry';

export interface StackOptions {
  database: DatabaseHandle;
  /** 0 picks free ports for everything (tests); otherwise the registry ports and this gateway port. */
  gatewayPort: number;
  /** The gateway's metrics; by default METRICS_PORT, or a free port with `gatewayPort` 0. */
  metricsPort?: number;
  host?: string;
  supergraphSdl?: string;
  /** See `GatewayOptions.accessControl`: the benchmark's baseline only. */
  accessControl?: boolean;
}

export interface RunningStack {
  gatewayUrl: string;
  /** The gateway's Prometheus metrics (`…/metrics`), on a port apart from the partners'. */
  metricsUrl: string;
  subgraphs: RunningSubgraph[];
  stop(): Promise<void>;
}

/**
 * The four subgraphs and the gateway in one process, sharing one database handle (an embedded
 * PGlite allows a single connection). In production each runs as its own process instead.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const running: RunningSubgraph[] = [];
  const peers = new PeerDirectory();
  const stopAll = async () => {
    await Promise.allSettled(running.map((subgraph) => subgraph.close()));
  };
  try {
    for (const entry of subgraphs) {
      const port = options.gatewayPort === 0 ? 0 : entry.port;
      const subgraph = await listenSubgraph(entry.module, options.database.db, port, options.host, {
        peers,
        unrestricted: options.accessControl === false,
      });
      peers.set(subgraph.name, `${subgraph.url}/graphql`);
      running.push(subgraph);
    }
    const gateway = await createGateway({
      supergraphSdl: options.supergraphSdl ?? readSupergraph(),
      database: options.database.db,
      subgraphUrls: Object.fromEntries(running.map((s) => [s.name, `${s.url}/graphql`])),
      accessControl: options.accessControl,
    });
    const listening = await listenGateway(gateway, {
      port: options.gatewayPort,
      metricsPort: options.metricsPort ?? (options.gatewayPort === 0 ? 0 : config.METRICS_PORT),
      host: options.host,
    });
    return {
      gatewayUrl: `${listening.url}/graphql`,
      metricsUrl: listening.metricsUrl,
      subgraphs: running,
      // In order: no new requests, the gateway's in flight answered, then the subgraphs'.
      stop: async () => {
        gateway.drain();
        await listening.close();
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
