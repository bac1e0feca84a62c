/**
 * An SSO or login proxy in front of Confluence can respond to API requests
 * with 200 and an HTML login page. Clients must notice the non-JSON body.
 */
import type { MiddlewareHandler } from 'hono';

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - Example Corp SSO</title></head>
<body>
<form method="post" action="/sso/login">
<h1>Sign in to continue to Confluence</h1>
<label>Username <input name="username"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>
`;

export function createLoginPageMiddleware(): MiddlewareHandler {
  return async (c) => c.html(LOGIN_PAGE, 200);
}
