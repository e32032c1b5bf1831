import { Type } from '@sinclair/typebox';

export const About = Type.Object({
  version: Type.Array(Type.String(), { description: 'The xAPI versions this LRS speaks' }),
  extensions: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
