// A real OpenID Connect provider for the single sign-on tests: `oidc-provider` (OpenID Certified),
// run as its own process on a loopback port. Its own login screen is replaced by a small form of
// ours (the test or Chromium fills it in): which account signs in, and the `amr` the provider reports.
// Configured through the environment: OIDC_TEST_PORT, OIDC_TEST_CLIENT (JSON: client_id,
// client_secret, redirect_uris), OIDC_TEST_ACCOUNTS (JSON: sub -> { email, email_verified }).
// Plain JavaScript, started with `node`, so Jest's module system never loads the provider.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_TEST_PORT);
const issuer = `http://127.0.0.1:${port}`;
const client = JSON.parse(process.env.OIDC_TEST_CLIENT);
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS);

const provider = new Provider(issuer, {
  clients: [{ ...client, grant_types: ['authorization_code'], response_types: ['code'] }],
  // amr in every ID token, as the big providers send it (oidc-provider otherwise sends it only when asked).
  claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
  cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const account = accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...account }) };
  },
});

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function form(uid) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Court identity provider</title></head><body>
<main><h1>Court identity provider</h1>
<form method="post" action="/interaction/${escape(uid)}">
<label for="sub">Account</label> <input id="sub" name="sub" autocomplete="off">
<label for="amr">Methods (amr)</label> <input id="amr" name="amr" value="pwd">
<button type="submit">Continue</button>
</form></main></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const callback = provider.callback();
const server = createServer(async (req, res) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(form(details.uid));
    }
    const body = await readForm(req);
    const accountId = body.get('sub') ?? '';
    if (!accounts[accountId]) {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'no such account' }, {});
    }
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const amr = (body.get('amr') ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId, amr }, consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    res.statusCode = 400;
    res.end(String(error));
  }
});
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
