import { createServer, request, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The baseline: a bare page of default-config hls.js on the same streams, as a
 * desk would get from a plain player. Streams are proxied through this server
 * (as Vigil proxies them through its media handler), so both pages load
 * same-origin media over one extra loopback hop.
 */
export async function startBaselinePage(cameraUrls: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const hlsJs = readFileSync(require.resolve('hls.js/dist/hls.min.js'));
  const columns = Math.ceil(Math.sqrt(cameraUrls.length));
  const html = `<!doctype html><meta charset="utf-8"><title>baseline</title>
<style>body{margin:0;background:#000;display:grid;grid-template-columns:repeat(${columns},1fr);height:100vh}
video{width:100%;height:100%;object-fit:contain;background:#111}</style>
${cameraUrls.map((_, i) => `<video muted playsinline autoplay data-cam="${i}"></video>`).join('')}
<script src="/hls.js"></script>
<script>
window.players = [...document.querySelectorAll('video')].map((video, i) => {
  const hls = new Hls();
  hls.loadSource('/cam' + i + '/index.m3u8');
  hls.attachMedia(video);
  return { video, hls };
});
window.latencies = () => window.players.map(({ hls }) => hls.playingDate ? (Date.now() - hls.playingDate.getTime()) / 1000 : null);
</script>`;
  const upstream = cameraUrls.map((u) => new URL(u));
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
    if (path === '/hls.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(hlsJs);
    const m = /^\/cam(\d+)\/(.+)$/.exec(path);
    const target = m ? upstream[Number(m[1])] : undefined;
    if (!m || !target) return void res.writeHead(404).end();
    const proxied = request(
      { host: target.hostname, port: target.port, path: target.pathname.replace(/[^/]+$/, m[2]!) },
      (up) => {
        res.writeHead(up.statusCode ?? 502, {
          'Content-Type': up.headers['content-type'] ?? 'application/octet-stream',
        });
        up.pipe(res);
      },
    );
    proxied.on('error', () => res.writeHead(502).end());
    proxied.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
