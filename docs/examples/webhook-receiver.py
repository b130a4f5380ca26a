# A webhook receiver for the api-guide session (docs/api-guide.md, "Webhooks"): checks each delivery's signature with the
# subscription's secret (read from ./secret), answers 503 while ./down exists, logs one line each.
import hashlib, hmac, http.server, json, os, time

class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        if os.path.exists('down'):
            self.send_response(503); self.end_headers()
            print(f"503 delivery={self.headers['Curation-Delivery']} (down)", flush=True)
            return
        secret = open('secret').read().strip().encode()
        sig = dict(p.split('=', 1) for p in self.headers['Curation-Signature'].split(','))
        mac = hmac.new(secret, (sig['t'] + '.').encode() + body, hashlib.sha256).hexdigest()
        fresh = abs(time.time() - int(sig['t'])) < 300
        data = json.loads(body)
        what = data.get('type') or data.get('kind')
        print(f"204 delivery={self.headers['Curation-Delivery']} version={data['version']} {what} "
              f"signature={'valid' if hmac.compare_digest(mac, sig['v1']) and fresh else 'INVALID'}", flush=True)
        self.send_response(204); self.end_headers()

    def log_message(self, *args):
        pass

http.server.HTTPServer(('127.0.0.1', 9099), Receiver).serve_forever()
