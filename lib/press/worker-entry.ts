import { parentPort, threadId } from "node:worker_threads";
import { Context, toValueSync, type Emitter, type Liquid, type Template } from "liquidjs";
import { at, timedOut, tooLong, tooMuchData, type TemplateError } from "./errors";
import { createLiquid, parseErrorOf, positionOf, type Escape } from "./sandbox";

/*
 * The render thread. It holds two Liquid instances (HTML-escaping and plain) and a small cache of parsed templates,
 * and answers one message at a time: the template source and a plain JSON context in, the text or a TemplateError
 * out. It is started by render.ts with an empty environment (`env: {}`), so a filter or tag that reached for
 * process.env would find nothing; the main thread terminates it when a render overruns the time limit.
 */

export type RenderRequest = { id: number; type: "render"; source: string; context: unknown; escape: Escape; maxOutput: number };
/** For tests: what the thread can see of its environment. */
export type ProbeRequest = { id: number; type: "probe" };
export type WorkerReply =
  | { id: number; ok: true; text: string }
  | { id: number; ok: false; error: TemplateError }
  | { id: number; probe: { envKeys: string[]; threadId: number } };

class OutputTooLong extends Error {}

/** Stops the render as soon as the output passes the cap, instead of building megabytes first. */
class CappedEmitter implements Emitter {
  buffer = "";
  constructor(private readonly max: number) {}
  write(html: unknown): void {
    this.buffer += html === null || html === undefined ? "" : String(html);
    if (this.buffer.length > this.max) throw new OutputTooLong();
  }
}

const instances: Record<Escape, Liquid> = { html: createLiquid("html"), none: createLiquid("none") };
const parsed = new Map<string, Template[]>();
const CACHE_SIZE = 50;

function templatesFor(liquid: Liquid, escape: Escape, source: string): Template[] {
  const key = `${escape}\u0000${source}`;
  const hit = parsed.get(key);
  if (hit) {
    // Most recently used last, so the oldest is dropped first.
    parsed.delete(key);
    parsed.set(key, hit);
    return hit;
  }
  const templates = liquid.parse(source);
  parsed.set(key, templates);
  if (parsed.size > CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
  return templates;
}

function findOutputTooLong(error: unknown): boolean {
  for (let e = error as { originalError?: unknown } | undefined; e; e = e.originalError as typeof e) {
    if (e instanceof OutputTooLong) return true;
  }
  return false;
}

export function render(request: RenderRequest): WorkerReply {
  const liquid = instances[request.escape];
  let templates: Template[];
  try {
    templates = templatesFor(liquid, request.escape, request.source);
  } catch (error) {
    return { id: request.id, ok: false, error: parseErrorOf(error, liquid) };
  }
  const emitter = new CappedEmitter(request.maxOutput);
  try {
    const context = new Context((request.context ?? {}) as object, liquid.options, {}, { liquid } as never);
    toValueSync(liquid.renderer.renderTemplates(templates, context, emitter));
    return { id: request.id, ok: true, text: emitter.buffer };
  } catch (error) {
    if (findOutputTooLong(error)) {
      return { id: request.id, ok: false, error: tooLong(request.maxOutput) };
    }
    const { line, column } = positionOf(error);
    const raw = error instanceof Error ? error.message.replace(/, line:\d+, col:\d+$/, "") : String(error);
    // liquidjs's own limits, the first line: its render time and its allocation count.
    if (/template render limit exceeded/.test(raw)) return { id: request.id, ok: false, error: timedOut() };
    if (/memory alloc limit exceeded/.test(raw)) return { id: request.id, ok: false, error: tooMuchData() };
    // The cause (a filter given a value it cannot take, say a non-whole amount) stays in English inside; the author
    // gets the place and the expression.
    const text = (error as { token?: { getText?: () => string } }).token?.getText?.();
    const message = `Mallen kunde inte fyllas i${at(line, column)}${text ? `: värdet i ${text} passar inte` : ""}.`;
    return { id: request.id, ok: false, error: { kind: "render", message, line, column } };
  }
}

parentPort?.on("message", (request: RenderRequest | ProbeRequest) => {
  if (request.type === "probe") {
    parentPort?.postMessage({ id: request.id, probe: { envKeys: Object.keys(process.env), threadId } } satisfies WorkerReply);
    return;
  }
  parentPort?.postMessage(render(request));
});
parentPort?.postMessage("ready");
