import autocannon from 'autocannon';
import { uuidv7 } from '../../core/src/ids/uuidv7.js';

const { url, accounts } = JSON.parse(process.argv[2] as string);
const per = Number(process.argv[3] ?? 1);
const body = () => {
  const transfers = [];
  for (let i = 0; i < per; i++) {
    const d = Math.floor(Math.random() * accounts.length);
    const c = (d + 1 + Math.floor(Math.random() * (accounts.length - 1))) % accounts.length;
    transfers.push({ id: uuidv7(), debitAccountId: accounts[d], creditAccountId: accounts[c], amount: '1', code: 1 });
  }
  return JSON.stringify({ transfers });
};
const r = await autocannon({
  url: `${url}/v1/ledger/transfers`,
  connections: 32,
  duration: Number(process.env.D ?? 8),
  headers: { 'content-type': 'application/json', authorization: 'Bearer llk_bench-admin-key-000000000000000000' },
  requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body() }) }],
});
console.log(
  'req/s',
  r.requests.average,
  'p50',
  r.latency.p50,
  'p99',
  r.latency.p99,
  'non2xx',
  r.non2xx,
  'transfers/s',
  (r['2xx'] * per) / Number(process.env.D ?? 8),
);
