import { Type } from '@sinclair/typebox';
import { Id } from './common-schemas.js';

/** The path of every route about one form. */
export const FormParams = Type.Object({ formId: Id });
