import type { DatabaseHandle } from '../common/db/connection';
import { listen } from '../common/http';
import { PeerDirectory } from '../common/peers';
import { listenSubgraph, type RunningSubgraph } from '../common/subgraph-server';
import { createGateway } from '../gateway/server';
import { readSupergraph } from '../gateway/supergraph';
import { subgraphs } from '../subgraphs/registry';

export interface StackOptions {
  database: DatabaseHandle;
  /** 0 picks free ports for everything (tests); otherwise the registry ports and this gateway port. */
  gatewayPort: number;
  host?: string;
  supergraphSdl?: string;
  /** See `GatewayOptions.accessControl`: the benchmark's baseline only. */
  accessControl?: boolean;
}

export interface RunningStack {
  gatewayUrl: string;
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
    const listening = await listen(gateway.app, options.gatewayPort, options.host);
    return {
      gatewayUrl: `${listening.url}/graphql`,
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
