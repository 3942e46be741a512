import { config } from '../config';
import { lastShutdownStep } from '../shutdown';
import { startTracing } from './start';

/*
 * Imported first by every entry point (npm start, the gateway, each subgraph): the
 * instrumentations patch http, graphql and dataloader as they load, so whatever loaded earlier
 * would go untraced. Off unless OTEL_TRACES_EXPORTER names an exporter.
 */
if (config.OTEL_TRACES_EXPORTER !== 'none') {
  const provider = startTracing(config.OTEL_TRACES_EXPORTER, config.TRACES_SAMPLE_RATIO);
  // Spans still in the batch go out before a stopping process exits.
  lastShutdownStep(() => provider.shutdown());
}
