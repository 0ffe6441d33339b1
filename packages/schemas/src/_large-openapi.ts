/**
 * A generated OpenAPI 3.1 document of about `paths` × 2 operations, with `paths` component schemas that
 * refer to each other in cycles of ten (for size and timing tests; nothing downloaded).
 */
export function largeOpenapi(paths: number): string {
  const schemas: Record<string, unknown> = {};
  const pathItems: Record<string, unknown> = {};
  for (let i = 0; i < paths; i++) {
    schemas[`Resource${i}`] = {
      type: 'object',
      description: `Resource number ${i}, with a description long enough to look like a real one in a real spec.`,
      required: ['id', 'name'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        status: { type: 'string', enum: ['active', 'inactive', 'archived'] },
        createdAt: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string' } },
        owner: { $ref: '#/components/schemas/Owner' },
        related: { $ref: `#/components/schemas/Resource${i - (i % 10) + ((i + 1) % 10)}` },
      },
    };
    pathItems[`/resources${i}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: `getResource${i}`,
        tags: [`group${i % 20}`],
        summary: `Read resource ${i}`,
        parameters: [{ name: 'expand', in: 'query', schema: { type: 'boolean' } }],
        responses: {
          '200': {
            description: 'Found.',
            content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } },
          },
          '404': { description: 'Not found.' },
        },
      },
      put: {
        operationId: `putResource${i}`,
        tags: [`group${i % 20}`],
        requestBody: {
          content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } },
        },
        responses: { '204': { description: 'Saved.' } },
      },
    };
  }
  schemas.Owner = {
    type: 'object',
    properties: { id: { type: 'string' }, email: { type: 'string', format: 'email' } },
  };
  return JSON.stringify(
    {
      openapi: '3.1.0',
      info: { title: 'Large', version: '1.0.0' },
      paths: pathItems,
      components: { schemas },
    },
    null,
    2,
  );
}
