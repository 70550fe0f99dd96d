import type { MetadataRoute } from "next";
import { siteUrl } from "./(public)/[locale]/nyheter/_lib/paths";

/*
 * /robots.txt: crawlers may read the public pages (in both languages) and nothing else. Staff pages need a session
 * anyway; private preview links (/forhandsvisning/) are noindex and listed here as well, so that no crawler that
 * comes across one follows it.
 */

export const revalidate = 300;

export default function robots(): MetadataRoute.Robots {
  const publicPaths = ["/nyheter", "/beviljade", "/tillganglighetsredogorelse", "/logga-in"];
  return {
    rules: [
      {
        userAgent: "*",
        allow: [...publicPaths, ...publicPaths.map((p) => `/en${p}`), "/sitemap.xml"],
        disallow: ["/", "/forhandsvisning/", "/en/forhandsvisning/", "/api/"],
      },
    ],
    sitemap: siteUrl("/sitemap.xml"),
  };
}
