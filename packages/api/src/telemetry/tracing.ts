/**
 * OpenTelemetry tracing: HTTP, GraphQL and pg spans exported over OTLP/HTTP. Loaded (by a
 * dynamic import in main.ts) only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and before anything
 * that it instruments is imported; when it is not set nothing of the SDK is loaded at all, so
 * tracing off costs nothing.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  /** Flush the spans still buffered and stop exporting. */
  shutdown(): Promise<void>;
}

export function startTracing(opts: { endpoint: string; serviceName: string }): Tracing {
  // graphql, pg (under knex) and http (under Fastify) are CommonJS: the instrumentations' require
  // hook patches them. (The ESM loader hook, import-in-the-middle, breaks loading some of our
  // dependencies and is not needed for these.)
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${opts.endpoint.replace(/\/$/, '')}/v1/traces` }),
      ),
    ],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? ''),
      }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
