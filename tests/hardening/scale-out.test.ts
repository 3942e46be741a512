import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parseAllDocuments } from 'yaml';

import { readConfig } from '../../common/config';
import { subgraphs } from '../../subgraphs/registry';
import { importClosure, ROOT } from '../support/imports';

/*
 * The image and the Kubernetes manifests agree with the code: every command the manifests run is
 * in the image with all it loads, its packages are production dependencies (the image installs
 * no others), the configuration parses, ports, probes and subgraph URLs line up, and a pod is
 * given longer to stop than it takes to drain. Building and running the image needs a Docker
 * daemon, which CI does not have; see the README's "Scaling out".
 */

interface Container {
  name: string;
  command: string[];
  ports: { containerPort: number }[];
  envFrom: ({ configMapRef: { name: string } } | { secretRef: { name: string } })[];
  env?: { name: string; value: string }[];
  readinessProbe: { httpGet: { path: string; port: number } };
  livenessProbe: { httpGet: { path: string; port: number } };
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec: any;
}

const manifests: Manifest[] = parseAllDocuments(
  readFileSync(path.join(ROOT, 'deploy/kubernetes/maatwerk.yaml'), 'utf8'),
).map((document) => document.toJS());
const named = (kind: string, name: string) =>
  manifests.find((m) => m.kind === kind && m.metadata.name === name)!;
const configMap = named('ConfigMap', 'maatwerk-config').data!;

const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
/** What the final stage copies from the repository (the first stage copies only the manifests). */
const copied = [
  ...dockerfile
    .split(/^FROM /m)
    .at(-1)!
    .matchAll(/^COPY (?!--from)(.+) \S+$/gm),
].flatMap(([, sources]) => sources.split(/\s+/));

/** What the operator's secrets hold, in the form production configuration accepts. */
const productionSecrets = {
  DATABASE_URL: 'postgres://maatwerk_persons@postgres.example.be:5432/maatwerk',
  SIGNING_KEY: '{"kid":"persons"}',
};

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const components = [
  { name: 'gateway', port: 4000 },
  ...subgraphs.map(({ name, port }) => ({ name, port })),
];

/** The database jobs: what runs them, and the database role (secret) each logs in as. */
const jobs = [
  {
    name: 'migrate',
    container: (): Container => named('Job', 'maatwerk-migrate').spec.template.spec.containers[0],
    database: 'migrator',
  },
  {
    name: 'audit-retention',
    container: (): Container =>
      named('CronJob', 'maatwerk-audit-retention').spec.jobTemplate.spec.template.spec
        .containers[0],
    database: 'retention',
  },
];

/** The secrets a container's environment comes from. */
const secretsOf = (container: Container) =>
  container.envFrom.flatMap((source) => ('secretRef' in source ? [source.secretRef.name] : []));

/** The command is `node --import tsx <file>`, and the file and all it imports are in the image. */
function expectInImage(container: Container): void {
  const entry = container.command.at(-1)!;
  expect(container.command).toEqual(['node', '--import', 'tsx', entry]);
  const { files, packages } = importClosure([entry]);
  const outside = files.filter(
    (file) => !copied.some((source) => file === source || file.startsWith(`${source}/`)),
  );
  expect(outside).toEqual([]);
  const missing = packages.filter(
    (pkg) => !builtinModules.includes(pkg) && !(pkg in packageJson.dependencies),
  );
  expect(missing).toEqual([]);
}

