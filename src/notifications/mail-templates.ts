import { parseFrontMatter } from '../common/front-matter.js';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTemplatesDir } from '../orders/rendering/template-files.js';
import type { MessageData, MessageTemplate } from './notification-messages.js';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const STRICT: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { if: true, unless: true, each: true, with: true, lookup: false, log: false },
};

// Our own environments: nothing registered on the global Handlebars reaches these templates.
// The plain-text body and subject are never HTML-escaped; the HTML body always is.
const text = Handlebars.create();
const html = Handlebars.create();

interface Compiled {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
}

/**
 * The e-mail templates in templates/mail: `<name>.text.tmpl` (front matter
 * `subject`, then the plain-text body) and `<name>.html.tmpl` (the HTML body,
 * set inside `layout.html.tmpl`), Handlebars in strict mode: a variable
 * missing from the data is an error, never a blank line in a court's message.
 * Compiled once per process; only these files are ever compiled.
 */
export class MailTemplates {
  private readonly compiled = new Map<MessageTemplate, Compiled>();
  private readonly layout: HandlebarsTemplateDelegate;

  constructor(private readonly dir: string = join(defaultTemplatesDir(), 'mail')) {
    this.layout = html.compile(this.read('layout.html.tmpl'), STRICT);
  }

  render(template: MessageTemplate, data: MessageData): RenderedMessage {
    const compiled = this.load(template);
    try {
      const subject = compiled.subject(data).replace(/\s+/g, ' ').trim();
      const body = compiled.html(data);
      return { subject, text: compiled.text(data), html: this.layout({ ...data, subject, body }) };
    } catch (error) {
      throw new Error(`templates/mail/${template}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private load(template: MessageTemplate): Compiled {
    let compiled = this.compiled.get(template);
    if (!compiled) {
      const parsed = parseFrontMatter(this.read(`${template}.text.tmpl`));
      const subject = (parsed.data as { subject?: unknown }).subject;
      if (typeof subject !== 'string' || !subject.trim())
        throw new Error(`templates/mail/${template}.text.tmpl: front matter needs a subject`);
      compiled = {
        subject: text.compile(subject, { ...STRICT, noEscape: true }),
        text: text.compile(parsed.content.replace(/^\n+/, ''), { ...STRICT, noEscape: true }),
        html: html.compile(this.read(`${template}.html.tmpl`), STRICT),
      };
      this.compiled.set(template, compiled);
    }
    return compiled;
  }

  private read(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }
}
