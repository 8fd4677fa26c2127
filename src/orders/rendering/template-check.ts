import Handlebars from 'handlebars';

/*
 * Static check of a Handlebars template against the data it will be given:
 * every variable must exist in the schema (an example of the data), only the
 * block helpers if / unless / each / with are allowed, and no partials,
 * decorators or helper calls. A court's template is checked when an admin
 * adds it, so a misspelt variable is a 400 naming it, not a blank in a
 * signed order.
 */

interface Position {
  start: { line: number; column: number };
}
interface PathNode {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
  loc?: Position;
}
interface AnyNode {
  type: string;
  loc?: Position;
  path?: PathNode | AnyNode;
  params?: AnyNode[];
  hash?: { pairs: unknown[] } | null;
  program?: { body: AnyNode[]; blockParams?: string[] } | null;
  inverse?: { body: AnyNode[] } | null;
  body?: AnyNode[];
}

interface Scope {
  schema: unknown;
  /** Where this scope sits in the data, e.g. `agencies.names[]`. */
  path: string;
  inEach: boolean;
}

export interface TemplateCheck {
  problems: string[];
  /** Every variable the template reads, as data paths (`agencies.names[].name`). */
  variables: Set<string>;
}

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const EACH_DATA = new Set(['index', 'first', 'last', 'key']);

export function checkTemplate(source: string, schema: unknown, required: readonly string[] = []): TemplateCheck {
  const problems: string[] = [];
  const variables = new Set<string>();
  let program: { body: AnyNode[] };
  try {
    program = Handlebars.parse(source) as unknown as { body: AnyNode[] };
  } catch (error) {
    return {
      problems: [`syntax error: ${describeParseError(error)}`],
      variables,
    };
  }

  const at = (node: { loc?: Position }) => (node.loc ? ` (line ${node.loc.start.line})` : '');

  const resolve = (path: PathNode, stack: Scope[]): { schema: unknown; name: string } | null => {
    const shown = `"${path.original}"${at(path)}`;
    let scope: Scope;
    let parts = path.parts;
    if (path.data) {
      const [head, ...rest] = parts;
      if (head === 'root') {
        scope = stack[0];
        parts = rest;
      } else if (EACH_DATA.has(head) && rest.length === 0 && stack.some((s) => s.inEach)) {
        return { schema: 0, name: `@${head}` };
      } else {
        problems.push(`unknown variable ${shown}`);
        return null;
      }
    } else {
      if (path.depth >= stack.length) {
        problems.push(`variable ${shown} climbs above the top of the data`);
        return null;
      }
      scope = stack[stack.length - 1 - path.depth];
    }
    let current = scope.schema;
    let name = scope.path;
    for (const part of parts) {
      name = name ? `${name}.${part}` : part;
      if (!isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, part)) {
        problems.push(`unknown variable ${name === path.original ? shown : `${shown} (${name})`}`);
        return null;
      }
      current = current[part];
    }
    variables.add(name);
    return { schema: current, name };
  };

  const walk = (nodes: AnyNode[], stack: Scope[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          if ((node.params?.length ?? 0) > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.path?.type !== 'PathExpression') {
            problems.push(`helpers are not allowed${at(node)}: use plain variables`);
            break;
          }
          const found = resolve(node.path as PathNode, stack);
          if (found && (isPlainObject(found.schema) || Array.isArray(found.schema))) {
            problems.push(
              `variable "${(node.path as PathNode).original}"${at(node)} is ${Array.isArray(found.schema) ? 'a list' : 'an object'} and cannot be printed`,
            );
          }
          break;
        }
        case 'BlockStatement': {
          const helper = node.path?.type === 'PathExpression' ? (node.path as PathNode).original : '';
          if (!BLOCK_HELPERS.has(helper)) {
            problems.push(`unknown block helper "${helper}"${at(node)}: only if, unless, each and with are allowed`);
            break;
          }
          const [param, ...extra] = node.params ?? [];
          if (!param || extra.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || (node.program?.blockParams?.length ?? 0) > 0) {
            problems.push(`{{#${helper}}}${at(node)} takes exactly one variable`);
            break;
          }
          if (param.type !== 'PathExpression') {
            problems.push(`{{#${helper}}}${at(node)} takes a variable, not ${param.type}`);
            break;
          }
          const found = resolve(param as PathNode, stack);
          if (!found) break;
          let inner: Scope[] = stack;
          if (helper === 'each') {
            if (!Array.isArray(found.schema)) {
              problems.push(`{{#each ${(param as PathNode).original}}}${at(node)} needs a list`);
              break;
            }
            inner = [
              ...stack,
              {
                schema: found.schema[0],
                path: `${found.name}[]`,
                inEach: true,
              },
            ];
          } else if (helper === 'with') {
            if (!isPlainObject(found.schema)) {
              problems.push(`{{#with ${(param as PathNode).original}}}${at(node)} needs an object`);
              break;
            }
            inner = [...stack, { schema: found.schema, path: found.name, inEach: false }];
          }
          walk(node.program?.body ?? [], inner);
          walk(node.inverse?.body ?? [], stack);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
          problems.push(`partials are not allowed${at(node)}`);
          break;
        case 'Decorator':
        case 'DecoratorBlock':
          problems.push(`decorators are not allowed${at(node)}`);
          break;
        default:
          problems.push(`${node.type} is not allowed${at(node)}`);
      }
    }
  };

  walk(program.body, [{ schema, path: '', inEach: false }]);
  for (const name of required) {
    if (!variables.has(name)) problems.push(`required variable "${name}" is never printed`);
  }
  return { problems, variables };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Handlebars' parse errors span several lines with a caret drawing; the first line and the expectation say it all. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter((line) => line.trim() && !/^\s*-*\^$/.test(line));
  const head = lines[0] ?? message;
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  return expecting && expecting !== head ? `${head.replace(/:$/, '')}: ${expecting}` : head;
}