describe('scale-out manifests and image', () => {
  describe.each(components)('$name', ({ name, port }) => {
    const deployment = named('Deployment', `maatwerk-${name}`);
    const container: Container = deployment.spec.template.spec.containers[0];

    it('runs a file of the image whose imports are all in the image', () => {
      expectInImage(container);
    });

    it('connects as its own database role, and leaves migrating to the migration job', () => {
      expect(secretsOf(container)).toEqual([`maatwerk-database-${name}`]);
      expect(readConfig({ ...configMap, ...productionSecrets }).MIGRATE_AT_START).toBe(false);
    });

    it('signs with its own key; a subgraph trusts the platform’s public keys, the gateway none', () => {
      const env = Object.fromEntries(
        (container.env ?? []).map((entry: any) => [entry.name, entry.valueFrom ?? entry.value]),
      );
      expect(env.SIGNING_KEY).toEqual({
        secretKeyRef: { name: 'maatwerk-signing-keys', key: name },
      });
      if (name === 'gateway') expect(env.TRUSTED_KEYS).toBeUndefined();
      else {
        expect(env.TRUSTED_KEYS).toEqual({
          configMapKeyRef: { name: 'maatwerk-trusted-keys', key: 'jwks' },
        });
      }
    });

    it('listens, is probed and is reached on its own port', () => {
      expect(container.ports[0]).toEqual({ containerPort: port });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
      const service = named('Service', `maatwerk-${name}`);
      expect(service.spec.ports[0].targetPort).toBe(port);
      if (name !== 'gateway') {
        expect(configMap[`SUBGRAPH_URL_${name.toUpperCase()}`]).toBe(
          `http://maatwerk-${name}:${service.spec.ports[0].port}/graphql`,
        );
      }
    });

    it('gets longer to stop than it drains, and names its traces', () => {
      const graceMs = deployment.spec.template.spec.terminationGracePeriodSeconds * 1000;
      expect(graceMs).toBeGreaterThan(Number(configMap.SHUTDOWN_GRACE_MS));
      expect(container.env).toContainEqual({
        name: 'OTEL_SERVICE_NAME',
        value: `maatwerk-${name}`,
      });
    });
  });

  describe.each(jobs)('the $name job', ({ container, database }) => {
    it('runs a file of the image whose imports are all in the image', () => {
      expectInImage(container());
    });

    it('connects as its own database role, and as no other', () => {
      const databases = secretsOf(container()).filter((name) =>
        name.startsWith('maatwerk-database-'),
      );
      expect(databases).toEqual([`maatwerk-database-${database}`]);
    });
  });

  it("starts the gateway by default, with node as the container's first process", () => {
    // Node receives SIGTERM itself and drains; npx would pass it on and exit at once.
    const command = JSON.parse(/^CMD (.+)$/m.exec(dockerfile)![1]);
    expect(command).toEqual(
      named('Deployment', 'maatwerk-gateway').spec.template.spec.containers[0].command,
    );
  });

  it('scales the gateway between 3 and 10 replicas on CPU', () => {
    const autoscaler = named('HorizontalPodAutoscaler', 'maatwerk-gateway');
    expect(autoscaler.spec).toMatchObject({
      scaleTargetRef: { kind: 'Deployment', name: 'maatwerk-gateway' },
      minReplicas: 3,
      maxReplicas: 10,
    });
  });

  it("has Prometheus scrape the gateway's metrics port, which the partners' service does not expose", () => {
    const deployment = named('Deployment', 'maatwerk-gateway');
    const metricsPort = readConfig({ ...configMap, ...productionSecrets }).METRICS_PORT;
    expect(metricsPort).not.toBe(4000);
    expect(deployment.spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 4000 },
      { containerPort: metricsPort, name: 'metrics' },
    ]);
    expect(deployment.spec.template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(metricsPort),
      'prometheus.io/path': '/metrics',
    });
    const service = named('Service', 'maatwerk-gateway');
    expect(service.spec.ports.map((p: { targetPort: number }) => p.targetPort)).toEqual([4000]);
  });

  it('configures nothing the code does not read, in a form production accepts', () => {
    const parsed = readConfig({ ...configMap, ...productionSecrets });
    expect(parsed.NODE_ENV).toBe('production');
    const unread = Object.keys(configMap).filter(
      (key) => !(key in parsed) && !/^(SUBGRAPH_URL_[A-Z]+|OTEL_[A-Z_]+)$/.test(key),
    );
    expect(unread).toEqual([]);
  });
});
