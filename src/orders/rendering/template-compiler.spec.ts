import { checkTemplate } from './template-check.js';
import { compileTemplate, TemplateDataError, TemplateInvalid } from './template-compiler.js';
import { SAMPLE_DATA, TEMPLATE_KINDS, type IndividualOrderData } from './template-data.js';
import { defaultTemplatesDir, loadTemplateFiles } from './template-files.js';
import { markdownToBlocks, type Block } from './markdown-layout.js';

const schema = {
  court: { name: 'x' },
  signed: true,
  list: [{ name: 'a' }],
  nothing: null,
};

describe('checkTemplate', () => {
  it('accepts known variables, blocks and @-data', () => {
    const source =
      '{{court.name}} {{#if signed}}yes{{else}}{{court.name}}{{/if}} {{#each list}}{{@index}} {{name}} {{../court.name}} {{@root.signed}}{{/each}} {{#with court}}{{name}}{{/with}} {{nothing}}';
    const check = checkTemplate(source, schema);
    expect(check.problems).toEqual([]);
    expect([...check.variables].sort()).toEqual(['court', 'court.name', 'list', 'list[].name', 'nothing', 'signed']);
  });

  it('names an unknown variable and its line', () => {
    expect(checkTemplate('line one\n{{court.nmae}}', schema).problems).toEqual(['unknown variable "court.nmae" (line 2)']);
    expect(checkTemplate('{{#if childName}}x{{/if}}', schema).problems).toEqual(['unknown variable "childName" (line 1)']);
    expect(checkTemplate('{{#each list}}{{nmae}}{{/each}}', schema).problems).toEqual(['unknown variable "nmae" (line 1) (list[].nmae)']);
    expect(checkTemplate('{{@index}}', schema).problems).toEqual(['unknown variable "@index" (line 1)']);
    expect(checkTemplate('{{../../x}}', schema).problems).toEqual(['variable "../../x" (line 1) climbs above the top of the data']);
  });

  it('refuses helpers, partials and printing objects', () => {
    expect(checkTemplate('{{lookup court "name"}}', schema).problems[0]).toMatch(/^helpers are not allowed/);
    expect(checkTemplate('{{> header}}', schema).problems[0]).toMatch(/^partials are not allowed/);
    expect(checkTemplate('{{#custom signed}}x{{/custom}}', schema).problems[0]).toMatch(/unknown block helper "custom"/);
    expect(checkTemplate('{{court}}', schema).problems[0]).toBe('variable "court" (line 1) is an object and cannot be printed');
    expect(checkTemplate('{{#each court}}x{{/each}}', schema).problems[0]).toMatch(/needs a list/);
  });

  it('reports a syntax error with its line', () => {
    const [problem] = checkTemplate('ok\n{{#if signed}}\nno end', schema).problems;
    expect(problem).toMatch(/^syntax error: Parse error on line 3/);
    expect(checkTemplate('{{#if signed}}x{{/iff}}', schema).problems).toEqual(["syntax error: if doesn't match iff - 1:3"]);
  });

  it('requires the named variables to be printed', () => {
    expect(checkTemplate('{{court.name}}', schema, ['court.name', 'list[].name']).problems).toEqual([
      'required variable "list[].name" is never printed',
    ]);
  });
});

