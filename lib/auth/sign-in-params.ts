/*
 * Search parameters of the sign-in page, read by the proxy, the session check and the page's notice. Kept in a file
 * with no imports, as the proxy and the browser both load it.
 */

/** After signing out: the page says "Du är utloggad". */
export const SIGNED_OUT_PARAM = "utloggad";
/**
 * The session cookie is still there but no longer names an active account (disabled, removed): the page says so, and
 * the proxy shows it instead of sending the cookie's holder on as if signed in (which would loop).
 */
export const SESSION_ENDED_PARAM = "sessionen-slut";
/** After setting a password from a link (/losenord/<token>): the page says the password is saved. */
export const PASSWORD_SET_PARAM = "losenord";
