import { getDb } from "@/db";
import { tokenSchema } from "@/lib/press/subscription-schema";
import { unsubscribe } from "@/lib/press/subscriptions";

/*
 * One-click unsubscribe (RFC 8058): a mail program POSTs "List-Unsubscribe=One-Click" to the address in a newsroom
 * mail's List-Unsubscribe header, and the subscription ends without a page. This route is public by nature (no
 * session, no permission): the token is the key, and an unknown one answers the same (a second click is no error).
 * A person who opens the address gets the page with a button instead.
 */

type Context = { params: Promise<{ token: string }> };

export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const token = tokenSchema.safeParse((await params).token);
  if (token.success) unsubscribe(getDb(), token.data);
  return new Response(null, { status: 204 });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  return Response.redirect(new URL(`/nyheter/prenumerera/avsluta/${encodeURIComponent(token)}`, request.url), 303);
}
