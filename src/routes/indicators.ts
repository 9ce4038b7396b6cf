import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../schemas/common.js';
import { IndicatorDetail, IndicatorList, IndicatorListQuery, IndicatorParams } from '../schemas/indicators.js';
import { attachmentDisposition, csvBytes } from '../services/task-service.js';

const indicators: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.indicators;
  app.get(
    '/v1/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Indicators (指标) with their targets across documents and years; ?q= matches any of their names',
        querystring: IndicatorListQuery,
        response: { 200: IndicatorList, ...errorResponses() },
      },
    },
    (req) => svc.list(req.query),
  );
  app.get(
    '/v1/indicators/:id/targets.csv',
    {
      schema: {
        tags: ['indicators'],
        summary: 'One indicator’s series as CSV (UTF-8 with BOM), each target with its clause',
        params: IndicatorParams,
        response: {
          200: {
            description: 'The series: one row per target (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)',
            content: { 'text/csv': { schema: z.string() } },
          },
          ...errorResponses(404, 429),
        },
      },
      config: { rateLimit: app.rateLimits.csv },
    },
    async (req, reply) => {
      const { name, csv } = await svc.csv(req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`${name}-指标.csv`, 'indicator.csv'))
        .send(csvBytes(csv) as never);
    },
  );
  app.get(
    '/v1/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: 'One indicator: every target, each linked to its clause, and one chart line per document',
        params: IndicatorParams,
        response: { 200: IndicatorDetail, ...errorResponses(404) },
      },
    },
    (req) => svc.get(req.params.id),
  );
};
export default indicators;
