/** Style sheet of the server's pages, served as `/assets/app.css`. */
export const APP_STYLE = `body {
  margin: 0 auto;
  max-width: 64rem;
  padding: 1.5rem;
  font: 15px/1.5 system-ui, sans-serif;
  color: #172b4d;
}
header { display: flex; align-items: baseline; gap: 2rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
nav a { margin-right: 0.5rem; }
nav a[aria-current='page'] { font-weight: 600; }
form { display: grid; gap: 0.5rem; justify-items: start; }
.actions button { font: inherit; padding: 0.3rem 0.9rem; }
conftree-picker { width: 28rem; }
`;
