// A webhook receiver for the api-guide session (docs/api-guide.md, "Webhooks") written with the official
// libraries only: Standard Webhooks verifies each delivery (signature and timestamp) with the subscription's
// secret (read from ./secret, the whsec_... string the subscription answered), the CloudEvents SDK reads the
// change's attributes from the ce- headers. Answers 503 while ./down exists; logs one line per delivery.
//
//   npm install standardwebhooks@1.3.0 cloudevents@10.0.0 && node webhook-receiver.mjs
import fs from 'node:fs';
import http from 'node:http';
import { Webhook } from 'standardwebhooks';
import { HTTP } from 'cloudevents';

const webhook = new Webhook(fs.readFileSync('secret', 'utf8').trim());

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const id = request.headers['webhook-id'];
    if (fs.existsSync('down')) {
      response.writeHead(503).end();
      console.log(`503 ${id} (down)`);
      return;
    }
    try {
      // throws on a signature made with another secret or over another body, and on a timestamp 5 minutes off
      webhook.verify(body, request.headers);
    } catch (e) {
      response.writeHead(400).end();
      console.log(`400 ${id} signature INVALID (${e.message})`);
      return;
    }
    const event = HTTP.toEvent({ headers: request.headers, body });
    // webhook-id repeats on a retry: a receiver that keeps the ids it handled applies each change once
    console.log(`204 ${id} ${event.type} ${event.subject} sequence=${event.listsequence} by ${event.actor} signature=valid`);
    response.writeHead(204).end();
  });
}).listen(9099, '127.0.0.1');
