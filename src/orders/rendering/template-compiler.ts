import Handlebars from 'handlebars';
import { escapeData } from './markdown-escape.js';
import { checkTemplate } from './template-check.js';
import { REQUIRED_VARIABLES, SAMPLE_DATA, type TemplateDataByKind, type TemplateKind } from './template-data.js';

/** A template that cannot be used, with every reason (each names the variable or the line). */
export class TemplateInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'TemplateInvalid';
  }
}

/** Rendering failed because the data does not fit the template: a missing variable, a value of the wrong kind. */
export class TemplateDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateDataError';
  }
}

export interface CompiledTemplate<K extends TemplateKind = TemplateKind> {
  kind: K;
  /** The Markdown for this data; every string in it escaped, so values print literally. */
  render(data: TemplateDataByKind[K]): string;
}

// One environment of our own: nothing registered on the global Handlebars reaches these templates.
const handlebars = Handlebars.create();

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: {
    if: true,
    unless: true,
    each: true,
    with: true,
    lookup: false,
    log: false,
    helperMissing: false,
    blockHelperMissing: false,
  },
};

/**
 * Checks a template against its kind's data and compiles it in strict mode.
 * Templates are Handlebars producing Markdown; data is Markdown-escaped
 * before it reaches them (so `noEscape`: HTML escaping happens when the
 * Markdown becomes HTML). Only template files and admin-added templates are
 * ever compiled, never a value from the data.
 */
export function compileTemplate<K extends TemplateKind>(
  kind: K,
  body: string,
  options: { requireClauses?: boolean } = {},
): CompiledTemplate<K> {
  const compiled = compileChecked<TemplateDataByKind[K]>(
    body,
    SAMPLE_DATA[kind],
    options.requireClauses ? (REQUIRED_VARIABLES[kind] ?? []) : [],
  );
  return { kind, render: compiled.render };
}

/** A template of one of the service's own documents (report packet, poster, certificate of service). */
export interface CompiledDocumentTemplate<T> {
  name: string;
  render(data: T): string;
}

/**
 * The same checks, strict compilation and escaping as an order template, for
 * a document that is not an order: its variables are those of `sample`, a
 * complete example of its data (arrays describe their items by the first).
 */
export function compileDocumentTemplate<T extends object>(name: string, body: string, sample: T): CompiledDocumentTemplate<T> {
  try {
    return { name, render: compileChecked<T>(body, sample, []).render };
  } catch (error) {
    if (error instanceof TemplateInvalid) throw new TemplateInvalid(error.problems.map((p) => `${name}: ${p}`));
    throw error;
  }
}

function compileChecked<T>(body: string, sample: unknown, required: readonly string[]): { render(data: T): string } {
  const { problems } = checkTemplate(body, sample, required);
  if (problems.length > 0) throw new TemplateInvalid(problems);
  let run: HandlebarsTemplateDelegate;
  try {
    run = handlebars.compile(body, COMPILE_OPTIONS);
    // Compilation is lazy: the first call compiles. Do it now with the sample, so errors surface here.
    run(escapeData(sample));
  } catch (error) {
    throw new TemplateInvalid([error instanceof Error ? error.message : String(error)]);
  }
  return {
    render(data: T): string {
      assertShape(data, sample, '');
      let escaped: unknown;
      try {
        escaped = escapeData(data);
      } catch (error) {
        throw new TemplateDataError(error instanceof Error ? error.message : String(error));
      }
      try {
        return run(escaped);
      } catch (error) {
        // Strict mode: a variable missing from the data (the shape check catches most before this).
        throw new TemplateDataError(`template data: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** Every field of the kind's example must be present in the data (strict mode reaches only the branches taken). */
function assertShape(data: unknown, sample: unknown, path: string): void {
  if (typeof sample !== 'object' || sample === null) return;
  if (Array.isArray(sample)) {
    if (!Array.isArray(data)) throw new TemplateDataError(`template data: "${path}" must be a list`);
    if (sample.length > 0) data.forEach((item, i) => assertShape(item, sample[0], `${path}[${i}]`));
    return;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TemplateDataError(`template data: "${path}" must be an object`);
  }
  for (const key of Object.keys(sample)) {
    const name = path ? `${path}.${key}` : key;
    const value = (data as Record<string, unknown>)[key];
    if (value === undefined) throw new TemplateDataError(`template data: missing variable "${name}"`);
    if (value !== null) assertShape(value, (sample as Record<string, unknown>)[key], name);
  }
}
