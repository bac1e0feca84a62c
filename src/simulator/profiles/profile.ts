/**
 * A flavour profile: everything that differs between the Confluence products
 * the simulator imitates. Handlers read the profile and never test the flavour
 * name, so a new profile (a Server or Data Center release, say) is a new object.
 */
import type { ErrorStyle } from '../http/errors.js';
import type { RouteDefinition } from '../handlers/deps.js';
import type { NodeType, SimulatorFlavor, SimulatorProfileName } from '../types.js';

/** Maximum `limit` of a v1 listing, by the kind of `expand` requested. */
export interface ListingCaps {
  /** Some expand starts with `body`. */
  readonly withBodyExpand: number;
  /** Other expands only. */
  readonly withOtherExpand: number;
  /** No expand. */
  readonly withoutExpand: number;
}

export interface FlavorProfile {
  readonly name: SimulatorProfileName;
  readonly family: SimulatorFlavor;
  /** Product and version, e.g. 'Confluence Data Center 8.5'. */
  readonly product: string;
  /** Returns the site's path prefix for a configured context path. */
  sitePath(contextPath: string): string;
  /** Error body style outside the API prefixes (requests to unknown paths). */
  readonly defaultErrorStyle: ErrorStyle;
  /** Credential checked as the password of Basic authentication. */
  readonly basicAuthSecret: 'apiToken' | 'password';
  readonly defaultUsername: string;
  /** Bearer tokens are accepted: personal access tokens (Data Center 7.9+) or OAuth access tokens (Cloud). */
  readonly bearerTokens: boolean;
  /** Content types that exist in this flavour. */
  readonly nodeTypes: readonly NodeType[];
  readonly v1: {
    readonly caps: ListingCaps;
    readonly defaultLimit: number;
    /** Web UI links: '/display/KEY/Title' (Server style) or '/spaces/KEY/pages/ID/Title' (Cloud style). */
    readonly webuiStyle: 'display' | 'spaces';
    /** Users in `version.by`: Cloud account ids or Server usernames. */
    readonly userFormat: 'accountId' | 'username';
    /** Pagination of `content/search`: 'cursor' on Cloud (offsets were removed in July 2020), 'offset' elsewhere. */
    readonly searchPagination: 'offset' | 'cursor';
    /** Every v1 response carries a `Deprecation` header (RFC 9745). */
    readonly deprecated: boolean;
    /** Maximum chained sub-expansions such as `children.page.children.page` (8 on Server and Data Center). */
    readonly maxExpandDepth: number;
  };
  /** Limits of v2 listings; unused by profiles without v2 routes. */
  readonly v2: {
    readonly defaultLimit: number;
    readonly maxLimit: number;
  };
  /** Header set of the rate-limit fault: Cloud's or Data Center's. */
  readonly rateLimitHeaders: 'cloud' | 'datacenter';
  readonly routes: readonly RouteDefinition[];
}
