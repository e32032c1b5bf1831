import { Type } from '@sinclair/typebox';
import { Id } from './common-schemas.js';

export const NeedParams = Type.Object({ needId: Id });
