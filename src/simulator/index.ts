/**
 * Confluence REST simulator: a stand-in for Confluence Cloud (REST v2 and the
 * remaining v1 endpoints) and Data Center (REST v1) that serves generated or
 * explicit spaces on a loopback address and can play known server faults.
 *
 * It is written from Atlassian's API documentation and shares no code with
 * the fetcher, so that a misunderstanding of Confluence is not built into both.
 */
export { startSimulator } from './server.js';
export { generateSpace } from './generate/generate-space.js';
export { formatBanner } from './banner.js';
export { loadSpaceFile, parseSpaceFile, SpaceFileError } from './load/space-file.js';
export { FLAVOR_NAMES } from './profiles/index.js';
export type {
  ExpectedNode,
  Faults,
  GenerateOptions,
  NodeStatus,
  NodeType,
  RequestLogEntry,
  RunningSimulator,
  SimPage,
  SimulatorCredentials,
  SimulatorFlavor,
  SimulatorFlavorName,
  SimulatorProfileName,
  NodeAccess,
  LatencyDistribution,
  SimulatorOptions,
  SimulatorSpaceSummary,
  SpaceDefinition,
} from './types.js';
