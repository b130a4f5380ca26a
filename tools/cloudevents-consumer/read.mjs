// Reads Kafka records as `kcat -C -J` prints them (one JSON object per line: key, payload, headers as
// [name, value, ...]) and turns each into a CloudEvent with the CloudEvents JavaScript SDK's Kafka
// binding, knowing nothing of our envelope; prints one JSON line per event: what the SDK read.
// LocalStackIT runs it on the real topic; `npm ci` in this directory installs the SDK.
import readline from 'node:readline';
import { Kafka } from 'cloudevents';

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const record = JSON.parse(line);
  const headers = {};
  for (let i = 0; i + 1 < (record.headers || []).length; i += 2) {
    headers[record.headers[i]] = record.headers[i + 1];
  }
  const event = Kafka.toEvent({ key: record.key, value: record.payload, headers, timestamp: String(record.ts) });
  const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
  console.log(JSON.stringify({
    id: event.id, type: event.type, source: event.source, subject: event.subject, time: event.time,
    listsequence: event.listsequence, dataEventId: data.eventId, dataType: data.type,
  }));
}
