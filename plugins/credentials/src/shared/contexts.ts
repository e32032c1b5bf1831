import clrContext from '../contexts/clr-v2p0-context-2.0.1.json' with { type: 'json' };
import credentialsV2 from '../contexts/credentials-v2.json' with { type: 'json' };
import obContext from '../contexts/ob-v3p0-context-3.0.3.json' with { type: 'json' };

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CLR_V2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
export const OB_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const CLR_SCHEMA = 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/** The only contexts a credential may use here (src/contexts/README.md says where each is from). */
export const CONTEXTS: Readonly<Record<string, unknown>> = {
  [VC_V2]: credentialsV2,
  [OB_V3]: obContext,
  [CLR_V2]: clrContext,
};
