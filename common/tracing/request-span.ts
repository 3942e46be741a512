import { trace } from '@opentelemetry/api';

/**
 * Names the component that answers the current HTTP request and the request id its logs carry,
 * on the request's span: `npm start` runs all five components in one process, and an operator
 * goes from a log line to its trace by the request id. Does nothing when tracing is off.
 */
export function tagRequestSpan(component: string, requestId: string): void {
  trace.getActiveSpan()?.setAttributes({
    'maatwerk.component': component,
    'maatwerk.request_id': requestId,
  });
}