describe('compileTemplate', () => {
  const sample = SAMPLE_DATA.INDIVIDUAL_ORDER;

  it('prints a value literally: Markdown and HTML in data are escaped', () => {
    const template = compileTemplate('INDIVIDUAL_ORDER', 'Child {{child.initials}} in *{{case.docketNumber}}*');
    const markdown = template.render({
      ...sample,
      child: { initials: '*Jo_<b>' },
      case: { docketNumber: '# 1. [x](y)' },
    });
    expect(markdown).toBe('Child \\*Jo\\_\\<b\\> in *\\# 1\\. \\[x\\]\\(y\\)*');
  });

  it('never compiles data: a value that looks like a template prints as text', () => {
    const template = compileTemplate('INDIVIDUAL_ORDER', '{{child.initials}}');
    expect(template.render({ ...sample, child: { initials: '{{court.name}}' } })).toBe('\\{\\{court\\.name\\}\\}');
  });

  it('is strict: data missing a variable is an error naming it, never a blank', () => {
    const template = compileTemplate('INDIVIDUAL_ORDER', '{{#if signed}}{{signature.judgeName}}{{/if}}');
    const { signature: _omitted, ...withoutSignature } = sample;
    expect(() => template.render(withoutSignature as IndividualOrderData)).toThrow(
      new TemplateDataError('template data: missing variable "signature"'),
    );
    expect(() =>
      template.render({
        ...sample,
        terms: {
          ...sample.terms,
          ncicEntryHours: undefined as unknown as number,
        },
      }),
    ).toThrow('missing variable "terms.ncicEntryHours"');
  });

  it('refuses a template with an unknown variable or a syntax error, naming each problem', () => {
    expect(() => compileTemplate('INDIVIDUAL_ORDER', '{{child.name}}')).toThrow(
      new TemplateInvalid(['unknown variable "child.name" (line 1)']),
    );
    expect(() => compileTemplate('NOTICE_OF_HEARING', '{{#each recipients}}{{name}}')).toThrow(TemplateInvalid);
  });

  it('requires every deadline in a court order when asked to', () => {
    try {
      compileTemplate('STANDING_ORDER', '{{deadlines.ncicEntry}}', {
        requireClauses: true,
      });
      throw new Error('expected TemplateInvalid');
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateInvalid);
      expect((error as TemplateInvalid).problems).toContain('required variable "deadlines.ncmecReport" is never printed');
      expect((error as TemplateInvalid).problems).not.toContain('required variable "deadlines.ncicEntry" is never printed');
    }
  });
});

describe('the template files', () => {
  const files = loadTemplateFiles(defaultTemplatesDir());

  it('has one template of every kind, with key and title', () => {
    expect(files.map((f) => f.kind)).toEqual([...TEMPLATE_KINDS]);
    for (const file of files) {
      expect(file.key).toMatch(/^[a-z-]+$/);
      expect(file.title.length).toBeGreaterThan(5);
      expect(file.body.startsWith('---')).toBe(false);
    }
  });

  it("keeps the individual order's Markdown structure: caption, title, numbered findings and orders, signature", () => {
    const file = files.find((f) => f.kind === 'INDIVIDUAL_ORDER')!;
    const blocks = markdownToBlocks(compileTemplate('INDIVIDUAL_ORDER', file.body).render(SAMPLE_DATA.INDIVIDUAL_ORDER));
    expect(blocks.slice(0, 5).map((b) => b.type)).toEqual(['heading', 'heading', 'table', 'rule', 'heading']);
    const lists = blocks.filter((b): b is Extract<Block, { type: 'list' }> => b.type === 'list');
    expect(lists.map((l) => l.items.length)).toEqual([4, 10]);
    expect(lists[1].items[1].blocks[1]).toMatchObject({ type: 'list', ordered: false });
    expect(blocks[blocks.length - 1].type).toBe('signature');
  });

  it.each(TEMPLATE_KINDS)('%s compiles in strict mode, uses only known variables and renders the sample, signed and draft', (kind) => {
    const file = files.find((f) => f.kind === kind);
    const template = compileTemplate(kind, file!.body, {
      requireClauses: true,
    });
    const signed = template.render(SAMPLE_DATA[kind]);
    expect(signed).toContain(SAMPLE_DATA[kind].court.name);
    const sample = SAMPLE_DATA[kind];
    if ('signed' in sample) {
      expect(signed).toContain('/s/ Hon\\. Sample Judge');
      const draft = template.render({ ...sample, signed: false, signature: { judgeName: null, date: null } });
      expect(draft).not.toContain('/s/');
      expect(draft).toContain('______');
    }
  });
});
