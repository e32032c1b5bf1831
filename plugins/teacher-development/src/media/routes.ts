import { serveFile } from '@lifelong/core';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves lesson media: streamed uploads, downloads with ranges, and the clean-up of unused files. */
export function registerMedia(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.uploadMedia, async ({ query, upload }, ctx) => ({
    status: 201,
    body: await service.uploadMedia(ctx, upload, query.institutionId),
  }));

  p.route(contract.getCourseMedia, async ({ params }, ctx) => ({
    response: await serveFile(
      ctx.files,
      ctx.c.req.raw,
      await service.mediaToServe(ctx, params.courseId, params.sha256),
    ),
  }));

  p.every('remove-unattached-media', { intervalMs: 3_600_000 }, async (ctx) => {
    const removed = await service.removeUnattachedMedia(ctx);
    if (removed > 0) ctx.logger.info({ removed }, 'removed unattached media');
  });
}
