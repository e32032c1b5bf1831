// Every operation of the credit bank, by name: the contracts its routes are bound to
// (`p.route(contract, handler)`) and its client is built from (`./client.ts`). Only contracts
// here: `definePluginClient` turns each export into a client method.
export * from './exchange/contract.js';
export * from './family/contract.js';
export * from './imports/contract.js';
export * from './pools/contract.js';
export * from './providers/contract.js';
export * from './recognition/contract.js';
export * from './records/contract.js';
export * from './transcript/contract.js';
export * from './wallet/contract.js';
