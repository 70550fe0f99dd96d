// Types of lib/http/hardening.mjs (plain JavaScript for server.mjs; the project type-checks no JavaScript).
import type { ServerResponse } from "node:http";

export const ACTION_BODY_LIMIT: number;
export const NON_DOCUMENT_POLICY: string;
export function securityHeaders(options: { production: boolean }): Record<string, string>;
export function documentPolicy(options: { nonce?: string; scriptHashes?: string[]; styleHashes?: string[]; https?: boolean }): string;
export function inlineHashes(html: string): { scriptHashes: string[]; styleHashes: string[] };
type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
type Site = { actionIds: Set<string> | null; isRouteHandler: (path: string) => boolean };
export function refusal(request: RequestLike, site?: Site): { status: number; message: string } | null;
export function isActionCall(request: RequestLike, site?: Pick<Site, "isRouteHandler">): boolean;
export function bodyRefusal(headers: Record<string, string | string[] | undefined>, body: Buffer): { status: number; message: string } | null;
export function multipartFields(type: string, body: Buffer): Map<string, string> | null;
export function routeHandlerMatcher(appPaths: string[]): (path: string) => boolean;
export function pinOrigin(headers: Record<string, string | string[] | undefined>, env: Record<string, string | undefined>): void;
export function holdHtmlForHashes(response: ServerResponse, options: { https: boolean }): void;
export function bodyDigest(body: Buffer): string;
export function cachedInlineHashes(
  body: Buffer,
  encoding: string,
  digest?: string,
  compute?: () => { scriptHashes: string[]; styleHashes: string[] },
): { scriptHashes: string[]; styleHashes: string[] };
export function matchesEtag(ifNoneMatch: unknown, etag: string): boolean;
