import type { SpaceDefinition } from '../../../src/simulator/index.js';

/** A title that runs a script when a renderer inserts it as HTML. */
export const SCRIPT_TITLE = '<img src=x onerror=alert(1)>';
export const BOLD_TITLE = '<b>bold</b>';

/**
 * A small space with three levels, a folder and titles with markup:
 *
 * ```
 * Home (100)
 * ├── Guides (101)
 * │   ├── Install (102)
 * │   └── Configure (103)
 * │       └── Proxy settings (104)
 * ├── <img src=x onerror=alert(1)> (105)
 * └── <b>bold</b> (106)
 * Archive [folder] (200)
 * └── Old release notes (201)
 * Release notes (300)
 * ```
 */
export const DOCS_SPACE: SpaceDefinition = {
  key: 'DOCS',
  name: 'Documentation',
  homepageId: '100',
  pages: [
    { id: '100', title: 'Home', parentId: null, position: 0 },
    { id: '101', title: 'Guides', parentId: '100', position: 0 },
    { id: '102', title: 'Install', parentId: '101', position: 0 },
    { id: '103', title: 'Configure', parentId: '101', position: 1 },
    { id: '104', title: 'Proxy settings', parentId: '103', position: 0 },
    { id: '105', title: SCRIPT_TITLE, parentId: '100', position: 1 },
    { id: '106', title: BOLD_TITLE, parentId: '100', position: 2 },
    { id: '200', title: 'Archive', type: 'folder', parentId: null, position: 1 },
    { id: '201', title: 'Old release notes', parentId: '200', position: 0 },
    { id: '300', title: 'Release notes', parentId: null, position: 2 },
  ],
};
