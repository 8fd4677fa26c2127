/**
 * The layering of src/ (drawn in the README, "Layers"): a folder may import
 * its own layer's shared pieces and the layers below it, never one above, and
 * never a sibling feature of its own layer. With one order for all feature
 * folders there can be no cycle between them; `no-folder-cycles` checks it on
 * the folder graph as well. `npm run check` runs it (npm run deps).
 */
const LAYERS = [
  ['common'],
  ['storage', 'audit'],
  ['auth'],
  ['directory'],
  ['outbox'],
  ['cases'],
  ['orders'],
  ['hearings'],
  ['episodes'],
  ['compliance', 'notifications', 'calendar'],
  ['health', 'demo', 'web'],
  ['worker'],
];

const folders = (layers) => `^src/(${layers.flat().join('|')})/`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} may not import ${LAYERS.slice(i + 1)
    .flat()
    .join(', ')}`,
  severity: 'error',
  from: { path: folders([layer]) },
  to: { path: folders(LAYERS.slice(i + 1)) },
}));

/** Features of one layer stand side by side: none imports another. */
const siblingRules = LAYERS.filter((layer) => layer.length > 1).flatMap((layer) =>
  layer.map((feature) => ({
    name: `sibling-${feature}`,
    comment: `${feature} may not import ${layer.filter((other) => other !== feature).join(', ')} (same layer)`,
    severity: 'error',
    from: { path: `^src/${feature}/` },
    to: { path: folders([layer.filter((other) => other !== feature)]) },
  })),
);

/** Pure domain logic: plain functions with unit tests beside them, no framework. */
const DOMAIN_FILES = [
  'src/common/canonical-json.ts',
  'src/common/time/clock.ts',
  'src/audit/audit-chain.ts',
  'src/auth/api-key-format.ts',
  'src/cases/.+-view.ts',
  'src/compliance/compliance-summary.ts',
  'src/episodes/obligation-deadlines.ts',
  'src/episodes/obligation-types.ts',
  'src/episodes/episode-access.ts',
  'src/episodes/episode-view.ts',
  'src/episodes/evidence-view.ts',
  'src/episodes/poster.ts',
  'src/episodes/report-packet.ts',
  'src/hearings/court-calendar.ts',
  'src/hearings/docket-signature.ts',
  'src/hearings/hearing-request-types.ts',
  'src/hearings/hearing-request-view.ts',
  'src/orders/applicable-order.ts',
  'src/orders/order-document-data.ts',
  'src/orders/order-number.ts',
  'src/orders/order-terms.ts',
  'src/orders/order-view.ts',
  'src/orders/rendering/(markdown-escape|markdown-layout|line-layout|template-data|template-check|template-compiler).ts',
  'src/outbox/jobs.ts',
  'src/storage/image-metadata.ts',
];

module.exports = {
  forbidden: [
    {
      name: 'common-imports-no-feature',
      comment: 'src/common holds the shared pieces; features build on it, never the other way round',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    ...layerRules,
    ...siblingRules,
    {
      name: 'no-folder-cycles',
      comment: 'no two folders import each other, directly or through others (features import one way)',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-no-framework',
      comment: 'domain files are plain functions: no Nest, TypeORM, Fastify, BullMQ or database driver',
      severity: 'error',
      from: { path: `^(${DOMAIN_FILES.join('|')})$` },
      to: { path: 'node_modules/(@nestjs|typeorm|fastify|@fastify|bullmq|ioredis|pg)/' },
    },
    {
      name: 'no-circular',
      comment: 'no two files import each other, directly or through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
