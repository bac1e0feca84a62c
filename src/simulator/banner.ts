/**
 * Start-up text of a simulator: where it listens, what it serves, and
 * environment lines to paste into a shell or a .env file.
 */
import type { RunningSimulator } from './types.js';

export function formatBanner(sim: RunningSimulator): string {
  const lines = [`${sim.product} simulator listening on ${sim.url}`];
  for (const space of sim.spaces) {
    const home = space.homepageId === null ? 'no home page' : `home page ${space.homepageId}`;
    lines.push(`  space ${space.key} "${space.name}": ${space.visibleCount} visible nodes, ${home}`);
  }
  lines.push('', 'Environment (paste into a shell with export, or into a .env file):');
  lines.push(`CONFLUENCE_URL=${sim.url}`);
  if (sim.flavor === 'cloud') {
    lines.push(`CONFLUENCE_USERNAME=${sim.credentials.username}`);
    lines.push(`CONFLUENCE_API_TOKEN=${sim.credentials.apiToken}`);
  } else if (sim.profile === 'server-6.4') {
    // Server 6.4 predates personal access tokens (Data Center 7.9).
    lines.push(`CONFLUENCE_USERNAME=${sim.credentials.username}`);
    lines.push(`CONFLUENCE_PASSWORD=${sim.credentials.password}`);
  } else {
    lines.push(`CONFLUENCE_PERSONAL_TOKEN=${sim.credentials.personalToken}`);
    lines.push('', 'Or with Basic authentication:');
    lines.push(`CONFLUENCE_USERNAME=${sim.credentials.username}`);
    lines.push(`CONFLUENCE_PASSWORD=${sim.credentials.password}`);
  }
  return `${lines.join('\n')}\n`;
}
