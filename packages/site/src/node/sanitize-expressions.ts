import { unsafeAttributes } from '../shared/url-policy.js';
import {
  allowedElements,
  allowedGlobals,
  forbiddenProperties,
  isAllowedAttribute,
  isComponentName,
} from './sanitize-policy.js';

/**
 * MDX expressions (`{frontmatter.name}`) are JavaScript run at build time, so an untrusted body could
 * read files or end the build. By default an expression may only read data: `frontmatter`, its own
 * arrow-function parameters, and a few pure helpers; call methods on them; build JSX from allowed
 * elements. Anything else (other globals, `constructor`, assignment, `new`, computed keys that are not
 * literals) refuses the whole expression. Returns why it was refused, or undefined when it may run.
 */
export function refuseExpression(program: unknown): string | undefined {
  return check(program as EsNode, new Set());
}

interface EsNode {
  type: string;
  [key: string]: unknown;
}

function check(node: EsNode | null | undefined, scope: ReadonlySet<string>): string | undefined {
  if (!node) return undefined;
  const all = (list: unknown, inner = scope) => {
    for (const n of (list as (EsNode | null)[]) ?? []) {
      const why = check(n, inner);
      if (why) return why;
    }
    return undefined;
  };
  const n = node as Record<string, unknown> & EsNode;
  const child = (key: string, inner = scope) => check(n[key] as EsNode, inner);
  switch (node.type) {
    case 'Program':
      return all(n.body);
    case 'ExpressionStatement':
      return child('expression');
    case 'Literal':
    case 'JSXText':
    case 'JSXEmptyExpression':
    case 'TemplateElement':
      return undefined;
    case 'TemplateLiteral':
      return all(n.expressions);
    case 'ArrayExpression':
      return all(n.elements);
    case 'ObjectExpression':
      return all(n.properties);
    case 'Property': {
      if (n.kind !== 'init' || n.method) return 'getters, setters and methods';
      const why = n.computed ? literalKey(n.key as EsNode) : keyName(n.key as EsNode);
      return why ?? child('value');
    }
    case 'SpreadElement':
    case 'JSXSpreadChild':
    case 'JSXSpreadAttribute':
      return child('argument');
    case 'ConditionalExpression':
      return child('test') ?? child('consequent') ?? child('alternate');
    case 'LogicalExpression':
    case 'BinaryExpression':
      return child('left') ?? child('right');
    case 'UnaryExpression':
      return n.operator === 'delete' ? '"delete"' : child('argument');
    case 'SequenceExpression':
      return all(n.expressions);
    case 'ChainExpression':
    case 'JSXExpressionContainer':
      return child('expression');
    case 'MemberExpression':
      return member(n, scope);
    case 'CallExpression':
      return child('callee') ?? all(n.arguments);
    case 'ArrowFunctionExpression': {
      if (n.async || n.generator) return 'async functions';
      const inner = new Set(scope);
      for (const p of n.params as EsNode[]) {
        const why = bindPattern(p, inner);
        if (why) return why;
      }
      return (n.body as EsNode).type === 'BlockStatement' ? 'function bodies' : child('body', inner);
    }
    case 'Identifier': {
      const name = n.name as string;
      return scope.has(name) || Object.hasOwn(allowedGlobals, name) ? undefined : `the name "${name}"`;
    }
    case 'JSXFragment':
      return all(n.children);
    case 'JSXElement': {
      const open = n.openingElement as { name: EsNode; attributes: EsNode[] };
      if (open.name.type !== 'JSXIdentifier') return 'element names with dots or colons';
      const name = open.name.name as string;
      if (!isComponentName(name) && !isAllowedElementName(name)) return `the element <${name}>`;
      for (const a of open.attributes) {
        if (a.type === 'JSXSpreadAttribute') {
          if (!isComponentName(name)) return 'spread attributes on HTML elements';
          const why = check(a, scope);
          if (why) return why;
          continue;
        }
        const attrName =
          (a.name as EsNode).type === 'JSXIdentifier' ? ((a.name as EsNode).name as string) : '';
        if (!attrName || !isAllowedAttribute(name, attrName))
          return `the attribute ${attrName || '(namespaced)'}`;
        const value = a.value as EsNode | null;
        if (
          value?.type === 'Literal' &&
          unsafeAttributes(name, { [attrName]: String(value.value) }).length > 0
        )
          return `the URL ${String(value.value)}`;
        const why = check(value, scope);
        if (why) return why;
      }
      return all(n.children);
    }
    default:
      return `${node.type}`;
  }
}

function member(n: Record<string, unknown>, scope: ReadonlySet<string>): string | undefined {
  const object = n.object as EsNode;
  const property = n.property as EsNode;
  const why = n.computed ? literalKey(property) : keyName(property);
  if (why) return why;
  if (object.type === 'Identifier' && !scope.has(object.name as string)) {
    const allowed = Object.hasOwn(allowedGlobals, object.name as string)
      ? allowedGlobals[object.name as string]
      : undefined;
    if (allowed === undefined) return `the name "${String(object.name)}"`;
    const prop = n.computed ? String(property.value) : String(property.name);
    if (allowed !== 'any' && !allowed.has(prop)) return `${String(object.name)}.${prop}`;
    return undefined;
  }
  return check(object, scope) ?? (n.computed ? check(property, scope) : undefined);
}

function keyName(key: EsNode): string | undefined {
  const name = key.type === 'Identifier' ? (key.name as string) : String(key.value);
  return forbiddenProperties.has(name) ? `the property "${name}"` : undefined;
}

/** A computed key must be a literal (a name from data could be "constructor"). */
function literalKey(key: EsNode): string | undefined {
  if (key.type !== 'Literal') return 'computed property names';
  return forbiddenProperties.has(String(key.value)) ? `the property "${String(key.value)}"` : undefined;
}

function bindPattern(p: EsNode, scope: Set<string>): string | undefined {
  if (p.type === 'Identifier') {
    scope.add(p.name as string);
    return undefined;
  }
  if (p.type === 'ArrayPattern') {
    for (const e of p.elements as (EsNode | null)[]) {
      const why = e ? bindPattern(e, scope) : undefined;
      if (why) return why;
    }
    return undefined;
  }
  if (p.type === 'ObjectPattern') {
    for (const prop of p.properties as EsNode[]) {
      if (prop.type === 'RestElement') {
        const why = bindPattern(prop.argument as EsNode, scope);
        if (why) return why;
        continue;
      }
      if (prop.computed) return 'computed property names';
      const why = keyName(prop.key as EsNode) ?? bindPattern(prop.value as EsNode, scope);
      if (why) return why;
    }
    return undefined;
  }
  if (p.type === 'RestElement') return bindPattern(p.argument as EsNode, scope);
  return 'default parameter values';
}

const isAllowedElementName = (name: string) => allowedElements.has(name);
