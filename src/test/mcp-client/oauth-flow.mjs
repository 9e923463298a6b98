// The official MCP TypeScript SDK client, with its OAuth client provider, against a rill-tokens MCP endpoint: driven
// by OAuthClientIT (src/test/java/org/rilltokens/it), which plays the person in Chromium.
//
//   node oauth-flow.mjs <MCP endpoint URL> <dcr|cimd> <client name>
//
// dcr: the client registers itself (RFC 7591). cimd: its client_id is the URL of its metadata document, served here.
// (The SDK only offers a metadata document URL when it is https; a client with such a URL uses it as its client_id,
// which is what this script does with an http URL on 127.0.0.1, accepted by the test server's test-only setting.)
// Prints one JSON line per step on stdout; where it waits for the test it reads one line from stdin.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import readline from 'node:readline';

const [, , endpoint, mode, clientName] = process.argv;
const input = readline.createInterface({ input: process.stdin });
const waitForTest = () => new Promise(resolve => input.once('line', resolve));
const say = event => process.stdout.write(JSON.stringify(event) + '\n');

// The redirect URI, and the metadata document, live on one loopback server of this process: a desktop client.
let deliverCallback = () => {};
const callbacks = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/client.json') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ client_id: `${base}/client.json`, ...clientMetadata }));
    } else if (url.pathname === '/callback') {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('Connected to rill-tokens: you can close this window.');
        deliverCallback(url.searchParams);
    } else {
        response.writeHead(404);
        response.end();
    }
});
await new Promise(resolve => callbacks.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${callbacks.address().port}`;
const clientMetadata = {
    client_name: clientName,
    redirect_uris: [`${base}/callback`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none'
};

/** Keeps what the SDK hands it in memory, as a desktop client would keep it on disk. */
class Provider {
    stored = {};
    get redirectUrl() { return `${base}/callback`; }
    get clientMetadata() { return clientMetadata; }
    state() { this.stored.state = randomUUID(); return this.stored.state; }
    clientInformation() {
        return this.stored.client ?? (mode === 'cimd' ? { client_id: `${base}/client.json` } : undefined);
    }
    saveClientInformation(client) {
        if (client.client_id_issued_at !== undefined && client.client_id !== this.stored.client?.client_id) {
            say({ event: 'registered', clientId: client.client_id });
        }
        this.stored.client = client;
    }
    tokens() { return this.stored.tokens; }
    saveTokens(tokens) { this.stored.tokens = tokens; }
    redirectToAuthorization(url) { say({ event: 'authorize', url: url.toString() }); }
    saveCodeVerifier(verifier) { this.stored.verifier = verifier; }
    codeVerifier() { return this.stored.verifier; }
    invalidateCredentials(scope) {
        if (scope === 'all' || scope === 'tokens') delete this.stored.tokens;
        if (scope === 'all' || scope === 'client') delete this.stored.client;
    }
}

const provider = new Provider();
// The HTTP statuses of the MCP endpoint's answers, as the test wants to see the server refuse, not just the SDK give up.
const statuses = [];
const watched = async (url, init) => {
    const response = await fetch(url, init);
    if (String(url) === endpoint) statuses.push(response.status);
    return response;
};
const transport = () => new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: provider, fetch: watched });

/** Connects; on 401 the SDK discovers, registers and asks for authorization, and the person answers in the browser. */
async function connect() {
    const first = transport();
    try {
        const client = new Client({ name: 'rill-tokens-oauth-test', version: '1' });
        await client.connect(first);
        return client;
    } catch (error) {
        if (!(error instanceof UnauthorizedError)) throw error;
    }
    const answer = await new Promise(resolve => { deliverCallback = resolve; });
    say({ event: 'callback', iss: answer.get('iss'), stateMatches: answer.get('state') === provider.stored.state,
          error: answer.get('error') });
    await first.finishAuth(answer.get('code'));
    const client = new Client({ name: 'rill-tokens-oauth-test', version: '1' });
    await client.connect(transport());
    return client;
}

const revenue = { name: 'call_api', arguments: { name: 'revenue_by_product', arguments: { year: 2024 } } };
try {
    const client = await connect();
    say({ event: 'tools', names: (await client.listTools()).tools.map(tool => tool.name) });
    const rows = await client.callTool(revenue);
    say({ event: 'call', isError: rows.isError === true, rowCount: rows.structuredContent?.rowCount });

    say({ event: 'waiting', for: 'the access token to expire' });
    await waitForTest();
    statuses.length = 0;
    const before = provider.stored.tokens.access_token;
    const renewed = await client.callTool(revenue);
    say({ event: 'refreshed', isError: renewed.isError === true, newAccessToken: provider.stored.tokens.access_token !== before,
          sameToken: provider.stored.tokens.access_token.slice(0, 31) === before.slice(0, 31), statuses });

    say({ event: 'waiting', for: 'the revocation in the portal' });
    await waitForTest();
    statuses.length = 0;
    try {
        await client.callTool(revenue);
        say({ event: 'revoked', refused: false });
    } catch (error) {
        say({ event: 'revoked', refused: true, error: error.constructor.name, statuses });
    }
    try {
        await new Client({ name: 'rill-tokens-oauth-test', version: '1' }).connect(transport());
        say({ event: 'reconnected', askedAgain: false });
    } catch (error) {
        say({ event: 'reconnected', askedAgain: error instanceof UnauthorizedError });
    }
} catch (error) {
    say({ event: 'failed', message: String(error?.stack ?? error) });
} finally {
    callbacks.close();
    input.close();
}
