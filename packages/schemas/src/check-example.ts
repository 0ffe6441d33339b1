import type { Field } from './types.js';

const integerTypes =
  /^(integer|int|long|int32|int64|uint32|uint64|sint32|sint64|fixed32|fixed64|sfixed32|sfixed64|Int)!?$/;
const numberTypes = /^(number|float|double|Float)!?$/;
const stringTypes = /^(string|bytes|String|ID)!?$/;
const booleanTypes = /^(boolean|bool|Boolean)!?$/;

/** Whether a value fits one written type; unknown type names (named types, unions of them) fit anything. */
function fits(type: string, value: unknown, field: Field): boolean {
  if (value === null) return type === 'null';
  if (integerTypes.test(type))
    return Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value));
  if (numberTypes.test(type)) return typeof value === 'number';
  if (stringTypes.test(type)) return typeof value === 'string';
  if (booleanTypes.test(type)) return typeof value === 'boolean';
  if (/^(array<|repeated |\[)/.test(type)) return Array.isArray(value);
  if (type === 'object' || type.startsWith('map<')) return typeof value === 'object' && !Array.isArray(value);
  if (field.children.length > 0) return typeof value === 'object';
  return true;
}

/**
 * What is wrong with an example payload against a field tree: required fields missing, values of another
 * type, values outside an enum. Empty when it fits. Fields the tree does not know are allowed.
 */
export function checkExample(fields: Field[], value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fields.length > 0 ? [`${at || 'The example'} is not an object`] : [];
  }
  const problems: string[] = [];
  const record = value as Record<string, unknown>;
  for (const f of fields) {
    const where = at ? `${at}.${f.name}` : f.name;
    const v = record[f.name];
    if (v === undefined) {
      if (f.required) problems.push(`${where} is required but missing`);
      continue;
    }
    const types = f.type.split(' | ');
    if (!types.some((t) => fits(t, v, f))) {
      problems.push(
        `${where} should be ${f.type} but is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`,
      );
      continue;
    }
    if (f.enum && (typeof v === 'string' || typeof v === 'number') && !f.enum.includes(String(v))) {
      problems.push(`${where} is ${JSON.stringify(v)}, not one of ${f.enum.join(', ')}`);
    }
    if (f.children.length === 0 || f.recursive) continue;
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) problems.push(...checkExample(f.children, item, `${where}[${i}]`));
    } else if (f.type.startsWith('map<')) {
      for (const [k, item] of Object.entries(v as object))
        problems.push(...checkExample(f.children, item, `${where}.${k}`));
    } else problems.push(...checkExample(f.children, v, where));
  }
  return problems;
}
