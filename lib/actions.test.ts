import { beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "./auth/session";
import { DomainError } from "./errors";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("./auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => (key: string) => `${namespace}.${key}`,
}));

const { authAction } = await import("./actions");
type ActionResult<T> = import("./actions").ActionResult<T>;

const officer: SessionUser = { id: 3, name: "Erik", email: "e@anslag.example", role: "officer", organisationId: null, organisationName: null };
const communications: SessionUser = { ...officer, id: 4, role: "communications" };

const schema = z.object({ roundId: z.coerce.number().int().positive("Välj en omgång."), title: z.string().min(1, "Ange en titel.") });
const save = authAction({ permission: "round:manage", schema }, (input, user) => ({ ok: true, data: { id: input.roundId, by: user.id } }));

beforeEach(() => {
  session.user = officer;
});

describe("authAction", () => {
  it("is the server action itself, typed with the schema's input", () => {
    expectTypeOf(save).parameter(0).toEqualTypeOf<{ roundId: unknown; title: string } | FormData>();
    expectTypeOf(save).returns.toEqualTypeOf<Promise<ActionResult<{ id: number; by: number }>>>();
  });

  it("runs the handler with the parsed input and the signed-in user", async () => {
    await expect(save({ roundId: "7", title: "Ny" })).resolves.toEqual({ ok: true, data: { id: 7, by: 3 } });
  });

  it("reads a form's FormData", async () => {
    const form = new FormData();
    form.set("roundId", "2");
    form.set("title", "Från formulär");
    await expect(save(form)).resolves.toEqual({ ok: true, data: { id: 2, by: 3 } });
  });

  it("refuses a signed-out caller with the code 'unauthenticated'", async () => {
    session.user = null;
    await expect(save({ roundId: 1, title: "x" })).resolves.toEqual({ ok: false, code: "unauthenticated", formError: "actions.unauthenticated" });
  });

  it("refuses a role without the permission with the code 'forbidden', before parsing anything", async () => {
    session.user = communications;
    await expect(save({ roundId: -1, title: "" })).resolves.toEqual({ ok: false, code: "forbidden", formError: "actions.forbidden" });
  });

  it("turns a zod failure into field errors by dotted path", async () => {
    await expect(save({ roundId: 0, title: "" })).resolves.toEqual({
      ok: false,
      code: "invalid",
      formError: "actions.invalid",
      fieldErrors: { roundId: ["Välj en omgång."], title: ["Ange en titel."] },
    });
  });

  it("passes a DomainError's message, field errors, code and details on", async () => {
    const refuse = authAction({ permission: "round:manage", schema }, () => {
      throw new DomainError("Någon annan har ändrat omgången.", { budget: ["För lågt."] }, "conflict", { currentVersion: 4 });
    });
    await expect(refuse({ roundId: 1, title: "x" })).resolves.toEqual({
      ok: false,
      code: "conflict",
      formError: "Någon annan har ändrat omgången.",
      fieldErrors: { budget: ["För lågt."] },
      details: { currentVersion: 4 },
    });
  });

  it("answers an unexpected error with 'error' and says nothing was saved, without its text", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = authAction({ permission: "round:manage", schema }, () => {
      throw new Error("SQLITE_CORRUPT: hemlig detalj");
    });
    await expect(broken({ roundId: 1, title: "x" })).resolves.toEqual({ ok: false, code: "error", formError: "actions.error" });
    spy.mockRestore();
  });
});
