/**
 * The parts of Confluence Cloud REST v2 responses that the Cloud strategy
 * reads. Field names follow the published v2 OpenAPI document.
 */

export interface V2Links {
  base?: string;
  next?: string;
  webui?: string;
}

export interface V2Space {
  id: string | number;
  key: string;
  name?: string;
  homepageId?: string | number | null;
  _links?: V2Links;
}

export interface V2SpaceList {
  results: V2Space[];
  _links?: V2Links;
}

export interface V2Page {
  id: string | number;
  title?: string | null;
  status?: string;
  spaceId?: string | number;
  parentId?: string | number | null;
  parentType?: string | null;
  position?: number | null;
  _links?: V2Links;
}

/** A folder, whiteboard, database or embed read by id. */
export interface V2Container {
  id: string | number;
  type?: string;
  title?: string | null;
  status?: string;
  parentId?: string | number | null;
  parentType?: string | null;
  position?: number | null;
  _links?: V2Links;
}
