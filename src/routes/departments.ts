import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import {
  DepartmentCsvQuery,
  DepartmentList,
  DepartmentListQuery,
  DepartmentParams,
  DepartmentProfile,
  DepartmentProfileQuery,
  DepartmentTasks,
  DepartmentTasksQuery,
} from '../schemas/tasks.js';
import { attachmentDisposition, csvBytes, taskLedgerRows, toCsv } from '../services/task-service.js';

const departments: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.departments;
  app.get(
    '/v1/departments',
    {
      schema: {
        tags: ['departments'],
        summary: 'Departments of the registry: canonical name, aliases, level and task counts by role',
        querystring: DepartmentListQuery,
        response: { 200: DepartmentList, ...errorResponses() },
      },
    },
    (req) => svc.list(req.query),
  );
  app.get(
    '/v1/departments/:name',
    {
      schema: {
        tags: ['departments'],
        summary: 'Who a department works with: the bodies sharing its tasks, their roles, and the documents the tasks are in',
        description:
          'With role=lead: what the department leads, and with whom. :name may be any alias or abbreviation. ' +
          'Partners are the other owners of the tasks counted, most shared tasks first, each with its own role in them.',
        params: DepartmentParams,
        querystring: DepartmentProfileQuery,
        response: { 200: DepartmentProfile, ...errorResponses(404) },
      },
    },
    (req) => svc.profile(req.params.name, req.query),
  );
  app.get(
    '/v1/departments/:name/tasks',
    {
      schema: {
        tags: ['departments'],
        summary: 'The tasks a department leads, is responsible for or cooperates on; :name may be any alias or abbreviation',
        params: DepartmentParams,
        querystring: DepartmentTasksQuery,
        response: { 200: DepartmentTasks, ...errorResponses(404) },
      },
    },
    (req) => svc.tasks(req.params.name, req.query),
  );
  app.get(
    '/v1/departments/:name/tasks.csv',
    {
      schema: {
        tags: ['departments'],
        summary: 'A department’s task list as a 台账 for spreadsheets (CSV, UTF-8 with BOM)',
        params: DepartmentParams,
        querystring: DepartmentCsvQuery,
        response: {
          200: {
            description: 'The 台账: one row per task (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)',
            content: { 'text/csv': { schema: z.string() } },
          },
          ...errorResponses(404, 429),
        },
      },
      config: { rateLimit: app.rateLimits.csv },
    },
    async (req, reply) => {
      const { department, tasks } = await svc.allTasks(req.params.name, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`${department.name}-任务台账.csv`, 'department-tasks.csv'))
        // Bytes go out as they are (Fastify serializes objects only); the cast is for the JSON error schemas' typing.
        .send(csvBytes(toCsv(taskLedgerRows(tasks))) as never);
    },
  );
};
export default departments;
