// A real OpenID Connect provider for the OMS identity tests (oidc-provider, pinned in package.json).
//
// Started by the pytest fixtures in tests/oidc/provider.py on a loopback port; configured only from
// the environment so a test can restart it with another signing key set (key rotation):
//   OIDC_PORT           port to listen on (127.0.0.1 only)
//   OIDC_JWKS_FILE      private JWK set to sign with; the first key signs new tokens
//   OIDC_REDIRECT_URIS  the Django live server's callback (and logout) URLs, comma separated
//   OIDC_AUDIENCE       the resource indicator of the OMS API: JWT access tokens carry it as `aud`
// Prints one line, "ready <issuer>", once it listens; stops on SIGTERM.
import { readFileSync } from 'node:fs';

import Provider, { errors } from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const jwks = JSON.parse(readFileSync(process.env.OIDC_JWKS_FILE, 'utf8'));
const redirectUris = (process.env.OIDC_REDIRECT_URIS || '').split(',').filter(Boolean);
const callbacks = redirectUris.filter((uri) => uri.endsWith('/callback/'));
const audience = process.env.OIDC_AUDIENCE || 'urn:oms:api';
const OTHER_AUDIENCE = 'urn:example:another-api';
const PASSWORD = 'correct horse battery staple';

// One account per role of API.md, and one whose only role the OMS does not know.
const ACCOUNTS = Object.fromEntries(
  [
    ['customer', ['customer']],
    ['support', ['support']],
    ['warehouse', ['warehouse']],
    ['admin', ['admin']],
    ['stranger', ['superhero']],
  ].map(([login, roles]) => [login, {
    sub: `sub-${login}`, email: `${login}@example.test`, name: `Test ${login}`, roles,
  }]),
);
const accountBySub = (sub) => Object.values(ACCOUNTS).find((account) => account.sub === sub);

// A machine client (client_credentials) acting with the warehouse role, e.g. a scanner integration.
const ROBOT = { client_id: 'oms-robot', client_secret: 'robot-secret', roles: ['warehouse'] };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'oms',
      client_secret: 'oms-secret',
      redirect_uris: callbacks.length ? callbacks : ['http://127.0.0.1/oidc/callback/'],
      post_logout_redirect_uris: redirectUris.filter((uri) => !uri.endsWith('/callback/')),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      // A public client (think: a mobile app) that gets access tokens for the API on a user's behalf.
      client_id: 'oms-cli',
      redirect_uris: ['http://127.0.0.1/cli-callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    },
    {
      client_id: ROBOT.client_id,
      client_secret: ROBOT.client_secret,
      redirect_uris: [],
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks,
  cookies: { keys: ['test-only-cookie-signing-key'] },
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile', 'api'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
  async findAccount(ctx, sub) {
    const account = accountBySub(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, email: account.email, email_verified: true, name: account.name, roles: account.roles };
      },
    };
  },
  // Access tokens carry who the caller is and their roles, as IdPs do with custom claims.
  async extraTokenClaims(ctx, token) {
    if (token.accountId) {
      const { email, name, roles } = accountBySub(token.accountId);
      return { email, name, roles };
    }
    return token.clientId === ROBOT.client_id ? { roles: ROBOT.roles } : undefined;
  },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client) => (client.clientId === ROBOT.client_id ? audience : undefined),
      useGrantedResource: () => true,
      async getResourceServerInfo(ctx, resource) {
        if (resource !== audience && resource !== OTHER_AUDIENCE) throw new errors.InvalidTarget();
        return {
          scope: 'api',
          audience: resource,
          accessTokenTTL: 300,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Error', `<pre id="error">${escape(JSON.stringify(out))}</pre>`);
  },
});

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>`
    + `<body><h1>${title}</h1>${body}</body></html>`;
}

async function logoutSource(ctx, form) {
  // The library's form carries the xsrf token; the button must sit inside it for plain HTML clients.
  ctx.body = page('Sign out', form.replace('</form>',
    '<button id="logout" type="submit" name="logout" value="yes">Sign me out</button></form>'));
}

async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Signed out', '<p id="signed-out">You are signed out.</p>');
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginForm(uid, error = '') {
  return page('Sign in', `${error ? `<p id="error">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${uid}/login">
      <input id="login" name="login" autocomplete="off" required>
      <input id="password" name="password" type="password" required>
      <button id="sign-in" type="submit">Sign in</button>
    </form>`);
}

function consentForm(uid, clientId) {
  return page('Authorize', `<p>${escape(clientId)} asks to know who you are.</p>
    <form method="post" action="/interaction/${uid}/confirm">
      <button id="allow" type="submit">Allow</button>
    </form>`);
}

async function grantConsent(details) {
  const { prompt: { details: missing }, grantId, session, params } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes || {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return { consent: { grantId: await grant.save() } };
}

// The login and consent pages: a real form with a password check, unlike the library's dev pages.
provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(?:\/(login|confirm))?$/);
  if (!match) return next();
  ctx.set('Cache-Control', 'no-store');
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const [, uid, action] = match;
  ctx.type = 'html';
  if (ctx.method === 'GET' && !action) {
    ctx.body = details.prompt.name === 'login' ? loginForm(uid) : consentForm(uid, details.params.client_id);
    return undefined;
  }
  let result;
  if (action === 'login') {
    const form = await readForm(ctx.req);
    const account = ACCOUNTS[form.get('login')];
    if (!account || form.get('password') !== PASSWORD) {
      ctx.status = 401;
      ctx.body = loginForm(uid, 'Wrong login or password.');
      return undefined;
    }
    result = { login: { accountId: account.sub } };
  } else {
    result = await grantConsent(details);
  }
  const redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: action === 'confirm',
  });
  ctx.redirect(redirectTo);
  return undefined;
});

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
