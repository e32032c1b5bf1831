import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';
import { ExchangeConfig } from './exchange/config.js';
import { FamilyConfig } from './family/config.js';
import { ImportsConfig } from './imports/config.js';
import { PoolsConfig } from './pools/config.js';
import { ProvidersConfig } from './providers/config.js';
import { RecognitionConfig } from './recognition/config.js';
import { RecordsConfig } from './shared/records/config.js';
import { TranscriptConfig } from './transcript/config.js';

/** The credit bank's configuration per region: one section per feature. */
export const CreditBankConfig = Type.Object({
  records: RecordsConfig,
  recognition: RecognitionConfig,
  providers: ProvidersConfig,
  imports: ImportsConfig,
  transcript: TranscriptConfig,
  exchange: ExchangeConfig,
  family: FamilyConfig,
  pools: PoolsConfig,
});

export type CreditBankRegistrar = PluginRegistrar<typeof CreditBankConfig>;
