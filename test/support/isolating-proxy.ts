// A relay of the test server with COOP/COEP (and CORP, for the cross-origin preview) added, as the
// IDE must be served for WebContainers; it keeps each fake's preview script under
// /__fake/preview-script (see fake-webcontainer.ts). Playwright's route.fulfill could add headers
// too, but Chromium then treats the page as public and blocks its requests to 127.0.0.1.

import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface IsolatingProxy {
  url: string;
  close(): Promise<void>;
}

export function startIsolatingProxy(target: string): Promise<IsolatingProxy> {
  const upstream = new URL(target);
  const scripts = new Map<string, string>();
  const isolation = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", "cross-origin-resource-policy": "cross-origin" };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    if (url.pathname === "/__fake/preview-script") {
      const id = url.searchParams.get("fake") ?? "";
      if (req.method === "PUT") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
          scripts.set(id, body);
          res.writeHead(204).end();
        });
        return;
      }
      res.writeHead(200, { ...isolation, "content-type": "text/javascript", "cache-control": "no-store" }).end(scripts.get(id) ?? "");
      return;
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, { ...reply.headers, ...isolation });
      reply.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}
