import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { TaskSearchQuery, TaskSearchResponse } from '../schemas/tasks.js';

const tasks: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.tasks;
  app.get(
    '/v1/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Search responsibility tasks; each hit with all its owners and their roles',
        querystring: TaskSearchQuery,
        response: { 200: TaskSearchResponse, ...errorResponses(404) },
      },
    },
    (req) => svc.search(req.query),
  );
};
export default tasks;
