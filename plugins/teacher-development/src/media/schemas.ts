import { Type } from '@sinclair/typebox';
import { Id, Sha256 } from '../common-schemas.js';

export const MediaUploadQuery = Type.Object({
  institutionId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: "Upload for one of the teacher's institutions: the file counts against its quota too.",
    }),
  ),
});

export const CourseMediaParams = Type.Object({ courseId: Id, sha256: Sha256 });
