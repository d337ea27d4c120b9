import type { JsonSchema } from './openapi-operations.js';

/** A small value that satisfies the common constraints of a JSON Schema: required properties, enums, formats, lengths, minimums. */
export function exampleValue(schema: JsonSchema): unknown {
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches: JsonSchema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (branches) return exampleValue(branches.find((b) => b.type !== 'null') ?? branches[0]!);
  if (Array.isArray(schema.allOf)) return exampleValue(Object.assign({}, ...schema.allOf));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      const required: string[] = schema.required ?? [];
      return Object.fromEntries(required.map((name) => [name, exampleValue(properties[name] ?? {})]));
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleValue(schema.items ?? {}));
    case 'string':
      if (schema.format === 'email') return 'walker@example.com';
      return 'walker'.padEnd(schema.minLength ?? 0, 'x');
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'walker';
  }
}
