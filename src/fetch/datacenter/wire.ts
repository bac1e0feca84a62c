/**
 * The parts of Server/Data Center (and Cloud v1) REST responses that the
 * Data Center strategy reads. Field names follow the v1 OpenAPI document.
 */

export interface V1Links {
  base?: string;
  context?: string;
  next?: string;
  webui?: string;
}

export interface V1Content {
  id: string | number;
  type?: string;
  status?: string;
  title?: string | null;
  /** `position` is an integer or the string "none". */
  extensions?: { position?: unknown };
  ancestors?: V1Content[];
  space?: { key?: string };
  _links?: V1Links;
}

export interface V1Space {
  id?: number | string;
  key: string;
  name?: string;
  homepage?: { id?: string | number } | null;
  _links?: V1Links;
}
