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

/** A markup title on a node that a lazy tree does not load at first. */
export const DEEP_SCRIPT_TITLE = '<img src=x onerror=alert(2)>';
export const DEEP_BOLD_TITLE = '<b>deeper</b>';

/**
 * A space whose markup titles sit below the two levels that a lazy tree loads
 * at first:
 *
 * ```
 * Top (500)
 * ├── Level two (501)
 * │   └── <img src=x onerror=alert(2)> (502)
 * │       └── Deep leaf (503)
 * │           └── <b>deeper</b> (504)
 * └── Sibling (505)
 * ```
 */
export const DEEP_SPACE: SpaceDefinition = {
  key: 'DEEP',
  name: 'Deep',
  homepageId: '500',
  pages: [
    { id: '500', title: 'Top', parentId: null, position: 0 },
    { id: '501', title: 'Level two', parentId: '500', position: 0 },
    { id: '502', title: DEEP_SCRIPT_TITLE, parentId: '501', position: 0 },
    { id: '503', title: 'Deep leaf', parentId: '502', position: 0 },
    { id: '504', title: DEEP_BOLD_TITLE, parentId: '503', position: 0 },
    { id: '505', title: 'Sibling', parentId: '500', position: 1 },
  ],
};
